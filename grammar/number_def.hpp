/// Spirit X3 definitions of the number grammar's lexical layer: number words, digit literals,
/// magnitude suffixes and currencies. Included by number.cpp only.
#pragma once

#include "grammar/grammar_config.hpp"
#include "grammar/number_ast.hpp"

#include <boost/spirit/home/x3.hpp>

#include <string_view>

namespace factlint::grammar::parser {

namespace x3 = boost::spirit::x3;

/// Number words, lower-case keys. match_number_word() (number.cpp) looks a whole lower-cased run
/// of letters up in this table.
struct number_words_table : x3::symbols<NumberWord> {
    number_words_table() {
        const auto word = [this](const char* key, WordClass word_class, double value,
                                 bool plural = false) {
            add(key, NumberWord{word_class, value, plural});
        };
        word("zero", WordClass::zero, 0);
        word("nought", WordClass::zero, 0);
        word("naught", WordClass::zero, 0);
        const char* units[] = {"one", "two",   "three", "four", "five",
                               "six", "seven", "eight", "nine"};
        for (int i = 0; i < 9; ++i)
            word(units[i], WordClass::unit, i + 1);
        const char* teens[] = {"ten",     "eleven",  "twelve",    "thirteen", "fourteen",
                               "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"};
        for (int i = 0; i < 10; ++i)
            word(teens[i], WordClass::teen, i + 10);
        const char* tens[] = {"twenty", "thirty",  "forty",  "fifty",
                              "sixty",  "seventy", "eighty", "ninety"};
        for (int i = 0; i < 8; ++i)
            word(tens[i], WordClass::tens, (i + 2) * 10);
        word("hundred", WordClass::hundred, 100);
        word("hundreds", WordClass::hundred, 100, true);
        const std::pair<const char*, double> scales[] = {{"thousand", 1e3}, {"million", 1e6},
                                                         {"billion", 1e9},  {"trillion", 1e12},
                                                         {"lakh", 1e5},     {"crore", 1e7}};
        for (const auto& [key, value] : scales) {
            word(key, WordClass::scale, value);
            word((std::string(key) + "s").c_str(), WordClass::scale, value, true);
        }
        const std::pair<const char*, double> ordinals[] = {
            {"first", 1},        {"second", 2},      {"third", 3},       {"fourth", 4},
            {"fifth", 5},        {"sixth", 6},       {"seventh", 7},     {"eighth", 8},
            {"ninth", 9},        {"tenth", 10},      {"eleventh", 11},   {"twelfth", 12},
            {"thirteenth", 13},  {"fourteenth", 14}, {"fifteenth", 15},  {"sixteenth", 16},
            {"seventeenth", 17}, {"eighteenth", 18}, {"nineteenth", 19}, {"twentieth", 20},
            {"thirtieth", 30},   {"fortieth", 40},   {"fiftieth", 50},   {"sixtieth", 60},
            {"seventieth", 70},  {"eightieth", 80},  {"ninetieth", 90},  {"hundredth", 100},
            {"thousandth", 1e3}, {"millionth", 1e6}, {"billionth", 1e9}, {"trillionth", 1e12}};
        for (const auto& [key, value] : ordinals) {
            word(key, WordClass::ordinal, value);
            word((std::string(key) + "s").c_str(), WordClass::ordinal, value, true);
        }
        word("half", WordClass::fraction, 2);
        word("halves", WordClass::fraction, 2, true);
        word("quarter", WordClass::fraction, 4);
        word("quarters", WordClass::fraction, 4, true);
        word("dozen", WordClass::dozen, 12);
        word("dozens", WordClass::dozen, 12, true);
        word("dz", WordClass::dozen, 12);
        word("dzs", WordClass::dozen, 12, true);
        word("doz", WordClass::dozen, 12);
        word("dozs", WordClass::dozen, 12, true);
    }
};
inline const number_words_table number_words;

/// Magnitude suffixes glued to digits ("10k", "3bn", "£691m"); lower-case keys, no_case.
struct glued_magnitudes_table : x3::symbols<double> {
    glued_magnitudes_table() {
        add("k", 1e3)("m", 1e6)("mn", 1e6)("mln", 1e6)("mil", 1e6)("g", 1e9)("b", 1e9)("bn", 1e9)(
            "bln", 1e9)("tn", 1e12)("tln", 1e12)("trn", 1e12);
    }
};
inline const glued_magnitudes_table glued_magnitudes;

/// Magnitude suffixes after a space, case-sensitive: "10 k", "1,674.5 G", "1 MM". A spaced
/// lower-case "m" is metres, so it is not here.
struct spaced_magnitudes_table : x3::symbols<double> {
    spaced_magnitudes_table() {
        add("k", 1e3)("K", 1e3)("M", 1e6)("MM", 1e6)("mn", 1e6)("mil", 1e6)("G", 1e9)("bn", 1e9)(
            "bln", 1e9)("tn", 1e12)("tln", 1e12);
    }
};
inline const spaced_magnitudes_table spaced_magnitudes;

/// Currency symbols and codes written before the amount; values are ISO 4217 codes.
struct currency_prefix_table : x3::symbols<const char*> {
    currency_prefix_table() {
        add("$", "USD")("US$", "USD")("US $", "USD")("USD", "USD")("£", "GBP")("GBP", "GBP")(
            "€", "EUR")("EUR", "EUR")("¥", "JPY")("JPY", "JPY")("A$", "AUD")("AU$", "AUD")(
            "AUD", "AUD")("C$", "CAD")("CA$", "CAD")("CAD", "CAD")("HK$", "HKD")("NZ$", "NZD")(
            "S$", "SGD")("₹", "INR")("INR", "INR")("Rs", "INR")("₩", "KRW")("KRW", "KRW")(
            "₽", "RUB")("RUB", "RUB")("₴", "UAH")("UAH", "UAH")("CHF", "CHF")("CNY", "CNY")(
            "RMB", "CNY")("SEK", "SEK")("NOK", "NOK")("DKK", "DKK");
    }
};
inline const currency_prefix_table currency_prefixes;

/// Currency words and codes written after the amount; lower-case keys, no_case.
struct currency_suffix_table : x3::symbols<const char*> {
    currency_suffix_table() {
        add("dollars", "USD")("dollar", "USD")("us dollars", "USD")("usd", "USD")("euros", "EUR")(
            "euro", "EUR")("eur", "EUR")("pounds sterling", "GBP")("sterling", "GBP")("gbp", "GBP")(
            "yen", "JPY")("jpy", "JPY")("yuan", "CNY")("renminbi", "CNY")("cny", "CNY")(
            "rupees", "INR")("rupee", "INR")("inr", "INR")("won", "KRW")("krw", "KRW")(
            "roubles", "RUB")("rubles", "RUB")("rouble", "RUB")("ruble", "RUB")("rub", "RUB")(
            "hryvnias", "UAH")("hryvnia", "UAH")("uah", "UAH")("swiss francs", "CHF")(
            "francs", "CHF")("chf", "CHF")("sek", "SEK");
    }
};
inline const currency_suffix_table currency_suffixes;

// Word boundary guard: "5 miles" must not match "mi", "sixteenth" must not stop at "six".
inline const auto word_end = !(x3::alnum | '_');

inline const auto glued_magnitude = x3::no_case[glued_magnitudes] >> word_end;
inline const auto spaced_magnitude = +x3::lit(' ') >> spaced_magnitudes >> word_end;
inline const auto currency_prefix = currency_prefixes;
inline const auto currency_suffix = x3::no_case[currency_suffixes] >> word_end;

// Digit literals. Alternatives are tried in order; each one only accepts its own separators.
inline const auto three_digits = x3::repeat(3)[x3::digit] >> !x3::digit;
inline const auto leading_group = x3::repeat(1, 3)[x3::digit];
// Thin, no-break and narrow no-break spaces group thousands too ("40 000", "1 234 567").
inline const auto space_separator =
    x3::lit(' ') | x3::lit("\xC2\xA0") | x3::lit("\xE2\x80\xAF") | x3::lit("\xE2\x80\x89");
inline const auto indian_grouped = x3::repeat(1, 2)[x3::digit] >>
                                   +(',' >> x3::repeat(2)[x3::digit] >> &x3::lit(',')) >>
                                   ',' >> three_digits;
inline const auto comma_grouped = leading_group >> +(',' >> three_digits);
// "1.111,11": dots group thousands only when a decimal comma follows.
inline const auto dot_grouped = leading_group >> +('.' >> three_digits) >> &(',' >> x3::digit);
inline const auto space_grouped = leading_group >> +(space_separator >> three_digits);
inline const auto plain_digits = +x3::digit;
// "192.168.1.2" is four numbers, not a decimal: a decimal part may not run into another dot.
inline const auto dot_decimal = '.' >> +x3::digit >> !('.' >> x3::digit);
// "5,00" and "1,3": a comma decimal of one or two digits not followed by more groups.
inline const auto comma_decimal = ',' >> x3::repeat(1, 2)[x3::digit] >> !x3::digit >>
                                  !(',' >> x3::digit);
inline const auto exponent = x3::lit('e') >> -(x3::lit('+') | '-') >> +x3::digit >>
                             !(x3::alpha | '_');
inline const auto scientific = x3::lit("x10^") >> -(x3::lit('+') | '-') >> +x3::digit;
inline const auto power = '^' >> *(x3::lit('+') | '-') >> +x3::digit;

} // namespace factlint::grammar::parser
