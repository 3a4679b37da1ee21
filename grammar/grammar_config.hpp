/// Iterator and context types the number and date grammars are parsed with (the rexpr
/// example's config.hpp): prose is parsed in place through `const char*`, with no skipper.
#pragma once

#include <boost/spirit/home/x3.hpp>

namespace factlint::grammar::parser {

using iterator_type = const char*;
using context_type = boost::spirit::x3::unused_type;

} // namespace factlint::grammar::parser
