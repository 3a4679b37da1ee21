/// The language server's dispatcher: JSON-RPC messages in, JSON-RPC messages out. Transport
/// (stdio framing, threads) lives in stdio.cpp, so tests drive this class in-process.
#pragma once

#include "core/date.hpp"
#include "core/line_index.hpp"
#include "engine/linter.hpp"
#include "lsp/pack_cache.hpp"

#include <chrono>
#include <condition_variable>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <string_view>

namespace factlint::lsp {

using Clock = std::chrono::steady_clock;

struct LintSnapshot; ///< one lint of one document version (server.cpp)

struct ServerOptions {
    std::chrono::milliseconds debounce{150}; ///< quiet time after an edit before linting
    std::optional<Date> as_of;               ///< overrides front matter dates and today
    PackLoader load_pack;                    ///< defaults to factlint::load_pack
};

/// JSON-RPC error codes used by the server.
enum ErrorCode : int {
    parse_error = -32700,
    invalid_request = -32600,
    method_not_found = -32601,
    invalid_params = -32602,
    internal_error = -32603,
    server_not_initialized = -32002,
};

class Server {
public:
    /// `send` receives each outgoing JSON message; it may be called from the lint thread.
    using Send = std::function<void(std::string json)>;

    Server(ServerOptions options, Send send);
    ~Server();
    Server(const Server&) = delete;
    Server& operator=(const Server&) = delete;

    /// Handles one incoming message body. Never throws: errors become error responses.
    void handle(std::string_view body);
    /// Answers a message whose framing was broken (no usable Content-Length).
    void handle_bad_frame(std::string_view reason);

    /// Lints and publishes every open document whose debounce time is at or before `now`.
    void lint_due(Clock::time_point now);
    /// Runs lint_due whenever a debounce expires, until stop_linting(); for a worker thread.
    void run_lint_loop();
    /// Makes run_lint_loop return.
    void stop_linting();

    /// True once `exit` was received.
    bool exit_requested() const;
    /// The process exit code: 0 after shutdown then exit, 1 otherwise.
    int exit_code() const;
    /// The negotiated position encoding's column unit (utf16 until initialize says otherwise).
    ColumnUnit column_unit() const;

private:
    struct OpenDocument;
    struct Message;
    struct LintJob;

    void dispatch(Message& message);
    void respond(const Message& message, std::string result_json);
    void respond_error(const Message& message, int code, std::string_view text);
    void notify(std::string_view method, std::string params_json);

    std::string on_initialize(const Message& message);
    std::string on_hover(const Message& message);
    std::string on_code_action(const Message& message);
    void on_did_open(const Message& message);
    void on_did_change(const Message& message);
    void on_did_close(const Message& message);
    void on_did_save(const Message& message);
    void on_watched_files_changed(const Message& message);

    void schedule(OpenDocument& document, Clock::time_point due);
    void relint_all();
    std::shared_ptr<const LintSnapshot> lint_now(const LintJob& job);
    std::shared_ptr<const LintSnapshot> fresh_snapshot(const std::string& uri);
    void publish(const OpenDocument& document, const LintSnapshot& snapshot);
    void publish_config_problem(const PackChoice& choice);

    ServerOptions options_;
    Send send_;
    PackCache packs_;

    mutable std::mutex mutex_;
    std::condition_variable wake_;
    bool stopping_ = false;
    std::map<std::string, OpenDocument> documents_; ///< by URI
    std::set<std::string> config_error_uris_;       ///< pack files we published errors on

    // Set only by the dispatching thread; read under mutex_ by the lint thread.
    bool initialized_ = false;
    bool shutdown_ = false;
    bool exit_ = false;
    bool client_watches_files_ = false; ///< client can register file watchers for us
    ColumnUnit unit_ = ColumnUnit::utf16;
    std::string root_path_;
};

/// Serves LSP over stdin/stdout until `exit` or end of input; returns the exit code.
int serve_stdio(ServerOptions options);

} // namespace factlint::lsp
