#include "engine/fixes.hpp"
#include "engine/workflow.hpp"
#include "tests/test_files.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <sstream>
#include <sys/stat.h>
#include <unistd.h>

using namespace factlint;
namespace fs = std::filesystem;

namespace {

Diagnostic with_fix(std::size_t begin, std::size_t end, std::string replacement) {
    Diagnostic diagnostic;
    diagnostic.rule = "name-variant";
    diagnostic.span = {begin, end};
    diagnostic.fix = Fix{{begin, end}, std::move(replacement)};
    return diagnostic;
}

} // namespace

TEST_CASE("apply_fixes replaces spans in position order") {
    //                   0         1         2
    //                   0123456789012345678901234
    std::string text = "Zelensky met Lee Sung-kwon.";
    std::vector<Diagnostic> diagnostics{with_fix(13, 26, "Lee Seong-kweun"),
                                        with_fix(0, 8, "Zelenskyy"), Diagnostic{}};
    FixOutcome outcome = apply_fixes(text, diagnostics);
    CHECK(outcome.text == "Zelenskyy met Lee Seong-kweun.");
    CHECK(outcome.applied == 2);
    CHECK(outcome.conflicts == 0);
}

TEST_CASE("apply_fixes skips overlapping fixes and counts duplicates once") {
    std::string text = "about 100 killed";
    std::vector<Diagnostic> diagnostics{with_fix(6, 9, "600"), with_fix(6, 9, "600"),
                                        with_fix(0, 9, "around 600"), with_fix(8, 12, "x"),
                                        with_fix(10, 99, "out of range")};
    FixOutcome outcome = apply_fixes(text, diagnostics);
    // Sorted by span: [0,9) "around 600" comes first and wins; [6,9) and [8,12) overlap it.
    CHECK(outcome.text == "around 600 killed");
    CHECK(outcome.applied == 1);
    CHECK(outcome.conflicts == 2);
}

TEST_CASE("apply_fixes handles insertions and deletions") {
    std::string text = "100 killed";
    std::vector<Diagnostic> diagnostics{with_fix(0, 0, "about "), with_fix(3, 10, "")};
    CHECK(apply_fixes(text, diagnostics).text == "about 100");
    std::vector<Diagnostic> two_inserts{with_fix(0, 0, "a"), with_fix(0, 0, "b")};
    FixOutcome outcome = apply_fixes(text, two_inserts);
    CHECK(outcome.text == "a100 killed");
    CHECK(outcome.conflicts == 1);
}

TEST_CASE("unified_diff shows changed lines with context") {
    std::string before = "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n";
    std::string after = "1\n2\nthree\n4\n5\n6\n7\n8\n9\n10\n11\ntwelve\n";
    // Two changes 8 equal lines apart (more than 2 * 3): two hunks.
    CHECK(unified_diff("d.md", before, after) == "--- a/d.md\n+++ b/d.md\n"
                                                 "@@ -1,6 +1,6 @@\n 1\n 2\n-3\n+three\n 4\n 5\n 6\n"
                                                 "@@ -9,4 +9,4 @@\n 9\n 10\n 11\n-12\n+twelve\n");
    // With more context they merge into one hunk.
    CHECK(unified_diff("d.md", before, after, 4) ==
          "--- a/d.md\n+++ b/d.md\n@@ -1,12 +1,12 @@\n 1\n 2\n-3\n+three\n 4\n 5\n 6\n 7\n 8\n"
          " 9\n 10\n 11\n-12\n+twelve\n");
    CHECK(unified_diff("d.md", before, before).empty());
}

TEST_CASE("unified_diff marks a missing final newline and pure insertions") {
    CHECK(unified_diff("a.txt", "one\ntwo", "one\n2") ==
          "--- a/a.txt\n+++ b/a.txt\n@@ -1,2 +1,2 @@\n one\n-two\n\\ No newline at end of file\n"
          "+2\n\\ No newline at end of file\n");
    CHECK(unified_diff("a.txt", "", "new\n") == "--- a/a.txt\n+++ b/a.txt\n@@ -0,0 +1 @@\n+new\n");
    CHECK(unified_diff("a.txt", "a\nb\n", "a\nx\nb\n", 0) ==
          "--- a/a.txt\n+++ b/a.txt\n@@ -1,0 +2 @@\n+x\n");
    CHECK(unified_diff("a.txt", "a\nb\nc\n", "a\nc\n", 1) ==
          "--- a/a.txt\n+++ b/a.txt\n@@ -1,3 +1,2 @@\n a\n-b\n c\n");
}

TEST_CASE("write_file_atomically keeps permissions and leaves no temporary file") {
    fs::path directory = test::scratch_directory("fixes-perm");
    fs::path file = directory / "draft.md";
    test::write_file(file, "old\n");
    fs::permissions(file, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
    CHECK(write_file_atomically(file.string(), "new\n") == "");
    CHECK(test::read_file(file) == "new\n");
    CHECK(fs::status(file).permissions() ==
          (fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read));
    CHECK(std::distance(fs::directory_iterator(directory), fs::directory_iterator()) == 1);
    fs::remove_all(directory);
}

TEST_CASE("write_file_atomically writes through a symbolic link") {
    fs::path directory = test::scratch_directory("fixes-link");
    test::write_file(directory / "real.md", "old\n");
    fs::create_symlink("real.md", directory / "link.md");
    CHECK(write_file_atomically((directory / "link.md").string(), "new\n") == "");
    CHECK(fs::is_symlink(directory / "link.md"));
    CHECK(test::read_file(directory / "real.md") == "new\n");
    fs::remove_all(directory);
}

TEST_CASE("write_file_atomically reports errors") {
    std::string error = write_file_atomically("/nonexistent-factlint-dir/draft.md", "x");
    CHECK(error.find("/nonexistent-factlint-dir/draft.md: cannot create a temporary file") == 0);
}

TEST_CASE("workflow options parse, and --fix with --diff is refused") {
    std::vector<std::string> args{"--fix", "--baseline", "b.json", "--write-baseline=w.json",
                                  "x.md",  "--baseline"};
    WorkflowOptions options;
    std::string error;
    std::size_t index = 0;
    CHECK(read_workflow_option(args, index, options, error) == OptionMatch::yes);
    index = 1;
    CHECK(read_workflow_option(args, index, options, error) == OptionMatch::yes);
    CHECK(index == 2);
    index = 3;
    CHECK(read_workflow_option(args, index, options, error) == OptionMatch::yes);
    index = 4;
    CHECK(read_workflow_option(args, index, options, error) == OptionMatch::no);
    index = 5;
    CHECK(read_workflow_option(args, index, options, error) == OptionMatch::error);
    CHECK(error == "--baseline needs a file name");
    CHECK(options.fix);
    CHECK(options.baseline == "b.json");
    CHECK(options.write_baseline == "w.json");
    std::vector<std::string> diff{"--diff"};
    index = 0;
    CHECK(read_workflow_option(diff, index, options, error) == OptionMatch::error);
}

TEST_CASE("run_workflow fixes files on disk and re-lints them") {
    fs::path directory = test::scratch_directory("fixes-workflow");
    fs::path file = directory / "d.md";
    std::string original = "<!-- factlint-disable-next-line invalid-encodng -->\nText.\n";
    test::write_file(file, original);
    Linter linter{RulePack{}};
    auto lint = [&](const std::string& path) {
        return linter.lint(path, test::read_file(path), LintOptions{});
    };
    std::vector<LintResult> results;
    results.push_back(lint(file.string()));
    REQUIRE(results[0].diagnostics.size() == 1);

    WorkflowOptions preview;
    preview.diff = true;
    WorkflowOutcome diff = run_workflow(
        preview, results, [&](const LintResult& old) { return lint(old.document.path); });
    CHECK(diff.exit_code == 1);
    CHECK(diff.output.find("+<!-- factlint-disable-next-line invalid-encoding -->\n") !=
          std::string::npos);
    CHECK(test::read_file(file) == original);

    WorkflowOptions fix;
    fix.fix = true;
    WorkflowOutcome fixed =
        run_workflow(fix, results, [&](const LintResult& old) { return lint(old.document.path); });
    CHECK_FALSE(fixed.exit_code);
    CHECK(fixed.messages == std::vector<std::string>{"factlint: fixed 1 problem in 1 file"});
    CHECK(test::read_file(file) == "<!-- factlint-disable-next-line invalid-encoding -->\nText.\n");
    CHECK(results[0].diagnostics.empty());
    fs::remove_all(directory);
}
