#include "cli/commands.hpp"

#include <fmt/core.h>

namespace factlint::cli {

// Placeholder until the explain command is written.
int run_explain(std::span<const std::string>) {
    fmt::print(stderr, "factlint explain: not implemented yet\n");
    return exit_error;
}

} // namespace factlint::cli
