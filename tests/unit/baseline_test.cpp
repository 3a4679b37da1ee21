#include "engine/baseline.hpp"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace factlint;

namespace {

/// A lint result for `text` at `path` with one finding per (rule, flagged text) pair; each
/// flagged text's first occurrence at or after `from` is the span.
LintResult result_with(std::string path, std::string text,
                       std::vector<std::pair<std::string, std::string>> findings) {
    LintResult result{load_document(std::move(path), std::move(text)), {}};
    std::size_t from = 0;
    for (auto& [rule, flagged] : findings) {
        std::size_t at = result.document.text.find(flagged, from);
        REQUIRE(at != std::string::npos);
        from = at + 1;
        Diagnostic diagnostic;
        diagnostic.rule = rule;
        diagnostic.span = {at, at + flagged.size()};
        diagnostic.message = "message that may change: " + rule;
        result.diagnostics.push_back(diagnostic);
    }
    return result;
}

} // namespace

TEST_CASE("a baseline records rule, file, flagged text and line, relative to itself") {
    std::vector<LintResult> results;
    results.push_back(result_with("/work/repo/drafts/a.md",
                                  "Intro.\n  At least 100 \"killed\" here.\n",
                                  {{"stale-figure", "100"}}));
    Baseline baseline = make_baseline(results, "/work/repo/.factlint-baseline.json");
    REQUIRE(baseline.entries.size() == 1);
    CHECK(baseline.entries[0] ==
          BaselineEntry{"drafts/a.md", "stale-figure", "100", "At least 100 \"killed\" here.", 1});
    CHECK(baseline_to_json(baseline) ==
          "{\n  \"version\": 1,\n  \"tool\": \"factlint\",\n  \"findings\": [\n"
          "    {\"file\": \"drafts/a.md\", \"rule\": \"stale-figure\", \"text\": \"100\", "
          "\"line\": \"At least 100 \\\"killed\\\" here.\", \"count\": 1}\n  ]\n}\n");
    CHECK(baseline_to_json(Baseline{}) ==
          "{\n  \"version\": 1,\n  \"tool\": \"factlint\",\n  \"findings\": []\n}\n");
}

TEST_CASE("a baseline parses back to what was written") {
    std::vector<LintResult> results;
    results.push_back(result_with(
        "/r/a.md", "Zelensky said 100.\nZelensky again.\n",
        {{"name-variant", "Zelensky"}, {"stale-figure", "100"}, {"name-variant", "Zelensky"}}));
    Baseline baseline = make_baseline(results, "/r/baseline.json");
    std::string error;
    std::optional<Baseline> parsed = parse_baseline(baseline_to_json(baseline), error);
    REQUIRE(parsed);
    CHECK(error.empty());
    CHECK(parsed->entries == baseline.entries);
    CHECK(parsed->entries.size() == 3);
}

TEST_CASE("baselined findings are matched by content, not line numbers") {
    std::vector<LintResult> old_results;
    old_results.push_back(
        result_with("/r/a.md", "At least 100 were killed.\n", {{"stale-figure", "100"}}));
    Baseline baseline = make_baseline(old_results, "/r/b.json");

    // Two paragraphs added above: the accepted finding moved down two lines; a new one appears.
    std::vector<LintResult> results;
    results.push_back(result_with("/r/a.md",
                                  "New intro with 300 dead.\n\nAt least 100 were killed.\n",
                                  {{"stale-figure", "300"}, {"stale-figure", "100"}}));
    CHECK(remove_baselined(baseline, results, "/r/b.json") == 1);
    REQUIRE(results[0].diagnostics.size() == 1);
    CHECK(results[0].diagnostics[0].span.in(results[0].document.text) == "300");
}

TEST_CASE("a baseline entry absorbs only as many findings as it counted") {
    std::vector<LintResult> old_results;
    old_results.push_back(result_with("/r/a.md", "Zelensky.\n", {{"name-variant", "Zelensky"}}));
    Baseline baseline = make_baseline(old_results, "/r/b.json");
    std::vector<LintResult> results;
    results.push_back(result_with("/r/a.md", "Zelensky.\nZelensky.\n",
                                  {{"name-variant", "Zelensky"}, {"name-variant", "Zelensky"}}));
    CHECK(remove_baselined(baseline, results, "/r/b.json") == 1);
    CHECK(results[0].diagnostics.size() == 1);
}

TEST_CASE("a different file, rule or line content is a new finding") {
    std::vector<LintResult> old_results;
    old_results.push_back(
        result_with("/r/a.md", "At least 100 killed.\n", {{"stale-figure", "100"}}));
    Baseline baseline = make_baseline(old_results, "/r/b.json");
    std::vector<LintResult> results;
    results.push_back(
        result_with("/r/other.md", "At least 100 killed.\n", {{"stale-figure", "100"}}));
    results.push_back(
        result_with("/r/a.md", "At least 100 killed.\n", {{"hedge-mismatch", "100"}}));
    results.push_back(
        result_with("/r/a.md", "At least 100 were killed.\n", {{"stale-figure", "100"}}));
    CHECK(remove_baselined(baseline, results, "/r/b.json") == 0);
}

TEST_CASE("bad baseline files are reported, not thrown") {
    std::string error;
    CHECK_FALSE(parse_baseline("{", error));
    CHECK(error.find("not valid JSON") == 0);
    CHECK_FALSE(parse_baseline("[]", error));
    CHECK(error == "not a factlint baseline (expected an object with \"version\": 1)");
    CHECK_FALSE(parse_baseline(R"({"version": 1, "findings": [{"file": "a"}]})", error));
    CHECK(error.find("finding 0 must have") == 0);
    CHECK_FALSE(read_baseline("/nonexistent/baseline.json", error));
    CHECK(error == "/nonexistent/baseline.json: cannot read the baseline file");
}

TEST_CASE("a baseline records only findings at or above the run's --min-level") {
    std::vector<LintResult> results;
    results.push_back(result_with("/r/a.md", "Zelensky said 100.\n",
                                  {{"name-variant", "Zelensky"}, {"stale-figure", "100"}}));
    results[0].diagnostics[0].level = Level::info;
    results[0].diagnostics[1].level = Level::warning;
    CHECK(make_baseline(results, "/r/b.json").entries.size() == 2);
    Baseline shown = make_baseline(results, "/r/b.json", Level::warning);
    REQUIRE(shown.entries.size() == 1);
    CHECK(shown.entries[0].rule == "stale-figure");
    CHECK(make_baseline(results, "/r/b.json", Level::error).entries.empty());
}
