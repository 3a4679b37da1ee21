// One qualifier switch for every place that shows a figure to people.
#include "rules/figure.hpp"

#include <cmath>
#include <fmt/format.h>
#include <utility>

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

namespace {

/// The words whose interval a vague figure is (grammar/numeral.cpp: "thousands" = 2,000 to
/// 9,999, "a few hundred" = 200 to 500), or "" for another interval.
std::string vague_words(double low, double high) {
    if (low == 2 && high == 5)
        return "a few";
    if (low == 3 && high == 9)
        return "several";
    if (low == 24 && high == 99)
        return "dozens";
    static constexpr std::pair<double, std::string_view> plurals[] = {
        {1e2, "hundreds"},          {1e3, "thousands"},
        {1e4, "tens of thousands"}, {1e5, "hundreds of thousands"},
        {1e6, "millions"},          {1e9, "billions"}};
    for (auto [n, words] : plurals)
        if (low == 2 * n && high == 10 * n - 1)
            return std::string(words);
    static constexpr std::pair<double, std::string_view> scales[] = {
        {1e2, "hundred"}, {1e3, "thousand"}, {1e6, "million"}, {1e9, "billion"}};
    for (auto [n, word] : scales)
        if (low == 2 * n && high == 5 * n)
            return fmt::format("a few {}", word);
    return "";
}

} // namespace

std::string describe(Qualifier qualifier, std::optional<double> value, std::optional<double> low,
                     std::optional<double> high, FigureStyle style) {
    bool words = style == FigureStyle::words;
    if (qualifier == Qualifier::vague && words && low && high)
        if (std::string said = vague_words(*low, *high); !said.empty())
            return said;
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
