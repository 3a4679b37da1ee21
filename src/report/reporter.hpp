/// Reporters turn findings into text; they are the only code that formats findings.
/// The CLI converts each LintResult into a compact FileReport (positions resolved, the file's
/// text dropped) as soon as it is linted, so a run over a large corpus holds only findings.
#pragma once

#include "core/diagnostic.hpp"
#include "core/line_index.hpp"
#include "engine/linter.hpp"

#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace factlint {

/// A diagnostic with its positions resolved (columns in code points).
struct LocatedDiagnostic {
    Diagnostic diagnostic;
    Position start;
    Position end;
    std::string line_text;              ///< the source line the finding starts on (for snippets)
    std::vector<Position> related;      ///< start of each Diagnostic::related entry
    std::optional<std::string> excerpt; ///< the flagged text (for JSON consumers)
};

/// One linted file's findings, ready to print.
struct FileReport {
    std::string path;
    std::vector<LocatedDiagnostic> diagnostics;
};

/// Resolves positions and keeps only the findings at or above `min_level`.
FileReport make_file_report(const LintResult& result, Level min_level);

enum class OutputFormat { text, json, sarif, github };

/// "text", "json", "sarif" or "github".
std::optional<OutputFormat> parse_output_format(std::string_view name);

struct ReporterOptions {
    bool color = false;   ///< ANSI colours (text)
    bool snippet = false; ///< source line and caret under each finding (text)
};

/// Receives file reports in output order, then finish(). Text-like formats print as files
/// arrive; document formats (JSON, SARIF) print everything in finish().
class Reporter {
public:
    virtual ~Reporter() = default;
    virtual void file(const FileReport& report) = 0;
    virtual void finish() = 0;
};

/// `path:line:col: level: message [rule-id]`, optionally with snippet and caret.
std::unique_ptr<Reporter> make_text_reporter(std::ostream& out, ReporterOptions options);
/// The versioned JSON document described in docs/output-schema.md.
std::unique_ptr<Reporter> make_json_reporter(std::ostream& out);
/// SARIF 2.1.0, one run, rule metadata from the check registry.
std::unique_ptr<Reporter> make_sarif_reporter(std::ostream& out);
/// GitHub Actions workflow commands (`::warning file=...,line=...::message`).
std::unique_ptr<Reporter> make_github_reporter(std::ostream& out);
/// The reporter for `format`.
std::unique_ptr<Reporter> make_reporter(OutputFormat format, std::ostream& out,
                                        ReporterOptions options);

} // namespace factlint
