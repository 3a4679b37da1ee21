#include "engine/workflow.hpp"

#include "engine/baseline.hpp"
#include "engine/fixes.hpp"

#include <filesystem>
#include <fmt/format.h>

namespace factlint {

OptionMatch read_workflow_option(std::span<const std::string> args, std::size_t& index,
                                 WorkflowOptions& options, std::string& error) {
    const std::string& arg = args[index];
    if (arg == "--fix" || arg == "--diff") {
        (arg == "--fix" ? options.fix : options.diff) = true;
        if (options.fix && options.diff) {
            error = "--fix and --diff cannot be combined (--diff previews what --fix writes)";
            return OptionMatch::error;
        }
        return OptionMatch::yes;
    }
    for (auto [name, target] :
         {std::pair{std::string_view("--baseline"), &options.baseline},
          std::pair{std::string_view("--write-baseline"), &options.write_baseline}}) {
        if (arg == name) {
            if (index + 1 >= args.size() || args[index + 1].empty()) {
                error = fmt::format("{} needs a file name", name);
                return OptionMatch::error;
            }
            *target = args[++index];
            return OptionMatch::yes;
        }
        if (arg.starts_with(name) && arg.size() > name.size() && arg[name.size()] == '=') {
            *target = arg.substr(name.size() + 1);
            if (target->empty()) {
                error = fmt::format("{} needs a file name", name);
                return OptionMatch::error;
            }
            return OptionMatch::yes;
        }
    }
    return OptionMatch::no;
}

std::string_view workflow_help() {
    return "  --fix                  apply unambiguous fixes (atomic writes), then report the "
           "rest\n"
           "  --diff                 print what --fix would change as a unified diff; write "
           "nothing\n"
           "  --baseline FILE        fail only on findings FILE does not accept\n"
           "  --write-baseline FILE  accept every finding shown (see --min-level) into FILE, "
           "exit 0\n";
}

WorkflowOutcome run_workflow(const WorkflowOptions& options, std::vector<LintResult>& results,
                             const std::function<LintResult(const LintResult&)>& relint) {
    WorkflowOutcome outcome;
    if (options.fix || options.diff) {
        std::size_t fixed = 0, files = 0, conflicts = 0;
        bool failed = false;
        for (LintResult& result : results) {
            const std::string& path = result.document.path;
            std::error_code error;
            if (path == "-" || path.empty() || !std::filesystem::is_regular_file(path, error))
                continue;
            FileFix change = fix_file(path, result.document.text.size(), result.diagnostics,
                                      options.fix, options.diff);
            if (!change.error.empty()) {
                outcome.messages.push_back(fmt::format("factlint: error: {}", change.error));
                failed = true;
                continue;
            }
            outcome.output += change.diff;
            conflicts += change.conflicts;
            if (change.written) {
                fixed += change.applied;
                ++files;
                result = relint(result);
            }
        }
        if (options.fix && fixed > 0)
            outcome.messages.push_back(fmt::format("factlint: fixed {} problem{} in {} file{}",
                                                   fixed, fixed == 1 ? "" : "s", files,
                                                   files == 1 ? "" : "s"));
        if (conflicts > 0)
            outcome.messages.push_back(
                fmt::format("factlint: {} overlapping fix{} left for another run", conflicts,
                            conflicts == 1 ? "" : "es"));
        if (failed) {
            outcome.exit_code = 2;
            return outcome;
        }
        if (options.diff) {
            outcome.exit_code = outcome.output.empty() ? 0 : 1;
            return outcome;
        }
    }
    if (!options.write_baseline.empty()) {
        Baseline baseline = make_baseline(results, options.write_baseline, options.min_level);
        std::string error = write_baseline(options.write_baseline, baseline);
        if (!error.empty()) {
            outcome.messages.push_back(fmt::format("factlint: error: {}", error));
            outcome.exit_code = 2;
            return outcome;
        }
        std::size_t count = 0;
        for (const BaselineEntry& entry : baseline.entries)
            count += entry.count;
        outcome.messages.push_back(fmt::format("factlint: wrote {} finding{} to {}", count,
                                               count == 1 ? "" : "s", options.write_baseline));
        outcome.exit_code = 0;
        return outcome;
    }
    if (!options.baseline.empty()) {
        std::string error;
        std::optional<Baseline> baseline = read_baseline(options.baseline, error);
        if (!baseline) {
            outcome.messages.push_back(fmt::format("factlint: error: {}", error));
            outcome.exit_code = 2;
            return outcome;
        }
        remove_baselined(*baseline, results, options.baseline);
    }
    return outcome;
}

} // namespace factlint
