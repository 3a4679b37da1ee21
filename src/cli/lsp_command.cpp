#include "cli/commands.hpp"

#include <fmt/core.h>

namespace factlint::cli {

// Placeholder until the lsp command is written.
int run_lsp(std::span<const std::string>) {
    fmt::print(stderr, "factlint lsp: not implemented yet\n");
    return exit_error;
}

} // namespace factlint::cli
