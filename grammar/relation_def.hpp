/// Spirit X3 definitions of the relation grammar (`casualties = killed + wounded`). Included by
/// relation.cpp only.
#pragma once

#include "grammar/relation.hpp"

#include <boost/fusion/include/std_pair.hpp>
#include <boost/spirit/home/x3.hpp>

#include <string>
#include <utility>
#include <vector>

namespace factlint::grammar::relation_parser {

namespace x3 = boost::spirit::x3;

/// Comparison operators; longest keys first is not needed (symbols match the longest key).
struct operators_table : x3::symbols<Relation::Op> {
    operators_table() {
        add("=", Relation::Op::equal)("==", Relation::Op::equal)("<", Relation::Op::less)(
            "<=", Relation::Op::less_equal)(">", Relation::Op::greater)(
            ">=", Relation::Op::greater_equal);
    }
};
inline const operators_table operators;

/// A metric id: a letter, then letters, digits and underscores. '-' is always subtraction.
inline const auto metric_name = x3::rule<struct metric_name_id, std::string>{"metric name"} =
    x3::lexeme[(x3::alpha | x3::char_('_')) >> *(x3::alnum | x3::char_('_'))];
inline const auto first_term = x3::skip(x3::space)[metric_name];
inline const auto signed_term = x3::skip(x3::space)[x3::char_("+-") >> metric_name];
inline const auto comparison = x3::skip(x3::space)[operators];
inline const auto trailing_space = *x3::space >> x3::eoi;

} // namespace factlint::grammar::relation_parser
