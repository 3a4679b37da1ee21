/// Entry point: dispatches to a subcommand from one table; anything else is `lint`.
#include "cli/commands.hpp"

#include <algorithm>
#include <array>
#include <exception>
#include <fmt/core.h>
#include <string>
#include <vector>

namespace factlint::cli {
namespace {

// Sorted by name. `lint` is also what runs when the first argument is not a command name.
constexpr std::array commands = {
    Command{"claims", "print every numeric claim found, with its interval and attribution",
            run_claims},
    Command{"explain", "show the documentation of a rule", run_explain},
    Command{"ingest", "record the figures of sourced articles in a facts file", run_ingest},
    Command{"lint", "check files against the rule pack (the default command)", run_lint},
    Command{"lsp", "run the language server on stdin/stdout", run_lsp},
    Command{"timeline", "show how each figure evolved (text table, SVG step chart)", run_timeline},
};

} // namespace
} // namespace factlint::cli

int main(int argc, char** argv) {
    using namespace factlint::cli;
    std::vector<std::string> args(argv + 1, argv + argc);
    const Command* command = &*std::find_if(commands.begin(), commands.end(),
                                            [](const Command& c) { return c.name == "lint"; });
    if (!args.empty()) {
        auto named = std::find_if(commands.begin(), commands.end(),
                                  [&](const Command& c) { return c.name == args.front(); });
        if (named != commands.end()) {
            command = &*named;
            args.erase(args.begin());
        }
    }
    try {
        return command->run(args);
    } catch (const std::exception& error) {
        fmt::print(stderr, "factlint: error: {}\n", error.what());
        return exit_error;
    }
}
