/// The fixture driver: every file under tests/fixtures/ carries its expected diagnostics inside
/// it, as `<!-- expect: RULE-ID[@COL] ... -->` lines that apply to the next line that is not an
/// annotation. A file fails on any expected diagnostic that is missing and on any diagnostic
/// that is not expected. The pack is the nearest .factlint.yaml above the fixture, else the
/// bundled default pack; the draft's date is its front matter `date:`.
#include "engine/linter.hpp"
#include "tests/test_files.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>

namespace fs = std::filesystem;
using namespace factlint;

namespace {

struct Expectation {
    std::string rule;
    std::size_t line = 0;
    std::size_t column = 0; ///< 0: any column
};

/// The annotations of a fixture, each resolved to the line it applies to. A malformed
/// annotation (a column that is not a number, an annotation with no line after it) goes to
/// `problems`, so a typo cannot silently expect nothing.
std::vector<Expectation> expectations(std::string_view text, const std::string& name,
                                      std::vector<std::string>& problems) {
    std::vector<Expectation> found;
    std::vector<Expectation> pending;
    std::size_t line = 0;
    for (std::size_t start = 0; start <= text.size();) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos)
            end = text.size();
        std::string_view content = text.substr(start, end - start);
        ++line;
        std::size_t open = content.find("<!-- expect:");
        if (open != std::string_view::npos && content.find("-->") != std::string_view::npos) {
            std::istringstream words(
                std::string(content.substr(open + 12, content.find("-->") - open - 12)));
            for (std::string word; words >> word;) {
                Expectation expectation;
                std::size_t at = word.find('@');
                expectation.rule = word.substr(0, at);
                if (at != std::string::npos) {
                    std::string column = word.substr(at + 1);
                    if (column.empty() ||
                        column.find_first_not_of("0123456789") != std::string::npos) {
                        problems.push_back(
                            fmt::format("{}:{}: bad column in annotation '{}'", name, line, word));
                        continue;
                    }
                    expectation.column = std::stoul(column);
                }
                pending.push_back(expectation);
            }
        } else if (!pending.empty()) {
            for (Expectation& expectation : pending) {
                expectation.line = line;
                found.push_back(expectation);
            }
            pending.clear();
        }
        start = end + 1;
    }
    for (const Expectation& expectation : pending)
        problems.push_back(
            fmt::format("{}: annotation for {} has no line after it", name, expectation.rule));
    return found;
}

std::shared_ptr<const Linter> linter_for(const fs::path& fixture) {
    static std::map<std::string, std::shared_ptr<const Linter>> cache;
    std::string config = find_config_file(fixture.parent_path().string());
    if (config.empty())
        config = default_pack_path();
    auto& linter = cache[config];
    if (!linter)
        linter = std::make_shared<const Linter>(load_pack(config));
    return linter;
}

} // namespace

TEST_CASE("fixtures produce exactly the diagnostics annotated in them") {
    fs::path root = fs::path(FACTLINT_TEST_DATA_DIR) / "fixtures";
    std::vector<fs::path> fixtures;
    for (const auto& entry : fs::recursive_directory_iterator(root)) {
        std::string extension = entry.path().extension().string();
        if (entry.is_regular_file() &&
            (extension == ".md" || extension == ".markdown" || extension == ".txt"))
            fixtures.push_back(entry.path());
    }
    std::sort(fixtures.begin(), fixtures.end());
    REQUIRE(!fixtures.empty());

    for (const fs::path& fixture : fixtures) {
        std::string relative = fs::relative(fixture, root).string();
        DYNAMIC_SECTION(relative) {
            std::string text = test::read_file(fixture);
            std::shared_ptr<const Linter> linter;
            try {
                linter = linter_for(fixture);
            } catch (const ConfigError& error) {
                FAIL(relative << ": its pack does not load: " << error.what());
            }
            LintResult result = linter->lint(fixture.string(), text, {});
            std::vector<std::string> problems;
            std::vector<Expectation> wanted = expectations(text, relative, problems);
            std::vector<bool> matched(wanted.size(), false);
            for (const Diagnostic& diagnostic : result.diagnostics) {
                Position at = result.document.lines->position(diagnostic.span.begin);
                bool expected = false;
                for (std::size_t i = 0; i < wanted.size() && !expected; ++i) {
                    if (!matched[i] && wanted[i].rule == diagnostic.rule &&
                        wanted[i].line == at.line &&
                        (wanted[i].column == 0 || wanted[i].column == at.column))
                        matched[i] = expected = true;
                }
                if (!expected)
                    problems.push_back(fmt::format("{}:{}:{}: unexpected {}: {}", relative, at.line,
                                                   at.column, diagnostic.rule, diagnostic.message));
            }
            for (std::size_t i = 0; i < wanted.size(); ++i)
                if (!matched[i])
                    problems.push_back(fmt::format("{}:{}:{}: missing {}", relative, wanted[i].line,
                                                   wanted[i].column, wanted[i].rule));
            for (const std::string& problem : problems)
                UNSCOPED_INFO(problem);
            CHECK(problems.empty());
        }
    }
}
