/// Declarations of the number grammar (Spirit-free; definitions in number_def.hpp, instantiated
/// in number.cpp). Internal to grammar/: the rest of factlint uses quantity.hpp.
#pragma once

#include "grammar/number_ast.hpp"

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace factlint::grammar {

/// The number word starting at `pos` ("twenty", "fifths", "dozen"), guarded against prefixes.
std::optional<NumberWord> match_number_word(std::string_view text, std::size_t pos,
                                            std::size_t& end);

/// Every number word in the lexicon, lower case (for the scanner's pre-filter).
std::vector<std::string> number_word_list();

/// The digit literal starting at `pos` (separators, decimals, exponents; no sign, no suffix).
std::optional<DigitLiteral> match_digit_literal(std::string_view text, std::size_t pos);

/// A magnitude suffix right after a digit literal ("k", "m", "bn", " million" is a word):
/// returns the multiplier and sets `end`; `glued` when no space came between.
std::optional<double> match_magnitude_suffix(std::string_view text, std::size_t pos,
                                             std::size_t& end);

/// ISO 4217 code for a currency symbol or code at `pos` ("$", "US$", "£", "EUR ").
std::optional<std::string_view> match_currency_prefix(std::string_view text, std::size_t pos,
                                                      std::size_t& end);

/// ISO 4217 code for a currency word or code after a number ("dollars", "euros", "USD").
std::optional<std::string_view> match_currency_suffix(std::string_view text, std::size_t pos,
                                                      std::size_t& end);

/// Options for composing a numeral.
struct NumeralOptions {
    bool fraction_prepositions = true; ///< "one over three", "1 in 5", "two out of five"
    bool after_currency = false;       ///< "$100m" is millions even where "100m" is metres
};

/// The longest numeral starting at `pos`, digits and/or words ("4 thousand 3 hundred and 21",
/// "two thirds", "1.5 million", "several hundred"), ending at or before `limit`.
std::optional<Numeral> parse_numeral(std::string_view text, std::size_t pos, std::size_t limit,
                                     NumeralOptions options = {});

/// Which bytes continue a word, as a table: the scanners ask this of nearly every byte.
inline constexpr std::array<bool, 256> word_bytes = [] {
    std::array<bool, 256> table{};
    for (unsigned u = 0; u < 256; ++u)
        table[u] = (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') ||
                   u == '_' || u >= 0x80;
    return table;
}();

/// True for bytes that continue a word (ASCII letters, digits, '_', and UTF-8 non-ASCII).
inline bool is_word_byte(char c) {
    return word_bytes[static_cast<unsigned char>(c)];
}

/// ASCII letters, digits and '_': what may not touch a digit literal ("180ml", "5G").
inline bool is_ascii_word(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

constexpr bool is_digit(char c) {
    return c >= '0' && c <= '9';
}
constexpr bool is_alpha(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
constexpr char ascii_lower(char c) {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
}

} // namespace factlint::grammar
