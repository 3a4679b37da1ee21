/// `factlint [lint] [OPTIONS] PATHS...`: lints files in parallel and prints findings sorted by
/// file, then position. Exit codes: 0 clean, 1 findings at or above --min-level, 2 usage/config/I-O
/// error.
#include "cli/commands.hpp"
#include "cli/inputs.hpp"
#include "cli/lint_pool.hpp"
#include "engine/workflow.hpp"
#include "report/reporter.hpp"
#include "rules/saved_pack.hpp"
#include "rules/suggest.hpp"

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <fmt/core.h>
#include <fstream>
#include <iostream>
#include <optional>
#include <thread>
#include <unistd.h>

namespace factlint::cli {
namespace {

constexpr std::string_view usage = R"(usage: factlint [lint] [OPTIONS] [PATHS...]

Checks numeric claims in Markdown and text files against a rule pack of sourced facts.
Directories are walked recursively; "-" reads standard input ("--" ends the options).
Findings are printed sorted by file, then position.

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
  -q, --quiet            no progress bar (shown on stderr when it is a terminal)
  --no-cache             load rule packs from YAML, neither reading nor saving parsed packs
                         (saved in $FACTLINT_CACHE_DIR, default ~/.cache/factlint)
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
    bool no_cache = false;
    Level min_level = Level::warning;
    std::vector<std::string> extensions = default_extensions;
    std::string stdin_filename;
    unsigned jobs = std::max(1u, std::thread::hardware_concurrency());
    WorkflowOptions workflow;
    bool help = false;
    bool version = false;
};

std::optional<unsigned> parse_jobs(const std::string& text) {
    unsigned jobs = 0;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), jobs);
    if (error != std::errc() || end != text.data() + text.size() || jobs < 1 || jobs > 1024)
        return std::nullopt;
    return jobs;
}

/// What an option does with its value (empty for flags); returns an error message or "".
using ApplyOption = std::string (*)(Options& options, const std::string& value);

struct OptionSpec {
    std::string_view name;       ///< "--config"
    std::string_view short_name; ///< "-j", or empty
    bool takes_value;
    ApplyOption apply;
};

// The lint command's own options; the workflow options (--fix, --diff, --baseline,
// --write-baseline) are read by read_workflow_option() first. Sorted by name.
constexpr OptionSpec option_table[] = {
    {"--as-of", "", true,
     [](Options& o, const std::string& value) -> std::string {
         o.as_of = Date::parse_iso(value);
         if (!o.as_of || o.as_of->day == 0)
             return "--as-of needs a date like 2025-05-01, not '" + value + "'";
         return "";
     }},
    {"--color", "", true,
     [](Options& o, const std::string& value) -> std::string {
         if (value != "auto" && value != "always" && value != "never")
             return "--color must be auto, always or never, not '" + value + "'";
         o.color = value;
         return "";
     }},
    {"--config", "", true,
     [](Options& o, const std::string& value) -> std::string {
         o.config = value;
         return "";
     }},
    {"--ext", "", true,
     [](Options& o, const std::string& value) -> std::string {
         o.extensions = split_extensions(value);
         return o.extensions.empty() ? "--ext needs extensions like .md,.txt" : "";
     }},
    {"--format", "", true,
     [](Options& o, const std::string& value) -> std::string {
         auto format = parse_output_format(value);
         if (!format)
             return "--format must be text, json, sarif or github, not '" + value + "'";
         o.format = *format;
         return "";
     }},
    {"--help", "-h", false,
     [](Options& o, const std::string&) -> std::string {
         o.help = true;
         return "";
     }},
    {"--jobs", "-j", true,
     [](Options& o, const std::string& value) -> std::string {
         auto jobs = parse_jobs(value);
         if (!jobs)
             return "-j needs a number of jobs from 1 to 1024, not '" + value + "'";
         o.jobs = *jobs;
         return "";
     }},
    {"--min-level", "", true,
     [](Options& o, const std::string& value) -> std::string {
         auto level = parse_level(value);
         if (!level)
             return "--min-level must be info, warning or error, not '" + value + "'";
         o.min_level = *level;
         return "";
     }},
    {"--no-cache", "", false,
     [](Options& o, const std::string&) -> std::string {
         o.no_cache = true;
         return "";
     }},
    {"--quiet", "-q", false,
     [](Options& o, const std::string&) -> std::string {
         o.quiet = true;
         return "";
     }},
    {"--snippet", "", false,
     [](Options& o, const std::string&) -> std::string {
         o.snippet = true;
         return "";
     }},
    {"--stdin-filename", "", true,
     [](Options& o, const std::string& value) -> std::string {
         o.stdin_filename = value;
         return "";
     }},
    {"--version", "", false,
     [](Options& o, const std::string&) -> std::string {
         o.version = true;
         return "";
     }},
};

const OptionSpec* find_option(std::string_view name) {
    for (const OptionSpec& spec : option_table)
        if (spec.name == name || (!spec.short_name.empty() && spec.short_name == name))
            return &spec;
    return nullptr;
}

std::string unknown_option(const std::string& arg) {
    std::vector<std::string> names;
    for (const OptionSpec& spec : option_table)
        names.emplace_back(spec.name);
    for (const char* name : {"--fix", "--diff", "--baseline", "--write-baseline"})
        names.emplace_back(name);
    std::string suggestion = closest_match(arg, names);
    return "unknown option '" + arg + "'" +
           (suggestion.empty() ? "" : "; did you mean '" + suggestion + "'?");
}

/// Parses the arguments; returns an exit code when the run should stop here.
std::optional<int> parse(std::span<const std::string> args, Options& options) {
    auto fail = [](const std::string& message) {
        fmt::print(stderr, "factlint: {}\n(try factlint --help)\n", message);
        return std::optional<int>(exit_error);
    };
    bool only_paths = false; // after "--"
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if (only_paths || arg == "-" || !arg.starts_with("-")) {
            options.paths.push_back(arg);
            continue;
        }
        if (arg == "--") {
            only_paths = true;
            continue;
        }
        std::string error;
        switch (read_workflow_option(args, i, options.workflow, error)) {
        case OptionMatch::yes:
            continue;
        case OptionMatch::error:
            return fail(error);
        case OptionMatch::no:
            break;
        }
        // Forms: --name VALUE, --name=VALUE, -j VALUE, -jVALUE.
        std::string name = arg;
        std::optional<std::string> value;
        if (arg.starts_with("--") && arg.find('=') != std::string::npos) {
            name = arg.substr(0, arg.find('='));
            value = arg.substr(arg.find('=') + 1);
        } else if (!arg.starts_with("--") && arg.size() > 2) {
            name = arg.substr(0, 2);
            value = arg.substr(2);
        }
        const OptionSpec* spec = find_option(name);
        if (!spec)
            return fail(unknown_option(name));
        if (spec->takes_value && !value) {
            if (i + 1 >= args.size())
                return fail(std::string(spec->name) + " needs a value");
            value = args[++i];
        } else if (!spec->takes_value && value) {
            return fail(std::string(spec->name) + " takes no value");
        }
        if (std::string problem = spec->apply(options, value.value_or("")); !problem.empty())
            return fail(problem);
        if (options.help) {
            fmt::print(fmt::runtime(usage), workflow_help());
            return exit_clean;
        }
        if (options.version) {
            fmt::print("factlint {}\n", FACTLINT_VERSION);
            return exit_clean;
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
        total_ = std::max(total_, done); // files added between the count and the run
        auto now = std::chrono::steady_clock::now();
        if (done < total_ && now - last_ < std::chrono::milliseconds(100))
            return;
        last_ = now;
        double seconds = std::chrono::duration<double>(now - start_).count();
        double rate = seconds > 0 ? double(bytes) / 1e6 / seconds : 0;
        double eta = done > 0 ? seconds * double(total_ - done) / double(done) : 0;
        fmt::print(stderr, "\r\x1b[Kfactlint: {}/{} files  {:.1f} MB/s  ETA {:.0f}s", done, total_,
                   rate, eta);
        shown_ = true;
    }
    bool enabled() const { return enabled_; }
    /// Erases the line (before findings or errors are printed to the same terminal); the next
    /// update draws it again.
    void clear() {
        if (!shown_)
            return;
        fmt::print(stderr, "\r\x1b[K");
        shown_ = false;
        last_ = {};
    }

private:
    bool enabled_;
    bool shown_ = false;
    std::size_t total_;
    std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
    std::chrono::steady_clock::time_point last_{};
};

} // namespace

int run_lint(std::span<const std::string> args) {
    Options options;
    if (auto stop = parse(args, options))
        return *stop;

    bool tty_out = isatty(STDOUT_FILENO);
    ReporterOptions report_options{
        options.color == "always" || (options.color == "auto" && tty_out && !getenv("NO_COLOR")),
        options.snippet || (tty_out && options.format == OutputFormat::text)};
    std::unique_ptr<Reporter> reporter = make_reporter(options.format, std::cout, report_options);
    LintOptions lint_options{options.as_of};
    bool keep_results = options.workflow.fix || options.workflow.diff ||
                        !options.workflow.baseline.empty() ||
                        !options.workflow.write_baseline.empty();

    // What reports outcomes, in input order, one at a time, once the walk has ended (LintPool).
    bool progress_wanted = !options.quiet && isatty(STDERR_FILENO);
    Progress progress(false, 0); // replaced when the walk has counted the files
    std::vector<std::string> errors;
    bool io_error = false;
    bool findings = false;
    std::size_t bytes_done = 0;
    std::vector<LintResult> kept;
    auto report = [&](const FileReport& file) {
        findings = findings || !file.diagnostics.empty();
        if (!file.diagnostics.empty())
            progress.clear();
        reporter->file(file);
        if (progress.enabled()) // the findings must reach the terminal before the bar is redrawn
            std::cout.flush();
    };
    auto deliver = [&](LintOutcome& outcome, std::size_t index) {
        if (!outcome.error.empty()) {
            progress.clear();
            fmt::print(stderr, "factlint: error: {}\n", outcome.error);
            io_error = true;
            return;
        }
        bytes_done += outcome.bytes;
        if (outcome.result)
            kept.push_back(std::move(*outcome.result));
        else
            report(*outcome.report);
        progress.update(index + 1, bytes_done);
    };

    // Inputs are walked once, by this thread, holding ~12 bytes a file (OrderedInputs): the
    // walk finds every file's pack (a configuration error stops the run before any output),
    // reports missing paths and counts the files for the progress bar (the resolver looks a
    // pack up once per directory). With -jN, N-1 workers lint the inputs the walk hands over
    // while it goes on; then the walk is replayed to N workers from the first input not handed
    // over (LintPool).
    OrderedInputs inputs(options.paths, options.extensions, options.stdin_filename);
    PackResolver resolver(options.config, options.no_cache ? "" : pack_cache_directory());
    auto lint = [&](const LintJob& job) {
        LintOutcome outcome;
        const Linter* linter = nullptr;
        try {
            linter = job.linter->get().get();
        } catch (const ConfigError& error) { // resolver.wait() reports it and the pool stops
            outcome.error = error.what();
            return outcome;
        }
        if (std::optional<std::string> bytes = read_input(job.input, outcome.error)) {
            LintResult result = linter->lint(job.input.path, std::move(*bytes), lint_options);
            outcome.bytes = result.document.text.size();
            if (keep_results)
                outcome.result = std::make_unique<LintResult>(std::move(result));
            else
                outcome.report = make_file_report(result, options.min_level);
        }
        return outcome;
    };
    LintPool pool(options.jobs, lint, deliver);
    std::size_t total = 0;
    std::string last_handed_over; // to check the replay against
    try {
        while (std::optional<Input> input = inputs.next(&errors)) {
            ++total;
            const PackResolver::PendingLinter& linter = resolver.pending(input->path);
            if (pool.accepting()) {
                last_handed_over = input->path;
                pool.hand_over({std::move(*input), &linter}); // a worker loads the pack
            }
        }
        resolver.wait();
    } catch (const ConfigError& error) {
        pool.stop();
        for (const std::string& message : errors)
            fmt::print(stderr, "factlint: error: {}\n", message);
        // what() is "file:line:col: message", the form editors jump to.
        fmt::print(stderr, "{}\n", error.what());
        return exit_error;
    }
    for (const std::string& error : errors)
        fmt::print(stderr, "factlint: error: {}\n", error);
    io_error = !errors.empty();
    progress = Progress(progress_wanted && total > 1, total);

    // Test-only hook (tests/cli/cli_test.py): waits for a line on this FIFO, so that a test can
    // change the files between the walk and its replay.
    if (const char* fifo = std::getenv("FACTLINT_TEST_PAUSE_AFTER_WALK"))
        std::ifstream(fifo).get();
    // The replay starts after the handed-over inputs. A walk too long to keep is walked again,
    // and the files may have changed meanwhile: the replay must reach the last handed-over input
    // where the walk did.
    bool replay = pool.handed_over() < total;
    if (replay) {
        inputs.restart();
        std::optional<Input> last;
        for (std::size_t k = 0; k < pool.handed_over(); ++k)
            last = inputs.next(nullptr);
        if (pool.handed_over() > 0 && (!last || last->path != last_handed_over)) {
            pool.stop();
            fmt::print(stderr, "factlint: error: files were added or removed while factlint "
                               "walked them; nothing was reported\n");
            return exit_error;
        }
    }
    std::string late_config_error; // a pack that appeared between the walk and its replay, broken
    pool.finish(total, [&]() -> std::optional<LintJob> {
        std::optional<Input> input = replay ? inputs.next(nullptr) : std::nullopt;
        if (!input)
            return std::nullopt;
        const PackResolver::PendingLinter& linter = resolver.pending(input->path);
        try {
            linter.get(); // a pack that appeared after the walk is loaded here, and may fail
            return LintJob{std::move(*input), &linter};
        } catch (const ConfigError& error) {
            late_config_error = error.what();
            return std::nullopt;
        }
    });
    progress.clear();
    if (!late_config_error.empty()) {
        fmt::print(stderr, "{}\n", late_config_error);
        return exit_error;
    }

    if (keep_results) {
        auto relint = [&](const LintResult& previous) {
            std::string error;
            Input input{previous.document.path, false};
            std::optional<std::string> bytes = read_input(input, error);
            return resolver.linter_for(input.path)
                ->lint(input.path, bytes.value_or(""), lint_options);
        };
        options.workflow.min_level = options.min_level; // a baseline records what is shown
        WorkflowOutcome outcome = run_workflow(options.workflow, kept, relint);
        std::cout << outcome.output;
        for (const std::string& message : outcome.messages)
            fmt::print(stderr, "{}\n", message);
        if (outcome.exit_code)
            return *outcome.exit_code;
        for (const LintResult& result : kept)
            report(make_file_report(result, options.min_level));
    }
    reporter->finish();
    if (io_error)
        return exit_error;
    return findings ? exit_findings : exit_clean;
}

} // namespace factlint::cli
