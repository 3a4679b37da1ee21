/// Plain data shared by the number, date and quantity translation units (no Spirit here).
#pragma once

#include "core/date.hpp"

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

namespace factlint::grammar {

/// What a number word contributes when numerals are composed.
enum class WordClass : std::uint8_t {
    zero,     ///< zero, nought, naught
    unit,     ///< one .. nine
    teen,     ///< ten .. nineteen
    tens,     ///< twenty .. ninety
    hundred,  ///< hundred
    scale,    ///< thousand, million, billion, trillion, lakh, crore
    ordinal,  ///< first .. twentieth, hundredth, millionth (value = the number: fifth = 5)
    fraction, ///< half, quarter: fraction nouns that are never plain ordinals
    dozen,    ///< dozen, dz
};

/// One number word from the lexicon; `plural` marks "fifths", "hundreds", "dozens".
struct NumberWord {
    WordClass word_class = WordClass::unit;
    double value = 0;
    bool plural = false;
};

/// A digit literal: "1,234.5", "1 000", ".08", "1.3e6", "2.5^-1".
struct DigitLiteral {
    std::size_t end = 0;
    double value = 0;
    bool integer = true;  ///< no decimal part and no exponent
    bool grouped = false; ///< written with thousands separators
    bool leading_zero = false;
    std::size_t digits = 0; ///< digits before any decimal separator
};

/// A numeral composed from digits and/or words, without hedge or unit.
struct Numeral {
    std::size_t begin = 0;
    std::size_t end = 0;
    double value = 0;
    std::optional<double> low; ///< vague numerals ("several hundred") are intervals
    std::optional<double> high;
    bool digits_only = false;   ///< a bare digit literal (candidate for a year)
    bool plain_integer = false; ///< digits only, no separators, sign, decimals or suffix
    bool ordinal = false;       ///< "21st", "twenty-first"
    bool fraction = false;
    bool scaled = false; ///< carries a scale word or suffix ("1.5 million", "3bn")
    bool words = false;  ///< contains number words
    bool negative = false;
    bool vague = false;   ///< an interval the words imply: low/high set, value 0
    double magnitude = 1; ///< the last scale applied: 1e6 for "10 million" and "10m"
};

/// An ISO date as written: "2025-01-13", "2025-01" (day 0).
struct IsoDate {
    int year = 0;
    int month = 0;
    int day = 0;
};

/// A numeric date before deciding which number is the day: "13-01-2025", "5/17/2018".
struct NumericDate {
    int first = 0;
    int second = 0;
    int year = 0;
};

/// A date expression: absolute ("13 January 2025"), or relative ("last month"), resolved when
/// a reference date allows.
struct DateMatch {
    std::size_t begin = 0;
    std::size_t end = 0;
    std::optional<Date> date;
};

/// The first letter, last letter and length of a set of lower-case ASCII words, as a bitmask of
/// lengths per letter pair: a test of a few instructions that most other words fail, run
/// before a table lookup or an X3 parse on words that are mostly not in the table.
class WordShapes {
public:
    void add(std::string_view word) {
        if (!word.empty() && word.size() < 32 && is_lower(word.front()) && is_lower(word.back()))
            lengths_[pair(word.front(), word.back())] |= std::uint32_t{1} << word.size();
    }

    /// False when no word added has this shape; `first` and `last` are lower-case letters.
    bool may_contain(char first, char last, std::size_t length) const {
        return length < 32 && (lengths_[pair(first, last)] >> length & 1) != 0;
    }

private:
    static bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
    // Lower-case letters are 0x61..0x7A: their low five bits index a 32 x 32 table.
    static std::size_t pair(char first, char last) {
        return (static_cast<std::size_t>(first) & 31) << 5 | (static_cast<std::size_t>(last) & 31);
    }
    std::array<std::uint32_t, 32 * 32> lengths_{};
};

} // namespace factlint::grammar
