/// `factlint [lint] [OPTIONS] PATHS...`: lints files in parallel and prints findings in input
/// order. Exit codes: 0 clean, 1 findings at or above --min-level, 2 usage/config/I-O error.
#include "cli/commands.hpp"
#include "cli/inputs.hpp"
#include "engine/workflow.hpp"
#include "report/reporter.hpp"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <fmt/core.h>
#include <iostream>
#include <mutex>
#include <optional>
#include <thread>
#include <unistd.h>

namespace factlint::cli {
namespace {

constexpr std::string_view usage = R"(usage: factlint [lint] [OPTIONS] [PATHS...]

Checks numeric claims in Markdown and text files against a rule pack of sourced facts.
Directories are walked recursively; "-" reads standard input.

options:
  --config FILE          rule pack to use (default: nearest .factlint.yaml, else the bundled pack)
  --as-of DATE           judge drafts as of DATE (YYYY-MM-DD; default: front matter date:, else today)
  --format FORMAT        text (default), json, sarif or github
  --color WHEN           auto (default), always or never
  --snippet              show the source line and a caret under each finding (default on a TTY)
  --min-level LEVEL      report and fail on info, warning (default) or error and above
  --ext LIST             file extensions to lint in directories (default: .md,.markdown,.txt)
  --stdin-filename NAME  the name to report for "-" (also used to find .factlint.yaml)
  -j, --jobs N           files linted in parallel (default: hardware threads)
  -q, --quiet            no progress bar and no summary
  --version              print the version
  -h, --help             print this help
{}
exit codes: 0 no findings at or above --min-level, 1 findings, 2 usage, configuration or I/O error
other commands: factlint claims | explain RULE | lsp   (factlint COMMAND --help)
)";

struct Options {
    std::vector<std::string> paths;
    std::string config;
    std::optional<Date> as_of;
    OutputFormat format = OutputFormat::text;
    std::string color = "auto";
    bool snippet = false;
    bool quiet = false;
    Level min_level = Level::warning;
    std::vector<std::string> extensions{".md", ".markdown", ".txt"};
    std::string stdin_filename;
    unsigned jobs = std::max(1u, std::thread::hardware_concurrency());
    WorkflowOptions workflow;
};

std::vector<std::string> split_extensions(std::string_view list) {
    std::vector<std::string> out;
    while (!list.empty()) {
        std::size_t comma = list.find(',');
        std::string item(list.substr(0, comma));
        if (!item.empty())
            out.push_back(item.starts_with('.') ? item : "." + item);
        list = comma == std::string_view::npos ? std::string_view() : list.substr(comma + 1);
    }
    return out;
}

/// Parses the arguments; returns an exit code when the run should stop here.
std::optional<int> parse(std::span<const std::string> args, Options& options) {
    auto fail = [](const std::string& message) {
        fmt::print(stderr, "factlint: {}\n(try factlint --help)\n", message);
        return std::optional<int>(exit_error);
    };
    for (std::size_t i = 0; i < args.size(); ++i) {
        std::string arg = args[i];
        std::optional<std::string> inline_value;
        if (arg.starts_with("--") && arg.find('=') != std::string::npos) {
            inline_value = arg.substr(arg.find('=') + 1);
            arg = arg.substr(0, arg.find('='));
        }
        auto value = [&]() -> std::optional<std::string> {
            if (inline_value)
                return inline_value;
            if (i + 1 < args.size())
                return args[++i];
            return std::nullopt;
        };
        std::string error;
        switch (read_workflow_option(args, i, options.workflow, error)) {
        case OptionMatch::yes:
            continue;
        case OptionMatch::error:
            return fail(error);
        case OptionMatch::no:
            break;
        }
        if (arg == "-h" || arg == "--help") {
            fmt::print(fmt::runtime(usage), workflow_help());
            return exit_clean;
        }
        if (arg == "--version") {
            fmt::print("factlint {}\n", FACTLINT_VERSION);
            return exit_clean;
        }
        if (arg == "--snippet") {
            options.snippet = true;
        } else if (arg == "-q" || arg == "--quiet") {
            options.quiet = true;
        } else if (arg == "--config" || arg == "--as-of" || arg == "--format" || arg == "--color" ||
                   arg == "--min-level" || arg == "--ext" || arg == "--stdin-filename" ||
                   arg == "-j" || arg == "--jobs") {
            std::optional<std::string> given = value();
            if (!given)
                return fail(arg + " needs a value");
            if (arg == "--config") {
                options.config = *given;
            } else if (arg == "--as-of") {
                options.as_of = Date::parse_iso(*given);
                if (!options.as_of || options.as_of->day == 0)
                    return fail("--as-of needs a date like 2025-05-01, not '" + *given + "'");
            } else if (arg == "--format") {
                auto format = parse_output_format(*given);
                if (!format)
                    return fail("--format must be text, json, sarif or github, not '" + *given +
                                "'");
                options.format = *format;
            } else if (arg == "--color") {
                if (*given != "auto" && *given != "always" && *given != "never")
                    return fail("--color must be auto, always or never");
                options.color = *given;
            } else if (arg == "--min-level") {
                auto level = parse_level(*given);
                if (!level)
                    return fail("--min-level must be info, warning or error");
                options.min_level = *level;
            } else if (arg == "--ext") {
                options.extensions = split_extensions(*given);
            } else if (arg == "--stdin-filename") {
                options.stdin_filename = *given;
            } else {
                int jobs = std::atoi(given->c_str());
                if (jobs < 1 || jobs > 1024)
                    return fail("-j needs a number of jobs from 1 to 1024");
                options.jobs = unsigned(jobs);
            }
        } else if (arg.starts_with("-j") && arg.size() > 2) {
            int jobs = std::atoi(arg.c_str() + 2);
            if (jobs < 1 || jobs > 1024)
                return fail("-j needs a number of jobs from 1 to 1024");
            options.jobs = unsigned(jobs);
        } else if (arg.starts_with("-") && arg != "-") {
            return fail("unknown option '" + arg + "'");
        } else {
            options.paths.push_back(arg);
        }
    }
    if (options.paths.empty())
        return fail("no paths given");
    return std::nullopt;
}

/// One line on stderr, redrawn in place: files done/total, MB/s, ETA.
class Progress {
public:
    Progress(bool enabled, std::size_t total)
        : enabled_(enabled)
        , total_(total) {}

    void update(std::size_t done, std::size_t bytes) {
        if (!enabled_)
            return;
        auto now = std::chrono::steady_clock::now();
        if (done < total_ && now - last_ < std::chrono::milliseconds(100))
            return;
        last_ = now;
        double seconds = std::chrono::duration<double>(now - start_).count();
        double rate = seconds > 0 ? double(bytes) / 1e6 / seconds : 0;
        double eta = done > 0 ? seconds * double(total_ - done) / double(done) : 0;
        fmt::print(stderr, "\r\x1b[Kfactlint: {}/{} files  {:.1f} MB/s  ETA {:.0f}s", done, total_,
                   rate, eta);
    }
    void clear() {
        if (enabled_)
            fmt::print(stderr, "\r\x1b[K");
    }

private:
    bool enabled_;
    std::size_t total_;
    std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
    std::chrono::steady_clock::time_point last_{};
};

/// One input's outcome: its lint result, or why it could not be read.
struct Slot {
    std::optional<LintResult> result;
    std::string error;
    bool ready = false;
};

} // namespace

int run_lint(std::span<const std::string> args) {
    Options options;
    if (auto stop = parse(args, options))
        return *stop;

    std::vector<std::string> errors;
    std::vector<Input> inputs =
        collect_inputs(options.paths, options.extensions, options.stdin_filename, errors);
    for (const std::string& error : errors)
        fmt::print(stderr, "factlint: error: {}\n", error);

    // Packs are resolved up front, in the main thread, so a configuration error stops the run
    // before any output.
    PackResolver resolver(options.config);
    std::vector<std::shared_ptr<const Linter>> linters;
    try {
        for (const Input& input : inputs)
            linters.push_back(resolver.linter_for(input.path));
    } catch (const ConfigError& error) {
        fmt::print(stderr, "{}: error: {}\n", error.what(), "invalid rule pack");
        return exit_error;
    }

    bool tty_out = isatty(STDOUT_FILENO);
    ReporterOptions report_options{
        options.color == "always" || (options.color == "auto" && tty_out && !getenv("NO_COLOR")),
        options.snippet || (tty_out && options.format == OutputFormat::text)};
    std::unique_ptr<Reporter> reporter = make_reporter(options.format, std::cout, report_options);
    LintOptions lint_options{options.as_of};
    bool keep_results = options.workflow.fix || options.workflow.diff ||
                        !options.workflow.baseline.empty() ||
                        !options.workflow.write_baseline.empty();

    // Workers take inputs in order but may finish out of order; the main thread reports slot i
    // once it is ready, so output order is input order. Workers stay at most `window` inputs
    // ahead of the reporter, which bounds memory on large corpora.
    std::vector<Slot> slots(inputs.size());
    std::mutex mutex;
    std::condition_variable ready_changed;
    std::atomic<std::size_t> next{0};
    std::size_t reported = 0;
    const std::size_t window = 8 * std::size_t(options.jobs);
    auto work = [&] {
        for (;;) {
            std::size_t i = next.fetch_add(1);
            if (i >= inputs.size())
                return;
            {
                std::unique_lock lock(mutex);
                ready_changed.wait(lock, [&] { return i < reported + window; });
            }
            Slot slot;
            std::string error;
            if (std::optional<std::string> bytes = read_input(inputs[i], error))
                slot.result = linters[i]->lint(inputs[i].path, std::move(*bytes), lint_options);
            else
                slot.error = error;
            slot.ready = true;
            std::lock_guard lock(mutex);
            slots[i] = std::move(slot);
            ready_changed.notify_all();
        }
    };
    std::vector<std::thread> workers;
    for (unsigned j = 0; j < std::min<std::size_t>(options.jobs, inputs.size()); ++j)
        workers.emplace_back(work);

    Progress progress(!options.quiet && isatty(STDERR_FILENO) && inputs.size() > 1, inputs.size());
    bool io_error = !errors.empty();
    bool findings = false;
    std::size_t bytes_done = 0;
    std::vector<LintResult> kept;
    auto report = [&](const LintResult& result) {
        FileReport file = make_file_report(result, options.min_level);
        findings = findings || !file.diagnostics.empty();
        reporter->file(file);
    };
    for (std::size_t i = 0; i < inputs.size(); ++i) {
        Slot slot;
        {
            std::unique_lock lock(mutex);
            ready_changed.wait(lock, [&] { return slots[i].ready; });
            slot = std::move(slots[i]);
            slots[i] = Slot{};
            reported = i + 1;
            ready_changed.notify_all();
        }
        if (!slot.result) {
            progress.clear();
            fmt::print(stderr, "factlint: error: {}\n", slot.error);
            io_error = true;
            continue;
        }
        bytes_done += slot.result->document.text.size();
        progress.update(i + 1, bytes_done);
        if (keep_results)
            kept.push_back(std::move(*slot.result));
        else
            report(*slot.result);
    }
    for (std::thread& worker : workers)
        worker.join();
    progress.clear();

    if (keep_results) {
        auto relint = [&](const LintResult& previous) {
            std::string error;
            Input input{previous.document.path, false};
            std::optional<std::string> bytes = read_input(input, error);
            return resolver.linter_for(input.path)
                ->lint(input.path, bytes.value_or(""), lint_options);
        };
        WorkflowOutcome outcome = run_workflow(options.workflow, kept, relint);
        std::cout << outcome.output;
        for (const std::string& message : outcome.messages)
            fmt::print(stderr, "{}\n", message);
        if (outcome.exit_code)
            return *outcome.exit_code;
        for (const LintResult& result : kept)
            report(result);
    }
    reporter->finish();
    if (io_error)
        return exit_error;
    return findings ? exit_findings : exit_clean;
}

} // namespace factlint::cli
