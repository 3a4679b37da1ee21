// Number grammar: X3 matchers for the lexical layer (number_def.hpp) and the numeral composer
// that turns a run of number words and digits into a value. The composer is plain C++ on top
// of the X3 matchers because English numerals are easier to compose with explicit state than
// with attribute rules ("two hundred and two thousand", "one hundred thirty fifths").
#include "grammar/number.hpp"
#include "grammar/number_def.hpp"

#include <cmath>
#include <cstdlib>
#include <string>
#include <vector>

namespace factlint::grammar {

namespace x3 = boost::spirit::x3;

namespace {

/// The end of the run of ASCII letters at `pos`.
std::size_t letters_end(std::string_view text, std::size_t pos) {
    while (pos < text.size() && is_alpha(text[pos]))
        ++pos;
    return pos;
}

/// Whether the run of letters `text[pos, end)` has the shape of one of `shapes`.
bool may_be_one_of(const WordShapes& shapes, std::string_view text, std::size_t pos,
                   std::size_t end) {
    return end > pos &&
           shapes.may_contain(ascii_lower(text[pos]), ascii_lower(text[end - 1]), end - pos);
}

} // namespace

std::optional<NumberWord> match_number_word(std::string_view text, std::size_t pos,
                                            std::size_t& end) {
    // The composer asks for a number word at nearly every word it meets, the same word several
    // times. The keys are lower-case letters and no letter, digit or '_' may follow one
    // ("sixteenth" is not "six"), so a match is exactly a whole run of letters that is a key:
    // a shape test and one exact lookup of the lower-cased run, rather than an X3 no_case
    // parse that lowers each byte through the C library.
    static const WordShapes shapes = [] {
        WordShapes out;
        parser::number_words.for_each(
            [&](const std::string& key, const NumberWord&) { out.add(key); });
        return out;
    }();
    const std::size_t end_of_letters = letters_end(text, pos);
    if (!may_be_one_of(shapes, text, pos, end_of_letters))
        return std::nullopt;
    char lower[32]; // no shape is as long
    const std::size_t length = end_of_letters - pos;
    for (std::size_t i = 0; i < length; ++i)
        lower[i] = ascii_lower(text[pos + i]);
    const NumberWord* word = parser::number_words.find(std::string_view(lower, length));
    const std::size_t after = pos + length;
    if (!word || (after < text.size() && (is_digit(text[after]) || text[after] == '_')))
        return std::nullopt;
    end = after;
    return *word;
}

std::vector<std::string> number_word_list() {
    std::vector<std::string> words;
    parser::number_words.for_each(
        [&](const std::string& key, const NumberWord&) { words.push_back(key); });
    return words;
}

namespace {

/// Runs `p` at `pos` and returns where it stopped, or npos when it did not match.
template <class Parser>
std::size_t match_at(std::string_view text, std::size_t pos, const Parser& p) {
    const char* first = text.data() + pos;
    const char* const last = text.data() + text.size();
    if (!x3::parse(first, last, p))
        return std::string_view::npos;
    return static_cast<std::size_t>(first - text.data());
}

std::string digits_of(std::string_view text) {
    std::string out;
    for (char c : text)
        if (is_digit(c))
            out += c;
    return out;
}

/// The value of a run of ASCII digits, as strtod reads it. Up to 15 digits the value is an
/// integer below 2^53, so summing in a double is exact and equals strtod's correctly rounded
/// result without building a string; longer runs go to strtod.
double digit_run_value(std::string_view digits) {
    if (digits.size() > 15)
        return std::strtod(std::string(digits).c_str(), nullptr);
    double value = 0;
    for (char c : digits)
        value = value * 10 + (c - '0');
    return value;
}

} // namespace

std::optional<DigitLiteral> match_digit_literal(std::string_view text, std::size_t pos) {
    constexpr auto npos = std::string_view::npos;
    if (pos >= text.size())
        return std::nullopt;
    DigitLiteral literal;
    std::string integer_digits;
    std::string decimal_digits;
    std::size_t end = npos;
    bool dot_thousands = false;
    std::size_t run = pos;
    while (run < text.size() && is_digit(text[run]))
        ++run;
    // Fast path: most numbers are a bare digit run ("2004", "300") with nothing that could
    // group, decimalise or raise it; the separator grammars run only when one follows. A
    // space, comma or dot continues a literal only before a digit ("1 000", "2,000", "3.5"),
    // so "5 people", "in 2004, the" and "rose 5." take the fast path too.
    const bool digit_after_next = run + 1 < text.size() && is_digit(text[run + 1]);
    const bool separator_follows =
        run < text.size() &&
        (((text[run] == ',' || text[run] == '.' || text[run] == ' ') && digit_after_next) ||
         text[run] == 'e' || text[run] == 'x' || text[run] == '^' ||
         static_cast<unsigned char>(text[run]) >= 0x80);
    if (is_digit(text[pos]) && !separator_follows) {
        literal.digits = run - pos;
        literal.leading_zero = literal.digits > 1 && text[pos] == '0';
        literal.value = digit_run_value(text.substr(pos, run - pos));
        literal.end = run;
        return literal;
    }
    if (is_digit(text[pos])) {
        if ((end = match_at(text, pos, parser::indian_grouped)) != npos ||
            (end = match_at(text, pos, parser::comma_grouped)) != npos)
            literal.grouped = true;
        else if ((end = match_at(text, pos, parser::dot_grouped)) != npos)
            literal.grouped = dot_thousands = true;
        else if ((end = match_at(text, pos, parser::space_grouped)) != npos)
            literal.grouped = true;
        else
            end = match_at(text, pos, parser::plain_digits);
        integer_digits = digits_of(text.substr(pos, end - pos));
        literal.leading_zero = integer_digits.size() > 1 && integer_digits[0] == '0';
    } else if (text[pos] != '.') {
        return std::nullopt;
    } else {
        end = pos;
    }
    literal.digits = integer_digits.size();
    // In "192.168.1.2" and "22,24,26,31" a number right after "digit." or "digit," is one
    // item of a list, never the start of a decimal.
    const bool listed =
        pos >= 2 && (text[pos - 1] == '.' || text[pos - 1] == ',') && is_digit(text[pos - 2]);
    std::size_t decimal_end = npos;
    if (dot_thousands)
        decimal_end = match_at(text, end, x3::lit(',') >> +x3::digit);
    else if (listed)
        decimal_end = npos;
    else if ((decimal_end = match_at(text, end, parser::dot_decimal)) == npos && !literal.grouped &&
             !integer_digits.empty())
        decimal_end = match_at(text, end, parser::comma_decimal);
    if (decimal_end != npos) {
        decimal_digits = digits_of(text.substr(end + 1, decimal_end - end - 1));
        end = decimal_end;
        literal.integer = false;
    }
    if (integer_digits.empty() && decimal_digits.empty())
        return std::nullopt;
    std::string number = (integer_digits.empty() ? "0" : integer_digits) + "." +
                         (decimal_digits.empty() ? "0" : decimal_digits);
    literal.value = std::strtod(number.c_str(), nullptr);
    // Exponents: "1e10", "1.3x10^6", "2.5^-1" (the last is a power, as Recognizers-Text reads it).
    std::size_t exponent_end = npos;
    if ((exponent_end = match_at(text, end, parser::exponent)) != npos ||
        (exponent_end = match_at(text, end, parser::scientific)) != npos) {
        const auto tail = text.substr(end, exponent_end - end);
        const bool negative = tail.find('-') != std::string_view::npos;
        const double exponent =
            std::strtod(digits_of(tail.substr(tail.find_first_of("e^") + 1)).c_str(), nullptr);
        literal.value *= std::pow(10.0, negative ? -exponent : exponent);
        literal.integer = false;
        end = exponent_end;
    } else if ((exponent_end = match_at(text, end, parser::power)) != npos) {
        const auto tail = text.substr(end, exponent_end - end);
        std::size_t minus_signs = 0;
        for (char c : tail)
            minus_signs += c == '-';
        const double exponent = std::strtod(digits_of(tail).c_str(), nullptr);
        literal.value = std::pow(literal.value, minus_signs % 2 ? -exponent : exponent);
        literal.integer = false;
        end = exponent_end;
    }
    literal.end = end;
    return literal;
}

std::optional<double> match_magnitude_suffix(std::string_view text, std::size_t pos,
                                             std::size_t& end) {
    // Every number asks for a suffix; each one starts with a letter, or with a space.
    if (pos >= text.size() || !(is_alpha(text[pos]) || text[pos] == ' '))
        return std::nullopt;
    const char* first = text.data() + pos;
    const char* const last = text.data() + text.size();
    double multiplier = 0;
    // "1MM" is a million in finance; a lower-case "mm" is millimetres.
    if (text.substr(pos, 2) == "MM" && (pos + 2 >= text.size() || !is_word_byte(text[pos + 2]))) {
        end = pos + 2;
        return 1e6;
    }
    if (x3::parse(first, last, parser::glued_magnitude, multiplier) ||
        (first = text.data() + pos, x3::parse(first, last, parser::spaced_magnitude, multiplier))) {
        end = static_cast<std::size_t>(first - text.data());
        return multiplier;
    }
    return std::nullopt;
}

std::optional<std::string_view> match_currency_prefix(std::string_view text, std::size_t pos,
                                                      std::size_t& end) {
    if (pos < text.size() && is_digit(text[pos])) // every number asks; no symbol is a digit
        return std::nullopt;
    const char* first = text.data() + pos;
    const char* const last = text.data() + text.size();
    const char* code = nullptr;
    if (!x3::parse(first, last, parser::currency_prefix, code))
        return std::nullopt;
    end = static_cast<std::size_t>(first - text.data());
    return std::string_view(code);
}

std::optional<std::string_view> match_currency_suffix(std::string_view text, std::size_t pos,
                                                      std::size_t& end) {
    // Every number asks. A match starts with the first word of a key as a whole run of letters
    // (no letter may follow a key); other words skip the X3 no_case parse.
    static const WordShapes first_words = [] {
        WordShapes out;
        parser::currency_suffixes.for_each([&](const std::string& key, const char*) {
            out.add(std::string_view(key).substr(0, key.find(' ')));
        });
        return out;
    }();
    if (!may_be_one_of(first_words, text, pos, letters_end(text, pos)))
        return std::nullopt;
    const char* first = text.data() + pos;
    const char* const last = text.data() + text.size();
    const char* code = nullptr;
    if (!x3::parse(first, last, parser::currency_suffix, code))
        return std::nullopt;
    end = static_cast<std::size_t>(first - text.data());
    return std::string_view(code);
}

} // namespace factlint::grammar
