/// SARIF 2.1.0 (OASIS): one run, the rule table from the check registry, one result per finding.
/// Validated against the official schema by tests/report/sarif_schema_test.
#include "checks/check.hpp"
#include "report/reporter.hpp"

#include <boost/json.hpp>
#include <map>
#include <ostream>

namespace factlint {
namespace {

namespace json = boost::json;

std::string_view sarif_level(Level level) {
    switch (level) {
    case Level::error:
        return "error";
    case Level::warning:
        return "warning";
    case Level::info:
        return "note";
    }
    return "warning";
}

/// A path as a URI reference: percent-encode what may not appear in one; an absolute path
/// becomes a file: URI (a relative reference would be resolved against the repository root).
std::string to_uri(std::string_view path) {
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string out = path.starts_with('/') ? "file://" : "";
    for (unsigned char c : path) {
        if (std::isalnum(c) || std::string_view("/-._~").find(char(c)) != std::string_view::npos)
            out += char(c);
        else
            out += {'%', hex[c >> 4], hex[c & 15]};
    }
    return out;
}

/// Findings that come from reading the document, not from a rule type: they have no page under
/// docs/rules/, so their SARIF rule gets a summary here and no helpUri.
std::string_view document_problem_summary(std::string_view id) {
    static constexpr std::pair<std::string_view, std::string_view> problems[] = {
        {"binary-file", "Binary file skipped"},
        {"invalid-encoding", "The file is not valid UTF-8"},
        {"invalid-front-matter", "The YAML front matter cannot be read"},
        {"unknown-directive", "A factlint comment directive that factlint does not know"},
    };
    for (const auto& [problem, summary] : problems)
        if (problem == id)
            return summary;
    return "Document problem";
}

json::object region(Position start, Position end) {
    return {{"startLine", start.line},
            {"startColumn", start.column},
            {"endLine", end.line},
            {"endColumn", end.column}};
}

class SarifReporter : public Reporter {
public:
    explicit SarifReporter(std::ostream& out)
        : out_(out) {
        for (const CheckInfo& check : check_registry())
            add_rule(check.id, check.summary, check.default_level);
    }

    void file(const FileReport& report) override {
        for (const LocatedDiagnostic& located : report.diagnostics) {
            const Diagnostic& diagnostic = located.diagnostic;
            std::size_t index = add_rule(diagnostic.rule, document_problem_summary(diagnostic.rule),
                                         Level::warning);
            json::object location{
                {"physicalLocation",
                 json::object{{"artifactLocation", json::object{{"uri", to_uri(report.path)}}},
                              {"region", region(located.start, located.end)}}}};
            json::object result{{"ruleId", diagnostic.rule},
                                {"ruleIndex", index},
                                {"level", sarif_level(diagnostic.level)},
                                {"message", json::object{{"text", diagnostic.message}}},
                                {"locations", json::array{location}}};
            json::array related;
            for (std::size_t i = 0; i < diagnostic.related.size() && i < located.related.size();
                 ++i)
                related.push_back(json::object{
                    {"id", i},
                    {"message", json::object{{"text", diagnostic.related[i].message}}},
                    {"physicalLocation",
                     json::object{
                         {"artifactLocation", json::object{{"uri", to_uri(report.path)}}},
                         {"region", json::object{{"startLine", located.related[i].line},
                                                 {"startColumn", located.related[i].column}}}}}});
            if (!related.empty())
                result["relatedLocations"] = std::move(related);
            results_.push_back(std::move(result));
        }
    }

    void finish() override {
        json::object driver{{"name", "factlint"},
                            {"version", FACTLINT_VERSION},
                            {"informationUri", FACTLINT_DOCS_URL},
                            {"rules", std::move(rules_)}};
        json::object run{{"tool", json::object{{"driver", std::move(driver)}}},
                         {"columnKind", "unicodeCodePoints"},
                         {"results", std::move(results_)}};
        json::object log{{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
                         {"version", "2.1.0"},
                         {"runs", json::array{std::move(run)}}};
        out_ << json::serialize(log) << '\n';
        out_.flush();
    }

private:
    std::size_t add_rule(std::string_view id, std::string_view summary, Level level) {
        auto [it, inserted] = rule_index_.emplace(std::string(id), rules_.size());
        if (inserted) {
            json::object rule{
                {"id", id},
                {"shortDescription", json::object{{"text", summary}}},
                {"defaultConfiguration", json::object{{"level", sarif_level(level)}}}};
            if (find_check(id))
                rule["helpUri"] =
                    std::string(FACTLINT_DOCS_URL) + "rules/" + std::string(id) + ".md";
            rules_.push_back(std::move(rule));
        }
        return it->second;
    }

    std::ostream& out_;
    json::array rules_;
    json::array results_;
    std::map<std::string, std::size_t, std::less<>> rule_index_;
};

} // namespace

std::unique_ptr<Reporter> make_sarif_reporter(std::ostream& out) {
    return std::make_unique<SarifReporter>(out);
}

} // namespace factlint
