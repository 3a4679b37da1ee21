/// Fusion adaptation of the date grammar's AST, so X3 rules fill the structs directly.
#pragma once

#include "grammar/number_ast.hpp"

#include <boost/fusion/include/adapt_struct.hpp>

BOOST_FUSION_ADAPT_STRUCT(factlint::grammar::IsoDate, year, month, day)
BOOST_FUSION_ADAPT_STRUCT(factlint::grammar::NumericDate, first, second, year)
