/// Spirit-free facade of the number grammar: finds every quantity in a stretch of prose.
#pragma once

#include "core/date.hpp"
#include "core/span.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace factlint {

enum class QuantityKind { quantity, percent, money, duration, date, year, ordinal };
/// exact 100; about ~100; at_least >=100; more_than >100; at_most <=100; less_than <100;
/// range [low, high]; vague: an interval the words imply ("thousands", "several hundred").
/// Vague intervals: a few = [2, 5]; several = [3, 9]; dozens = [24, 99]; a few N = [2N, 5N];
/// several N and plural N ("hundreds", "thousands", "millions") = [2N, 10N - 1];
/// tens of N = [20N, 100N - 1]; hundreds of N = [200N, 1000N - 1].
enum class Qualifier { exact, about, at_least, more_than, at_most, less_than, range, vague };
enum class Trend { none, up, down };

std::string_view to_string(QuantityKind kind);
std::string_view to_string(Qualifier qualifier);
std::string_view to_string(Trend trend); ///< "" for none

/// One number as written, with its hedge, interval and unit.
/// Values are in base units: "1.5 million" is 1500000, "5%" is 5 with kind percent.
/// exact/about: value set. One-sided hedges: value set plus `low` (at_least, more_than) or
/// `high` (at_most, less_than). range and vague: low and high set, value empty.
struct Quantity {
    Span span;   ///< the whole expression, hedge included ("at least 100")
    Span number; ///< the numeral alone: "100" in "at least 100", "1.5m" in "$1.5m"
    QuantityKind kind = QuantityKind::quantity;
    std::optional<double> value;
    std::optional<double> low;
    std::optional<double> high;
    Qualifier qualifier = Qualifier::exact;
    Trend trend = Trend::none;
    std::string unit;         ///< "USD", "GBP", "year", "month", "%"... empty for plain counts
    std::optional<Date> date; ///< kind date (resolved when the reference date allows)
};

/// Finds the quantities in `prose[span]` (a sentence; offsets are into `prose`), in order.
/// `reference` resolves relative dates ("on Monday", "last month") when given.
/// Trend words ("rose by", "up") set `trend` but stay outside `span`. "About" carries no
/// tolerance here: checks apply it. A percentage word with no number ("a percentage") is a
/// percent with no value.
std::vector<Quantity> find_quantities(std::string_view prose, Span span,
                                      std::optional<Date> reference = {});

} // namespace factlint
