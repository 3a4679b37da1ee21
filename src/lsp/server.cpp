#include "lsp/server.hpp"

#include "engine/fixes.hpp"
#include "lsp/uri.hpp"
#include "rules/figure.hpp"

#include <algorithm>
#include <boost/json.hpp>
#include <cmath>
#include <exception>
#include <fmt/format.h>
#include <stdexcept>
#include <utility>
#include <vector>

namespace factlint::lsp {

namespace json = boost::json;

/// One lint of one version of a document, with the linter that made it (for hover).
struct LintSnapshot {
    int version = 0;
    LintResult result;
    std::shared_ptr<const Linter> linter; ///< null when the pack failed to load
    Date as_of;
};

struct Server::OpenDocument {
    std::string uri;
    std::string path;      ///< local path ("" for untitled buffers); finds the config
    std::string lint_path; ///< what the linter is told (its extension picks the format)
    std::string text;
    int version = 0;
    bool lintable = true; ///< YAML files are configuration, not prose
    bool dirty = false;
    Clock::time_point due;
    std::shared_ptr<const LintSnapshot> last;
};

struct Server::Message {
    bool has_id = false;
    json::value id;
    std::string method;
    json::value params;
};

struct Server::LintJob {
    std::string uri;
    std::string path;
    std::string lint_path;
    std::string text;
    int version = 0;
};

namespace {

/// An error answered to the client with this code; thrown only inside handlers.
struct ProtocolError : std::runtime_error {
    ProtocolError(int code, const std::string& message)
        : std::runtime_error(message)
        , code(code) {}
    int code;
};

const json::object& object_param(const json::value& value, std::string_view name) {
    const json::object* object = value.if_object();
    const json::value* field = object ? object->if_contains(name) : nullptr;
    if (!field || !field->is_object())
        throw ProtocolError(invalid_params, fmt::format("'{}' must be an object", name));
    return field->get_object();
}

std::string string_param(const json::object& object, std::string_view name) {
    const json::value* field = object.if_contains(name);
    if (!field || !field->is_string())
        throw ProtocolError(invalid_params, fmt::format("'{}' must be a string", name));
    return std::string(field->get_string());
}

std::int64_t integer_param(const json::object& object, std::string_view name) {
    const json::value* field = object.if_contains(name);
    if (!field || !field->is_number())
        throw ProtocolError(invalid_params, fmt::format("'{}' must be a number", name));
    if (field->is_int64())
        return field->get_int64();
    if (field->is_uint64())
        return std::int64_t(field->get_uint64());
    // Converting a double outside int64's range is undefined behaviour (found by fuzz_lsp).
    double value = field->get_double();
    if (!(value > -9.2e18 && value < 9.2e18))
        throw ProtocolError(invalid_params, fmt::format("'{}' is out of range", name));
    return std::int64_t(value);
}

const json::value* path_in(const json::value& root, std::initializer_list<std::string_view> keys) {
    const json::value* value = &root;
    for (std::string_view key : keys) {
        const json::object* object = value->if_object();
        value = object ? object->if_contains(key) : nullptr;
        if (!value)
            return nullptr;
    }
    return value;
}

bool is_yaml(std::string_view path) {
    return path.ends_with(".yaml") || path.ends_with(".yml");
}

/// Byte offset of an LSP position (0-based line and character in the negotiated unit).
std::size_t to_offset(const LineIndex& lines, const json::value& position, ColumnUnit unit) {
    const json::object* object = position.if_object();
    if (!object)
        throw ProtocolError(invalid_params, "a position must be an object");
    std::int64_t line = integer_param(*object, "line");
    std::int64_t character = integer_param(*object, "character");
    if (line < 0 || character < 0)
        throw ProtocolError(invalid_params, "positions are not negative");
    return lines.offset({std::size_t(line) + 1, std::size_t(character) + 1}, unit);
}

json::object to_position(const LineIndex& lines, std::size_t offset, ColumnUnit unit) {
    Position position = lines.position(offset, unit);
    return {{"line", position.line - 1}, {"character", position.column - 1}};
}

json::object to_range(const LineIndex& lines, Span span, ColumnUnit unit) {
    return {{"start", to_position(lines, span.begin, unit)},
            {"end", to_position(lines, span.end, unit)}};
}

int severity(Level level) {
    switch (level) {
    case Level::error:
        return 1;
    case Level::warning:
        return 2;
    case Level::info:
        return 3;
    }
    return 2;
}

json::object diagnostic_json(const Diagnostic& diagnostic, const LineIndex& lines, ColumnUnit unit,
                             const std::string& uri) {
    json::object out{{"range", to_range(lines, diagnostic.span, unit)},
                     {"severity", severity(diagnostic.level)},
                     {"code", diagnostic.rule},
                     {"source", "factlint"},
                     {"message", diagnostic.message}};
    if (!diagnostic.related.empty()) {
        json::array related;
        for (const Related& item : diagnostic.related)
            related.push_back(json::object{
                {"location",
                 json::object{{"uri", uri}, {"range", to_range(lines, item.span, unit)}}},
                {"message", item.message}});
        out["relatedInformation"] = std::move(related);
    }
    return out;
}

std::string entity_name(const RulePack& pack, const std::string& id) {
    for (const EntityEntry& entity : pack.lexicon.entities)
        if (entity.id == id)
            return entity.preferred.empty() ? entity.name : entity.preferred;
    return id;
}

/// The markdown lines listing the facts for (entity, metric), newest first.
std::vector<std::string> fact_timeline(const RulePack& pack, const std::string& entity,
                                       const std::string& metric) {
    std::vector<const Fact*> facts;
    for (const Fact& fact : pack.facts)
        if (fact.entity == entity && fact.metric == metric)
            facts.push_back(&fact);
    std::stable_sort(facts.begin(), facts.end(),
                     [](const Fact* a, const Fact* b) { return a->as_of > b->as_of; });
    std::vector<std::string> lines;
    if (facts.empty())
        return lines;
    lines.push_back(fmt::format("**{}** — {}: sourced figures, newest first",
                                entity_name(pack, entity), metric));
    for (const Fact* fact : facts) {
        std::string line =
            fmt::format("- {}: {} — {}", fact->as_of.iso(), describe(*fact),
                        fact->source.empty() ? "unknown source" : entity_name(pack, fact->source));
        if (!fact->via.empty())
            line += fmt::format(" (citing {})", entity_name(pack, fact->via));
        if (!fact->citation_title.empty() && !fact->url.empty())
            line += fmt::format(", [{}]({})", fact->citation_title, fact->url);
        else if (!fact->citation_title.empty() || !fact->url.empty())
            line += ", " + (fact->citation_title.empty() ? fact->url : fact->citation_title);
        if (!fact->verified)
            line += " *(unverified)*";
        if (!fact->note.empty())
            line += " — " + fact->note;
        lines.push_back(std::move(line));
    }
    return lines;
}

std::string quick_fix_title(const Diagnostic& diagnostic, std::string_view text) {
    const Fix& fix = *diagnostic.fix;
    std::string_view old_text = fix.span.in(text);
    if (fix.span.empty())
        return fmt::format("Insert '{}' ({})", fix.replacement, diagnostic.rule);
    if (fix.replacement.empty())
        return fmt::format("Remove '{}' ({})", old_text, diagnostic.rule);
    return fmt::format("Replace '{}' with '{}' ({})", old_text, fix.replacement, diagnostic.rule);
}

} // namespace

Server::Server(ServerOptions options, Send send)
    : options_(std::move(options))
    , send_(std::move(send))
    , packs_(options_.load_pack ? options_.load_pack : PackLoader(factlint::load_pack)) {}

Server::~Server() = default;

// ---------------------------------------------------------------------------------------------
// Messages

void Server::handle(std::string_view body) {
    try {
        boost::system::error_code code;
        json::value root = json::parse(json::string_view(body.data(), body.size()), code);
        Message message;
        if (code) {
            respond_error(message, parse_error, fmt::format("parse error: {}", code.message()));
            return;
        }
        json::object* object = root.if_object();
        if (!object) {
            respond_error(message, invalid_request, "a message must be a JSON object");
            return;
        }
        if (json::value* id = object->if_contains("id")) {
            if (id->is_string() || id->is_int64() || id->is_uint64() || id->is_null()) {
                message.has_id = true;
                message.id = *id;
            }
        }
        json::value* method = object->if_contains("method");
        if (!method) {
            // A response to one of our requests (registerCapability): nothing to do.
            if (object->contains("result") || object->contains("error"))
                return;
            respond_error(message, invalid_request, "a message needs a method");
            return;
        }
        if (!method->is_string()) {
            respond_error(message, invalid_request, "the method must be a string");
            return;
        }
        message.method = method->get_string();
        if (json::value* params = object->if_contains("params"))
            message.params = *params;
        try {
            dispatch(message);
        } catch (const ProtocolError& error) {
            if (message.has_id)
                respond_error(message, error.code, error.what());
            else
                notify("window/logMessage",
                       json::serialize(
                           json::object{{"type", 1},
                                        {"message", fmt::format("factlint: {}: {}", message.method,
                                                                error.what())}}));
        } catch (const std::exception& error) {
            if (message.has_id)
                respond_error(message, internal_error, error.what());
            else
                notify("window/logMessage",
                       json::serialize(
                           json::object{{"type", 1},
                                        {"message", fmt::format("factlint: {}: internal error: {}",
                                                                message.method, error.what())}}));
        }
    } catch (...) {
        // The server never dies from one message; the client will see no answer to it.
    }
}

void Server::handle_bad_frame(std::string_view reason) {
    try {
        respond_error(Message{}, parse_error, fmt::format("bad message header: {}", reason));
    } catch (...) {
    }
}

void Server::respond(const Message& message, std::string result_json) {
    std::string id = message.has_id ? json::serialize(message.id) : "null";
    send_(fmt::format(R"({{"jsonrpc":"2.0","id":{},"result":{}}})", id, result_json));
}

void Server::respond_error(const Message& message, int code, std::string_view text) {
    json::object error{{"code", code}, {"message", text}};
    json::object reply{{"jsonrpc", "2.0"},
                       {"id", message.has_id ? message.id : json::value(nullptr)},
                       {"error", std::move(error)}};
    send_(json::serialize(reply));
}

void Server::notify(std::string_view method, std::string params_json) {
    send_(fmt::format(R"({{"jsonrpc":"2.0","method":{},"params":{}}})",
                      json::serialize(json::string_view(method.data(), method.size())),
                      params_json));
}

void Server::dispatch(Message& message) {
    const std::string& method = message.method;
    if (method == "exit") {
        std::lock_guard lock(mutex_);
        exit_ = true;
        stopping_ = true;
        wake_.notify_all();
        return;
    }
    if (!initialized_) {
        if (method == "initialize") {
            respond(message, on_initialize(message));
            initialized_ = true;
        } else if (message.has_id) {
            respond_error(message, server_not_initialized, "initialize first");
        }
        return;
    }
    if (shutdown_) {
        if (message.has_id)
            respond_error(message, invalid_request, "the server is shutting down");
        return;
    }
    if (message.has_id) {
        if (method == "shutdown") {
            shutdown_ = true;
            respond(message, "null");
        } else if (method == "textDocument/hover") {
            respond(message, on_hover(message));
        } else if (method == "textDocument/codeAction") {
            respond(message, on_code_action(message));
        } else if (method == "initialize") {
            respond_error(message, invalid_request, "already initialized");
        } else {
            respond_error(message, method_not_found, fmt::format("unknown method '{}'", method));
        }
        return;
    }
    if (method == "textDocument/didOpen")
        on_did_open(message);
    else if (method == "textDocument/didChange")
        on_did_change(message);
    else if (method == "textDocument/didClose")
        on_did_close(message);
    else if (method == "textDocument/didSave")
        on_did_save(message);
    else if (method == "workspace/didChangeWatchedFiles")
        on_watched_files_changed(message);
    else if (method == "workspace/didChangeConfiguration")
        relint_all();
    else if (method == "initialized") {
        // Ask to hear about rule pack edits made outside the editor, when the client can.
        if (client_watches_files_)
            send_(
                R"({"jsonrpc":"2.0","id":"factlint-watch-yaml","method":"client/registerCapability","params":{"registrations":[{"id":"factlint-yaml","method":"workspace/didChangeWatchedFiles","registerOptions":{"watchers":[{"globPattern":"**/*.{yaml,yml}"}]}}]}})");
    }
    // Other notifications ($/cancelRequest, $/setTrace, ...) need nothing from us.
}

// ---------------------------------------------------------------------------------------------
// Lifecycle

std::string Server::on_initialize(const Message& message) {
    const json::value* encodings =
        path_in(message.params, {"capabilities", "general", "positionEncodings"});
    ColumnUnit unit = ColumnUnit::utf16;
    std::string encoding = "utf-16";
    if (encodings && encodings->is_array())
        for (const json::value& offered : encodings->get_array())
            if (offered.is_string() && offered.get_string() == "utf-8") {
                unit = ColumnUnit::bytes;
                encoding = "utf-8";
            }
    const json::value* dynamic =
        path_in(message.params,
                {"capabilities", "workspace", "didChangeWatchedFiles", "dynamicRegistration"});
    client_watches_files_ = dynamic && dynamic->is_bool() && dynamic->get_bool();
    std::string root;
    if (const json::value* uri = path_in(message.params, {"rootUri"}); uri && uri->is_string())
        root = uri_to_path(std::string_view(uri->get_string())).value_or("");
    if (root.empty())
        if (const json::value* path = path_in(message.params, {"rootPath"});
            path && path->is_string())
            root = path->get_string();
    {
        std::lock_guard lock(mutex_);
        unit_ = unit;
        root_path_ = root;
    }
    json::object capabilities{
        {"positionEncoding", encoding},
        {"textDocumentSync",
         json::object{{"openClose", true}, {"change", 2}, {"save", json::object{}}}},
        {"hoverProvider", true},
        {"codeActionProvider",
         json::object{{"codeActionKinds", json::array{"quickfix", "source.fixAll.factlint"}}}},
    };
    return json::serialize(json::object{
        {"capabilities", std::move(capabilities)},
        {"serverInfo", json::object{{"name", "factlint"}, {"version", FACTLINT_VERSION}}}});
}

bool Server::exit_requested() const {
    std::lock_guard lock(mutex_);
    return exit_;
}

int Server::exit_code() const {
    return shutdown_ ? 0 : 1;
}

ColumnUnit Server::column_unit() const {
    std::lock_guard lock(mutex_);
    return unit_;
}

// ---------------------------------------------------------------------------------------------
// Text synchronisation

void Server::on_did_open(const Message& message) {
    const json::object& item = object_param(message.params, "textDocument");
    OpenDocument document;
    document.uri = string_param(item, "uri");
    document.text = string_param(item, "text");
    document.version = int(integer_param(item, "version"));
    std::string language = item.contains("languageId") ? string_param(item, "languageId") : "";
    document.path = uri_to_path(document.uri).value_or("");
    if (!document.path.empty())
        document.lint_path = document.path;
    else
        document.lint_path = language == "markdown" ? "untitled.md" : "untitled.txt";
    document.lintable = !is_yaml(document.lint_path);

    std::lock_guard lock(mutex_);
    OpenDocument& stored = documents_[document.uri] = std::move(document);
    schedule(stored, Clock::now() + options_.debounce);
}

void Server::on_did_change(const Message& message) {
    const json::object& item = object_param(message.params, "textDocument");
    std::string uri = string_param(item, "uri");
    const json::value* changes = path_in(message.params, {"contentChanges"});
    if (!changes || !changes->is_array())
        throw ProtocolError(invalid_params, "'contentChanges' must be an array");

    std::lock_guard lock(mutex_);
    auto found = documents_.find(uri);
    if (found == documents_.end())
        throw ProtocolError(invalid_params, fmt::format("'{}' is not open", uri));
    OpenDocument& document = found->second;
    std::string text = document.text;
    for (const json::value& change : changes->get_array()) {
        const json::object* object = change.if_object();
        if (!object)
            throw ProtocolError(invalid_params, "a content change must be an object");
        std::string replacement = string_param(*object, "text");
        const json::value* range = object->if_contains("range");
        if (!range) {
            text = std::move(replacement);
            continue;
        }
        // Each change applies to the text as the previous one left it.
        LineIndex lines(text);
        std::size_t begin = to_offset(lines, object_param(*range, "start"), unit_);
        std::size_t end = to_offset(lines, object_param(*range, "end"), unit_);
        if (end < begin)
            std::swap(begin, end);
        text.replace(begin, end - begin, replacement);
    }
    document.text = std::move(text);
    if (item.contains("version"))
        document.version = int(integer_param(item, "version"));
    else
        ++document.version;
    schedule(document, Clock::now() + options_.debounce);
}

void Server::on_did_close(const Message& message) {
    const json::object& item = object_param(message.params, "textDocument");
    std::string uri = string_param(item, "uri");
    std::lock_guard lock(mutex_);
    if (documents_.erase(uri) == 0)
        return;
    notify("textDocument/publishDiagnostics",
           json::serialize(json::object{{"uri", uri}, {"diagnostics", json::array{}}}));
}

void Server::on_did_save(const Message& message) {
    const json::object& item = object_param(message.params, "textDocument");
    if (is_yaml(string_param(item, "uri"))) {
        packs_.invalidate();
        relint_all();
    }
}

void Server::on_watched_files_changed(const Message& message) {
    const json::value* changes = path_in(message.params, {"changes"});
    bool yaml = false;
    if (changes && changes->is_array())
        for (const json::value& change : changes->get_array())
            if (const json::value* uri = path_in(change, {"uri"}); uri && uri->is_string())
                yaml = yaml || is_yaml(std::string_view(uri->get_string()));
    if (yaml) {
        packs_.invalidate();
        relint_all();
    }
}

void Server::schedule(OpenDocument& document, Clock::time_point due) {
    if (!document.lintable)
        return;
    document.dirty = true;
    document.due = due;
    wake_.notify_all();
}

void Server::relint_all() {
    std::lock_guard lock(mutex_);
    for (auto& [uri, document] : documents_)
        schedule(document, Clock::now() + options_.debounce);
}

// ---------------------------------------------------------------------------------------------
// Linting

std::shared_ptr<const LintSnapshot> Server::lint_now(const LintJob& job) {
    std::string root;
    {
        std::lock_guard lock(mutex_);
        root = root_path_;
    }
    PackChoice choice = packs_.choose(job.path, root);
    auto snapshot = std::make_shared<LintSnapshot>();
    snapshot->version = job.version;
    snapshot->linter = choice.linter;
    if (choice.linter) {
        LintOptions options{options_.as_of};
        snapshot->result = choice.linter->lint(job.lint_path, job.text, options);
        snapshot->as_of =
            options_.as_of.value_or(snapshot->result.document.date.value_or(Date::today()));
    } else {
        snapshot->result.document = load_document(job.lint_path, job.text);
        snapshot->result.diagnostics.push_back(
            {"config-error",
             Level::error,
             {0, 0},
             fmt::format("the rule pack did not load: {}", choice.error->what()),
             {},
             {}});
    }
    publish_config_problem(choice);
    return snapshot;
}

void Server::lint_due(Clock::time_point now) {
    std::vector<LintJob> jobs;
    {
        std::lock_guard lock(mutex_);
        for (auto& [uri, document] : documents_) {
            if (!document.dirty || document.due > now)
                continue;
            document.dirty = false;
            jobs.push_back(
                {uri, document.path, document.lint_path, document.text, document.version});
        }
    }
    for (const LintJob& job : jobs) {
        std::shared_ptr<const LintSnapshot> snapshot;
        try {
            snapshot = lint_now(job);
        } catch (const std::exception& error) {
            notify("window/logMessage",
                   json::serialize(
                       json::object{{"type", 1},
                                    {"message", fmt::format("factlint: linting {} failed: {}",
                                                            job.uri, error.what())}}));
            continue;
        } catch (...) {
            continue; // nothing to tell; the next edit schedules another lint
        }
        std::lock_guard lock(mutex_);
        auto found = documents_.find(job.uri);
        if (found == documents_.end() || found->second.version != job.version)
            continue; // closed or edited meanwhile: a newer lint is scheduled
        found->second.last = snapshot;
        publish(found->second, *snapshot);
    }
}

std::shared_ptr<const LintSnapshot> Server::fresh_snapshot(const std::string& uri) {
    LintJob job;
    {
        std::lock_guard lock(mutex_);
        auto found = documents_.find(uri);
        if (found == documents_.end() || !found->second.lintable)
            return nullptr;
        OpenDocument& document = found->second;
        if (document.last && document.last->version == document.version && !document.dirty)
            return document.last;
        job = {uri, document.path, document.lint_path, document.text, document.version};
    }
    // Hover and code actions answer about the text as it is now, so lint it right away.
    std::shared_ptr<const LintSnapshot> snapshot = lint_now(job);
    std::lock_guard lock(mutex_);
    auto found = documents_.find(uri);
    if (found != documents_.end() && found->second.version == job.version) {
        found->second.last = snapshot;
        found->second.dirty = false;
        publish(found->second, *snapshot);
    }
    return snapshot;
}

void Server::publish(const OpenDocument& document, const LintSnapshot& snapshot) {
    const LineIndex& lines = *snapshot.result.document.lines;
    json::array diagnostics;
    for (const Diagnostic& diagnostic : snapshot.result.diagnostics)
        diagnostics.push_back(diagnostic_json(diagnostic, lines, unit_, document.uri));
    notify("textDocument/publishDiagnostics",
           json::serialize(json::object{{"uri", document.uri},
                                        {"version", snapshot.version},
                                        {"diagnostics", std::move(diagnostics)}}));
}

void Server::publish_config_problem(const PackChoice& choice) {
    if (choice.config.empty())
        return;
    std::string uri = path_to_uri(choice.config);
    std::lock_guard lock(mutex_);
    if (!choice.error) {
        if (config_error_uris_.erase(uri) > 0)
            notify("textDocument/publishDiagnostics",
                   json::serialize(json::object{{"uri", uri}, {"diagnostics", json::array{}}}));
        return;
    }
    const SourceLocation& location = choice.error->location();
    // what() is "file:line:col: message"; the editor shows the position itself.
    std::string text = choice.error->what();
    std::string prefix = fmt::format("{}:{}:{}: ", location.file, location.line, location.column);
    if (text.starts_with(prefix))
        text.erase(0, prefix.size());
    std::size_t line = location.line > 0 ? location.line - 1 : 0;
    std::size_t column = location.column > 0 ? location.column - 1 : 0;
    json::object position{{"line", line}, {"character", column}};
    json::object diagnostic{{"range", json::object{{"start", position}, {"end", position}}},
                            {"severity", 1},
                            {"code", "config-error"},
                            {"source", "factlint"},
                            {"message", text}};
    config_error_uris_.insert(uri);
    notify("textDocument/publishDiagnostics",
           json::serialize(
               json::object{{"uri", uri}, {"diagnostics", json::array{std::move(diagnostic)}}}));
}

void Server::run_lint_loop() {
    std::unique_lock lock(mutex_);
    while (!stopping_) {
        std::optional<Clock::time_point> next;
        for (const auto& [uri, document] : documents_)
            if (document.dirty && (!next || document.due < *next))
                next = document.due;
        if (!next) {
            wake_.wait(lock);
            continue;
        }
        if (Clock::now() < *next) {
            wake_.wait_until(lock, *next);
            continue;
        }
        lock.unlock();
        try {
            lint_due(Clock::now());
        } catch (...) {
            // Publishing failed (out of memory, a closed output): keep serving.
        }
        lock.lock();
    }
}

void Server::stop_linting() {
    std::lock_guard lock(mutex_);
    stopping_ = true;
    wake_.notify_all();
}

// ---------------------------------------------------------------------------------------------
// Hover and code actions

std::string Server::on_hover(const Message& message) {
    const json::object& item = object_param(message.params, "textDocument");
    std::string uri = string_param(item, "uri");
    const json::value* where = path_in(message.params, {"position"});
    if (!where)
        throw ProtocolError(invalid_params, "'position' is missing");
    std::shared_ptr<const LintSnapshot> snapshot = fresh_snapshot(uri);
    if (!snapshot)
        return "null";
    const Document& document = snapshot->result.document;
    const LineIndex& lines = *document.lines;
    ColumnUnit unit = column_unit();
    std::size_t offset = to_offset(lines, *where, unit);

    std::vector<std::string> sections;
    std::optional<Span> range;
    for (const Diagnostic& diagnostic : snapshot->result.diagnostics) {
        if (diagnostic.span.begin <= offset && offset <= diagnostic.span.end) {
            sections.push_back(fmt::format("**{}** ({}): {}", diagnostic.rule,
                                           to_string(diagnostic.level), diagnostic.message));
            range = range ? Span{std::min(range->begin, diagnostic.span.begin),
                                 std::max(range->end, diagnostic.span.end)}
                          : diagnostic.span;
        }
    }
    if (snapshot->linter) {
        std::vector<Claim> claims =
            snapshot->linter->extractor().extract(document, snapshot->as_of);
        for (const Claim& claim : claims) {
            Span span = claim.quantity.span;
            if (!(span.begin <= offset && offset <= span.end) || claim.entity.empty() ||
                claim.metric.empty())
                continue;
            std::vector<std::string> timeline =
                fact_timeline(snapshot->linter->pack(), claim.entity, claim.metric);
            if (timeline.empty())
                continue;
            std::string joined;
            for (const std::string& line : timeline)
                joined += line + "\n";
            sections.push_back(std::move(joined));
            if (!range)
                range = span;
            break;
        }
    }
    if (sections.empty())
        return "null";
    std::string value;
    for (const std::string& section : sections)
        value += (value.empty() ? "" : "\n\n") + section;
    json::object result{{"contents", json::object{{"kind", "markdown"}, {"value", value}}}};
    if (range)
        result["range"] = to_range(lines, *range, unit);
    return json::serialize(result);
}

std::string Server::on_code_action(const Message& message) {
    const json::object& item = object_param(message.params, "textDocument");
    std::string uri = string_param(item, "uri");
    const json::value* range = path_in(message.params, {"range"});
    if (!range || !range->is_object())
        throw ProtocolError(invalid_params, "'range' must be an object");
    std::vector<std::string> only;
    if (const json::value* kinds = path_in(message.params, {"context", "only"});
        kinds && kinds->is_array())
        for (const json::value& kind : kinds->get_array())
            if (kind.is_string())
                only.emplace_back(kind.get_string());
    auto wanted = [&](std::string_view kind) {
        if (only.empty())
            return true;
        return std::any_of(only.begin(), only.end(), [&](const std::string& prefix) {
            return kind == prefix || (kind.starts_with(prefix) && kind[prefix.size()] == '.');
        });
    };

    std::shared_ptr<const LintSnapshot> snapshot = fresh_snapshot(uri);
    if (!snapshot)
        return "[]";
    const Document& document = snapshot->result.document;
    const LineIndex& lines = *document.lines;
    ColumnUnit unit = column_unit();
    std::size_t begin = to_offset(lines, object_param(*range, "start"), unit);
    std::size_t end = to_offset(lines, object_param(*range, "end"), unit);

    json::array actions;
    std::size_t fixable = 0;
    for (const Diagnostic& diagnostic : snapshot->result.diagnostics) {
        if (!diagnostic.fix || diagnostic.fix->span.end > document.text.size())
            continue;
        ++fixable;
        if (!wanted("quickfix") || diagnostic.span.begin > end || begin > diagnostic.span.end)
            continue;
        json::object edit{{"range", to_range(lines, diagnostic.fix->span, unit)},
                          {"newText", diagnostic.fix->replacement}};
        json::object changes{{uri, json::array{std::move(edit)}}};
        actions.push_back(json::object{
            {"title", quick_fix_title(diagnostic, document.text)},
            {"kind", "quickfix"},
            {"diagnostics", json::array{diagnostic_json(diagnostic, lines, unit, uri)}},
            {"isPreferred", true},
            {"edit", json::object{{"changes", std::move(changes)}}}});
    }
    if (fixable > 0 && wanted("source.fixAll.factlint")) {
        FixOutcome fixed = apply_fixes(document.text, snapshot->result.diagnostics);
        json::object edit{{"range", to_range(lines, {0, document.text.size()}, unit)},
                          {"newText", fixed.text}};
        actions.push_back(json::object{
            {"title", "Fix all factlint problems"},
            {"kind", "source.fixAll.factlint"},
            {"edit",
             json::object{{"changes", json::object{{uri, json::array{std::move(edit)}}}}}}});
    }
    return json::serialize(actions);
}

} // namespace factlint::lsp
