/// Spirit-free facade of the relation grammar: `casualties = killed + wounded`.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace factlint {

/// One signed term of a sum: +killed, -repatriated.
struct Term {
    int sign = 1;
    std::string metric;
    friend bool operator==(const Term&, const Term&) = default;
};

struct Relation {
    enum class Op { equal, less, less_equal, greater, greater_equal };
    std::vector<Term> left;
    Op op = Op::equal;
    std::vector<Term> right;
    std::string text; ///< as written
    friend bool operator==(const Relation&, const Relation&) = default;
};

struct RelationError {
    std::size_t offset; ///< byte offset of the problem in the expression
    std::string message;
};

/// Parses `metric (+|-) metric ... (=|<|<=|>|>=) metric ...`.
std::variant<Relation, RelationError> parse_relation(std::string_view text);

} // namespace factlint
