/// The JSON output, version 1 (docs/output-schema.md). Built with Boost.JSON.
#include "report/reporter.hpp"

#include <boost/json.hpp>
#include <ostream>
#include <string>

namespace factlint {
namespace {

namespace json = boost::json;

json::object position(Position at, std::size_t offset) {
    return {{"line", at.line}, {"column", at.column}, {"offset", offset}};
}

json::object to_json(const LocatedDiagnostic& located) {
    const Diagnostic& diagnostic = located.diagnostic;
    json::object object{
        {"rule", diagnostic.rule},
        {"level", to_string(diagnostic.level)},
        {"message", diagnostic.message},
        {"start", position(located.start, diagnostic.span.begin)},
        {"end", position(located.end, diagnostic.span.end)},
        {"text", located.excerpt ? json::value(*located.excerpt) : json::value(nullptr)},
    };
    json::array related;
    for (std::size_t i = 0; i < diagnostic.related.size() && i < located.related.size(); ++i)
        related.push_back(json::object{{"line", located.related[i].line},
                                       {"column", located.related[i].column},
                                       {"offset", diagnostic.related[i].span.begin},
                                       {"message", diagnostic.related[i].message}});
    object["related"] = std::move(related);
    if (diagnostic.fix)
        object["fix"] = json::object{{"start_offset", diagnostic.fix->span.begin},
                                     {"end_offset", diagnostic.fix->span.end},
                                     {"replacement", diagnostic.fix->replacement}};
    else
        object["fix"] = nullptr;
    return object;
}

/// Streams the document: the head when the first file arrives, each file as it comes, the
/// summary in finish(). The bytes are those of serializing the whole document at once (keys in
/// the same order, no whitespace), but a run over a large corpus holds one file's findings at a
/// time instead of all of them.
class JsonReporter : public Reporter {
public:
    explicit JsonReporter(std::ostream& out)
        : out_(out) {}

    void file(const FileReport& report) override {
        json::array diagnostics;
        for (const LocatedDiagnostic& located : report.diagnostics) {
            ++counts_[static_cast<int>(located.diagnostic.level)];
            diagnostics.push_back(to_json(located));
        }
        out_ << (files_ == 0 ? head() : std::string(","))
             << json::serialize(
                    json::object{{"path", report.path}, {"diagnostics", std::move(diagnostics)}});
        ++files_;
    }

    void finish() override {
        json::object summary{{"files", files_},
                             {"errors", counts_[static_cast<int>(Level::error)]},
                             {"warnings", counts_[static_cast<int>(Level::warning)]},
                             {"info", counts_[static_cast<int>(Level::info)]}};
        if (files_ == 0)
            out_ << head();
        out_ << "],\"summary\":" << json::serialize(summary) << "}\n";
        out_.flush();
    }

private:
    /// Everything before the first file: `{"version":1,"tool":{...},"files":[`.
    static std::string head() {
        json::object tool{{"name", "factlint"}, {"version", FACTLINT_VERSION}};
        return "{\"version\":1,\"tool\":" + json::serialize(tool) + ",\"files\":[";
    }

    std::ostream& out_;
    std::size_t files_ = 0;
    std::size_t counts_[3] = {0, 0, 0};
};

} // namespace

std::unique_ptr<Reporter> make_json_reporter(std::ostream& out) {
    return std::make_unique<JsonReporter>(out);
}

} // namespace factlint
