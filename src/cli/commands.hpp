/// The subcommands of the factlint binary; each lives in its own <name>_command.cpp.
#pragma once

#include <span>
#include <string>
#include <string_view>

namespace factlint::cli {

/// Documented exit codes, shared by every subcommand.
enum ExitCode : int {
    exit_clean = 0,    ///< nothing at or above the failing level
    exit_findings = 1, ///< findings at or above the failing level
    exit_error = 2,    ///< usage, configuration or I/O error
};

/// A subcommand receives the arguments after its name and returns an ExitCode.
using CommandFunction = int (*)(std::span<const std::string> args);

struct Command {
    std::string_view name;
    std::string_view summary;
    CommandFunction run;
};

int run_lint(std::span<const std::string> args);     ///< lint_command.cpp (the default)
int run_claims(std::span<const std::string> args);   ///< claims_command.cpp
int run_explain(std::span<const std::string> args);  ///< explain_command.cpp
int run_ingest(std::span<const std::string> args);   ///< ingest_command.cpp
int run_lsp(std::span<const std::string> args);      ///< lsp_command.cpp
int run_timeline(std::span<const std::string> args); ///< timeline_command.cpp

} // namespace factlint::cli
