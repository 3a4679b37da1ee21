/// GitHub Actions workflow commands: each finding becomes an annotation on the pull request.
#include "report/reporter.hpp"

#include <fmt/format.h>
#include <fmt/ostream.h>
#include <ostream>

namespace factlint {
namespace {

/// Escapes a workflow command's message (`%`, CR, LF) and, for properties, also `:` and `,`.
std::string escape(std::string_view text, bool property) {
    std::string out;
    for (char c : text) {
        switch (c) {
        case '%':
            out += "%25";
            break;
        case '\r':
            out += "%0D";
            break;
        case '\n':
            out += "%0A";
            break;
        case ':':
            out += property ? "%3A" : ":";
            break;
        case ',':
            out += property ? "%2C" : ",";
            break;
        default:
            out += c;
        }
    }
    return out;
}

std::string_view command_for(Level level) {
    switch (level) {
    case Level::error:
        return "error";
    case Level::warning:
        return "warning";
    case Level::info:
        return "notice";
    }
    return "warning";
}

class GithubReporter : public Reporter {
public:
    explicit GithubReporter(std::ostream& out)
        : out_(out) {}

    void file(const FileReport& report) override {
        for (const LocatedDiagnostic& located : report.diagnostics) {
            const Diagnostic& diagnostic = located.diagnostic;
            fmt::print(out_, "::{} file={},line={},col={},endLine={},endColumn={},title={}::{}\n",
                       command_for(diagnostic.level), escape(report.path, true), located.start.line,
                       located.start.column, located.end.line, located.end.column,
                       escape(diagnostic.rule, true), escape(diagnostic.message, false));
        }
    }
    void finish() override { out_.flush(); }

private:
    std::ostream& out_;
};

} // namespace

std::unique_ptr<Reporter> make_github_reporter(std::ostream& out) {
    return std::make_unique<GithubReporter>(out);
}

} // namespace factlint
