/// `factlint explain [RULE]`: prints a rule's documentation page (docs/rules/<id>.md), or the
/// list of rules. The pages are found next to the bundled pack: <prefix>/share/factlint/docs/
/// rules when installed, the source tree's docs/rules otherwise.
#include "checks/check.hpp"
#include "cli/commands.hpp"
#include "rules/pack.hpp"
#include "rules/suggest.hpp"

#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <sstream>
#include <vector>

namespace factlint::cli {

namespace {

namespace fs = std::filesystem;

constexpr std::string_view usage = R"(usage: factlint explain [RULE]

Prints the documentation of RULE (what it finds, why, examples, options), or lists the rules.
)";

/// <share>/factlint/rules/default/pack.yaml -> <share>/factlint/docs/rules (same layout in the
/// source tree: rules/default/pack.yaml -> docs/rules).
fs::path docs_directory() {
    std::string pack = default_pack_path();
    if (pack.empty())
        return {};
    return fs::path(pack).parent_path().parent_path().parent_path() / "docs" / "rules";
}

int list_rules() {
    fmt::print("rules (factlint explain RULE for details):\n");
    for (const CheckInfo& info : check_registry())
        fmt::print("  {:<20} {:<8} {}\n", info.id, to_string(info.default_level), info.summary);
    return exit_clean;
}

} // namespace

int run_explain(std::span<const std::string> args) {
    if (args.empty())
        return list_rules();
    if (args[0] == "-h" || args[0] == "--help") {
        fmt::print("{}", usage);
        return exit_clean;
    }
    if (args.size() > 1) {
        fmt::print(stderr, "factlint explain: one rule at a time\n{}", usage);
        return exit_error;
    }
    const std::string& id = args[0];
    if (!find_check(id)) {
        std::vector<std::string> ids;
        for (const CheckInfo& info : check_registry())
            ids.emplace_back(info.id);
        std::string best = closest_match(id, ids);
        fmt::print(stderr, "factlint explain: unknown rule '{}'{}\nrules: {}\n", id,
                   best.empty() ? "" : fmt::format("; did you mean '{}'?", best),
                   fmt::join(ids, ", "));
        return exit_error;
    }
    fs::path page = docs_directory() / (id + ".md");
    std::ifstream in(page, std::ios::binary);
    if (!in) {
        fmt::print(stderr, "factlint explain: documentation not found: {}\n", page.string());
        return exit_error;
    }
    std::ostringstream text;
    text << in.rdbuf();
    fmt::print("{}", text.str());
    return exit_clean;
}

} // namespace factlint::cli
