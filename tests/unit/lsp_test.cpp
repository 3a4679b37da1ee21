// The language server driven in-process: one JSON-RPC exchange per method, no threads, no pipes
// (tests/lsp/lsp_pipe_test.py drives the real binary). Expected ranges are counted by hand.
#include "lsp/framing.hpp"
#include "lsp/pack_cache.hpp"
#include "lsp/server.hpp"
#include "lsp/uri.hpp"

#include <boost/json.hpp>
#include <catch2/catch.hpp>

#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <sstream>
#include <unistd.h>

using namespace factlint;
using namespace std::chrono_literals;
namespace json = boost::json;
namespace fs = std::filesystem;

namespace {

/// A pack with one tracked figure: killed North Korean troops, reported twice.
RulePack small_pack() {
    RulePack pack;
    pack.lexicon.entities.push_back(
        {"north-korean-troops", "North Korean troops", "", {"North Korean soldiers"}, "group", {}});
    pack.lexicon.entities.push_back(
        {"nis", "National Intelligence Service", "", {"NIS"}, "organisation", {}});
    pack.lexicon.metrics.push_back({"killed", {"deaths"}, {"killed", "died"}, "people"});
    Fact older;
    older.entity = "north-korean-troops";
    older.metric = "killed";
    older.value = 100;
    older.qualifier = Qualifier::at_least;
    older.as_of = {2024, 12, 19};
    older.source = "nis";
    older.citation_title = "December briefing";
    older.url = "https://example.org/dec";
    Fact newer = older;
    newer.value = 600;
    newer.qualifier = Qualifier::about;
    newer.as_of = {2025, 4, 30};
    newer.citation_title = "April briefing";
    newer.url = "https://example.org/apr";
    pack.facts = {older, newer};
    return pack;
}

struct Harness {
    std::vector<json::value> sent;
    lsp::Server server;
    int next_id = 1;

    explicit Harness(lsp::ServerOptions options = {})
        : server(with_loader(std::move(options)),
                 [this](std::string text) { sent.push_back(json::parse(text)); }) {}

    static lsp::ServerOptions with_loader(lsp::ServerOptions options) {
        if (!options.load_pack)
            options.load_pack = [](const std::string&) { return small_pack(); };
        return options;
    }

    json::value request(std::string_view method, json::value params) {
        int id = next_id++;
        server.handle(json::serialize(
            json::object{{"jsonrpc", "2.0"}, {"id", id}, {"method", method}, {"params", params}}));
        for (auto it = sent.begin(); it != sent.end(); ++it)
            if (it->as_object().contains("id") && it->at("id") == json::value(id) &&
                !it->as_object().contains("method")) {
                json::value reply = *it;
                sent.erase(it);
                return reply;
            }
        FAIL("no response to " << method);
        return nullptr;
    }

    void notify(std::string_view method, json::value params) {
        server.handle(json::serialize(
            json::object{{"jsonrpc", "2.0"}, {"method", method}, {"params", params}}));
    }

    json::value initialize(json::array encodings = {}) {
        json::object capabilities;
        if (!encodings.empty())
            capabilities["general"] = json::object{{"positionEncodings", encodings}};
        json::value reply = request("initialize", json::object{{"capabilities", capabilities}});
        notify("initialized", json::object{});
        return reply;
    }

    /// The publishDiagnostics notifications sent so far (removed from `sent`).
    std::vector<json::object> published() {
        std::vector<json::object> out;
        std::erase_if(sent, [&](const json::value& message) {
            const json::object& object = message.as_object();
            if (!object.contains("method") ||
                object.at("method") != "textDocument/publishDiagnostics")
                return false;
            out.push_back(object.at("params").as_object());
            return true;
        });
        return out;
    }

    void lint_everything() { server.lint_due(lsp::Clock::now() + 1h); }
};

json::object range(int l1, int c1, int l2, int c2) {
    return {{"start", json::object{{"line", l1}, {"character", c1}}},
            {"end", json::object{{"line", l2}, {"character", c2}}}};
}

json::object open_params(std::string uri, std::string text, int version = 1) {
    return {{"textDocument",
             json::object{
                 {"uri", uri}, {"languageId", "markdown"}, {"version", version}, {"text", text}}}};
}

/// (rule, start line, start character, end line, end character) of each diagnostic.
std::vector<std::string> summary(const json::object& params) {
    std::vector<std::string> out;
    for (const json::value& item : params.at("diagnostics").as_array()) {
        const json::object& d = item.as_object();
        const json::object& r = d.at("range").as_object();
        out.push_back(fmt::format(
            "{} {}:{}-{}:{}", json::value_to<std::string>(d.at("code")),
            r.at("start").at("line").as_int64(), r.at("start").at("character").as_int64(),
            r.at("end").at("line").as_int64(), r.at("end").at("character").as_int64()));
    }
    return out;
}

// Line 1 (0-based): the unknown rule id starts after "Ann " (4) + "😀" (2 UTF-16 units, 4
// bytes) + " said <!-- factlint-disable " (6 + 5 + 17): UTF-16 column 34, byte column 36.
const std::string draft =
    "# Draft\n"
    "Ann \xF0\x9F\x98\x80 said <!-- factlint-disable invalid-encodng --> ok.\n";
const std::string uri = "file:///nonexistent-factlint/draft.md";

} // namespace

TEST_CASE("lsp: framing reads Content-Length messages and rejects bad headers") {
    std::istringstream in(
        "Content-Length: 2\r\n\r\n{}content-length:3\r\nContent-Type: x\r\n\r\n[1]"
        "X: 1\r\n\r\nContent-Length: 99999999999\r\n\r\n");
    lsp::Incoming first = lsp::read_message(in);
    CHECK(first.status == lsp::Incoming::Status::message);
    CHECK(first.body == "{}");
    lsp::Incoming second = lsp::read_message(in);
    CHECK(second.body == "[1]");
    CHECK(lsp::read_message(in).status == lsp::Incoming::Status::bad_header);
    CHECK(lsp::read_message(in).status == lsp::Incoming::Status::bad_header);
    CHECK(lsp::read_message(in).status == lsp::Incoming::Status::end_of_input);
    CHECK(lsp::frame("{}") == "Content-Length: 2\r\n\r\n{}");
}

TEST_CASE("lsp: file URIs and paths convert both ways") {
    CHECK(lsp::uri_to_path("file:///home/a%20b/draft.md") == "/home/a b/draft.md");
    CHECK(lsp::uri_to_path("file://localhost/tmp/x.md") == "/tmp/x.md");
    CHECK(lsp::uri_to_path("untitled:Untitled-1") == std::nullopt);
    CHECK(lsp::path_to_uri("/home/a b/ü.md") == "file:///home/a%20b/%C3%BC.md");
}

TEST_CASE("lsp: lifecycle, errors and exit codes") {
    Harness h;
    h.server.handle("{not json");
    REQUIRE(h.sent.size() == 1);
    CHECK(h.sent[0].at("error").at("code") == -32700);
    CHECK(h.sent[0].at("id").is_null());
    h.sent.clear();

    CHECK(h.request("textDocument/hover", json::object{}).at("error").at("code") == -32002);
    json::value init = h.initialize();
    CHECK(init.at("result").at("capabilities").at("positionEncoding") == "utf-16");
    CHECK(h.request("initialize", json::object{}).at("error").at("code") == -32600);
    CHECK(h.request("workspace/symbol", json::object{}).at("error").at("code") == -32601);
    h.notify("$/unknownNotification", json::object{});
    h.server.handle("[1, 2]");
    CHECK(h.sent.back().at("error").at("code") == -32600);
    h.sent.clear();
    CHECK(
        h.request("textDocument/hover", json::object{{"textDocument", 5}}).at("error").at("code") ==
        -32602);

    CHECK(h.request("shutdown", nullptr).at("result").is_null());
    CHECK(h.request("textDocument/hover", json::object{}).at("error").at("code") == -32600);
    CHECK_FALSE(h.server.exit_requested());
    h.notify("exit", nullptr);
    CHECK(h.server.exit_requested());
    CHECK(h.server.exit_code() == 0);

    Harness abrupt;
    abrupt.initialize();
    abrupt.notify("exit", nullptr);
    CHECK(abrupt.server.exit_code() == 1);
}

TEST_CASE("lsp: didOpen lints the buffer after the debounce; didClose clears") {
    lsp::ServerOptions options;
    options.debounce = 600s; // long, so a slow machine cannot reach it between two lines
    Harness h(options);
    h.initialize();
    h.notify("textDocument/didOpen", open_params(uri, draft));
    h.server.lint_due(lsp::Clock::now());
    CHECK(h.published().empty()); // still inside the debounce
    h.server.lint_due(lsp::Clock::now() + 601s);
    std::vector<json::object> published = h.published();
    REQUIRE(published.size() == 1);
    CHECK(published[0].at("uri") == uri.c_str());
    CHECK(published[0].at("version") == 1);
    CHECK(summary(published[0]) == std::vector<std::string>{"unknown-directive 1:34-1:49"});
    const json::value& diagnostic = published[0].at("diagnostics").at(0);
    CHECK(diagnostic.at("source") == "factlint");
    CHECK(diagnostic.at("severity") == 2);

    h.notify("textDocument/didClose", json::object{{"textDocument", json::object{{"uri", uri}}}});
    published = h.published();
    REQUIRE(published.size() == 1);
    CHECK(published[0].at("diagnostics").as_array().empty());
}

TEST_CASE("lsp: utf-8 positions when the client offers them") {
    Harness h;
    json::value init = h.initialize(json::array{"utf-8", "utf-16"});
    CHECK(init.at("result").at("capabilities").at("positionEncoding") == "utf-8");
    h.notify("textDocument/didOpen", open_params(uri, draft));
    h.lint_everything();
    std::vector<json::object> published = h.published();
    REQUIRE(published.size() == 1);
    CHECK(summary(published[0]) == std::vector<std::string>{"unknown-directive 1:36-1:51"});
}

TEST_CASE("lsp: incremental and full changes, in the negotiated encoding") {
    Harness h;
    h.initialize();
    h.notify("textDocument/didOpen", open_params(uri, draft));
    // Delete "😀 " (UTF-16 columns 4..7 of line 1): the unknown id moves 3 columns left.
    h.notify("textDocument/didChange",
             json::object{{"textDocument", json::object{{"uri", uri}, {"version", 2}}},
                          {"contentChanges",
                           json::array{json::object{{"range", range(1, 4, 1, 7)}, {"text", ""}}}}});
    h.lint_everything();
    std::vector<json::object> published = h.published();
    REQUIRE(published.size() == 1);
    CHECK(published[0].at("version") == 2);
    CHECK(summary(published[0]) == std::vector<std::string>{"unknown-directive 1:31-1:46"});

    // Two changes in one notification apply in order: insert a line, then retype the id.
    h.notify("textDocument/didChange",
             json::object{{"textDocument", json::object{{"uri", uri}, {"version", 3}}},
                          {"contentChanges",
                           json::array{json::object{{"range", range(0, 0, 0, 0)}, {"text", "x\n"}},
                                       json::object{{"range", range(2, 31, 2, 46)},
                                                    {"text", "invalid-encoding"}}}}});
    h.lint_everything();
    published = h.published();
    REQUIRE(published.size() == 1);
    CHECK(summary(published[0]).empty());

    h.notify("textDocument/didChange",
             json::object{{"textDocument", json::object{{"uri", uri}, {"version", 4}}},
                          {"contentChanges", json::array{json::object{{"text", draft}}}}});
    h.lint_everything();
    published = h.published();
    REQUIRE(published.size() == 1);
    CHECK(summary(published[0]) == std::vector<std::string>{"unknown-directive 1:34-1:49"});
}

TEST_CASE("lsp: hover shows the findings under the cursor") {
    Harness h;
    h.initialize();
    h.notify("textDocument/didOpen", open_params(uri, draft));
    json::value hover =
        h.request("textDocument/hover",
                  json::object{{"textDocument", json::object{{"uri", uri}}},
                               {"position", json::object{{"line", 1}, {"character", 40}}}});
    const json::value& result = hover.at("result");
    REQUIRE(result.is_object());
    std::string value = json::value_to<std::string>(result.at("contents").at("value"));
    CHECK(value.find("**unknown-directive** (warning): unknown rule 'invalid-encodng'") == 0);
    CHECK(result.at("range") == json::value(range(1, 34, 1, 49)));
    json::value nothing =
        h.request("textDocument/hover",
                  json::object{{"textDocument", json::object{{"uri", uri}}},
                               {"position", json::object{{"line", 0}, {"character", 1}}}});
    CHECK(nothing.at("result").is_null());
}

TEST_CASE("lsp: hover on a tracked figure lists the facts, newest first") {
    Harness h;
    h.initialize();
    std::string text = "---\ndate: 2025-05-01\n---\n"
                       "At least 100 North Korean soldiers have been killed, the NIS said.\n";
    h.notify("textDocument/didOpen", open_params(uri, text));
    json::value hover =
        h.request("textDocument/hover",
                  json::object{{"textDocument", json::object{{"uri", uri}}},
                               {"position", json::object{{"line", 3}, {"character", 10}}}});
    REQUIRE(hover.at("result").is_object());
    std::string value = json::value_to<std::string>(hover.at("result").at("contents").at("value"));
    std::size_t newer = value.find("- 2025-04-30: about 600 — National Intelligence Service, "
                                   "[April briefing](https://example.org/apr)");
    std::size_t older = value.find("- 2024-12-19: at least 100 — National Intelligence Service, "
                                   "[December briefing](https://example.org/dec)");
    CHECK(newer != std::string::npos);
    CHECK(older != std::string::npos);
    CHECK(newer < older);
}

TEST_CASE("lsp: code actions offer the fixes of findings in range") {
    Harness h;
    h.initialize();
    h.notify("textDocument/didOpen", open_params(uri, draft));
    auto actions_at = [&](json::object requested, json::array only = {}) {
        json::object context{{"diagnostics", json::array{}}};
        if (!only.empty())
            context["only"] = only;
        return h
            .request("textDocument/codeAction",
                     json::object{{"textDocument", json::object{{"uri", uri}}},
                                  {"range", requested},
                                  {"context", context}})
            .at("result")
            .as_array();
    };
    json::array actions = actions_at(range(1, 40, 1, 40));
    REQUIRE(actions.size() == 2);
    CHECK(actions[0].at("kind") == "quickfix");
    CHECK(actions[0].at("title") == "Replace 'invalid-encodng' with 'invalid-encoding' "
                                    "(unknown-directive)");
    CHECK(actions[0].at("edit").at("changes").at(uri) ==
          json::value(json::array{
              json::object{{"range", range(1, 34, 1, 49)}, {"newText", "invalid-encoding"}}}));
    CHECK(actions[1].at("kind") == "source.fixAll.factlint");
    std::string fixed = draft;
    fixed.replace(fixed.find("encodng"), 7, "encoding");
    CHECK(actions[1].at("edit").at("changes").at(uri).at(0).at("newText") == fixed.c_str());

    CHECK(actions_at(range(0, 0, 0, 3)).size() == 1); // only fix-all away from the finding
    CHECK(actions_at(range(1, 40, 1, 40), json::array{"quickfix"}).size() == 1);
    CHECK(actions_at(range(1, 40, 1, 40), json::array{"refactor"}).empty());
}

TEST_CASE("lsp: .factlint.yaml is found upward and reloaded when it changes") {
    fs::path root = fs::temp_directory_path() / fmt::format("factlint-lsp-{}", ::getpid());
    fs::remove_all(root);
    fs::create_directories(root / "drafts" / "deep");
    fs::path config = root / ".factlint.yaml";
    std::ofstream(config) << "ok\n";
    CHECK(find_config_file((root / "drafts" / "deep").string()) == config.string());

    int loads = 0;
    lsp::ServerOptions options;
    options.load_pack = [&](const std::string& path) {
        ++loads;
        std::ifstream in(path);
        std::string first;
        std::getline(in, first);
        if (first == "broken")
            throw ConfigError({path, 2, 3}, "unknown key 'rulez'");
        return small_pack();
    };
    Harness h(options);
    h.initialize();
    std::string doc_uri = lsp::path_to_uri((root / "drafts" / "deep" / "d.md").string());
    h.notify("textDocument/didOpen", open_params(doc_uri, "Fine.\n"));
    h.lint_everything();
    CHECK(loads == 1);
    CHECK(summary(h.published().at(0)).empty());

    std::ofstream(config) << "broken\n";
    fs::last_write_time(config, fs::last_write_time(config) + 2s);
    h.notify(
        "workspace/didChangeWatchedFiles",
        json::object{{"changes", json::array{json::object{
                                     {"uri", lsp::path_to_uri(config.string())}, {"type", 2}}}}});
    h.lint_everything();
    CHECK(loads == 2);
    std::vector<json::object> published = h.published();
    REQUIRE(published.size() == 2);
    CHECK(published[0].at("uri") == lsp::path_to_uri(config.string()).c_str());
    CHECK(summary(published[0]) == std::vector<std::string>{"config-error 1:2-1:2"});
    CHECK(published[0].at("diagnostics").at(0).at("message") == "unknown key 'rulez'");
    CHECK(summary(published[1]) == std::vector<std::string>{"config-error 0:0-0:0"});

    // No notification this time: the modification time alone triggers the reload.
    std::ofstream(config) << "ok\n";
    fs::last_write_time(config, fs::last_write_time(config) + 4s);
    h.notify(
        "textDocument/didChange",
        json::object{{"textDocument", json::object{{"uri", doc_uri}, {"version", 2}}},
                     {"contentChanges", json::array{json::object{{"text", "Fine again.\n"}}}}});
    h.lint_everything();
    CHECK(loads == 3);
    published = h.published();
    REQUIRE(published.size() == 2);
    CHECK(published[0].at("uri") == lsp::path_to_uri(config.string()).c_str());
    CHECK(published[0].at("diagnostics").as_array().empty());
    CHECK(summary(published[1]).empty());
    fs::remove_all(root);
}

TEST_CASE("lsp: malformed parameters never crash the server") {
    Harness h;
    h.initialize();
    const char* bodies[] = {
        "",
        "null",
        "42",
        R"({"jsonrpc":"2.0","id":1})",
        R"({"jsonrpc":"2.0","id":{"x":1},"method":"shutdownx"})",
        R"({"jsonrpc":"2.0","method":7})",
        R"({"jsonrpc":"2.0","method":"textDocument/didOpen"})",
        R"({"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///a.md"}}})",
        R"({"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"file:///nope.md"},"contentChanges":[]}})",
        R"({"jsonrpc":"2.0","method":"textDocument/didClose","params":{}})",
        R"({"jsonrpc":"2.0","id":2,"method":"textDocument/hover","params":{"textDocument":{"uri":"file:///a.md"},"position":{"line":-1,"character":"x"}}})",
        R"({"jsonrpc":"2.0","id":3,"method":"textDocument/codeAction","params":{"textDocument":{"uri":"file:///a.md"}}})",
        R"({"jsonrpc":"2.0","method":"workspace/didChangeWatchedFiles","params":{"changes":[1,{"uri":5}]}})",
    };
    for (const char* body : bodies)
        CHECK_NOTHROW(h.server.handle(body));
    // Well-formed use still works afterwards, including huge positions (clamped to the text).
    h.notify("textDocument/didOpen", open_params(uri, draft));
    h.notify(
        "textDocument/didChange",
        json::object{{"textDocument", json::object{{"uri", uri}, {"version", 2}}},
                     {"contentChanges", json::array{json::object{{"range", range(99, 99, 1000, 5)},
                                                                 {"text", "\nEnd."}}}}});
    h.lint_everything();
    std::vector<json::object> published = h.published();
    REQUIRE(published.size() == 1);
    CHECK(summary(published[0]) == std::vector<std::string>{"unknown-directive 1:34-1:49"});
    json::value hover = h.request(
        "textDocument/hover",
        json::object{{"textDocument", json::object{{"uri", uri}}},
                     {"position", json::object{{"line", 1000000}, {"character", 1000000}}}});
    CHECK(hover.at("result").is_null());
}
