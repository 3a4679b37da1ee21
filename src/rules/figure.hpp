/// How a sourced figure is worded, in one place: check messages and fixes, LSP hovers, the
/// ledger's timeline table and chart all describe a Fact through these functions.
#pragma once

#include "grammar/quantity.hpp"
#include "rules/pack.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace factlint {

/// Prose ("about 600", "2,000 to 9,999") for messages and hovers; symbols ("≈600",
/// "2,000–9,999") for tables and charts.
enum class FigureStyle { words, symbols };

/// "1,000", "2.5", "1,500,000": thousands grouped with commas, decimals kept (shortest form).
std::string group_digits(double value);
/// The hedge of a qualifier: "about" / "≈", "at least" / "≥", ..., "" for exact.
std::string_view hedge_text(Qualifier qualifier, FigureStyle style = FigureStyle::words);
/// The figure with its hedge: "about 600", "at least 100", "2,000 to 9,999" in words; "≈600",
/// "≥100", ">300", "≤5", "<5", "2,000–9,999", "2,700" in symbols. "" when it has no number.
std::string describe(Qualifier qualifier, std::optional<double> value, std::optional<double> low,
                     std::optional<double> high, FigureStyle style = FigureStyle::words);
/// describe() of a fact's figure.
std::string describe(const Fact& fact, FigureStyle style = FigureStyle::words);

} // namespace factlint
