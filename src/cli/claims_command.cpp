#include "cli/commands.hpp"

#include <fmt/core.h>

namespace factlint::cli {

// Placeholder until the claims command is written.
int run_claims(std::span<const std::string>) {
    fmt::print(stderr, "factlint claims: not implemented yet\n");
    return exit_error;
}

} // namespace factlint::cli
