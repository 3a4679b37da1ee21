// The language server on arbitrary bytes: LSP framing plus JSON-RPC dispatch, linting included,
// in-process and without threads (as tests/unit/lsp_test.cpp drives it). Two input shapes:
// - starting with '{' or '[': one JSON body per line, framed here (mutations stay meaningful
//   when they change a body's length);
// - anything else: the raw byte stream a client writes, Content-Length headers included.
// The server must not crash, and everything it sends must be a JSON-RPC object.
#include "fuzz_check.hpp"
#include "fuzz_rule_pack.hpp"

#include "lsp/framing.hpp"
#include "lsp/server.hpp"

#include <boost/json.hpp>
#include <chrono>
#include <fmt/format.h>
#include <sstream>

namespace {

using namespace factlint;
namespace json = boost::json;

void check_sent(const std::string& message) {
    boost::system::error_code error;
    json::value value = json::parse(message, error);
    FUZZ_CHECK(!error, "the server sent malformed JSON: " + message.substr(0, 200));
    const json::object* object = value.if_object();
    FUZZ_CHECK(object && object->contains("jsonrpc"),
               "the server sent something other than a JSON-RPC object: " + message.substr(0, 200));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string input = factlint::fuzz::bytes(data, size);
    lsp::ServerOptions options;
    options.debounce = std::chrono::milliseconds(0);
    options.as_of = Date{2025, 5, 1};
    options.load_pack = [](const std::string&) { return fuzz::rule_pack(); };
    lsp::Server server(std::move(options), check_sent);
    auto lint_everything = [&] { server.lint_due(lsp::Clock::now() + std::chrono::hours(1)); };

    if (!input.empty() && (input.front() == '{' || input.front() == '[')) {
        std::istringstream lines(input);
        for (std::string body; std::getline(lines, body) && !server.exit_requested();) {
            server.handle(body);
            lint_everything();
        }
        return 0;
    }
    std::istringstream stream(input);
    while (!server.exit_requested()) {
        lsp::Incoming incoming = lsp::read_message(stream);
        if (incoming.status == lsp::Incoming::Status::end_of_input)
            break;
        if (incoming.status == lsp::Incoming::Status::bad_header) {
            FUZZ_CHECK(!incoming.error.empty(), "a bad header without a reason");
            server.handle_bad_frame(incoming.error);
        } else {
            server.handle(incoming.body);
        }
        lint_everything();
    }
    return 0;
}
