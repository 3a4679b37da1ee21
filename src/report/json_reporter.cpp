/// The JSON output, version 1 (docs/output-schema.md). Built with Boost.JSON.
#include "report/reporter.hpp"

#include <boost/json.hpp>
#include <ostream>

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
        files_.push_back(
            json::object{{"path", report.path}, {"diagnostics", std::move(diagnostics)}});
    }

    void finish() override {
        json::object document{
            {"version", 1},
            {"tool", json::object{{"name", "factlint"}, {"version", FACTLINT_VERSION}}},
            {"files", std::move(files_)},
            {"summary", json::object{{"files", files_.size()},
                                     {"errors", counts_[static_cast<int>(Level::error)]},
                                     {"warnings", counts_[static_cast<int>(Level::warning)]},
                                     {"info", counts_[static_cast<int>(Level::info)]}}},
        };
        document["summary"].as_object()["files"] = document["files"].as_array().size();
        out_ << json::serialize(document) << '\n';
        out_.flush();
    }

private:
    std::ostream& out_;
    json::array files_;
    std::size_t counts_[3] = {0, 0, 0};
};

} // namespace

std::unique_ptr<Reporter> make_json_reporter(std::ostream& out) {
    return std::make_unique<JsonReporter>(out);
}

} // namespace factlint
