// The ledger's pure parts: facts YAML round trip and order, merge (idempotence, conflicts),
// hedged values, the text table and SVG escaping.
#include "ledger/facts_yaml.hpp"
#include "ledger/ingest.hpp"
#include "ledger/svg_chart.hpp"
#include "ledger/timeline.hpp"

#include <catch2/catch.hpp>

using namespace factlint;
using namespace factlint::ledger;

namespace {

LedgerFact record(std::string metric, double value, Qualifier qualifier, std::string date,
                  std::string file = "a.md", std::size_t line = 1) {
    LedgerFact out;
    out.fact.entity = "troops";
    out.fact.metric = std::move(metric);
    out.fact.value = value;
    out.fact.qualifier = qualifier;
    if (qualifier == Qualifier::at_least || qualifier == Qualifier::more_than)
        out.fact.low = value;
    out.fact.as_of = *Date::parse_iso(date);
    out.fact.source = "nis";
    out.provenance = {std::move(file), line, "About 300 were killed: \"so\" they said."};
    return out;
}

} // namespace

TEST_CASE("hedged values read as an editor writes them") {
    Fact fact;
    fact.value = 600;
    fact.qualifier = Qualifier::about;
    CHECK(hedged_value(fact) == "≈600");
    fact.qualifier = Qualifier::at_least;
    CHECK(hedged_value(fact) == "≥600");
    fact.qualifier = Qualifier::more_than;
    CHECK(hedged_value(fact) == ">600");
    fact.value.reset();
    fact.low = 2000;
    fact.high = 9999;
    fact.qualifier = Qualifier::vague;
    CHECK(hedged_value(fact) == "2,000–9,999");
    CHECK(group_thousands(1234567) == "1,234,567");
    CHECK(group_thousands(2.5) == "2.5");
    CHECK(format_number(10000) == "10000");
}

TEST_CASE("facts YAML round-trips and is written in one order whatever the input order") {
    std::vector<LedgerFact> facts{record("wounded", 2700, Qualifier::exact, "2025-01-13"),
                                  record("killed", 100, Qualifier::at_least, "2024-12-19"),
                                  record("killed", 300, Qualifier::about, "2025-01-13")};
    std::string yaml = emit_facts(facts);
    std::reverse(facts.begin(), facts.end());
    CHECK(emit_facts(facts) == yaml);
    CHECK(yaml.find("killed") < yaml.find("wounded"));

    std::vector<LedgerFact> read = parse_facts(yaml, "facts.yaml");
    REQUIRE(read.size() == 3);
    CHECK(read[0].fact.metric == "killed");
    CHECK(read[0].fact.qualifier == Qualifier::at_least);
    CHECK(read[0].fact.low == 100);
    CHECK(read[0].provenance.quote == "About 300 were killed: \"so\" they said.");
    CHECK(emit_facts(read) == yaml);
}

TEST_CASE("a facts file error names file, line and column") {
    CHECK_THROWS_WITH(parse_facts("facts:\n  - entity: x\n    metric: y\n", "f.yaml"),
                      "f.yaml:2:5: a fact needs 'entity', 'metric' and 'as_of'");
}

TEST_CASE("merge: the same record twice changes nothing; another figure is kept and flagged") {
    std::vector<LedgerFact> first{record("killed", 600, Qualifier::about, "2025-04-30")};
    MergeResult once = merge_facts({}, first);
    MergeResult twice = merge_facts(once.facts, first);
    CHECK(twice.added == 0);
    CHECK(emit_facts(twice.facts) == emit_facts(once.facts));
    CHECK(twice.conflicts.empty());

    // The same number with another hedge from another article is no conflict.
    MergeResult hedged = merge_facts(
        once.facts, {record("killed", 600, Qualifier::more_than, "2025-04-30", "b.md")});
    CHECK(hedged.conflicts.empty());

    MergeResult other =
        merge_facts(once.facts, {record("killed", 650, Qualifier::about, "2025-04-30", "b.md")});
    CHECK(other.added == 1);
    REQUIRE(other.facts.size() == 2);
    CHECK(other.facts[0].conflict);
    CHECK(other.facts[1].conflict);
    REQUIRE(other.conflicts.size() == 1);
    CHECK(other.conflicts[0] == "troops killed 2025-04-30: 600, 650");
}

TEST_CASE("timeline table: one block per series, dated rows, conflicts marked") {
    MergeResult merged =
        merge_facts({}, {record("killed", 100, Qualifier::at_least, "2024-12-19"),
                         record("killed", 600, Qualifier::about, "2025-04-30"),
                         record("killed", 650, Qualifier::exact, "2025-04-30", "b.md")});
    std::vector<Series> series = build_series(merged.facts, "", "killed");
    REQUIRE(series.size() == 1);
    std::string table = render_table(series, {{"troops", "Troops"}, {"nis", "NIS"}});
    CHECK(table == "Troops — killed\n"
                   "  date        value   source  citation\n"
                   "  2024-12-19  ≥100    NIS     a.md:1\n"
                   "  2025-04-30  ≈600 !  NIS     a.md:1\n"
                   "  2025-04-30  650 !   NIS     b.md:1\n");
}

TEST_CASE("SVG text and attributes are escaped") {
    CHECK(xml_escape("a<b & \"c\" 'd'>") == "a&lt;b &amp; &quot;c&quot; &apos;d&apos;&gt;");
    LedgerFact odd = record("m<x>", 5, Qualifier::exact, "2025-01-01");
    odd.fact.source = "<script>";
    std::string svg = render_svg(build_series({odd}, "", ""), {});
    CHECK(svg.find("<script>") == std::string::npos);
    CHECK(svg.find("&lt;script&gt;") != std::string::npos);
    CHECK(svg.find("data-date=\"2025-01-01\"") != std::string::npos);
}
