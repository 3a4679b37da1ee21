/// Declarations of the date grammar (Spirit-free; definitions in date_def.hpp, instantiated in
/// date.cpp). Internal to grammar/: the rest of factlint uses quantity.hpp.
#pragma once

#include "grammar/number_ast.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace factlint::grammar {

/// Every word that can start a date expression, lower case (for the scanner's pre-filter).
std::vector<std::string> date_word_list();

/// The date expression starting at `pos` ("2025-01-13", "13 January 2025", "Dec. 2024",
/// "Monday", "last month", "earlier this week"), ending at or before `limit`. Relative and
/// year-less dates are resolved against `reference` when given, else `date` stays empty.
std::optional<DateMatch> match_date(std::string_view text, std::size_t pos, std::size_t limit,
                                    std::optional<Date> reference);

} // namespace factlint::grammar
