// The YAML pack loader: the bundled pack, every error case under tests/data/packs/ (each with
// its exact file:line:col message), the relation grammar, and the promise that every rule has
// a doc page and a fixture directory.
#include "checks/check.hpp"
#include "grammar/relation.hpp"
#include "rules/message.hpp"
#include "rules/pack.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <set>

using namespace factlint;

namespace {

const std::string packs = FACTLINT_TEST_DATA_DIR "/data/packs/";

/// The ConfigError message of loading `relative`, with the packs directory cut off.
std::string error_of(const std::string& relative) {
    try {
        load_pack(packs + relative);
    } catch (const ConfigError& error) {
        std::string what = error.what();
        return what.rfind(packs, 0) == 0 ? what.substr(packs.size()) : what;
    }
    return "(no error)";
}

} // namespace

TEST_CASE("the bundled default pack loads") {
    std::string path = default_pack_path();
    REQUIRE_FALSE(path.empty());
    RulePack pack = load_pack(path);
    CHECK(pack.files.size() == 4);
    CHECK(pack.files.front() == path);
    CHECK(pack.lexicon.metrics.size() == 6);
    CHECK(pack.relations.size() == 3);
    CHECK(pack.rules.size() == check_registry().size());
    // Facts name entities by id after loading, and every seed date is there.
    std::set<std::string> dates;
    for (const Fact& fact : pack.facts) {
        CHECK(fact.entity == "north-korean-troops");
        CHECK(fact.as_of.valid());
        CHECK_FALSE(fact.citation_title.empty());
        dates.insert(fact.as_of.iso());
    }
    CHECK(dates.count("2024-12-19"));
    CHECK(dates.count("2025-01-13"));
    CHECK(dates.count("2025-04-30"));
}

TEST_CASE("a pack importing `default` overrides its rule settings") {
    RulePack pack = load_pack(packs + "imports-default/pack.yaml");
    CHECK(pack.files.size() == 5);
    REQUIRE(pack.rules.count("unattributed-figure"));
    CHECK_FALSE(pack.rules.at("unattributed-figure").enabled);
    CHECK(pack.rules.at("stale-figure").enabled);
}

TEST_CASE("rule shorthands: off, a bare level, an empty setting, options only") {
    RulePack pack = load_pack(packs + "shorthands/pack.yaml");
    CHECK_FALSE(pack.rules.at("stale-figure").enabled);
    CHECK(pack.rules.at("name-variant").enabled);
    CHECK(pack.rules.at("name-variant").level == Level::error);
    CHECK(pack.rules.at("hedge-mismatch").level == Level::warning);
    CHECK(pack.rules.at("unattributed-figure").level == Level::info); // the registry default
    CHECK(pack.rules.at("unattributed-figure").numbers.at("paragraph") == 0);
}

TEST_CASE("pack errors name file:line:col and say what was expected") {
    CHECK(error_of("bad-option/pack.yaml")
              .rfind("bad-option/pack.yaml:3:15: unknown key 'fixx'; did you mean 'fix'?", 0) == 0);
    CHECK(error_of("unknown-key/pack.yaml") ==
          "unknown-key/pack.yaml:1:1: unknown key 'entites'; did you mean 'entities'? (valid "
          "keys: name, description, imports, entities, metrics, facts, relations, rules)");
    CHECK(error_of("wrong-type/pack.yaml") ==
          "wrong-type/pack.yaml:2:3: entities: expected a list, got a map");
    CHECK(error_of("unknown-rule/pack.yaml") ==
          "unknown-rule/pack.yaml:3:3: unknown rule 'stale-figur'; did you mean 'stale-figure'? "
          "(valid rules: figure-conflict, hedge-mismatch, misattribution, name-variant, "
          "relation-violation, stale-figure, unattributed-figure, unverified-claim)");
    CHECK(error_of("circular/pack.yaml") ==
          "circular/b.yaml:3:5: circular import: pack.yaml -> a.yaml -> b.yaml -> a.yaml");
    CHECK(error_of("missing-import/pack.yaml")
              .rfind("missing-import/pack.yaml:2:5: missing import 'missing-facts.yaml'", 0) == 0);
    CHECK(error_of("escape/pack/pack.yaml") ==
          "escape/pack/pack.yaml:2:5: import '../outside.yaml' leaves the pack's directory");
    CHECK(error_of("impossible-date/pack.yaml") ==
          "impossible-date/pack.yaml:9:12: as_of: invalid date '2025-02-30' (expected YYYY, "
          "YYYY-MM or YYYY-MM-DD)");
    CHECK(error_of("bad-relation/pack.yaml") ==
          "bad-relation/pack.yaml:6:26: relation 'casualties = killed +': expected a metric "
          "name");
    CHECK(error_of("bad-template/pack.yaml")
              .rfind("bad-template/pack.yaml:3:14: message template: unknown placeholder '{figur}'",
                     0) == 0);
    CHECK(error_of("tabs/pack.yaml") ==
          "tabs/pack.yaml:2:1: tab character in indentation (indent YAML with spaces)");
    CHECK(error_of("duplicate-key/pack.yaml") ==
          "duplicate-key/pack.yaml:4:3: duplicate key 'stale-figure'");
    CHECK(error_of("unknown-entity/pack.yaml") ==
          "unknown-entity/pack.yaml:6:5: fact entity: unknown entity 'north-korean-trops'; did "
          "you mean 'north-korean-troops'?");
    // Column 16: the flow sequence's mark is its opening bracket.
    CHECK(error_of("unknown-member/pack.yaml") ==
          "unknown-member/pack.yaml:6:16: member_of: unknown entity 'lawmaker'; did you mean "
          "'lawmakers'?");
    CHECK(error_of("unknown-owner/pack.yaml") ==
          "unknown-owner/pack.yaml:6:17: belongs_to: unknown entity 'north-kore'; did you mean "
          "'north-korea'?");
    CHECK(error_of("owner-of-person/pack.yaml") ==
          "owner-of-person/pack.yaml:6:17: belongs_to: only a group belongs to a place or "
          "government");
    CHECK(error_of("unknown-kind/pack.yaml") ==
          "unknown-kind/pack.yaml:4:11: unknown kind 'organization'; did you mean "
          "'organisation'? (valid kinds: person, organisation, group, place)");
    CHECK(error_of("not-finite/pack.yaml") ==
          "not-finite/pack.yaml:3:32: about_tolerance: expected a number, got 'inf'");
    CHECK(error_of("no-such-pack.yaml") == "no-such-pack.yaml:1:1: cannot read pack file");
}

TEST_CASE("relations: sums on both sides of one comparison") {
    auto parsed = parse_relation("casualties = killed + wounded");
    REQUIRE(std::holds_alternative<Relation>(parsed));
    const Relation& relation = std::get<Relation>(parsed);
    CHECK(relation.left.size() == 1);
    CHECK(relation.op == Relation::Op::equal);
    REQUIRE(relation.right.size() == 2);
    CHECK(relation.right[1].metric == "wounded");

    auto minus = parse_relation("deployed - repatriated >= killed");
    REQUIRE(std::holds_alternative<Relation>(minus));
    CHECK(std::get<Relation>(minus).left[1].sign == -1);
    CHECK(std::get<Relation>(minus).op == Relation::Op::greater_equal);

    auto missing_op = parse_relation("killed wounded");
    REQUIRE(std::holds_alternative<RelationError>(missing_op));
    CHECK(std::get<RelationError>(missing_op).offset == 7);
    auto trailing = parse_relation("killed <= deployed )");
    REQUIRE(std::holds_alternative<RelationError>(trailing));
    CHECK(std::get<RelationError>(trailing).offset == 19);
    CHECK(std::holds_alternative<RelationError>(parse_relation("")));
}

TEST_CASE("message templates: named placeholders only") {
    CHECK(validate_message("{claim} is old; see {figure} ({source}, {date})").empty());
    CHECK(validate_message("{{literal}} {claim}").empty());
    CHECK(validate_message("{figur}") == "unknown placeholder '{figur}'");
    CHECK_FALSE(validate_message("{claim").empty());
    CHECK(render_message("{claim}/{figure}", {{"claim", "100"}}) == "100/");
}

TEST_CASE("every rule has a doc page and a fixture directory") {
    namespace fs = std::filesystem;
    for (const CheckInfo& info : check_registry()) {
        std::string id(info.id);
        INFO(id);
        CHECK(fs::is_regular_file(fs::path(FACTLINT_SOURCE_DIR) / "docs/rules" / (id + ".md")));
        fs::path fixtures = fs::path(FACTLINT_TEST_DATA_DIR) / "fixtures/rules" / id;
        REQUIRE(fs::is_directory(fixtures));
        std::size_t count = 0;
        for (const auto& entry : fs::directory_iterator(fixtures))
            count += entry.path().extension() == ".md";
        CHECK(count >= 2); // a positive and a negative case at least
    }
}
