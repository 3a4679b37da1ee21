// Timeline text: aligned columns counted in code points, so "≈" and "–" do not skew them.
#include "ledger/timeline.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <fmt/format.h>

namespace factlint::ledger {
namespace {

std::size_t display_width(std::string_view text) {
    std::size_t width = 0;
    for (unsigned char c : text)
        width += (c & 0xC0) != 0x80; // count lead bytes only
    return width;
}

std::string pad(std::string_view text, std::size_t width) {
    std::string out(text);
    out.append(width > display_width(text) ? width - display_width(text) : 0, ' ');
    return out;
}

std::string name_of(const std::string& id, const std::map<std::string, std::string>& names) {
    auto it = names.find(id);
    return it == names.end() ? id : it->second;
}

} // namespace

std::vector<Series> build_series(std::vector<LedgerFact> facts, const std::string& entity,
                                 const std::string& metric) {
    sort_facts(facts);
    std::vector<Series> out;
    for (LedgerFact& record : facts) {
        if ((!entity.empty() && record.fact.entity != entity) ||
            (!metric.empty() && record.fact.metric != metric))
            continue;
        if (out.empty() || out.back().entity != record.fact.entity ||
            out.back().metric != record.fact.metric)
            out.push_back({record.fact.entity, record.fact.metric, {}});
        out.back().points.push_back(std::move(record));
    }
    for (Series& series : out)
        std::stable_sort(
            series.points.begin(), series.points.end(),
            [](const LedgerFact& a, const LedgerFact& b) { return a.fact.as_of < b.fact.as_of; });
    return out;
}

std::string group_thousands(double value) {
    std::string digits = format_number(std::fabs(value));
    std::size_t point = digits.find_first_of(".e");
    std::string whole = digits.substr(0, point);
    std::string rest = point == std::string::npos ? "" : digits.substr(point);
    if (digits.find('e') == std::string::npos)
        for (int i = int(whole.size()) - 3; i > 0; i -= 3)
            whole.insert(std::size_t(i), ",");
    return (value < 0 ? "-" : "") + whole + rest;
}

std::string hedged_value(const Fact& fact) {
    auto number = [](const std::optional<double>& v) { return v ? group_thousands(*v) : "?"; };
    switch (fact.qualifier) {
    case Qualifier::exact:
        return number(fact.value);
    case Qualifier::about:
        return "≈" + number(fact.value);
    case Qualifier::at_least:
        return "≥" + number(fact.value ? fact.value : fact.low);
    case Qualifier::more_than:
        return ">" + number(fact.value ? fact.value : fact.low);
    case Qualifier::at_most:
        return "≤" + number(fact.value ? fact.value : fact.high);
    case Qualifier::less_than:
        return "<" + number(fact.value ? fact.value : fact.high);
    case Qualifier::range:
    case Qualifier::vague:
        return number(fact.low) + "–" + number(fact.high);
    }
    return number(fact.value);
}

std::string source_text(const Fact& fact, const std::map<std::string, std::string>& names) {
    std::string out = fact.source.empty() ? "-" : name_of(fact.source, names);
    if (!fact.via.empty())
        out += " (via " + name_of(fact.via, names) + ")";
    if (!fact.verified)
        out += ", unverified";
    return out;
}

std::string citation_text(const LedgerFact& record) {
    if (!record.fact.citation_title.empty())
        return record.fact.citation_title;
    if (!record.fact.url.empty())
        return record.fact.url;
    if (!record.provenance.file.empty())
        return fmt::format("{}:{}", record.provenance.file, record.provenance.line);
    return "";
}

std::string render_table(const std::vector<Series>& series,
                         const std::map<std::string, std::string>& names) {
    std::string out;
    for (const Series& s : series) {
        if (!out.empty())
            out += '\n';
        out += fmt::format("{} — {}\n", name_of(s.entity, names), s.metric);
        std::vector<std::array<std::string, 4>> rows{{"date", "value", "source", "citation"}};
        for (const LedgerFact& record : s.points)
            rows.push_back({record.fact.as_of.iso(),
                            hedged_value(record.fact) + (record.conflict ? " !" : ""),
                            source_text(record.fact, names), citation_text(record)});
        std::array<std::size_t, 3> widths{};
        for (const auto& row : rows)
            for (std::size_t i = 0; i < widths.size(); ++i)
                widths[i] = std::max(widths[i], display_width(row[i]));
        for (const auto& row : rows) {
            std::string line = "  ";
            for (std::size_t i = 0; i < widths.size(); ++i)
                line += pad(row[i], widths[i]) + "  ";
            line += row[3];
            while (!line.empty() && line.back() == ' ')
                line.pop_back();
            out += line + '\n';
        }
    }
    return out;
}

} // namespace factlint::ledger
