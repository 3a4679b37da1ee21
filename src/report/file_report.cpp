#include "report/reporter.hpp"

namespace factlint {

namespace {
/// Lines longer than this get no snippet: copying a megabyte line once per finding would make
/// reporting quadratic, and no terminal shows it usefully anyway.
constexpr std::size_t max_snippet_line = 4096;
} // namespace

FileReport make_file_report(const LintResult& result, Level min_level) {
    FileReport report{result.document.path, {}};
    const Document& document = result.document;
    for (const Diagnostic& diagnostic : result.diagnostics) {
        if (diagnostic.level < min_level)
            continue;
        LocatedDiagnostic located{diagnostic, {}, {}, {}, {}, {}};
        if (document.lines) {
            located.start = document.lines->position(diagnostic.span.begin);
            located.end = document.lines->position(diagnostic.span.end);
            std::string_view line = document.lines->line_text(located.start.line);
            if (line.size() <= max_snippet_line)
                located.line_text = std::string(line);
            for (const Related& related : diagnostic.related)
                located.related.push_back(document.lines->position(related.span.begin));
        }
        if (diagnostic.span.end <= document.text.size())
            located.excerpt = std::string(diagnostic.span.in(document.text));
        report.diagnostics.push_back(std::move(located));
    }
    return report;
}

std::optional<OutputFormat> parse_output_format(std::string_view name) {
    if (name == "text")
        return OutputFormat::text;
    if (name == "json")
        return OutputFormat::json;
    if (name == "sarif")
        return OutputFormat::sarif;
    if (name == "github")
        return OutputFormat::github;
    return std::nullopt;
}

std::unique_ptr<Reporter> make_reporter(OutputFormat format, std::ostream& out,
                                        ReporterOptions options) {
    switch (format) {
    case OutputFormat::text:
        return make_text_reporter(out, options);
    case OutputFormat::json:
        return make_json_reporter(out);
    case OutputFormat::sarif:
        return make_sarif_reporter(out);
    case OutputFormat::github:
        return make_github_reporter(out);
    }
    return make_text_reporter(out, options);
}

} // namespace factlint
