// Facts files: yaml-cpp's Emitter writes them in one canonical order (the pack loader reads
// them, rules/pack.cpp).
#include "ledger/facts_yaml.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <fstream>
#include <sstream>
#include <tuple>
#include <yaml-cpp/yaml.h>

namespace factlint::ledger {
namespace {

auto sort_key(const Fact& x) {
    return std::tie(x.entity, x.metric, x.as_of, x.source, x.via, x.provenance.file,
                    x.provenance.line, x.value, x.low, x.high, x.qualifier, x.provenance.quote,
                    x.citation_title, x.url, x.note);
}

} // namespace

std::string format_number(double value) {
    if (std::nearbyint(value) == value && std::fabs(value) < 1e15)
        return fmt::format("{}", static_cast<long long>(value));
    return fmt::format("{}", value);
}

void sort_facts(std::vector<Fact>& facts) {
    std::stable_sort(facts.begin(), facts.end(),
                     [](const Fact& a, const Fact& b) { return sort_key(a) < sort_key(b); });
}

std::string emit_facts(std::vector<Fact> facts, const std::string& header) {
    sort_facts(facts);
    // The header as comment lines of its own, wrapped at 100 columns like the rest of the repo.
    std::string text;
    std::string line = "#";
    std::size_t start = 0;
    while (start < header.size()) {
        std::size_t end = header.find(' ', start);
        if (end == std::string::npos)
            end = header.size();
        std::string_view word(header.data() + start, end - start);
        if (line.size() > 1 && line.size() + 1 + word.size() > 100)
            text += line + "\n", line = "#";
        line += " ";
        line += word;
        start = end + 1;
    }
    text += line + "\n";
    YAML::Emitter out;
    out.SetIndent(2);
    out << YAML::BeginMap << YAML::Key << "facts" << YAML::Value << YAML::BeginSeq;
    for (const Fact& fact : facts) {
        out << YAML::BeginMap;
        out << YAML::Key << "entity" << YAML::Value << fact.entity;
        out << YAML::Key << "metric" << YAML::Value << fact.metric;
        bool interval = fact.qualifier == Qualifier::range || fact.qualifier == Qualifier::vague;
        if (interval) {
            out << YAML::Key << "low" << YAML::Value << format_number(fact.low.value_or(0));
            out << YAML::Key << "high" << YAML::Value << format_number(fact.high.value_or(0));
        } else {
            out << YAML::Key << "value" << YAML::Value << format_number(fact.value.value_or(0));
        }
        if (fact.qualifier != Qualifier::exact)
            out << YAML::Key << "qualifier" << YAML::Value
                << std::string(to_string(fact.qualifier));
        out << YAML::Key << "as_of" << YAML::Value << fact.as_of.iso();
        if (!fact.source.empty())
            out << YAML::Key << "source" << YAML::Value << fact.source;
        if (!fact.via.empty())
            out << YAML::Key << "via" << YAML::Value << fact.via;
        if (!fact.verified)
            out << YAML::Key << "verified" << YAML::Value << false;
        if (fact.conflict)
            out << YAML::Key << "conflict" << YAML::Value << true;
        if (!fact.citation_title.empty() || !fact.url.empty()) {
            out << YAML::Key << "citation" << YAML::Value << YAML::BeginMap;
            // The pack loader requires a title; a URL alone stands in for it.
            out << YAML::Key << "title" << YAML::Value
                << (fact.citation_title.empty() ? fact.url : fact.citation_title);
            if (!fact.url.empty())
                out << YAML::Key << "url" << YAML::Value << fact.url;
            out << YAML::EndMap;
        }
        if (!fact.provenance.file.empty()) {
            out << YAML::Key << "provenance" << YAML::Value << YAML::BeginMap;
            out << YAML::Key << "file" << YAML::Value << fact.provenance.file;
            out << YAML::Key << "line" << YAML::Value << fact.provenance.line;
            out << YAML::Key << "quote" << YAML::Value << YAML::DoubleQuoted
                << fact.provenance.quote;
            out << YAML::EndMap;
        }
        if (!fact.note.empty())
            out << YAML::Key << "note" << YAML::Value << fact.note;
        if (!fact.reviewed.empty())
            out << YAML::Key << "reviewed" << YAML::Value << fact.reviewed;
        out << YAML::EndMap;
    }
    out << YAML::EndSeq << YAML::EndMap;
    return text + out.c_str() + "\n";
}

} // namespace factlint::ledger
