// The relation grammar: `casualties = killed + wounded`, with the byte offset of each error.
#include "grammar/relation.hpp"

#include <catch2/catch.hpp>

using namespace factlint;

namespace {

Relation parse_ok(std::string_view text) {
    auto result = parse_relation(text);
    INFO(text);
    REQUIRE(std::holds_alternative<Relation>(result));
    return std::get<Relation>(result);
}

RelationError parse_error(std::string_view text) {
    auto result = parse_relation(text);
    INFO(text);
    REQUIRE(std::holds_alternative<RelationError>(result));
    return std::get<RelationError>(result);
}

} // namespace

TEST_CASE("relation: a sum on the right") {
    Relation relation = parse_ok("casualties = killed + wounded");
    REQUIRE(relation.left.size() == 1);
    CHECK(relation.left[0].metric == "casualties");
    CHECK(relation.left[0].sign == 1);
    CHECK(relation.op == Relation::Op::equal);
    REQUIRE(relation.right.size() == 2);
    CHECK(relation.right[0].metric == "killed");
    CHECK(relation.right[1].metric == "wounded");
    CHECK(relation.right[1].sign == 1);
    CHECK(relation.text == "casualties = killed + wounded");
}

TEST_CASE("relation: every comparison operator") {
    CHECK(parse_ok("killed <= deployed").op == Relation::Op::less_equal);
    CHECK(parse_ok("killed < deployed").op == Relation::Op::less);
    CHECK(parse_ok("deployed >= killed").op == Relation::Op::greater_equal);
    CHECK(parse_ok("deployed > killed").op == Relation::Op::greater);
    CHECK(parse_ok("a == b").op == Relation::Op::equal);
}

TEST_CASE("relation: subtraction, underscores, no spaces, trailing space") {
    Relation relation = parse_ok("deployed-killed-repatriated>=still_there  ");
    REQUIRE(relation.left.size() == 3);
    CHECK(relation.left[1].metric == "killed");
    CHECK(relation.left[1].sign == -1);
    CHECK(relation.left[2].sign == -1);
    CHECK(relation.right[0].metric == "still_there");
    CHECK(parse_ok("  killed<=deployed").left[0].metric == "killed");
}

TEST_CASE("relation: errors point at the offending byte") {
    // 0123456789012345678901234
    // casualties = killed +
    RelationError dangling = parse_error("casualties = killed +");
    CHECK(dangling.offset == 21);
    CHECK(dangling.message == "expected a metric name");

    RelationError no_operator = parse_error("casualties killed");
    CHECK(no_operator.offset == 11);
    CHECK(no_operator.message == "expected '+', '-' or a comparison (=, <, <=, >, >=)");

    RelationError empty = parse_error("");
    CHECK(empty.offset == 0);
    CHECK(empty.message == "expected a metric name");

    RelationError no_right = parse_error("killed <= ");
    CHECK(no_right.offset == 10);

    RelationError number = parse_error("killed <= 3");
    CHECK(number.offset == 10);

    RelationError second_comparison = parse_error("a = b = c");
    CHECK(second_comparison.offset == 6);
    CHECK(second_comparison.message == "expected '+', '-' or the end of the relation");

    RelationError starts_with_digit = parse_error("1killed = a");
    CHECK(starts_with_digit.offset == 0);
}
