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

std::vector<Series> build_series(std::vector<Fact> facts, const std::string& entity,
                                 const std::string& metric) {
    sort_facts(facts);
    std::vector<Series> out;
    for (Fact& record : facts) {
        if ((!entity.empty() && record.entity != entity) ||
            (!metric.empty() && record.metric != metric))
            continue;
        if (out.empty() || out.back().entity != record.entity || out.back().metric != record.metric)
            out.push_back({record.entity, record.metric, {}});
        out.back().points.push_back(std::move(record));
    }
    for (Series& series : out)
        std::stable_sort(series.points.begin(), series.points.end(),
                         [](const Fact& a, const Fact& b) { return a.as_of < b.as_of; });
    return out;
}

std::string source_text(const Fact& fact, const std::map<std::string, std::string>& names) {
    std::string out = fact.source.empty() ? "-" : name_of(fact.source, names);
    if (!fact.via.empty())
        out += " (via " + name_of(fact.via, names) + ")";
    if (!fact.verified)
        out += ", unverified";
    return out;
}

std::string citation_text(const Fact& record) {
    if (!record.citation_title.empty())
        return record.citation_title;
    if (!record.url.empty())
        return record.url;
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
        for (const Fact& record : s.points)
            rows.push_back({record.as_of.iso(),
                            describe(record, FigureStyle::symbols) + (record.conflict ? " !" : ""),
                            source_text(record, names), citation_text(record)});
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
