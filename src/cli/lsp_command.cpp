// `factlint lsp`: the language server on stdin/stdout (see docs/editors.md).
#include "cli/commands.hpp"
#include "lsp/server.hpp"

#include <fmt/core.h>

namespace factlint::cli {

int run_lsp(std::span<const std::string> args) {
    lsp::ServerOptions options;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if (arg == "--stdio")
            continue; // what most clients pass; stdio is the only transport
        if (arg == "--help" || arg == "-h") {
            fmt::print("usage: factlint lsp [--stdio] [--as-of YYYY-MM-DD]\n"
                       "Runs the factlint language server (LSP 3.17) on stdin/stdout.\n");
            return exit_clean;
        }
        if (arg == "--as-of" && i + 1 < args.size()) {
            options.as_of = Date::parse_iso(args[++i]);
            if (!options.as_of) {
                fmt::print(stderr, "factlint lsp: --as-of needs a date like 2025-05-01, not '{}'\n",
                           args[i]);
                return exit_error;
            }
            continue;
        }
        fmt::print(stderr, "factlint lsp: unknown argument '{}' (try --help)\n", arg);
        return exit_error;
    }
    return lsp::serve_stdio(std::move(options));
}

} // namespace factlint::cli
