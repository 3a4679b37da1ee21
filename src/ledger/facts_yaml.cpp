// Facts files: yaml-cpp reads them (the facts alone, without a lexicon, so a facts file can be
// merged before any pack knows its ids) and its Emitter writes them in one canonical order.
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

constexpr Qualifier all_qualifiers[] = {
    Qualifier::exact,   Qualifier::about,     Qualifier::at_least, Qualifier::more_than,
    Qualifier::at_most, Qualifier::less_than, Qualifier::range,    Qualifier::vague};

class Reader {
public:
    explicit Reader(std::string file)
        : file_(std::move(file)) {}

    std::vector<LedgerFact> read(const std::string& text) {
        YAML::Node root;
        try {
            root = YAML::Load(text);
        } catch (const YAML::Exception& error) {
            throw ConfigError(at(error.mark), error.msg);
        }
        std::vector<LedgerFact> out;
        if (root.IsNull())
            return out;
        if (!root.IsMap())
            fail(root, "a facts file must be a map with 'facts:'");
        YAML::Node facts = root["facts"];
        if (!facts || facts.IsNull())
            return out;
        if (!facts.IsSequence())
            fail(facts, "'facts' must be a list");
        for (const YAML::Node& node : facts)
            out.push_back(read_fact(node));
        return out;
    }

private:
    std::string file_;

    SourceLocation at(const YAML::Mark& mark) const {
        if (mark.is_null())
            return {file_, 1, 1};
        return {file_, std::size_t(mark.line) + 1, std::size_t(mark.column) + 1};
    }
    [[noreturn]] void fail(const YAML::Node& node, const std::string& message) const {
        throw ConfigError(at(node.Mark()), message);
    }
    std::string scalar(const YAML::Node& node, std::string_view what) const {
        if (!node.IsScalar())
            fail(node, fmt::format("'{}' must be a string", what));
        return node.Scalar();
    }
    double number(const YAML::Node& node, std::string_view what) const {
        std::string text = scalar(node, what);
        text.erase(std::remove(text.begin(), text.end(), ','), text.end());
        try {
            std::size_t used = 0;
            double value = std::stod(text, &used);
            if (used == text.size() && std::isfinite(value))
                return value;
        } catch (const std::exception&) {
        }
        fail(node, fmt::format("'{}' must be a number", what));
    }

    LedgerFact read_fact(const YAML::Node& node) const {
        if (!node.IsMap())
            fail(node, "a fact must be a map");
        LedgerFact out;
        Fact& fact = out.fact;
        fact.location = at(node.Mark());
        if (!node["entity"] || !node["metric"] || !node["as_of"])
            fail(node, "a fact needs 'entity', 'metric' and 'as_of'");
        fact.entity = scalar(node["entity"], "entity");
        fact.metric = scalar(node["metric"], "metric");
        std::optional<Date> date = Date::parse_iso(scalar(node["as_of"], "as_of"));
        if (!date)
            fail(node["as_of"], "'as_of' must be a date like 2025-04-30");
        fact.as_of = *date;
        if (node["value"])
            fact.value = number(node["value"], "value");
        if (node["low"])
            fact.low = number(node["low"], "low");
        if (node["high"])
            fact.high = number(node["high"], "high");
        fact.qualifier = fact.low && fact.high && !fact.value ? Qualifier::range : Qualifier::exact;
        if (node["qualifier"]) {
            std::string name = scalar(node["qualifier"], "qualifier");
            auto it = std::find_if(std::begin(all_qualifiers), std::end(all_qualifiers),
                                   [&](Qualifier q) { return to_string(q) == name; });
            if (it == std::end(all_qualifiers))
                fail(node["qualifier"], fmt::format("unknown qualifier '{}'", name));
            fact.qualifier = *it;
        }
        // The pack's conventions: one-sided hedges carry their bound (see rules/pack.cpp).
        if (fact.value &&
            (fact.qualifier == Qualifier::at_least || fact.qualifier == Qualifier::more_than))
            fact.low = fact.value;
        if (fact.value &&
            (fact.qualifier == Qualifier::at_most || fact.qualifier == Qualifier::less_than))
            fact.high = fact.value;
        if (!fact.value && !(fact.low && fact.high))
            fail(node, "a fact needs 'value' or 'low' and 'high'");
        if (node["source"])
            fact.source = scalar(node["source"], "source");
        if (node["via"])
            fact.via = scalar(node["via"], "via");
        if (node["note"])
            fact.note = scalar(node["note"], "note");
        if (node["verified"])
            fact.verified = scalar(node["verified"], "verified") != "false";
        if (YAML::Node citation = node["citation"]) {
            if (!citation.IsMap())
                fail(citation, "'citation' must be a map");
            if (citation["title"])
                fact.citation_title = scalar(citation["title"], "title");
            if (citation["url"])
                fact.url = scalar(citation["url"], "url");
        }
        if (YAML::Node provenance = node["provenance"]) {
            if (!provenance.IsMap())
                fail(provenance, "'provenance' must be a map");
            if (provenance["file"])
                out.provenance.file = scalar(provenance["file"], "file");
            if (provenance["line"])
                out.provenance.line = std::size_t(number(provenance["line"], "line"));
            if (provenance["quote"])
                out.provenance.quote = scalar(provenance["quote"], "quote");
        }
        if (node["conflict"])
            out.conflict = scalar(node["conflict"], "conflict") == "true";
        return out;
    }
};

auto sort_key(const LedgerFact& f) {
    const Fact& x = f.fact;
    return std::tie(x.entity, x.metric, x.as_of, x.source, x.via, f.provenance.file,
                    f.provenance.line, x.value, x.low, x.high, x.qualifier, f.provenance.quote,
                    x.citation_title, x.url, x.note);
}

} // namespace

std::string format_number(double value) {
    if (std::nearbyint(value) == value && std::fabs(value) < 1e15)
        return fmt::format("{}", static_cast<long long>(value));
    return fmt::format("{}", value);
}

std::vector<LedgerFact> parse_facts(const std::string& text, const std::string& file) {
    return Reader(file).read(text);
}

std::vector<LedgerFact> read_facts_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw ConfigError({path, 1, 1}, "cannot read facts file");
    std::stringstream buffer;
    buffer << in.rdbuf();
    return parse_facts(buffer.str(), path);
}

void sort_facts(std::vector<LedgerFact>& facts) {
    std::stable_sort(facts.begin(), facts.end(), [](const LedgerFact& a, const LedgerFact& b) {
        return sort_key(a) < sort_key(b);
    });
}

std::string emit_facts(std::vector<LedgerFact> facts) {
    sort_facts(facts);
    YAML::Emitter out;
    out.SetIndent(2);
    out << YAML::Comment("Written by `factlint ingest` (docs/ledger.md); sorted, one record per "
                         "figure read.");
    out << YAML::BeginMap << YAML::Key << "facts" << YAML::Value << YAML::BeginSeq;
    for (const LedgerFact& record : facts) {
        const Fact& fact = record.fact;
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
        if (record.conflict)
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
        if (!record.provenance.file.empty()) {
            out << YAML::Key << "provenance" << YAML::Value << YAML::BeginMap;
            out << YAML::Key << "file" << YAML::Value << record.provenance.file;
            out << YAML::Key << "line" << YAML::Value << record.provenance.line;
            out << YAML::Key << "quote" << YAML::Value << YAML::DoubleQuoted
                << record.provenance.quote;
            out << YAML::EndMap;
        }
        if (!fact.note.empty())
            out << YAML::Key << "note" << YAML::Value << fact.note;
        out << YAML::EndMap;
    }
    out << YAML::EndSeq << YAML::EndMap;
    return std::string(out.c_str()) + "\n";
}

} // namespace factlint::ledger
