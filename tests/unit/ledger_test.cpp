// The ledger's pure parts: facts YAML round trip (through the pack loader) and order, merge
// (idempotence, hedge-aware conflicts), ingest's choice of claim and source, the review, the
// text table and the SVG chart.
#include "engine/linter.hpp"
#include "ledger/facts_yaml.hpp"
#include "ledger/ingest.hpp"
#include "ledger/review.hpp"
#include "ledger/svg_chart.hpp"
#include "ledger/timeline.hpp"
#include "rules/figure.hpp"

#include <catch2/catch.hpp>

using namespace factlint;
using namespace factlint::ledger;

namespace {

Fact record(std::string metric, double value, Qualifier qualifier, std::string date,
            std::string file = "a.md", std::size_t line = 1) {
    Fact out;
    out.entity = "troops";
    out.metric = std::move(metric);
    out.value = value;
    out.qualifier = qualifier;
    if (qualifier == Qualifier::at_least || qualifier == Qualifier::more_than)
        out.low = value;
    out.as_of = *Date::parse_iso(date);
    out.source = "nis";
    out.provenance = {std::move(file), line, "About 300 were killed: \"so\" they said."};
    return out;
}

const RulePack& bundled_pack() {
    static const RulePack pack = load_pack(FACTLINT_SOURCE_DIR "/rules/default/pack.yaml");
    return pack;
}

/// Ingests `text` as an article of `as_of` whose default source is Lee Seong-kweun via the NIS,
/// tracking every pair the bundled pack has facts for.
std::vector<Fact> ingest_text(const std::string& text, const std::string& as_of = "2025-04-30") {
    static const Linter linter(bundled_pack());
    Document document = load_document("article.txt", text);
    IngestOptions options;
    options.as_of = *Date::parse_iso(as_of);
    options.source = "lee-seong-kweun";
    options.via = "nis";
    options.pack = &bundled_pack();
    options.names = linter.extractor().find_names(document);
    options.tracked = tracked_pairs(bundled_pack().facts);
    return facts_from_claims(document, linter.extractor().extract(document, options.as_of),
                             options);
}

const Fact* find(const std::vector<Fact>& facts, std::string_view metric) {
    for (const Fact& fact : facts)
        if (fact.metric == metric)
            return &fact;
    return nullptr;
}

} // namespace

TEST_CASE("one description of a figure, in words and in symbols") {
    Fact fact;
    fact.value = 600;
    fact.qualifier = Qualifier::about;
    CHECK(describe(fact) == "about 600");
    CHECK(describe(fact, FigureStyle::symbols) == "≈600");
    fact.qualifier = Qualifier::at_least;
    CHECK(describe(fact) == "at least 600");
    CHECK(describe(fact, FigureStyle::symbols) == "≥600");
    fact.qualifier = Qualifier::more_than;
    CHECK(describe(fact, FigureStyle::symbols) == ">600");
    fact.qualifier = Qualifier::less_than;
    CHECK(describe(fact) == "less than 600");
    fact.value = 2700;
    fact.qualifier = Qualifier::exact;
    CHECK(describe(fact) == "2,700");
    CHECK(describe(fact, FigureStyle::symbols) == "2,700");
    fact.value.reset();
    fact.low = 2000;
    fact.high = 9999;
    fact.qualifier = Qualifier::vague;
    CHECK(describe(fact) == "thousands"); // the words the interval stands for
    CHECK(describe(fact, FigureStyle::symbols) == "2,000–9,999");
    fact.low = 200;
    fact.high = 500;
    CHECK(describe(fact) == "a few hundred");
    fact.high = 600; // no words say exactly this
    CHECK(describe(fact) == "200 to 600");
    CHECK(group_digits(1234567) == "1,234,567");
    CHECK(group_digits(2.5) == "2.5");
    CHECK(format_number(10000) == "10000");
}

TEST_CASE("facts YAML round-trips through the pack loader, in one order whatever the input") {
    std::vector<Fact> facts{record("wounded", 2700, Qualifier::exact, "2025-01-13"),
                            record("killed", 100, Qualifier::at_least, "2024-12-19"),
                            record("killed", 300, Qualifier::about, "2025-01-13")};
    facts[2].reviewed = "checked by hand";
    std::string yaml = emit_facts(facts);
    std::reverse(facts.begin(), facts.end());
    CHECK(emit_facts(facts) == yaml);
    CHECK(yaml.find("killed") < yaml.find("wounded"));

    std::vector<Fact> read = parse_facts(yaml, "facts.yaml");
    REQUIRE(read.size() == 3);
    CHECK(read[0].metric == "killed");
    CHECK(read[0].qualifier == Qualifier::at_least);
    CHECK(read[0].low == 100);
    CHECK(read[0].provenance.file == "a.md");
    CHECK(read[0].provenance.quote == "About 300 were killed: \"so\" they said.");
    CHECK(read[1].reviewed == "checked by hand");
    CHECK(emit_facts(read) == yaml);
}

TEST_CASE("a facts file error names file, line and column") {
    CHECK_THROWS_WITH(parse_facts("facts:\n  - entity: x\n    metric: y\n", "f.yaml"),
                      "f.yaml:2:5: a fact needs 'as_of'");
    CHECK_THROWS_WITH(parse_facts("entities: []\n", "f.yaml"),
                      Catch::Contains("f.yaml:1:1: unknown key 'entities'"));
    CHECK_THROWS_WITH(
        parse_facts("facts:\n  - {entity: x, metric: y, value: 1, as_of: 2025-01-01,\n"
                    "     provenance: {file: a, line: -3}}\n",
                    "f.yaml"),
        Catch::Contains("f.yaml:3:34: line: expected a line number"));
    CHECK_THROWS_WITH(
        parse_facts("facts:\n  - {entity: x, metric: y, value: 1, as_of: 2025-01-01,\n"
                    "     provenance: {file: a, line: 1e300}}\n",
                    "f.yaml"),
        Catch::Contains("f.yaml:3:34: line: expected a line number"));
}

TEST_CASE("merge: the same record twice changes nothing; an incompatible figure is flagged") {
    std::vector<Fact> first{record("killed", 600, Qualifier::about, "2025-04-30")};
    MergeResult once = merge_facts({}, first);
    MergeResult twice = merge_facts(once.facts, first);
    CHECK(twice.added == 0);
    CHECK(emit_facts(twice.facts) == emit_facts(once.facts));
    CHECK(twice.conflicts.empty());

    // Compatible readings are not conflicts: "more than 600" and "about 600" share 601-660,
    // "650" lies within "about 600" (540-660 with the default 10%).
    MergeResult hedged =
        merge_facts(once.facts, {record("killed", 600, Qualifier::more_than, "2025-04-30", "b.md"),
                                 record("killed", 650, Qualifier::exact, "2025-04-30", "c.md")});
    CHECK(hedged.added == 2);
    CHECK(hedged.conflicts.empty());
    for (const Fact& fact : hedged.facts)
        CHECK_FALSE(fact.conflict);

    // "more than 700" and "about 600" have no number in common.
    MergeResult other = merge_facts(
        once.facts, {record("killed", 700, Qualifier::more_than, "2025-04-30", "b.md")});
    CHECK(other.added == 1);
    REQUIRE(other.facts.size() == 2);
    CHECK(other.facts[0].conflict);
    CHECK(other.facts[1].conflict);
    REQUIRE(other.conflicts.size() == 1);
    CHECK(other.conflicts[0] == "troops killed 2025-04-30: ≈600, >700");

    // The tolerance is the figure-conflict rule's: at 20%, "about 600" reaches 720.
    Tolerances wide;
    wide.about = 0.2;
    CHECK(merge_facts(other.facts, {}, wide).conflicts.empty());

    // Only the figures that disagree with another are marked: "about 600" (540-660) fits
    // both "650" and "at least 655", which do not fit each other.
    MergeResult three =
        merge_facts({}, {record("killed", 600, Qualifier::about, "2025-04-30", "a.md"),
                         record("killed", 650, Qualifier::exact, "2025-04-30", "b.md"),
                         record("killed", 655, Qualifier::at_least, "2025-04-30", "c.md")});
    REQUIRE(three.facts.size() == 3);
    CHECK_FALSE(three.facts[0].conflict);
    CHECK(three.facts[1].conflict);
    CHECK(three.facts[2].conflict);
    REQUIRE(three.conflicts.size() == 1);
    CHECK(three.conflicts[0] == "troops killed 2025-04-30: 650, ≥655");
}

TEST_CASE("ingest: a body sentence wins over the standfirst above it for the same figure") {
    // Seed 000's shape: headline, standfirst rounding the figures, then the body.
    std::string text = "North Korean Casualties Rise in Ukraine\n"
                       "Over 100 North Korean troops reportedly killed along with over 1,000 "
                       "injuries.\n"
                       "At least 100 North Korean soldiers have lost their lives, lawmaker Lee "
                       "Sung-kwon said. He noted that around 1,000 other North Korean troops "
                       "have sustained injuries.\n";
    std::vector<Fact> facts = ingest_text(text, "2024-12-19");
    const Fact* killed = find(facts, "killed");
    REQUIRE(killed);
    CHECK(killed->qualifier == Qualifier::at_least);
    CHECK(killed->provenance.line == 3);
    const Fact* wounded = find(facts, "wounded");
    REQUIRE(wounded);
    CHECK(wounded->qualifier == Qualifier::about);

    // A standfirst whose number the body does not repeat stays the article's figure.
    std::vector<Fact> lede = ingest_text("Over 120 North Korean troops were killed.\n"
                                         "The toll is rising. Officials are worried.\n",
                                         "2024-12-19");
    REQUIRE(find(lede, "killed"));
    CHECK(find(lede, "killed")->value == 120);
}

TEST_CASE("ingest: 'a South Korean lawmaker' is the member of that group named next") {
    // Seed 004's lede: the lawmaker is named in the next paragraph.
    std::string lede = "Around 600 North Korean soldiers have been killed, according to a South "
                       "Korean lawmaker briefed by the country's intelligence service. The "
                       "revelation comes after Pyongyang confirmed the deployment.\n";
    std::string named = "MP Lee Seong-kweun, a member of the intelligence committee, spoke on "
                        "Wednesday.\n";
    std::vector<Fact> facts = ingest_text(lede + named);
    const Fact* killed = find(facts, "killed");
    REQUIRE(killed);
    CHECK(killed->source == "lee-seong-kweun");
    CHECK(killed->via == "nis"); // the article's default source, so its default via

    // The first person named is not a lawmaker: the group stays the source, without the via.
    std::vector<Fact> other =
        ingest_text(lede + "Volodymyr Zelenskyy said more were coming. " + named);
    REQUIRE(find(other, "killed"));
    CHECK(find(other, "killed")->source == "south-korean-lawmakers");
    CHECK(find(other, "killed")->via.empty());

    // "South Korean lawmakers" (the group itself) is not resolved to one of them.
    std::vector<Fact> group = ingest_text(
        "Around 600 North Korean soldiers have been killed, South Korean lawmakers said.\n" +
        named);
    REQUIRE(find(group, "killed"));
    CHECK(find(group, "killed")->source == "south-korean-lawmakers");
}

TEST_CASE("review: edits set fields or drop records, each matching exactly one") {
    std::vector<Fact> facts{record("killed", 600, Qualifier::about, "2025-04-30", "a.md"),
                            record("wounded", 2700, Qualifier::exact, "2025-01-13", "a.md"),
                            record("captured", 2, Qualifier::exact, "2025-01-13", "b.md")};
    std::string review = "edits:\n"
                         "  - match: {metric: killed}\n"
                         "    set: {qualifier: more_than, source: zelenskyy, note: null}\n"
                         "    why: the article says more than\n"
                         "  - match: {metric: captured, file: b.md}\n"
                         "    drop: true\n"
                         "    why: not this story\n";
    std::vector<Fact> reviewed = apply_review_text(facts, review, "r.yaml");
    REQUIRE(reviewed.size() == 2);
    CHECK(reviewed[0].metric == "killed");
    CHECK(reviewed[0].qualifier == Qualifier::more_than);
    CHECK(reviewed[0].low == 600);
    CHECK(reviewed[0].source == "zelenskyy");
    CHECK(reviewed[0].reviewed == "the article says more than");
    CHECK(reviewed[0].provenance.file == "a.md");
    CHECK(reviewed[1].reviewed.empty());

    CHECK_THROWS_WITH(apply_review_text(facts,
                                        "edits:\n  - match: {file: a.md}\n    drop: true\n"
                                        "    why: x\n",
                                        "r.yaml"),
                      Catch::StartsWith("r.yaml:2:12: matches 2 records, not one"));
    CHECK_THROWS_WITH(apply_review_text(facts,
                                        "edits:\n  - match: {metric: died}\n    drop: true\n"
                                        "    why: x\n",
                                        "r.yaml"),
                      Catch::StartsWith("r.yaml:2:12: matches 0 records"));
    CHECK_THROWS_WITH(apply_review_text(facts,
                                        "edits:\n  - match: {metric: killed}\n"
                                        "    set: {qualifier: roughly}\n    why: x\n",
                                        "r.yaml"),
                      Catch::Contains("unknown qualifier 'roughly'"));
    CHECK_THROWS_WITH(
        apply_review_text(facts, "edits:\n  - match: {metric: killed}\n    drop: true\n", "r.yaml"),
        Catch::Contains("an edit needs 'match' and 'why'"));
}

TEST_CASE("timeline table: one block per series, dated rows, conflicts marked") {
    MergeResult merged =
        merge_facts({}, {record("killed", 100, Qualifier::at_least, "2024-12-19"),
                         record("killed", 600, Qualifier::about, "2025-04-30"),
                         record("killed", 800, Qualifier::exact, "2025-04-30", "b.md")});
    std::vector<Series> series = build_series(merged.facts, "", "killed");
    REQUIRE(series.size() == 1);
    std::string table = render_table(series, {{"troops", "Troops"}, {"nis", "NIS"}});
    CHECK(table == "Troops — killed\n"
                   "  date        value   source  citation\n"
                   "  2024-12-19  ≥100    NIS     a.md:1\n"
                   "  2025-04-30  ≈600 !  NIS     a.md:1\n"
                   "  2025-04-30  800 !   NIS     b.md:1\n");
}

TEST_CASE("SVG: text and attributes are escaped; a range is drawn low to high, not as a point") {
    CHECK(xml_escape("a<b & \"c\" 'd'>") == "a&lt;b &amp; &quot;c&quot; &apos;d&apos;&gt;");
    Fact odd = record("m<x>", 5, Qualifier::exact, "2025-01-01");
    odd.source = "<script>";
    std::string svg = render_svg(build_series({odd}, "", ""), {});
    CHECK(svg.find("<script>") == std::string::npos);
    CHECK(svg.find("&lt;script&gt;") != std::string::npos);
    CHECK(svg.find("data-date=\"2025-01-01\"") != std::string::npos);

    Fact thousands = record("wounded", 0, Qualifier::vague, "2025-04-30");
    thousands.value.reset();
    thousands.low = 2000;
    thousands.high = 9999;
    std::string chart = render_svg(
        build_series({record("wounded", 2700, Qualifier::exact, "2025-01-13"), thousands}, "", ""),
        {});
    CHECK(chart.find("class=\"point range\"") != std::string::npos);
    CHECK(chart.find("data-low=\"2000\" data-high=\"9999\"") != std::string::npos);
    CHECK(chart.find("class=\"range-band\"") != std::string::npos);
    CHECK(chart.find("<circle class=\"point\"") != std::string::npos); // the 2,700
    // Nothing is drawn at the midpoint: only one circle point (2,700).
    std::size_t circles = 0;
    for (std::size_t at = chart.find("<circle class=\"point\""); at != std::string::npos;
         at = chart.find("<circle class=\"point\"", at + 1))
        ++circles;
    CHECK(circles == 1);
}
