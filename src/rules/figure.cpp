// One qualifier switch for every place that shows a figure to people.
#include "rules/figure.hpp"

#include <cmath>
#include <fmt/format.h>

namespace factlint {

std::string group_digits(double value) {
    if (std::abs(value) >= 1e15 || value != std::floor(value))
        return fmt::format("{}", value);
    std::string digits = fmt::format("{:.0f}", std::abs(value));
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0)
            out += ',';
        out += digits[i];
    }
    return value < 0 ? "-" + out : out;
}

std::string_view hedge_text(Qualifier qualifier, FigureStyle style) {
    bool words = style == FigureStyle::words;
    switch (qualifier) {
    case Qualifier::about:
        return words ? "about" : "≈";
    case Qualifier::at_least:
        return words ? "at least" : "≥";
    case Qualifier::more_than:
        return words ? "more than" : ">";
    case Qualifier::at_most:
        return words ? "at most" : "≤";
    case Qualifier::less_than:
        return words ? "less than" : "<";
    case Qualifier::range:
        return words ? "between" : "";
    case Qualifier::vague:
        return words ? "roughly" : "≈";
    case Qualifier::exact:
        break;
    }
    return "";
}

std::string describe(Qualifier qualifier, std::optional<double> value, std::optional<double> low,
                     std::optional<double> high, FigureStyle style) {
    bool words = style == FigureStyle::words;
    if ((qualifier == Qualifier::range || qualifier == Qualifier::vague) && low && high)
        return group_digits(*low) + (words ? " to " : "–") + group_digits(*high);
    // A one-sided hedge states its bound; the value is the bound when both are given.
    std::optional<double> number = value;
    if (!number)
        number = low ? low : high;
    if (!number)
        return "";
    std::string_view hedge = hedge_text(qualifier, style);
    if (hedge.empty())
        return group_digits(*number);
    return std::string(hedge) + (words ? " " : "") + group_digits(*number);
}

std::string describe(const Fact& fact, FigureStyle style) {
    return describe(fact.qualifier, fact.value, fact.low, fact.high, style);
}

} // namespace factlint
