// Numeral composition: turns a run of number words and digits into one value. Spirit-free; it
// calls the X3 matchers of number.cpp for the words and digit literals it is built from.
//
// Fractions written in words ("one hundred thirty fifths") are split into numerator and
// denominator the way Recognizers-Text does (its English NumberModel spec is our conformance
// suite), so "one hundred and thirty fifths" is 130/5 and "one hundred thirty fifths" is 100/35.
#include "grammar/number.hpp"

#include <boost/container/small_vector.hpp>

#include <cmath>
#include <string>

namespace factlint::grammar {

namespace {

enum class TokenType { end, word, digits, and_, article, point, over, out_of, in, of, other };

struct Token {
    TokenType type = TokenType::end;
    std::size_t begin = 0;
    std::size_t end = 0;
    NumberWord word;
};

bool is_blank_at(std::string_view text, std::size_t pos) {
    return text[pos] == ' ' || text[pos] == '\t';
}

std::size_t skip_blanks(std::string_view text, std::size_t pos, std::size_t limit) {
    while (pos < limit && is_blank_at(text, pos))
        ++pos;
    return pos;
}

std::size_t word_end_at(std::string_view text, std::size_t pos, std::size_t limit) {
    while (pos < limit && is_word_byte(text[pos]))
        ++pos;
    return pos;
}

bool word_equals(std::string_view text, std::size_t begin, std::size_t end, std::string_view w) {
    if (end - begin != w.size())
        return false;
    for (std::size_t i = 0; i < w.size(); ++i)
        if (ascii_lower(text[begin + i]) != w[i])
            return false;
    return true;
}

/// The next token after blanks; with `join_hyphen`, a hyphen between words is a blank
/// ("fifty - two", "one-eighth").
Token next_token(std::string_view text, std::size_t pos, std::size_t limit, bool join_hyphen) {
    Token token;
    std::size_t p = skip_blanks(text, pos, limit);
    if (join_hyphen && p < limit && text[p] == '-') {
        const std::size_t q = skip_blanks(text, p + 1, limit);
        if (q < limit && is_alpha(text[q]))
            p = q;
    }
    token.begin = token.end = p;
    if (p >= limit)
        return token;
    if (is_digit(text[p])) {
        token.type = TokenType::digits;
        return token;
    }
    if (!is_alpha(text[p]) || (p > 0 && is_word_byte(text[p - 1]))) {
        token.type = TokenType::other;
        return token;
    }
    std::size_t end = 0;
    if (auto word = match_number_word(text, p, end); word && end <= limit) {
        token.type = TokenType::word;
        token.word = *word;
        token.end = end;
        return token;
    }
    end = word_end_at(text, p, limit);
    token.end = end;
    if (word_equals(text, p, end, "and"))
        token.type = TokenType::and_;
    else if (word_equals(text, p, end, "a") || word_equals(text, p, end, "an"))
        token.type = TokenType::article;
    else if (word_equals(text, p, end, "point"))
        token.type = TokenType::point;
    else if (word_equals(text, p, end, "over"))
        token.type = TokenType::over;
    else if (word_equals(text, p, end, "in"))
        token.type = TokenType::in;
    else if (word_equals(text, p, end, "of"))
        token.type = TokenType::of;
    else if (word_equals(text, p, end, "out")) {
        const std::size_t q = skip_blanks(text, end, limit);
        const std::size_t e = word_end_at(text, q, limit);
        if (q > end && word_equals(text, q, e, "of")) {
            token.type = TokenType::out_of;
            token.end = e;
        } else {
            token.type = TokenType::other;
        }
    } else
        token.type = TokenType::other;
    return token;
}

/// A word after a singular ordinal that makes it an ordinal, not a denominator: "a third
/// quarter", "one fourth term" (but "a third of", "a fifth and", "a half million" are fractions).
bool starts_noun(std::string_view text, const Token& after) {
    if (after.end <= after.begin || !is_alpha(text[after.begin]))
        return false;
    if (after.type == TokenType::of || after.type == TokenType::and_)
        return false;
    if (after.type == TokenType::word && after.word.word_class == WordClass::scale)
        return false;
    return true;
}

/// One word of a numeral as the fraction splitter sees it.
struct Item {
    double value = 0;
    bool separator = false; ///< "and"
    bool scale = false;
};

/// The words of one numeral: kept inline, as a heap allocation per numeral cost more than
/// composing it.
using Items = boost::container::small_vector<Item, 8>;

/// The cardinal value of a run of items: "one hundred and thirty" = 130, "a hundred" = 100.
double int_value(const Items& items, std::size_t from, std::size_t to) {
    double total = 0, group = 0, max_scale = 0;
    for (std::size_t i = from; i < to; ++i) {
        const Item& item = items[i];
        if (item.separator)
            continue;
        const double v = item.value;
        if (v >= 1000) {
            if (group == 0)
                group = 1;
            if (v > max_scale) {
                total = (total + group) * v;
                max_scale = v;
            } else {
                total += group * v;
            }
            group = 0;
        } else if (v == 100) {
            group = (group == 0 ? 1 : group) * 100;
        } else {
            group += v;
        }
    }
    return total + group;
}

bool composable(double big, double small) {
    const double base = small > 10 ? 100 : 10;
    return std::fmod(big, base) == 0 && big / base >= 1;
}

/// Value of items whose last item is the denominator word ("fifths"), split into integer,
/// numerator and denominator as Recognizers-Text does.
double fraction_value(const Items& items, bool scale_before_and = true) {
    const long n = static_cast<long>(items.size());
    if (n == 1)
        return 1.0 / items[0].value;
    double current = items[n - 1].value;
    double round = 1;
    long split = n - 1;
    for (split = n - 2; split >= 0; --split) {
        if (items[split].separator)
            continue;
        const double previous = current;
        current = items[split].value;
        if ((previous >= 100 && previous > current) ||
            (previous < 100 && composable(current, previous))) {
            if (previous < 100 && current >= round) {
                round = current;
            } else if (previous < 100 && current < round) {
                ++split;
                break;
            }
            if (split == 0) {
                split = 1;
                while (split <= n - 2) {
                    if (items[split].value >= 100 && !items[split + 1].separator &&
                        items[split + 1].value < 100) {
                        ++split;
                        break;
                    }
                    ++split;
                }
                break;
            }
            continue;
        }
        ++split;
        break;
    }
    if (split < 0)
        split = 0;
    // "two and fifty-four hundredths": what follows "and" is the numerator.
    if (split < n - 1 && items[split].separator)
        split = n - 1;
    const double denominator = int_value(items, split, n);
    long mixed = split;
    double numerator = 0;
    for (long i = split - 1; i >= 0; --i) {
        if (i < split - 1 && items[i].separator) {
            numerator = int_value(items, i + 1, split);
            mixed = i + 1;
            break;
        }
    }
    const double whole = int_value(items, 0, mixed);
    if (mixed != split && numerator < denominator) {
        // "one million and a half" is 1.5 million: the fraction takes the scale before "and".
        const double scale =
            scale_before_and && mixed >= 2 && items[mixed - 2].scale ? items[mixed - 2].value : 1;
        return whole + scale * numerator / denominator;
    }
    return (whole + numerator) / denominator;
}

enum class Last { start, article, zero, unit, teen, tens, hundred, scale, digits, dozen, and_ };

bool is_word_last(Last last) {
    return last != Last::start && last != Last::digits;
}

/// The composer's state; copied to undo a trailing "and ..." that does not belong.
struct State {
    std::size_t pos = 0; ///< where the next token starts
    std::size_t end = 0; ///< end of the last accepted token
    double total = 0;
    double group = 0;
    double tail = 0; ///< the small number since the last hundred/scale/and ("two" dozens)
    double max_scale = 0;
    bool hundred_in_group = false;
    bool words = false;
    bool scaled = false;
    Last last = Last::start;
    Items items;
};

struct Vulgar {
    std::string_view bytes;
    double value;
};
constexpr Vulgar vulgar_fractions[] = {
    {"\xC2\xBD", 0.5},         {"\xC2\xBC", 0.25},        {"\xC2\xBE", 0.75},
    {"\xE2\x85\x93", 1.0 / 3}, {"\xE2\x85\x94", 2.0 / 3}, {"\xE2\x85\x95", 0.2},
    {"\xE2\x85\x96", 0.4},     {"\xE2\x85\x97", 0.6},     {"\xE2\x85\x98", 0.8},
    {"\xE2\x85\x99", 1.0 / 6}, {"\xE2\x85\x9A", 5.0 / 6}, {"\xE2\x85\x9B", 0.125},
    {"\xE2\x85\x9C", 0.375},   {"\xE2\x85\x9D", 0.625},   {"\xE2\x85\x9E", 0.875},
    {"\xE2\x85\x90", 1.0 / 7}, {"\xE2\x85\x91", 1.0 / 9}, {"\xE2\x85\x92", 0.1}};

std::optional<double> match_vulgar(std::string_view text, std::size_t pos, std::size_t limit,
                                   std::size_t& end) {
    // Every number is asked for a glued fraction ("2½"): all of them start with C2 or E2, so
    // the byte comparisons run only when one of those follows.
    if (pos >= limit || (text[pos] != '\xC2' && text[pos] != '\xE2'))
        return std::nullopt;
    for (const auto& v : vulgar_fractions)
        if (pos + v.bytes.size() <= limit && text.substr(pos, v.bytes.size()) == v.bytes) {
            end = pos + v.bytes.size();
            return v.value;
        }
    return std::nullopt;
}

/// "several hundred", "tens of thousands", "dozens", "a few": intervals the words imply.
/// Documented in quantity.hpp: several N = [2N, 10N-1], a few N = [2N, 5N], plural N
/// ("thousands") = [2N, 10N-1], hundreds of N = [200N, 1000N-1], dozens = [24, 99],
/// several = [3, 9], a few = [2, 5].
std::optional<Numeral> parse_vague(std::string_view text, std::size_t pos, std::size_t limit) {
    Token first = next_token(text, pos, limit, false);
    Numeral out;
    out.begin = pos;
    out.words = true;
    auto set = [&](double low, double high, std::size_t end) {
        out.low = low;
        out.high = high;
        out.end = end;
        out.vague = true;
        return out;
    };
    auto scale_after = [&](std::size_t at, Token& scale) {
        scale = next_token(text, at, limit, false);
        return scale.type == TokenType::word && (scale.word.word_class == WordClass::scale ||
                                                 scale.word.word_class == WordClass::hundred);
    };
    Token scale;
    if (first.type == TokenType::other || first.type == TokenType::article) {
        std::size_t p = first.begin;
        std::size_t e = first.end;
        bool few = false;
        if (first.type == TokenType::article) {
            Token second = next_token(text, e, limit, false);
            if (second.type != TokenType::other ||
                !word_equals(text, second.begin, second.end, "few"))
                return std::nullopt;
            few = true;
            e = second.end;
        } else if (word_equals(text, p, e, "several")) {
            few = false;
        } else if (word_equals(text, p, e, "tens") || word_equals(text, p, e, "hundreds")) {
            return std::nullopt; // handled below as words
        } else {
            return std::nullopt;
        }
        if (scale_after(e, scale) && scale.word.value < 1e15) {
            const double n = scale.word.value;
            return few ? set(2 * n, 5 * n, scale.end) : set(2 * n, 10 * n - 1, scale.end);
        }
        return few ? set(2, 5, e) : set(3, 9, e);
    }
    if (first.type != TokenType::word || !first.word.plural)
        return std::nullopt;
    const double n = first.word.value;
    if (first.word.word_class == WordClass::dozen)
        return set(24, 99, first.end);
    if (first.word.word_class == WordClass::teen && n == 10) // "tens of thousands"
        return std::nullopt;
    if (first.word.word_class != WordClass::scale && first.word.word_class != WordClass::hundred)
        return std::nullopt;
    Token of = next_token(text, first.end, limit, false);
    if (of.type == TokenType::of && scale_after(of.end, scale) && scale.word.plural &&
        scale.word.value > n) // "hundreds of thousands"
        return set(2 * n * scale.word.value, 10 * n * scale.word.value - 1, scale.end);
    return set(2 * n, 10 * n - 1, first.end);
}

/// "tens of thousands": "tens" is not in the number-word table (it is not a cardinal).
std::optional<Numeral> parse_tens_of(std::string_view text, std::size_t pos, std::size_t limit) {
    const std::size_t e = word_end_at(text, pos, limit);
    if (!word_equals(text, pos, e, "tens"))
        return std::nullopt;
    Token of = next_token(text, e, limit, false);
    if (of.type != TokenType::of)
        return std::nullopt;
    Token scale = next_token(text, of.end, limit, false);
    if (scale.type != TokenType::word || !scale.word.plural ||
        scale.word.word_class != WordClass::scale)
        return std::nullopt;
    Numeral out;
    out.begin = pos;
    out.end = scale.end;
    out.words = out.vague = true;
    out.low = 20 * scale.word.value;
    out.high = 100 * scale.word.value - 1;
    return out;
}

class Composer {
public:
    Composer(std::string_view text, std::size_t limit, NumeralOptions options)
        : text_(text)
        , limit_(limit)
        , options_(options) {}

    std::optional<Numeral> run(std::size_t pos);

private:
    std::optional<Numeral> finish(State& s, Numeral out);
    bool digits_start(State& s, Token& token, Numeral& out, bool& done);
    bool accept_word(State& s, const Token& token);
    std::optional<Numeral> fraction(State& s, const Token& token);
    void apply_following_scale(State& s, double& value, double whole_part);
    bool decimal_words(State& s);

    std::string_view text_;
    std::size_t limit_;
    NumeralOptions options_;
    std::optional<State> before_and_;
};

void accept(State& s, const Token& token, Last last) {
    s.end = token.end;
    s.pos = token.end;
    s.last = last;
}

/// Adds a cardinal word to the numeral; returns false, leaving `s` untouched, when it does not
/// compose ("four thousand three").
bool Composer::accept_word(State& s, const Token& token) {
    const NumberWord& w = token.word;
    const Last last = s.last;
    const bool after_separator =
        last == Last::start || last == Last::hundred || last == Last::scale || last == Last::and_;
    switch (w.word_class) {
    case WordClass::zero:
        if (last != Last::start)
            return false;
        s.items.push_back({0});
        accept(s, token, Last::zero);
        return true;
    case WordClass::unit:
        if (!(after_separator || (last == Last::tens && std::fmod(s.group, 10) == 0)))
            return false;
        if (last == Last::tens && !s.items.empty())
            s.items.back().value += w.value; // "ninety - five" is one word for the splitter
        else
            s.items.push_back({w.value});
        s.group += w.value;
        s.tail = last == Last::tens ? s.tail + w.value : w.value;
        accept(s, token, Last::unit);
        return true;
    case WordClass::teen:
    case WordClass::tens:
        if (!after_separator || std::fmod(s.group, 100) != 0)
            return false;
        s.items.push_back({w.value});
        s.group += w.value;
        s.tail = w.value;
        accept(s, token, w.word_class == WordClass::teen ? Last::teen : Last::tens);
        return true;
    case WordClass::hundred:
        if (w.plural && last != Last::digits && last != Last::unit)
            return false;
        if (last == Last::start || last == Last::article) {
            s.group = 100;
        } else if ((last == Last::unit || last == Last::teen || last == Last::tens ||
                    last == Last::digits) &&
                   !s.hundred_in_group) {
            s.group *= 100;
        } else {
            return false;
        }
        s.items.push_back({100});
        s.hundred_in_group = true;
        s.tail = 0;
        s.scaled = true;
        accept(s, token, Last::hundred);
        return true;
    case WordClass::scale: {
        if (w.plural && last != Last::digits && last != Last::unit)
            return false;
        double group = s.group;
        if (group == 0) {
            if (last == Last::start || last == Last::article)
                group = 1;
            else if (!(last == Last::scale && w.value > s.max_scale))
                return false;
        }
        if (w.value > s.max_scale) {
            s.total = (s.total + group) * w.value;
            s.max_scale = w.value;
        } else {
            s.total += group * w.value;
        }
        s.items.push_back({w.value, false, true});
        s.group = 0;
        s.tail = 0;
        s.hundred_in_group = false;
        s.scaled = true;
        accept(s, token, Last::scale);
        return true;
    }
    case WordClass::dozen: {
        if (!(last == Last::article || last == Last::unit || last == Last::teen ||
              last == Last::tens || last == Last::digits))
            return false;
        const double count = s.tail > 0 ? s.tail : 1;
        s.group = s.group - s.tail + count * 12;
        s.tail = 0;
        s.items.push_back({12});
        accept(s, token, Last::dozen);
        return true;
    }
    default:
        return false;
    }
}

/// "five point seven one", "nought point eleven".
bool Composer::decimal_words(State& s) {
    Token point = next_token(text_, s.pos, limit_, false);
    if (point.type != TokenType::point)
        return false;
    std::string digits;
    std::size_t pos = point.end;
    std::size_t end = point.end;
    for (;;) {
        Token t = next_token(text_, pos, limit_, !digits.empty());
        if (t.type != TokenType::word)
            break;
        const auto cls = t.word.word_class;
        if (cls == WordClass::zero || cls == WordClass::unit) {
            digits += static_cast<char>('0' + static_cast<int>(t.word.value));
        } else if (cls == WordClass::teen) {
            digits += std::to_string(static_cast<int>(t.word.value));
        } else if (cls == WordClass::tens) {
            int value = static_cast<int>(t.word.value);
            Token unit = next_token(text_, t.end, limit_, true);
            if (unit.type == TokenType::word && unit.word.word_class == WordClass::unit) {
                value += static_cast<int>(unit.word.value);
                t.end = unit.end;
            }
            digits += std::to_string(value);
        } else {
            break;
        }
        pos = end = t.end;
    }
    if (digits.empty())
        return false;
    s.group += std::stod("0." + digits);
    s.end = s.pos = end;
    s.last = Last::dozen; // nothing composes after a decimal part
    return true;
}

/// A scale word after a fraction ("five and a half million", "two thirds of a million"):
/// its value and end, or 0.
std::pair<double, std::size_t> following_scale(std::string_view text, std::size_t pos,
                                               std::size_t limit) {
    Token t = next_token(text, pos, limit, false);
    if (t.type == TokenType::word && t.word.word_class == WordClass::scale && !t.word.plural)
        return {t.word.value, t.end};
    if (t.type == TokenType::of) {
        Token a = next_token(text, t.end, limit, false);
        Token w = next_token(text, a.end, limit, false);
        if (a.type == TokenType::article && w.type == TokenType::word &&
            w.word.word_class == WordClass::scale && !w.word.plural)
            return {w.word.value, w.end};
    }
    return {0, 0};
}

/// The whole part before the last "and" of a fraction's items ("one billion and a half").
double whole_before_and(const Items& items) {
    double whole = 0;
    for (std::size_t i = 0; i + 1 < items.size(); ++i)
        if (items[i].separator)
            whole = int_value(items, 0, i);
    return whole;
}

/// "one hundred thirty fifths", "three twenty firsts", "two and fifty-four hundredths": a run of
/// cardinal words ending in a fraction word, split as Recognizers-Text does. Covers the runs
/// the composer's grammar rejects ("three twenty ..." is not a cardinal).
std::optional<Numeral> fraction_run(std::string_view text, std::size_t pos, std::size_t limit) {
    Items items;
    std::size_t p = pos;
    bool last_tens = false;
    std::size_t numbers = 0;
    // Written fractions are short; the cap keeps "one one one ..." linear overall.
    constexpr std::size_t max_items = 16;
    for (;;) {
        if (items.size() > max_items)
            return std::nullopt;
        Token t = next_token(text, p, limit, !items.empty());
        if (items.empty() && t.begin != pos)
            return std::nullopt;
        if (t.type == TokenType::and_ && !items.empty()) {
            items.push_back({0, true});
            last_tens = false;
        } else if (t.type == TokenType::article) {
            items.push_back({1});
            last_tens = false;
        } else if (t.type == TokenType::word) {
            const NumberWord& w = t.word;
            if (w.word_class == WordClass::ordinal || w.word_class == WordClass::fraction) {
                if (numbers < 1 || (w.word_class == WordClass::ordinal && w.value == 2))
                    return std::nullopt; // "one second" is a duration
                if (w.word_class == WordClass::ordinal && w.value == 1 && !last_tens)
                    return std::nullopt;
                if (!w.plural) {
                    // "a fifth", "one one hundred fifth": a singular denominator needs 1 above it.
                    std::size_t first = 0;
                    for (std::size_t i = 0; i < items.size(); ++i)
                        if (items[i].separator && i + 1 < items.size())
                            first = i + 1;
                    if (items[first].value != 1)
                        return std::nullopt;
                }
                if (!w.plural && w.word_class == WordClass::ordinal) {
                    // "a third quarter" is an ordinal; "a third of", "a fifth." are fractions.
                    Token after = next_token(text, t.end, limit, false);
                    if (starts_noun(text, after))
                        return std::nullopt;
                }
                items.push_back({w.value});
                Numeral out;
                out.begin = pos;
                out.words = out.fraction = true;
                auto [scale, scale_end] = following_scale(text, t.end, limit);
                out.value = fraction_value(items, scale == 0);
                out.end = t.end;
                if (scale > 0) {
                    const double whole = whole_before_and(items);
                    out.value =
                        whole > scale ? whole + (out.value - whole) * scale : out.value * scale;
                    out.end = scale_end;
                    out.scaled = true;
                }
                return out;
            }
            if (w.plural || w.word_class == WordClass::zero || w.word_class == WordClass::dozen)
                return std::nullopt;
            if (w.word_class == WordClass::unit && last_tens)
                items.back().value += w.value;
            else
                items.push_back({w.value, false, w.word_class == WordClass::scale});
            last_tens = w.word_class == WordClass::tens;
            ++numbers;
        } else {
            return std::nullopt;
        }
        p = t.end;
    }
}

/// Scale words after a fraction: "five and a half million", "two thirds of a million".
void Composer::apply_following_scale(State& s, double& value, double whole_part) {
    Token t = next_token(text_, s.pos, limit_, false);
    std::size_t scale_end = 0;
    double scale = 0;
    if (t.type == TokenType::word && t.word.word_class == WordClass::scale && !t.word.plural) {
        scale = t.word.value;
        scale_end = t.end;
    } else if (t.type == TokenType::of) {
        Token a = next_token(text_, t.end, limit_, false);
        Token w = next_token(text_, a.end, limit_, false);
        if (a.type == TokenType::article && w.type == TokenType::word &&
            w.word.word_class == WordClass::scale && !w.word.plural) {
            scale = w.word.value;
            scale_end = w.end;
        }
    }
    if (scale == 0)
        return;
    if (whole_part > scale)
        value = whole_part + (value - whole_part) * scale;
    else
        value *= scale;
    s.end = s.pos = scale_end;
    s.scaled = true;
}

std::optional<Numeral> Composer::fraction(State& s, const Token& token) {
    const NumberWord& w = token.word;
    const Last last = s.last;
    Numeral out;
    out.words = true;
    const bool singular = !w.plural;
    if (last == Last::digits || last == Last::zero || last == Last::dozen)
        return std::nullopt;
    State next = s;
    accept(next, token, Last::dozen);
    if (last == Last::start) {
        if (w.word_class == WordClass::ordinal && singular) {
            out.value = w.value;
            out.ordinal = true;
            out.end = next.end;
            return out;
        }
        if (w.word_class != WordClass::fraction || !singular)
            return std::nullopt;
        // "half a dozen", "half a million"
        Token a = next_token(text_, next.pos, limit_, false);
        Token unit = next_token(text_, a.end, limit_, false);
        double value = 1.0 / w.value;
        if (a.type == TokenType::article && unit.type == TokenType::word &&
            (unit.word.word_class == WordClass::dozen ||
             (unit.word.word_class == WordClass::scale && !unit.word.plural))) {
            out.value = value * unit.word.value;
            out.end = unit.end;
            out.scaled = unit.word.word_class == WordClass::scale;
            return out;
        }
        const std::size_t before = next.end;
        apply_following_scale(next, value, 0);
        if (w.value == 4 && next.end == before)
            return std::nullopt; // a bare "quarter" is a period of a year, not 0.25
        out.value = value;
        out.fraction = true;
        out.scaled = next.scaled;
        out.end = next.end;
        return out;
    }
    if (last == Last::and_)
        return std::nullopt;
    if (w.word_class == WordClass::ordinal && w.value == 1 && !w.plural && last == Last::article)
        return std::nullopt; // "a first" is an ordinal after an article
    // Singular ordinals after a cardinal are compound ordinals ("twenty-first"), except after
    // "a"/"one", which make them fractions ("a fifth", "one twenty-fifth").
    std::size_t segment = 0;
    for (std::size_t i = 0; i + 1 < s.items.size(); ++i)
        if (s.items[i].separator)
            segment = i + 1;
    const bool one_first =
        !s.items.empty() && s.items[segment].value == 1 && !s.items[segment].separator;
    if (w.word_class == WordClass::ordinal && w.value == 2 && !w.plural && one_first)
        return std::nullopt; // "one second" is a duration, "a second" an ordinal
    if (singular && w.word_class == WordClass::ordinal && !one_first && w.value >= 100)
        return std::nullopt; // "two millionth": Recognizers-Text reads "two"
    if (singular && w.word_class == WordClass::ordinal && !one_first) {
        out.value = int_value(s.items, 0, s.items.size()) + w.value;
        out.ordinal = true;
        out.end = next.end;
        return out;
    }
    if (singular && w.word_class == WordClass::ordinal && s.items.size() == 1) {
        // "a third of", "a fifth." but "a third term" is an ordinal after an article.
        Token after = next_token(text_, next.pos, limit_, false);
        if (starts_noun(text_, after))
            return std::nullopt;
    }
    next.items.push_back({w.value});
    const bool scale_follows = following_scale(text_, next.pos, limit_).first > 0;
    double value = fraction_value(next.items, !scale_follows);
    apply_following_scale(next, value, whole_before_and(next.items));
    out.value = value;
    out.fraction = true;
    out.scaled = next.scaled;
    out.end = next.end;
    return out;
}

bool Composer::digits_start(State& s, Token& token, Numeral& out, bool& done) {
    auto literal = match_digit_literal(text_, token.begin);
    if (!literal || literal->end > limit_)
        return false;
    std::size_t end = literal->end;
    double value = literal->value;
    out.digits_only = true;
    out.plain_integer = literal->integer && !literal->grouped;
    // "3/4", "-4/5"; "5/17/2018" is a date, not a fraction.
    if (literal->integer && end + 1 < limit_ && text_[end] == '/' && is_digit(text_[end + 1])) {
        auto denominator = match_digit_literal(text_, end + 1);
        if (!denominator || !denominator->integer || denominator->end > limit_ ||
            (denominator->end < limit_ && text_[denominator->end] == '/') ||
            denominator->value == 0)
            return false;
        out.value = value / denominator->value;
        out.fraction = true;
        out.plain_integer = false;
        out.end = denominator->end;
        done = true;
        return true;
    }
    std::size_t vulgar_end = 0;
    if (literal->integer) {
        if (auto v = match_vulgar(text_, end, limit_, vulgar_end)) {
            out.value = value + *v;
            out.end = vulgar_end;
            out.fraction = true;
            out.plain_integer = false;
            done = true;
            return true;
        }
        // "2  1/4": an integer and a proper fraction.
        std::size_t p = skip_blanks(text_, end, limit_);
        if (p > end && p < limit_ && is_digit(text_[p])) {
            auto numerator = match_digit_literal(text_, p);
            if (numerator && numerator->integer && numerator->end + 1 < limit_ &&
                text_[numerator->end] == '/' && is_digit(text_[numerator->end + 1])) {
                auto denominator = match_digit_literal(text_, numerator->end + 1);
                if (denominator && denominator->integer && denominator->end <= limit_ &&
                    numerator->value < denominator->value &&
                    (denominator->end >= limit_ || text_[denominator->end] != '/')) {
                    out.value = value + numerator->value / denominator->value;
                    out.end = denominator->end;
                    out.fraction = true;
                    out.plain_integer = false;
                    done = true;
                    return true;
                }
            }
        }
        // "21st", "3rd"
        if (end + 2 <= limit_) {
            const std::size_t e = word_end_at(text_, end, limit_);
            if (e == end + 2 &&
                (word_equals(text_, end, e, "st") || word_equals(text_, end, e, "nd") ||
                 word_equals(text_, end, e, "rd") || word_equals(text_, end, e, "th"))) {
                out.value = value;
                out.ordinal = true;
                out.plain_integer = false;
                out.end = e;
                done = true;
                return true;
            }
        }
    }
    std::size_t suffix_end = 0;
    auto multiplier = match_magnitude_suffix(text_, end, suffix_end);
    // "the 100m final": a lower-case "m" on a running distance is metres, not millions.
    std::size_t currency_end = 0;
    // Field events too: "cleared 1.76m", "16.50m in the triple jump" (BBC writes millions
    // with one decimal: "2.2m people").
    const bool two_decimals = !literal->integer && literal->end >= 3 &&
                              text_[literal->end - 3] == '.' && is_digit(text_[literal->end - 1]);
    if (multiplier && *multiplier == 1e6 && suffix_end == end + 1 && text_[end] == 'm' &&
        (literal->integer || two_decimals) && !options_.after_currency &&
        !match_currency_suffix(text_, skip_blanks(text_, suffix_end, limit_), currency_end)) {
        static constexpr double distances[] = {50,  60,   100,  110,  200,  400,
                                               800, 1500, 3000, 5000, 10000};
        if (two_decimals)
            return false;
        for (double d : distances)
            if (value == d)
                return false;
    }
    if (multiplier && suffix_end <= limit_) {
        out.value = value * *multiplier;
        out.magnitude = *multiplier;
        out.scaled = true;
        out.plain_integer = out.digits_only = false;
        out.end = suffix_end;
        done = true;
        return true;
    }
    // "180ml", "29km", "1990s", "5G": digits glued to letters are measurements or names.
    if (end < limit_ && is_ascii_word(text_[end]))
        return false;
    s.group = value;
    s.tail = value;
    s.items.push_back({value});
    token.end = end;
    accept(s, token, Last::digits);
    return true;
}

std::optional<Numeral> Composer::run(std::size_t pos) {
    State s;
    s.pos = s.end = pos;
    Numeral out;
    out.begin = pos;
    bool rejected_number = false; // stopped at a number that does not compose
    for (;;) {
        Token token = next_token(text_, s.pos, limit_, is_word_last(s.last));
        if (s.last == Last::start && token.begin != pos)
            return std::nullopt;
        if (token.type == TokenType::digits) {
            if (s.last == Last::start) {
                bool done = false;
                if (!digits_start(s, token, out, done))
                    return std::nullopt;
                if (done)
                    return out;
                continue;
            }
            // "4 thousand 3 hundred and 21"; "4000 3 hundred" is two numbers.
            // "six and 11" is two numbers: digits follow "and" only after hundreds or scales.
            const bool may_follow =
                s.last == Last::scale ||
                (s.last == Last::and_ && (s.hundred_in_group || s.max_scale > 0));
            auto literal = may_follow ? match_digit_literal(text_, token.begin) : std::nullopt;
            if (literal && literal->end <= limit_ && literal->value > 0 &&
                literal->value < (s.last == Last::scale ? s.max_scale : 100) &&
                (literal->end >= limit_ || !is_ascii_word(text_[literal->end]))) {
                s.group += literal->value;
                s.tail = literal->value;
                s.items.push_back({literal->value});
                token.end = literal->end;
                accept(s, token, Last::digits);
                continue;
            }
            rejected_number = true;
            break;
        }
        if (token.type == TokenType::word) {
            const auto cls = token.word.word_class;
            if (cls == WordClass::ordinal || cls == WordClass::fraction) {
                auto result = fraction(s, token);
                if (result) {
                    result->begin = pos;
                    result->digits_only = false;
                    return result;
                }
                rejected_number = true;
                break;
            }
            if (!accept_word(s, token)) {
                rejected_number = true;
                break;
            }
            s.words = true;
            if (s.last == Last::zero || s.last == Last::unit || s.last == Last::teen ||
                s.last == Last::tens || s.last == Last::hundred || s.last == Last::scale)
                if (decimal_words(s))
                    break;
            continue;
        }
        if (token.type == TokenType::and_ &&
            (s.last == Last::hundred || s.last == Last::scale || s.last == Last::tens ||
             s.last == Last::unit || s.last == Last::teen ||
             (s.last == Last::digits && s.max_scale > 0))) {
            before_and_ = s;
            s.items.push_back({0, true});
            s.pos = token.end;
            s.last = Last::and_;
            continue;
        }
        if (token.type == TokenType::article && (s.last == Last::start || s.last == Last::and_)) {
            s.items.push_back({1});
            s.pos = token.end;
            s.last = Last::article;
            continue;
        }
        break;
    }
    // An "and" not followed by anything that composes is not part of the numeral, and
    // "3 hundred and 2 hundred" is two numbers.
    if (before_and_ && (s.last == Last::and_ || s.last == Last::article || rejected_number))
        s = *before_and_;
    if (s.last == Last::article && s.items.size() == 1)
        return std::nullopt;
    if (s.last == Last::start)
        return std::nullopt;
    return finish(s, out);
}

std::optional<Numeral> Composer::finish(State& s, Numeral out) {
    out.end = s.end;
    out.value = s.total + s.group;
    if (s.max_scale > 0)
        out.magnitude = s.max_scale;
    else if (s.hundred_in_group)
        out.magnitude = 100;
    out.words = s.words;
    out.scaled = s.scaled;
    if (s.words || s.scaled || s.items.size() != 1)
        out.digits_only = out.plain_integer = false;
    return out;
}

/// X over / in / out of Y (Recognizers-Text's fraction prepositions). "in" and "out of" need
/// X < Y ("12 out of 10" is two numbers); "over" needs Y to end the clause ("$2000 over 3 years").
void preposition_fraction(std::string_view text, std::size_t limit, Numeral& x) {
    if (x.fraction || x.ordinal || x.vague || x.scaled || std::floor(x.value) != x.value)
        return;
    // Most numerals are followed by none of these words: look at the next word before
    // tokenising it.
    const std::size_t word = skip_blanks(text, x.end, limit);
    const std::size_t word_end = word_end_at(text, word, limit);
    if (!word_equals(text, word, word_end, "over") && !word_equals(text, word, word_end, "in") &&
        !word_equals(text, word, word_end, "out"))
        return;
    Token prep = next_token(text, x.end, limit, false);
    if (prep.type != TokenType::over && prep.type != TokenType::in &&
        prep.type != TokenType::out_of)
        return;
    const std::size_t y_pos = skip_blanks(text, prep.end, limit);
    if (y_pos == prep.end)
        return;
    auto y = parse_numeral(text, y_pos, limit, NumeralOptions{false, false});
    if (!y || y->fraction || y->ordinal || y->vague || y->value == 0 || y->negative ||
        std::floor(y->value) != y->value)
        return;
    if (prep.type == TokenType::over) {
        const std::size_t after = skip_blanks(text, y->end, limit);
        if (after < limit && is_alpha(text[after]))
            return;
    } else {
        if (!(std::fabs(x.value) < y->value))
            return;
        if (y->plain_integer && y->value >= 1800 && y->value <= 2100)
            return;
    }
    x.value /= y->value;
    x.fraction = true;
    x.plain_integer = x.digits_only = false;
    x.end = y->end;
}

} // namespace

std::optional<Numeral> parse_numeral(std::string_view text, std::size_t pos, std::size_t limit,
                                     NumeralOptions options) {
    if (pos >= limit || pos >= text.size())
        return std::nullopt;
    limit = std::min(limit, text.size());
    // A sign: "-1", "- 1 4/5", "−5" (U+2212), "minus five", "negative one".
    bool negative = false;
    std::size_t start = pos;
    if (text[pos] == '-' || text.substr(pos, 3) == "\xE2\x88\x92") {
        const std::size_t after = pos + (text[pos] == '-' ? 1 : 3);
        const std::size_t q = skip_blanks(text, after, limit);
        if (q < limit &&
            (is_digit(text[q]) || (text[q] == '.' && q + 1 < limit && is_digit(text[q + 1])))) {
            negative = true;
            start = q;
        } else {
            return std::nullopt;
        }
    } else if (is_alpha(text[pos])) {
        const std::size_t e = word_end_at(text, pos, limit);
        if (word_equals(text, pos, e, "minus") || word_equals(text, pos, e, "negative")) {
            const std::size_t q = skip_blanks(text, e, limit);
            if (q == e || q >= limit)
                return std::nullopt;
            negative = true;
            start = q;
        }
    }
    std::optional<Numeral> result;
    if (is_alpha(text[start])) {
        result = parse_tens_of(text, start, limit);
        if (!result)
            result = parse_vague(text, start, limit);
        if (result && negative)
            return std::nullopt;
    }
    if (!result && text[start] == '.') {
        // ".08": a decimal without its leading zero.
        auto literal = match_digit_literal(text, start);
        if (!literal || literal->end > limit ||
            (literal->end < limit && is_ascii_word(text[literal->end])))
            return std::nullopt;
        Numeral n;
        n.begin = start;
        n.end = literal->end;
        n.value = literal->value;
        n.digits_only = true;
        result = n;
    }
    if (!result) {
        std::size_t vulgar_end = 0;
        if (auto v = match_vulgar(text, start, limit, vulgar_end)) {
            Numeral n;
            n.begin = start;
            n.end = vulgar_end;
            n.value = *v;
            n.fraction = true;
            result = n;
        }
    }
    if (!result) {
        result = Composer(text, limit, options).run(start);
        if (is_alpha(text[start])) {
            auto run = fraction_run(text, start, limit);
            if (run && (!result || run->end > result->end))
                result = run;
        }
    }
    if (!result)
        return std::nullopt;
    result->begin = pos;
    if (negative) {
        result->negative = true;
        result->value = -result->value;
        result->plain_integer = false;
    }
    if (options.fraction_prepositions)
        preposition_fraction(text, limit, *result);
    return result;
}

} // namespace factlint::grammar
