/// The GCC/Clang convention `path:line:col: level: message [rule-id]` that Vim's quickfix, Emacs'
/// compilation-mode and VS Code's problem matchers read, plus clang-style snippets.
#include "report/reporter.hpp"

#include <fmt/format.h>
#include <fmt/ostream.h>
#include <ostream>

namespace factlint {
namespace {

constexpr std::string_view bold = "\x1b[1m";
constexpr std::string_view reset = "\x1b[0m";
constexpr std::string_view green = "\x1b[1;32m";

std::string_view level_color(Level level) {
    switch (level) {
    case Level::error:
        return "\x1b[1;31m";
    case Level::warning:
        return "\x1b[1;35m";
    case Level::info:
        return "\x1b[1;36m";
    }
    return "";
}

bool is_continuation(char c) {
    return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

/// The caret line under `line`: spaces (tabs kept, so it lines up) up to column `start`, a caret,
/// then tildes to column `end` (or the end of the line).
std::string underline(std::string_view line, std::size_t start, std::size_t end) {
    std::string marks;
    std::size_t column = 1;
    for (std::size_t i = 0; i < line.size(); ++i) {
        if (is_continuation(line[i]))
            continue;
        if (column >= end && column > start)
            break;
        if (column < start)
            marks += line[i] == '\t' ? '\t' : ' ';
        else
            marks += column == start ? '^' : '~';
        ++column;
    }
    if (marks.size() < start) // an empty span at the end of the line
        marks += '^';
    return marks;
}

class TextReporter : public Reporter {
public:
    TextReporter(std::ostream& out, ReporterOptions options)
        : out_(out)
        , options_(options) {}

    void file(const FileReport& report) override {
        for (const LocatedDiagnostic& located : report.diagnostics)
            print(report.path, located);
    }
    void finish() override { out_.flush(); }

private:
    std::string paint(std::string_view color, std::string_view text) const {
        return options_.color ? fmt::format("{}{}{}", color, text, reset) : std::string(text);
    }

    void print(const std::string& path, const LocatedDiagnostic& located) {
        const Diagnostic& diagnostic = located.diagnostic;
        fmt::print(
            out_, "{} {} {} [{}]\n",
            paint(bold, fmt::format("{}:{}:{}:", path, located.start.line, located.start.column)),
            paint(level_color(diagnostic.level), fmt::format("{}:", to_string(diagnostic.level))),
            paint(bold, diagnostic.message), diagnostic.rule);
        if (options_.snippet && !located.line_text.empty()) { // empty: no line, or too long
            std::size_t end = located.end.line == located.start.line ? located.end.column
                                                                     : located.line_text.size() + 1;
            fmt::print(out_, "{}\n{}\n", located.line_text,
                       paint(green, underline(located.line_text, located.start.column, end)));
        }
        for (std::size_t i = 0; i < diagnostic.related.size() && i < located.related.size(); ++i)
            fmt::print(out_, "{} {} {}\n",
                       paint(bold, fmt::format("{}:{}:{}:", path, located.related[i].line,
                                               located.related[i].column)),
                       paint(level_color(Level::info), "note:"), diagnostic.related[i].message);
    }

    std::ostream& out_;
    ReporterOptions options_;
};

} // namespace

std::unique_ptr<Reporter> make_text_reporter(std::ostream& out, ReporterOptions options) {
    return std::make_unique<TextReporter>(out, options);
}

} // namespace factlint
