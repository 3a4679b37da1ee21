/// The CLI's --fix, --diff, --baseline and --write-baseline, as data in and data out: the lint
/// command parses the options with read_workflow_option() and, after linting, hands its
/// results to run_workflow() and prints what comes back.
#pragma once

#include "engine/linter.hpp"

#include <cstddef>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace factlint {

struct WorkflowOptions {
    bool fix = false;                 ///< --fix: apply fixes, then report what is left
    bool diff = false;                ///< --diff: print the fixes as a unified diff, write nothing
    std::string baseline;             ///< --baseline FILE: drop the findings it accepts
    std::string write_baseline;       ///< --write-baseline FILE: accept every finding, exit 0
    Level min_level = Level::warning; ///< the run's --min-level: what a baseline records
};

enum class OptionMatch { no, yes, error };

/// Reads args[index] if it is one of the workflow options (`--baseline FILE` or
/// `--baseline=FILE` forms), advancing `index` past a separate value. `error` says what is
/// wrong on OptionMatch::error (a missing file name, --fix with --diff).
OptionMatch read_workflow_option(std::span<const std::string> args, std::size_t& index,
                                 WorkflowOptions& options, std::string& error);

/// The --help lines for these options.
std::string_view workflow_help();

struct WorkflowOutcome {
    std::string output;                ///< for stdout: the diffs of --diff
    std::vector<std::string> messages; ///< for stderr: "factlint: ..." notes and errors
    std::optional<int> exit_code;      ///< stop with this code (0 clean, 1 findings, 2 error)
};

/// Runs the options on lint results, in order: --fix/--diff, then --write-baseline, then
/// --baseline. `relint` lints a result's file again after --fix changed it. Results read from
/// stdin (path "-" or no file on disk) are never fixed.
WorkflowOutcome run_workflow(const WorkflowOptions& options, std::vector<LintResult>& results,
                             const std::function<LintResult(const LintResult&)>& relint);

} // namespace factlint
