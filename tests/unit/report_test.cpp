/// Reporters on hand-built findings. Every expected string below was worked out by hand from the
/// input text (byte offsets and code-point columns are counted in the comments), not copied from
/// a run.
#include "checks/check.hpp"
#include "document/document.hpp"
#include "report/reporter.hpp"

#include <boost/json.hpp>
#include <catch2/catch.hpp>
#include <sstream>

using namespace factlint;
namespace json = boost::json;

namespace {

// Bytes: \t=0, «=1-2, L=3, e=4, ' '=5, p=6, r=7, é=8-9, s..t=10-15, »=16-17, ' '=18, Z=19.
// Code points: \t=1, «=2, L=3, e=4, ' '=5, p=6, r=7, é=8, s..t=9-14, »=15, ' '=16, Z=17.
// "Zelensky" is bytes [19, 27), columns [17, 25).
constexpr std::string_view french = "\t\u00abLe pr\u00e9sident\u00bb Zelensky a parl\u00e9.\n"
                                    "Second line 50% done.\n";

LintResult lint_result(std::string path, std::string_view text,
                       std::vector<Diagnostic> diagnostics) {
    LintResult result{load_document(std::move(path), std::string(text)), std::move(diagnostics)};
    return result;
}

Diagnostic zelensky() {
    Diagnostic diagnostic{"name-variant",
                          Level::warning,
                          {19, 27},
                          "write 'Zelenskyy', not 'Zelensky'",
                          {},
                          Fix{{19, 27}, "Zelenskyy"}};
    return diagnostic;
}

/// "50%" on line 2: line 1 is 37 bytes and a newline, so line 2 starts at byte 38; "Second line "
/// is 12 bytes, so "50%" is bytes [50, 53), columns [13, 16).
Diagnostic percent(Level level) {
    return Diagnostic{
        "stale-figure", level, {50, 53}, "old figure: 50%", {{{19, 27}, "named here"}},
        std::nullopt};
}

std::string run(const std::unique_ptr<Reporter>& reporter, std::ostringstream& out,
                const std::vector<FileReport>& files) {
    for (const FileReport& file : files)
        reporter->file(file);
    reporter->finish();
    return out.str();
}

std::string text_output(const LintResult& result, ReporterOptions options,
                        Level min_level = Level::info) {
    std::ostringstream out;
    return run(make_text_reporter(out, options), out, {make_file_report(result, min_level)});
}

} // namespace

TEST_CASE("file reports resolve code-point columns and filter by level") {
    LintResult result = lint_result("draft.md", french, {zelensky(), percent(Level::info)});
    FileReport all = make_file_report(result, Level::info);
    REQUIRE(all.diagnostics.size() == 2);
    CHECK(all.diagnostics[0].start == Position{1, 17});
    CHECK(all.diagnostics[0].end == Position{1, 25});
    CHECK(all.diagnostics[0].excerpt == "Zelensky");
    CHECK(all.diagnostics[1].start == Position{2, 13});
    CHECK(all.diagnostics[1].related == std::vector<Position>{{1, 17}});
    CHECK(all.diagnostics[1].line_text == "Second line 50% done.");

    FileReport warnings = make_file_report(result, Level::warning);
    REQUIRE(warnings.diagnostics.size() == 1);
    CHECK(warnings.diagnostics[0].diagnostic.rule == "name-variant");
    CHECK(make_file_report(result, Level::error).diagnostics.empty());
}

TEST_CASE("text reporter: path:line:col: level: message [rule]") {
    LintResult result = lint_result("draft.md", french, {zelensky(), percent(Level::info)});
    CHECK(text_output(result, {false, false}) ==
          "draft.md:1:17: warning: write 'Zelenskyy', not 'Zelensky' [name-variant]\n"
          "draft.md:2:13: info: old figure: 50% [stale-figure]\n"
          "draft.md:1:17: note: named here\n");
}

TEST_CASE("text reporter snippets keep tabs so the caret lines up under the flagged text") {
    LintResult result = lint_result("draft.md", french, {zelensky()});
    // The tab is kept, columns 2..16 become 15 spaces, the caret sits at column 17 and seven
    // tildes cover columns 18..24.
    CHECK(text_output(result, {false, true}) ==
          "draft.md:1:17: warning: write 'Zelenskyy', not 'Zelensky' [name-variant]\n"
          "\t\u00abLe pr\u00e9sident\u00bb Zelensky a parl\u00e9.\n"
          "\t               ^~~~~~~~\n");
}

TEST_CASE("text reporter snippets: CRLF is not printed, an empty span at the line end gets a "
          "caret") {
    // "abc\r\n": an empty span at byte 3 is column 4, just past 'c'.
    LintResult result = lint_result("crlf.txt", "abc\r\ndef\r\n",
                                    {{"unknown-directive", Level::error, {3, 3}, "m", {}, {}}});
    CHECK(text_output(result, {false, true}) == "crlf.txt:1:4: error: m [unknown-directive]\n"
                                                "abc\n"
                                                "   ^\n");
}

TEST_CASE("text reporter colours only when asked") {
    LintResult result = lint_result("draft.md", french, {zelensky()});
    std::string coloured = text_output(result, {true, false});
    CHECK(coloured.find("\x1b[1;35mwarning:\x1b[0m") != std::string::npos);
    CHECK(text_output(result, {false, false}).find('\x1b') == std::string::npos);
}

TEST_CASE("github reporter escapes properties and messages") {
    Diagnostic diagnostic{"figure-conflict",           Level::error, {19, 27},
                          "50% up\r\nnext, and: more", {},           {}};
    Diagnostic note{"unverified-claim", Level::info, {50, 53}, "check it", {}, {}};
    LintResult result = lint_result("a,b:c%.md", french, {diagnostic, note});
    std::ostringstream out;
    CHECK(run(make_github_reporter(out), out, {make_file_report(result, Level::info)}) ==
          "::error file=a%2Cb%3Ac%25.md,line=1,col=17,endLine=1,endColumn=25,"
          "title=figure-conflict::50%25 up%0D%0Anext, and: more\n"
          "::notice file=a%2Cb%3Ac%25.md,line=2,col=13,endLine=2,endColumn=16,"
          "title=unverified-claim::check it\n");
}

TEST_CASE("json reporter: version 1 with positions, text, related, fix and summary") {
    LintResult first = lint_result("draft.md", french, {zelensky(), percent(Level::info)});
    LintResult clean = lint_result("clean.md", "Nothing here.\n", {});
    std::ostringstream out;
    std::string text =
        run(make_json_reporter(out), out,
            {make_file_report(first, Level::info), make_file_report(clean, Level::info)});
    json::value document = json::parse(text);
    CHECK(document.at("version") == 1);
    CHECK(document.at("tool").at("name") == "factlint");
    const json::array& files = document.at("files").as_array();
    REQUIRE(files.size() == 2);
    CHECK(files[0].at("path") == "draft.md");
    CHECK(files[1].at("path") == "clean.md");
    CHECK(files[1].at("diagnostics").as_array().empty());

    const json::value& variant = files[0].at("diagnostics").at(0);
    CHECK(variant.at("rule") == "name-variant");
    CHECK(variant.at("level") == "warning");
    CHECK(variant.at("start") == json::parse(R"({"line":1,"column":17,"offset":19})"));
    CHECK(variant.at("end") == json::parse(R"({"line":1,"column":25,"offset":27})"));
    CHECK(variant.at("text") == "Zelensky");
    CHECK(variant.at("fix") ==
          json::parse(R"({"start_offset":19,"end_offset":27,"replacement":"Zelenskyy"})"));

    const json::value& stale = files[0].at("diagnostics").at(1);
    CHECK(stale.at("level") == "info");
    CHECK(stale.at("fix").is_null());
    CHECK(stale.at("related") ==
          json::parse(R"([{"line":1,"column":17,"offset":19,"message":"named here"}])"));
    CHECK(document.at("summary") == json::parse(R"({"files":2,"errors":0,"warnings":1,"info":1})"));
}

TEST_CASE("sarif reporter: rule table from the registry, levels, regions, URIs") {
    Diagnostic encoding{"invalid-encoding", Level::error, {0, 1}, "invalid UTF-8", {}, {}};
    LintResult result =
        lint_result("my draft.md", french, {encoding, zelensky(), percent(Level::info)});
    std::ostringstream out;
    json::value log =
        json::parse(run(make_sarif_reporter(out), out, {make_file_report(result, Level::info)}));
    CHECK(log.at("version") == "2.1.0");
    const json::value& run = log.at("runs").at(0);
    CHECK(run.at("columnKind") == "unicodeCodePoints");

    const json::array& rules = run.at("tool").at("driver").at("rules").as_array();
    // Every registered check, then the document problem that occurred.
    REQUIRE(rules.size() == check_registry().size() + 1);
    for (std::size_t i = 0; i < check_registry().size(); ++i) {
        const CheckInfo& check = check_registry()[i];
        CHECK(rules[i].at("id").as_string() == check.id);
        CHECK(rules[i].at("shortDescription").at("text").as_string() == check.summary);
        std::string help(rules[i].at("helpUri").as_string());
        CHECK(help.ends_with("rules/" + std::string(check.id) + ".md"));
    }
    CHECK(rules.back().at("id") == "invalid-encoding");
    CHECK(rules.back().at("shortDescription").at("text") == "The file is not valid UTF-8");
    CHECK(!rules.back().as_object().contains("helpUri")); // no page under docs/rules/

    const json::array& results = run.at("results").as_array();
    REQUIRE(results.size() == 3);
    for (const json::value& result : results) {
        std::size_t index = result.at("ruleIndex").to_number<std::size_t>();
        CHECK(rules.at(index).at("id") == result.at("ruleId"));
    }
    CHECK(results[0].at("level") == "error");
    CHECK(results[1].at("level") == "warning");
    CHECK(results[2].at("level") == "note");
    const json::value& location = results[1].at("locations").at(0).at("physicalLocation");
    CHECK(location.at("artifactLocation").at("uri") == "my%20draft.md");
    CHECK(location.at("region") ==
          json::parse(R"({"startLine":1,"startColumn":17,"endLine":1,"endColumn":25})"));
    CHECK(results[2].at("relatedLocations").at(0).at("message").at("text") == "named here");
}

TEST_CASE("sarif reporter: absolute paths become file URIs") {
    LintResult result = lint_result("/tmp/a b#1.md", french, {zelensky()});
    std::ostringstream out;
    json::value log =
        json::parse(run(make_sarif_reporter(out), out, {make_file_report(result, Level::info)}));
    CHECK(log.at("runs")
              .at(0)
              .at("results")
              .at(0)
              .at("locations")
              .at(0)
              .at("physicalLocation")
              .at("artifactLocation") == json::parse(R"({"uri":"file:///tmp/a%20b%231.md"})"));
}

TEST_CASE("output formats by name") {
    CHECK(parse_output_format("sarif") == OutputFormat::sarif);
    CHECK(parse_output_format("github") == OutputFormat::github);
    CHECK(!parse_output_format("xml"));
}
