#include "cli/commands.hpp"

#include <fmt/core.h>

namespace factlint::cli {

// Placeholder until the lint command is written.
int run_lint(std::span<const std::string>) {
    fmt::print(stderr, "factlint lint: not implemented yet\n");
    return exit_error;
}

} // namespace factlint::cli
