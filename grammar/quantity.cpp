// The number grammar's facade: finds candidate positions cheaply (digits, currency symbols,
// words that can start a number or a date), runs the numeral and date parsers only there, and
// adds what surrounds a numeral: hedges, units, ranges and trends.
#include "grammar/quantity.hpp"
#include "grammar/date.hpp"
#include "grammar/number.hpp"

#include <boost/container/small_vector.hpp>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <exception>
#include <initializer_list>
#include <span>
#include <unordered_map>

namespace factlint {

std::string_view to_string(QuantityKind kind) {
    switch (kind) {
    case QuantityKind::quantity:
        return "quantity";
    case QuantityKind::percent:
        return "percent";
    case QuantityKind::money:
        return "money";
    case QuantityKind::duration:
        return "duration";
    case QuantityKind::date:
        return "date";
    case QuantityKind::year:
        return "year";
    case QuantityKind::ordinal:
        return "ordinal";
    }
    return "quantity";
}

std::string_view to_string(Qualifier qualifier) {
    switch (qualifier) {
    case Qualifier::exact:
        return "exact";
    case Qualifier::about:
        return "about";
    case Qualifier::at_least:
        return "at_least";
    case Qualifier::more_than:
        return "more_than";
    case Qualifier::at_most:
        return "at_most";
    case Qualifier::less_than:
        return "less_than";
    case Qualifier::range:
        return "range";
    case Qualifier::vague:
        return "vague";
    }
    return "exact";
}

std::string_view to_string(Trend trend) {
    switch (trend) {
    case Trend::up:
        return "up";
    case Trend::down:
        return "down";
    case Trend::none:
        return "";
    }
    return "";
}

namespace {

using grammar::ascii_lower;
using grammar::is_alpha;
using grammar::is_digit;
using grammar::is_word_byte;
using grammar::Numeral;

/// A word or symbol run before a numeral, for matching hedges backwards.
struct Word {
    std::size_t begin = 0;
    std::size_t end = 0;
    std::string_view text; ///< lower-cased, a view into LoweredText
};

/// The few words around a numeral: kept inline, since every candidate builds several of these
/// and a heap allocation each was a tenth of the scanner's time.
using Words = boost::container::small_vector<Word, 8>;

/// Part of a Words, for looking at fewer of them without copying.
using WordSpan = std::span<const Word>;

WordSpan span_of(const Words& words) {
    return {words.data(), words.size()};
}

bool is_blank(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

std::size_t skip_blanks(std::string_view text, std::size_t pos, std::size_t limit) {
    while (pos < limit && (text[pos] == ' ' || text[pos] == '\t'))
        ++pos;
    return pos;
}

std::size_t word_end(std::string_view text, std::size_t pos, std::size_t limit) {
    while (pos < limit && is_word_byte(text[pos]))
        ++pos;
    return pos;
}

bool is_symbol(char c) {
    return c == '<' || c == '>' || c == '=' || c == '~';
}

/// The sentence with a lower-cased copy made once, so that the words around a number are views
/// into the copy: lower-casing every word into a string of its own cost a tenth of the time.
/// The copy lives in a buffer per thread, reused from sentence to sentence (an allocation per
/// sentence cost as much as the lower-casing).
class LoweredText {
public:
    LoweredText(std::string_view text, std::size_t begin, std::size_t limit)
        : text(text)
        , begin_(begin)
        , lower_(buffer()) {
        const std::size_t n = limit - begin;
        // NULs after the sentence: the first ends the scanner's loops, and letters_end() may
        // read 16 bytes from any position up to it.
        lower_.resize(n + padding);
        std::fill(lower_.begin() + static_cast<std::ptrdiff_t>(n), lower_.end(), '\0');
        // Plain pointers, so that the compiler sees no aliasing and vectorises the loop.
        const char* in = text.data() + begin;
        char* out = lower_.data();
        for (std::size_t i = 0; i < n; ++i)
            out[i] = ascii_lower(in[i]);
    }

    std::string_view text; ///< the whole prose; offsets are into it

    /// `text[b, e)` lower-cased; `e` may not pass the sentence's limit.
    std::string_view lower(std::size_t b, std::size_t e) const {
        if (b < begin_) // only a "≥" or "≤" reaches back before the sentence: nothing to lower
            return text.substr(b, e - b);
        return std::string_view(lower_).substr(b - begin_, e - b);
    }

    /// `text[pos]` lower-cased, for `pos` in the sentence.
    char lower_at(std::size_t pos) const { return lower_[pos - begin_]; }

    // The scanner's hottest loops read the copy: its terminating NUL stops them at the
    // sentence's limit, so they need no bounds check.

    /// The end of the run of ASCII letters at `pos` (in the sentence).
    std::size_t alpha_end(std::size_t pos) const { return offset(letters_end(at(pos))); }

    /// The first byte from `p` (in the copy) that is not a lower-case letter. With SSE2, 16
    /// bytes are tested at once: a loop that branched on every letter mispredicted its exit at
    /// the end of nearly every word, and that was a third of the scanner's time.
    static const char* letters_end(const char* p) {
#if defined(__SSE2__)
        // 'a'..'z' minus ('a' + 128) wrap to -128..-103 as signed bytes; every other byte lands
        // above -103.
        const __m128i bias = _mm_set1_epi8(static_cast<char>('a' + 128));
        const __m128i last_letter = _mm_set1_epi8(-128 + 25);
        for (;;) {
            const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
            const int others =
                _mm_movemask_epi8(_mm_cmpgt_epi8(_mm_sub_epi8(bytes, bias), last_letter));
            if (others != 0)
                return p + __builtin_ctz(static_cast<unsigned>(others));
            p += 16;
        }
#else
        while (*p >= 'a' && *p <= 'z')
            ++p;
        return p;
#endif
    }

    /// The lower-cased run of ASCII letters at `pos` (in the sentence); empty when it is longer
    /// than `max_length` or a non-ASCII byte continues it ("naïve").
    std::string_view ascii_word(std::size_t pos, std::size_t limit, std::size_t max_length) const {
        const std::size_t e = alpha_end(pos);
        if (e - pos > max_length || (e < limit && static_cast<unsigned char>(text[e]) >= 0x80))
            return {};
        return lower(pos, e);
    }

    /// The copy at `pos` (in the sentence), and back.
    const char* at(std::size_t pos) const {
        return lower_.data() + (pos - begin_);
    }
    std::size_t offset(const char* p) const {
        return static_cast<std::size_t>(p - lower_.data()) + begin_;
    }

private:
    static constexpr std::size_t padding = 16;
    static std::string& buffer() {
        thread_local std::string lower;
        return lower;
    }
    std::size_t begin_;
    std::string& lower_;
};

/// Up to `count` words before `pos`, nearest last, not reaching before `floor`.
Words words_before(const LoweredText& sentence, std::size_t pos, std::size_t floor,
                   std::size_t count) {
    const std::string_view text = sentence.text;
    Words words;
    words.reserve(count);
    std::size_t p = pos;
    while (words.size() < count) {
        while (p > floor && (text[p - 1] == ' ' || text[p - 1] == '\t'))
            --p;
        if (p <= floor)
            break;
        std::size_t b = p;
        if (is_word_byte(text[p - 1])) {
            while (b > floor && is_word_byte(text[b - 1]))
                --b;
        } else if (is_symbol(text[p - 1]) || text[p - 1] == '\xA5' /* tail of ≥ ≤ */) {
            // "<=", "< =", ">", "≥", "≤"
            if (text.substr(0, p).ends_with("\xE2\x89\xA5") ||
                text.substr(0, p).ends_with("\xE2\x89\xA4"))
                b = p - 3;
            else
                b = p - 1;
            while (b > floor && is_symbol(text[b - 1]))
                --b;
        } else if (text[p - 1] == '.' && p - 1 > floor && is_word_byte(text[p - 2])) {
            b = p - 1; // "approx." keeps its dot below
            while (b > floor && is_word_byte(text[b - 1]))
                --b;
        } else {
            break;
        }
        words.push_back(Word{b, p, sentence.lower(b, p)});
        p = b;
    }
    std::reverse(words.begin(), words.end());
    return words;
}

struct Hedge {
    std::initializer_list<std::string_view> words;
    Qualifier qualifier;
};

// Longest phrases first within each meaning does not matter: matching picks the longest.
const Hedge hedges_before[] = {
    {{"at", "least"}, Qualifier::at_least},
    {{"no", "fewer", "than"}, Qualifier::at_least},
    {{"no", "less", "than"}, Qualifier::at_least},
    {{"not", "less", "than"}, Qualifier::at_least},
    {{"a", "minimum", "of"}, Qualifier::at_least},
    {{"greater", "than", "or", "equal", "to"}, Qualifier::at_least},
    {{"more", "than", "or", "equal", "to"}, Qualifier::at_least},
    {{"larger", "than", "or", "equal", "to"}, Qualifier::at_least},
    {{"equal", "to", "or", "more", "than"}, Qualifier::at_least},
    {{"equal", "to", "or", "greater", "than"}, Qualifier::at_least},
    {{"at", "least", "or", "equal", "to"}, Qualifier::at_least},
    {{"bigger", "or", "equal", "than"}, Qualifier::at_least},
    {{"higher", "or", "equal", "than"}, Qualifier::at_least},
    {{"greater", "or", "equal", "than"}, Qualifier::at_least},
    {{"larger", "or", "equal", "than"}, Qualifier::at_least},
    {{">="}, Qualifier::at_least},
    {{">", "="}, Qualifier::at_least},
    {{"\xE2\x89\xA5"}, Qualifier::at_least},
    {{"more", "than"}, Qualifier::more_than},
    {{"over"}, Qualifier::more_than},
    {{"above"}, Qualifier::more_than},
    {{"in", "excess", "of"}, Qualifier::more_than},
    {{"upwards", "of"}, Qualifier::more_than},
    {{"upward", "of"}, Qualifier::more_than},
    {{"surpassed"}, Qualifier::more_than},
    {{"surpassing"}, Qualifier::more_than},
    {{"surpass"}, Qualifier::more_than},
    {{"surpasses"}, Qualifier::more_than},
    {{"exceeding"}, Qualifier::more_than},
    {{"exceeded"}, Qualifier::more_than},
    {{"exceed"}, Qualifier::more_than},
    {{"exceeds"}, Qualifier::more_than},
    {{"greater", "than"}, Qualifier::more_than},
    {{"larger", "than"}, Qualifier::more_than},
    {{"bigger", "than"}, Qualifier::more_than},
    {{"higher", "than"}, Qualifier::more_than},
    {{">"}, Qualifier::more_than},
    {{"at", "most"}, Qualifier::at_most},
    {{"no", "more", "than"}, Qualifier::at_most},
    {{"not", "more", "than"}, Qualifier::at_most},
    {{"up", "to"}, Qualifier::at_most},
    {{"as", "many", "as"}, Qualifier::at_most},
    {{"as", "much", "as"}, Qualifier::at_most},
    {{"a", "maximum", "of"}, Qualifier::at_most},
    {{"less", "than", "or", "equal", "to"}, Qualifier::at_most},
    {{"fewer", "than", "or", "equal", "to"}, Qualifier::at_most},
    {{"equal", "to", "or", "less", "than"}, Qualifier::at_most},
    {{"equal", "to", "or", "fewer", "than"}, Qualifier::at_most},
    {{"smaller", "or", "equal", "than"}, Qualifier::at_most},
    {{"lower", "or", "equal", "than"}, Qualifier::at_most},
    {{"less", "or", "equal", "than"}, Qualifier::at_most},
    {{"<="}, Qualifier::at_most},
    {{"<", "="}, Qualifier::at_most},
    {{"\xE2\x89\xA4"}, Qualifier::at_most},
    {{"less", "than"}, Qualifier::less_than},
    {{"under"}, Qualifier::less_than},
    {{"fewer", "than"}, Qualifier::less_than},
    {{"below"}, Qualifier::less_than},
    {{"smaller", "than"}, Qualifier::less_than},
    {{"lower", "than"}, Qualifier::less_than},
    {{"<"}, Qualifier::less_than},
    {{"about"}, Qualifier::about},
    {{"around"}, Qualifier::about},
    {{"approximately"}, Qualifier::about},
    {{"approx."}, Qualifier::about},
    {{"roughly"}, Qualifier::about},
    {{"some"}, Qualifier::about},
    {{"an", "estimated"}, Qualifier::about},
    {{"estimated", "at"}, Qualifier::about},
    {{"nearly"}, Qualifier::about},
    {{"almost"}, Qualifier::about},
    {{"close", "to"}, Qualifier::about},
    {{"circa"}, Qualifier::about},
    {{"~"}, Qualifier::about},
    {{"equal", "to"}, Qualifier::exact},
    {{"equals", "to"}, Qualifier::exact},
    {{"equals"}, Qualifier::exact},
    {{"equaling", "to"}, Qualifier::exact},
    {{"exactly"}, Qualifier::exact},
};

const Hedge hedges_after[] = {
    {{"or", "more"}, Qualifier::at_least},
    {{"and", "more"}, Qualifier::at_least},
    {{"or", "above"}, Qualifier::at_least},
    {{"and", "above"}, Qualifier::at_least},
    {{"or", "over"}, Qualifier::at_least},
    {{"and", "over"}, Qualifier::at_least},
    {{"or", "greater"}, Qualifier::at_least},
    {{"or", "greater", "than"}, Qualifier::at_least},
    {{"or", "more", "than"}, Qualifier::at_least},
    {{"or", "higher"}, Qualifier::at_least},
    {{"plus"}, Qualifier::at_least},
    {{"or", "less"}, Qualifier::at_most},
    {{"or", "fewer"}, Qualifier::at_most},
    {{"or", "below"}, Qualifier::at_most},
    {{"or", "under"}, Qualifier::at_most},
    {{"and", "less"}, Qualifier::at_most},
    {{"or", "lower"}, Qualifier::at_most},
    {{"or", "less", "than"}, Qualifier::at_most},
    {{"or", "so"}, Qualifier::about},
};

/// Hedges by their first or last word, in table order: the words next to a number are compared
/// with the few hedges that word can start or end, not with all of them.
class HedgeIndex {
public:
    enum Key { first, last };

    template <std::size_t N> HedgeIndex(const Hedge (&hedges)[N], Key key) {
        for (const Hedge& h : hedges)
            by_word_[key == first ? *h.words.begin() : *(h.words.end() - 1)].push_back(&h);
    }

    std::span<const Hedge* const> find(std::string_view word) const {
        const auto it = by_word_.find(word);
        if (it == by_word_.end())
            return {};
        return it->second;
    }

private:
    std::unordered_map<std::string_view, std::vector<const Hedge*>> by_word_;
};

/// The longest hedge ending right before the words' end; sets `begin` to where it starts.
std::optional<Qualifier> match_hedge_before(WordSpan words, std::size_t& begin, std::size_t& used) {
    if (words.empty())
        return std::nullopt;
    // A hedge's last word must end the words before the number (most numbers have none).
    static const HedgeIndex by_last_word(hedges_before, HedgeIndex::last);
    std::optional<Qualifier> best;
    std::size_t best_len = 0;
    for (const Hedge* hedge : by_last_word.find(words.back().text)) {
        const Hedge& h = *hedge;
        const std::size_t n = h.words.size();
        if (n > words.size() || n <= best_len)
            continue;
        bool ok = true;
        std::size_t i = words.size() - n;
        for (std::string_view w : h.words)
            if (words[i++].text != w) {
                ok = false;
                break;
            }
        if (ok) {
            best = h.qualifier;
            best_len = n;
        }
    }
    if (best) {
        begin = words[words.size() - best_len].begin;
        used = best_len;
    }
    return best;
}

/// Words after `pos`, lower-cased, up to `count`, stopping at punctuation.
Words words_after(const LoweredText& sentence, std::size_t pos, std::size_t limit,
                  std::size_t count) {
    const std::string_view text = sentence.text;
    Words words;
    std::size_t p = pos;
    while (words.size() < count) {
        const std::size_t b = skip_blanks(text, p, limit);
        if (b >= limit || !is_word_byte(text[b]) || (b == p && p != pos))
            break;
        const std::size_t e = word_end(text, b, limit);
        words.push_back(Word{b, e, sentence.lower(b, e)});
        p = e;
    }
    return words;
}

std::optional<Qualifier> match_hedge_after(const Words& words, std::size_t& end) {
    if (words.empty()) // most numbers have no word after them in reach
        return std::nullopt;
    static const HedgeIndex by_first_word(hedges_after, HedgeIndex::first);
    std::optional<Qualifier> best;
    std::size_t best_len = 0;
    for (const Hedge* hedge : by_first_word.find(words[0].text)) {
        const Hedge& h = *hedge;
        const std::size_t n = h.words.size();
        if (n > words.size() || n <= best_len)
            continue;
        bool ok = true;
        std::size_t i = 0;
        for (std::string_view w : h.words)
            if (words[i++].text != w) {
                ok = false;
                break;
            }
        if (ok) {
            best = h.qualifier;
            best_len = n;
        }
    }
    if (best)
        end = words[best_len - 1].end;
    return best;
}

bool one_of(std::string_view word, std::initializer_list<std::string_view> options) {
    return std::find(options.begin(), options.end(), word) != options.end();
}

/// The trend a word (or two) before the quantity or its hedge expresses.
Trend trend_before(WordSpan words) {
    if (words.empty())
        return Trend::none;
    std::string_view last = words.back().text;
    std::string_view before = words.size() >= 2 ? words[words.size() - 2].text : std::string_view();
    if (one_of(last, {"by", "to", "of", "from"}) && !before.empty())
        last = before;
    else if (last == "up" && one_of(before, {"make", "makes", "made", "making", "set", "sets",
                                             "take", "takes", "took", "end", "ended", "add"}))
        return Trend::none; // "make up more than half", "set up 3 firms"
    if (one_of(last, {"up",       "rose",      "risen",      "rising", "rises",  "increased",
                      "increase", "increases", "increasing", "grew",   "grown",  "grows",
                      "jumped",   "jump",      "climbed",    "surged", "soared", "gained",
                      "higher",   "raised",    "lifted",     "boosted"}))
        return Trend::up;
    if (one_of(last,
               {"down",    "fell",      "fallen",   "falling",   "falls",    "dropped", "drop",
                "drops",   "decreased", "decrease", "decreases", "declined", "decline", "declines",
                "plunged", "slumped",   "shrank",   "lost",      "lower",    "cut"}))
        return Trend::down;
    return Trend::none;
}

struct Unit {
    QuantityKind kind = QuantityKind::quantity;
    std::string unit;
    std::size_t end = 0;
};

/// The unit of a lower-cased duration word ("years" -> "year"), or empty.
std::string_view duration_unit(std::string_view word) {
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 20> units{{
        {"year", "year"},      {"years", "year"},      {"month", "month"},
        {"months", "month"},   {"week", "week"},       {"weeks", "week"},
        {"day", "day"},        {"days", "day"},        {"hour", "hour"},
        {"hours", "hour"},     {"minute", "minute"},   {"minutes", "minute"},
        {"second", "second"},  {"seconds", "second"},  {"decade", "decade"},
        {"decades", "decade"}, {"century", "century"}, {"centuries", "century"},
        {"yr", "year"},        {"yrs", "year"},
    }};
    // Most words after a number are no unit ("people"): a shape test before the comparisons.
    static const grammar::WordShapes shapes = [] {
        grammar::WordShapes out;
        for (const auto& [key, unit] : units)
            out.add(key);
        return out;
    }();
    if (word.empty() || !is_alpha(word.front()) || !is_alpha(word.back()) ||
        !shapes.may_contain(word.front(), word.back(), word.size()))
        return {};
    for (const auto& [key, unit] : units)
        if (word == key)
            return unit;
    return {};
}

/// Percent signs and words, currency words and duration units after a numeral.
std::optional<Unit> unit_after(const LoweredText& sentence, std::size_t pos, std::size_t limit,
                               bool allow_currency) {
    const std::string_view text = sentence.text;
    Unit u;
    std::size_t p = skip_blanks(text, pos, limit);
    if (p < limit && text[p] == '%' && p <= pos + 1) {
        u.kind = QuantityKind::percent;
        u.unit = "%";
        u.end = p + 1;
        return u;
    }
    // "100-year", "six-month"
    const bool hyphen = p == pos && p + 1 < limit && text[p] == '-' && is_alpha(text[p + 1]);
    if (hyphen)
        ++p;
    if (p >= limit || !is_alpha(text[p]) || (p == pos && !hyphen))
        return std::nullopt;
    auto words = words_after(sentence, p, limit, 2);
    if (words.empty())
        return std::nullopt;
    const std::string_view w0 = words[0].text;
    if (!hyphen) {
        if (w0 == "percentage" && words.size() > 1 &&
            (words[1].text == "points" || words[1].text == "point")) {
            u.kind = QuantityKind::percent;
            u.unit = "percentage point";
            u.end = words[1].end;
            return u;
        }
        if (one_of(w0, {"percent", "percents", "percentage", "pct"})) {
            u.kind = QuantityKind::percent;
            u.unit = "%";
            u.end = words[0].end;
            return u;
        }
        if (w0 == "per" && words.size() > 1 && words[1].text == "cent") {
            u.kind = QuantityKind::percent;
            u.unit = "%";
            u.end = words[1].end;
            return u;
        }
        std::size_t currency_end = 0;
        if (allow_currency) {
            if (auto code = grammar::match_currency_suffix(text, p, currency_end);
                code && currency_end <= limit) {
                // Upper-case codes only: "won" the verb needs a number before it anyway.
                u.kind = QuantityKind::money;
                u.unit = std::string(*code);
                u.end = currency_end;
                return u;
            }
        }
    }
    if (auto unit = duration_unit(w0); !unit.empty()) {
        u.kind = QuantityKind::duration;
        u.unit = std::string(unit);
        u.end = words[0].end;
        return u;
    }
    return std::nullopt;
}

/// A noun being counted right after a 4-digit number ("2000 troops") makes it a count, not a
/// year. Plural lower-case words that are not verbs or event names are taken as counted nouns.
bool counted_noun_after(std::string_view text, std::size_t pos, std::size_t limit) {
    const std::size_t p = skip_blanks(text, pos, limit);
    if (p == pos || p >= limit || !(text[p] >= 'a' && text[p] <= 'z'))
        return false;
    const std::string_view word = text.substr(p, word_end(text, p, limit) - p);
    if (word.size() < 3 || word.back() != 's' || word.ends_with("ss") || word.ends_with("us"))
        return false;
    return !one_of(word, {"was", "has", "is", "elections", "olympics", "games", "midterms", "polls",
                          "accounts", "results", "figures", "levels", "rates", "prices",
                          "standards", "this", "plus"});
}

bool preceded_by_year_word(const Words& words) {
    if (words.empty())
        return false;
    return one_of(words.back().text,
                  {"in",      "since",    "by",       "until",  "till", "of",      "from",
                   "during",  "before",   "after",    "early",  "late", "mid",     "year",
                   "summer",  "winter",   "spring",   "autumn", "fall", "january", "february",
                   "march",   "april",    "may",      "june",   "july", "august",  "september",
                   "october", "november", "december", "jan",    "feb",  "mar",     "apr",
                   "jun",     "jul",      "aug",      "sep",    "sept", "oct",     "nov",
                   "dec",     "between",  "and",      "to"});
}

/// "one" as a pronoun: "one of the", "no one", "the one you", "which one".
bool pronoun_one(const LoweredText& sentence, const Numeral& n, const Words& before,
                 std::size_t limit) {
    if (n.end - n.begin != 3 || n.value != 1 || !n.words)
        return false;
    if (!before.empty() &&
        one_of(before.back().text, {"the", "this", "that", "which", "no", "any", "every", "each",
                                    "another", "only", "other", "someone", "everyone"}))
        return true;
    auto after = words_after(sentence, n.end, limit, 1);
    return !after.empty() && one_of(after[0].text, {"of", "another", "by", "or", "who", "which",
                                                    "that", "thing", "way", "side"});
}

/// The words that can start a quantity: number and date words, vague amounts, signs, articles
/// ("a hundred", "a few"), percent words and currency codes ("US $58.24", "EUR 5"). An
/// open-addressing hash set, so the filter costs one hash per ordinary word.
class TriggerWords {
public:
    TriggerWords() {
        std::vector<std::string> words = grammar::number_word_list();
        for (auto& w : grammar::date_word_list())
            words.push_back(std::move(w));
        for (std::string_view w :
             {"a",        "an",         "several", "tens", "minus", "negative", "percent",
              "percents", "percentage", "per",     "us",   "usd",   "gbp",      "eur",
              "jpy",      "aud",        "cad",     "hk",   "nz",    "c",        "s",
              "rs",       "inr",        "krw",     "rub",  "uah",   "chf",      "cny",
              "rmb",      "sek",        "nok",     "dkk",  "au",    "ca"})
            words.emplace_back(w);
        for (const auto& w : words)
            if (w.size() <= max_length)
                insert(w);
    }

    /// A first check on letters and length only: most ordinary words fail it ("the" has no
    /// trigger word of three letters from 't' to 'e'), so they are never hashed. `first` and
    /// `last` are lower-case letters.
    bool may_contain(char first, char last, std::size_t length) const {
        return length <= max_length && shapes_.may_contain(first, last, length);
    }

    bool contains(std::string_view word) const {
        for (std::size_t i = hash(word) & mask;; i = (i + 1) & mask) {
            if (slots_[i].empty())
                return false;
            if (slots_[i] == word)
                return true;
        }
    }

    static constexpr std::size_t max_length = 16;

private:
    static std::size_t hash(std::string_view word) {
        std::size_t h = 14695981039346656037ull;
        for (char c : word)
            h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
        return h;
    }
    void insert(const std::string& word) {
        shapes_.add(word); // words of letters only: scanned words are runs of letters
        std::size_t i = hash(word) & mask;
        while (!slots_[i].empty() && slots_[i] != word)
            i = (i + 1) & mask;
        slots_[i] = word;
    }
    static constexpr std::size_t mask = 1023;
    std::array<std::string, mask + 1> slots_;
    grammar::WordShapes shapes_;
};

/// The cheap filter that keeps the parsers away from ordinary words. Common words that only
/// start a quantity with a certain next word ("a hundred", "last month", "per cent", "US $5")
/// pass only with that word.
const TriggerWords& trigger_words() {
    static const TriggerWords triggers;
    return triggers;
}

bool is_trigger_word(const LoweredText& sentence, std::size_t pos, std::size_t limit) {
    const std::string_view text = sentence.text;
    const TriggerWords& triggers = trigger_words();
    const std::size_t e = sentence.alpha_end(pos);
    if (e == pos ||
        !triggers.may_contain(sentence.lower_at(pos), sentence.lower_at(e - 1), e - pos))
        return false;
    // As ascii_word(): the shape test passed no word longer than max_length.
    if (e < limit && static_cast<unsigned char>(text[e]) >= 0x80)
        return false;
    const std::string_view word = sentence.lower(pos, e);
    const std::size_t n = word.size();
    if (!triggers.contains(word))
        return false;
    const bool article = word == "a" || word == "an";
    const bool relative = word == "this" || word == "last" || word == "next" || word == "past" ||
                          word == "earlier" || word == "later";
    const bool currency_letters = word == "us" || word == "c" || word == "s" || word == "hk" ||
                                  word == "nz" || word == "au" || word == "ca";
    if (!article && !relative && !currency_letters && word != "per")
        return true;
    const std::size_t end = pos + n;
    if (currency_letters)
        return end < limit &&
               (text[end] == '$' || (text[end] == ' ' && end + 1 < limit && text[end + 1] == '$'));
    const std::size_t next = skip_blanks(text, end, limit);
    if (next == end || next >= limit)
        return false;
    const std::string_view after = sentence.ascii_word(next, limit, TriggerWords::max_length);
    const std::size_t m = after.size();
    if (word == "per")
        return after == "cent";
    if (article)
        return after == "few" || (m > 0 && triggers.contains(after));
    return one_of(after, {"week", "month", "year", "weekend", "fall", "autumn", "spring", "summer",
                          "winter", "this"}) ||
           (m > 0 && triggers.contains(after));
}

bool is_candidate(const LoweredText& sentence, std::size_t i, std::size_t limit) {
    const std::string_view text = sentence.text;
    const char c = text[i];
    if (is_digit(c) || c == '$' || c == '%' || c == '<' || c == '>' || c == '~')
        return true;
    if (c == '-' || c == '.') // signs and ".08" need a digit soon after
        return i + 1 < limit && (is_digit(text[i + 1]) || (c == '-' && text[i + 1] == ' '));
    const auto u = static_cast<unsigned char>(c);
    if (u == 0xC2) // £ ¥ ½ ¼ ¾ (not the no-break space)
        return i + 1 < limit && static_cast<unsigned char>(text[i + 1]) != 0xA0;
    if (u == 0xE2) { // € ₹ ₩ ₽ ₴ (E2 82), ⅓.. (E2 85), − ≥ ≤ (E2 88/89); not
                     // quotes (E2 80)
        const auto v = i + 1 < limit ? static_cast<unsigned char>(text[i + 1]) : 0;
        return v == 0x82 || v == 0x85 || v == 0x88 || v == 0x89;
    }
    return is_alpha(c) && is_trigger_word(sentence, i, limit);
}

class Scanner {
public:
    Scanner(std::string_view text, std::size_t begin, std::size_t limit,
            std::optional<Date> reference)
        : text_(text)
        , sentence_(text, begin, limit)
        , begin_(begin)
        , limit_(limit)
        , reference_(reference) {}

    std::vector<Quantity> run();

private:
    std::size_t skip_words(std::size_t pos) const;
    bool is_url(std::size_t pos) const;
    std::optional<Quantity> at(std::size_t pos, std::size_t& end);
    std::optional<Quantity> percent_word(std::size_t pos, std::size_t& end);
    void finish_hedges(Quantity& q, std::size_t number_begin, std::size_t& end,
                       const Words& before);
    bool try_range(Quantity& q, const Numeral& x, std::size_t& end, std::string_view range_word);
    void merge_bounds(std::vector<Quantity>& out);

    std::string_view text_;
    LoweredText sentence_;
    std::size_t begin_;
    std::size_t limit_;
    std::optional<Date> reference_;
    std::size_t floor_ = 0;  ///< hedges may not reach before the previous quantity's end
    bool skip_only_ = false; ///< at() set `end` to skip text that holds no quantity
};

/// The common case, ordinary words: from the word start `pos`, skips the words that the shape
/// filter of is_trigger_word() rejects, each read once, and goes on with the next word while a
/// single space separates them (this loop is most of the scan). URLs are skipped whole. Returns
/// where the scan goes on: a word that may start a quantity (`pos` itself when it may), or the
/// byte after the last word skipped.
std::size_t Scanner::skip_words(std::size_t pos) const {
    const TriggerWords& triggers = trigger_words();
    // The loop walks the lower-cased copy, whose terminating NUL ends it at the limit.
    const char* p = sentence_.at(pos);
    for (;;) {
        const char* const word = p;
        if ((*word == 'h' || *word == 'w') && is_url(sentence_.offset(word))) {
            std::size_t i = sentence_.offset(word);
            while (i < limit_ && !is_blank(text_[i]))
                ++i; // URLs are not prose
            return i;
        }
        p = LoweredText::letters_end(p + 1);
        if (triggers.may_contain(word[0], p[-1], static_cast<std::size_t>(p - word)))
            return sentence_.offset(word);
        while (is_word_byte(*p))
            ++p;
        if (p[0] != ' ' || !(p[1] >= 'a' && p[1] <= 'z'))
            return sentence_.offset(p);
        ++p;
    }
}

bool Scanner::is_url(std::size_t pos) const {
    return text_.substr(pos, 7) == "http://" || text_.substr(pos, 8) == "https://" ||
           text_.substr(pos, 4) == "www.";
}

std::vector<Quantity> Scanner::run() {
    std::vector<Quantity> out;
    floor_ = begin_;
    std::size_t i = begin_;
    while (i < limit_) {
        const char c = text_[i];
        if (c == ' ') { // never a candidate; a third of all bytes
            ++i;
            continue;
        }
        const bool word_start = i == 0 || !is_word_byte(text_[i - 1]);
        if (!word_start) {
            ++i;
            continue;
        }
        if (is_alpha(c)) {
            if (const std::size_t next = skip_words(i); next != i) {
                i = next;
                continue;
            }
        }
        if (is_candidate(sentence_, i, limit_)) {
            std::size_t end = 0;
            skip_only_ = false;
            if (auto q = at(i, end)) {
                out.push_back(std::move(*q));
                floor_ = end;
                i = std::max(end, i + 1);
                continue;
            }
            if (skip_only_) {
                i = std::max(end, i + 1);
                continue;
            }
            if (is_digit(c) || c == '.') {
                // A rejected number ("1.76m", "29km", "192.168.1.2x") is skipped whole, so no
                // piece of it ("76m") is read on its own.
                while (i < limit_ &&
                       (is_word_byte(text_[i]) || ((text_[i] == '.' || text_[i] == ',') &&
                                                   i + 1 < limit_ && is_digit(text_[i + 1]))))
                    ++i;
                continue;
            }
        }
        if (is_word_byte(c))
            i = word_end(text_, i, limit_);
        else
            ++i;
    }
    merge_bounds(out);
    return out;
}

std::optional<Quantity> Scanner::percent_word(std::size_t pos, std::size_t& end) {
    auto words = words_after(sentence_, pos, limit_, 3);
    if (words.empty() && text_[pos] != '%')
        return std::nullopt;
    Quantity q;
    q.kind = QuantityKind::percent;
    q.unit = "%";
    std::size_t word_end_pos = 0;
    if (text_[pos] == '%') {
        word_end_pos = pos + 1;
    } else if (one_of(words[0].text, {"percent", "percents", "percentage"})) {
        word_end_pos = words[0].end;
    } else if (words[0].text == "per" && words.size() > 1 && words[1].text == "cent") {
        word_end_pos = words[1].end;
    } else {
        return std::nullopt;
    }
    q.span = q.number = {pos, word_end_pos};
    end = word_end_pos;
    // "percent of 10", "per cent of twenty-two" (Recognizers-Text reads these as 10%, 22%).
    auto of = words_after(sentence_, word_end_pos, limit_, 1);
    if (!of.empty() && of[0].text == "of") {
        const std::size_t p = skip_blanks(text_, of[0].end, limit_);
        if (auto n = grammar::parse_numeral(text_, p, limit_); n && !n->vague && !n->ordinal) {
            const std::size_t after = skip_blanks(text_, n->end, limit_);
            if (after >= limit_ || !is_alpha(text_[after])) {
                q.value = n->value;
                q.span.end = n->end;
                q.number = {n->begin, n->end};
                end = n->end;
            }
        }
    }
    return q;
}

std::optional<Quantity> Scanner::at(std::size_t pos, std::size_t& end) {
    const char c = text_[pos];
    // Digits right after "F-" or "Su-" are names ("F-16", "COVID-19"), not numbers.
    if (is_digit(c) && pos >= 2 && text_[pos - 1] == '-' && is_alpha(text_[pos - 2]))
        return std::nullopt;
    if (is_digit(c) && pos >= 1 && (text_[pos - 1] == '.' || text_[pos - 1] == ',') && pos >= 2 &&
        is_digit(text_[pos - 2]) && false)
        return std::nullopt;
    if (is_alpha(c) || is_digit(c)) {
        if (auto d = grammar::match_date(text_, pos, limit_, reference_)) {
            Quantity q;
            q.kind = QuantityKind::date;
            q.span = q.number = {d->begin, d->end};
            q.date = d->date;
            end = d->end;
            return q;
        }
    }
    if (c == '%' || c == 'p' || c == 'P')
        return percent_word(pos, end);
    // Currency before the amount.
    std::optional<std::string_view> currency;
    std::size_t number_pos = pos;
    std::size_t currency_end = 0;
    if (auto code = grammar::match_currency_prefix(text_, pos, currency_end);
        code && currency_end < limit_) {
        const bool letters = is_alpha(text_[currency_end - 1]);
        std::size_t p = skip_blanks(text_, currency_end, limit_);
        if (!(letters && p < limit_ && is_alpha(text_[p])) && p <= currency_end + 1 && p < limit_ &&
            (is_digit(text_[p]) || (letters && p > currency_end) || !letters)) {
            currency = code;
            number_pos = p;
        }
    }
    const bool sign_or_symbol = c == '-' || static_cast<unsigned char>(c) == 0xE2;
    if (!currency && !is_word_byte(c) && !sign_or_symbol && c != '.' &&
        static_cast<unsigned char>(c) != 0xC2)
        return std::nullopt;
    // "$2000 over 3 years" keeps "over 3 years" for itself.
    grammar::NumeralOptions options;
    options.fraction_prepositions = !currency;
    options.after_currency = currency.has_value();
    auto n = grammar::parse_numeral(text_, number_pos, limit_, options);
    if (!n)
        return std::nullopt;
    // A lone "." or "-" that did not start a number.
    const auto before = words_before(sentence_, pos, floor_, 6);
    if (pronoun_one(sentence_, *n, before, limit_))
        return std::nullopt;
    // "one-off", "one-way", "half-point": compound adjectives, unless a unit follows ("one-year").
    if (n->words && n->end + 1 < limit_ && text_[n->end] == '-' && is_alpha(text_[n->end + 1]) &&
        (n->value == 1 || n->value == 0.5 || n->value == 0.25)) {
        const std::size_t e = word_end(text_, n->end + 1, limit_);
        if (duration_unit(sentence_.lower(n->end + 1, e)).empty())
            return std::nullopt;
    }
    // "first half", "half time", "our own half": the half of a match, not 0.5.
    if (n->words && n->value == 0.5 && n->end - n->begin == 4) {
        auto next = words_after(sentence_, n->end, limit_, 1);
        const auto previous = words_before(sentence_, pos, begin_, 1); // "first" may be a quantity
        if ((!previous.empty() &&
             one_of(previous.back().text, {"first", "second", "other", "own", "the", "this", "that",
                                           "their", "our", "his", "her", "its", "my", "your"})) ||
            (!next.empty() && one_of(next[0].text, {"time", "term", "century", "way"})))
            return std::nullopt;
    }
    // Capitalised number words inside a sentence are names: "BBC One", "Five Live".
    if (n->words && text_[n->begin] >= 'A' && text_[n->begin] <= 'Z') {
        std::size_t p = n->begin;
        while (p > begin_ && is_blank(text_[p - 1]))
            --p;
        const bool sentence_start =
            p == begin_ ||
            std::string_view(".!?\"(:;'").find(text_[p - 1]) != std::string_view::npos ||
            static_cast<unsigned char>(text_[p - 1]) >= 0x80; // closing quotes, dashes
        if (!sentence_start)
            return std::nullopt;
    }
    // Model numbers: "Boeing 737-800" (a digit chain after a capitalised word mid-sentence).
    if (n->digits_only && n->end + 1 < limit_ && text_[n->end] == '-' &&
        is_digit(text_[n->end + 1]) && pos >= 2 && text_[pos - 1] == ' ' &&
        is_alpha(text_[pos - 2])) {
        std::size_t b = pos - 1;
        while (b > begin_ && is_alpha(text_[b - 1]))
            --b;
        if (b > begin_ && text_[b] >= 'A' && text_[b] <= 'Z') {
            end = n->end;
            while (end < limit_ && (is_word_byte(text_[end]) || text_[end] == '-'))
                ++end;
            skip_only_ = true;
            return std::nullopt;
        }
    }
    // Clock times are not quantities: "10:30", "1200 GMT", "9 am".
    if (n->end + 1 < limit_ && text_[n->end] == ':' && is_digit(text_[n->end + 1])) {
        end = n->end + 1;
        while (end < limit_ && (is_digit(text_[end]) || text_[end] == ':'))
            ++end;
        skip_only_ = true;
        return std::nullopt;
    }
    if (n->digits_only) {
        auto next = words_after(sentence_, n->end, limit_, 1);
        if (!next.empty() && next[0].begin > n->end &&
            one_of(next[0].text, {"gmt", "bst", "utc", "cet", "est", "edt", "pst", "am", "pm"}))
            return std::nullopt;
    }
    Quantity q;
    q.number = {n->begin, n->end};
    q.span = {pos, n->end};
    end = n->end;
    if (n->vague) {
        q.qualifier = Qualifier::vague;
        q.low = n->low;
        q.high = n->high;
    } else {
        q.value = n->value;
    }
    if (currency) {
        q.kind = QuantityKind::money;
        q.unit = std::string(*currency);
    }
    if (n->ordinal) {
        q.kind = QuantityKind::ordinal;
    } else if (auto unit = unit_after(sentence_, n->end, limit_, !currency)) {
        if (!currency || unit->kind != QuantityKind::money) {
            if (!(currency && unit->kind == QuantityKind::duration)) {
                q.kind = unit->kind;
                q.unit = unit->unit;
                q.span.end = end = unit->end;
            }
        }
    }
    if (q.kind == QuantityKind::quantity && n->plain_integer && n->value >= 1800 &&
        n->value <= 2100 && n->end - n->begin == 4 &&
        (preceded_by_year_word(before) || !counted_noun_after(text_, n->end, limit_))) {
        q.kind = QuantityKind::year;
        q.date = Date{static_cast<int>(n->value), 0, 0};
    }
    finish_hedges(q, pos, end, before);
    return q;
}

/// One-sided hedges carry their bound: at_least/more_than set `low`, at_most/less_than `high`.
void set_one_sided_bound(Quantity& q) {
    if (!q.value)
        return;
    switch (q.qualifier) {
    case Qualifier::at_least:
    case Qualifier::more_than:
        q.low = q.value;
        break;
    case Qualifier::at_most:
    case Qualifier::less_than:
        q.high = q.value;
        break;
    default:
        break;
    }
}

void Scanner::finish_hedges(Quantity& q, std::size_t number_begin, std::size_t& end,
                            const Words& before) {
    if (q.kind == QuantityKind::ordinal && q.qualifier != Qualifier::vague) {
        // Ordinals take part in ranges only ("between the tenth and the fifteenth").
    }
    std::size_t hedge_begin = number_begin;
    std::size_t used = 0;
    std::optional<Qualifier> hedge;
    WordSpan context = span_of(before);
    // "between the tenth and": skip an article before the number when looking for hedges.
    if (!context.empty() && context.back().text == "the" && q.kind == QuantityKind::ordinal)
        context = context.first(context.size() - 1);
    if (q.qualifier != Qualifier::vague && q.kind != QuantityKind::date)
        hedge = match_hedge_before(context, hedge_begin, used);
    WordSpan rest = context.first(context.size() - used);
    const std::string_view range_word = rest.empty() ? std::string_view() : rest.back().text;
    q.trend = trend_before(rest);
    if (hedge) {
        q.span.begin = hedge_begin;
        q.qualifier = *hedge;
    }
    // Ranges: "between X and Y", "from X to Y", "X to Y", "X-Y", "X–Y", "X~Y", "X through Y".
    Numeral x;
    x.begin = q.number.begin;
    x.end = q.number.end;
    // "increased this from £6 to £10" is a change between two values, not a range.
    bool change = false;
    for (std::size_t k = 1; range_word == "from" && k <= 3 && k < rest.size(); ++k)
        change = change || trend_before(rest.first(rest.size() - k)) != Trend::none;
    if (change) {
        q.trend = Trend::none; // the trend belongs to the change, told by the second value
        return;
    }
    if (q.value && q.kind != QuantityKind::date) {
        if (try_range(q, x, end, hedge ? std::string_view() : range_word)) {
            if (hedge) // "about 20~100": the range states the bounds
                q.span.begin = q.number.begin;
            if (!hedge && (range_word == "between" || range_word == "from")) {
                q.span.begin = rest.back().begin;
                q.trend = trend_before(rest.first(rest.size() - 1));
            }
            return;
        }
    }
    if (q.kind == QuantityKind::date || q.kind == QuantityKind::year ||
        q.qualifier == Qualifier::vague) {
        set_one_sided_bound(q); // "at least 2008": a hedged year keeps its bound too
        return;
    }
    std::size_t after_end = 0;
    const std::size_t next_char = skip_blanks(text_, end, limit_);
    auto after = next_char < limit_ && is_alpha(text_[next_char])
                     ? words_after(sentence_, end, limit_, 4)
                     : Words();
    if (!after.empty() && after[0].begin == end) // "100+" has no word; "plus" needs a space
        after.clear();
    // A closing hedge must close: "more than 40 and less than 10" and "200 or greater than 190"
    // start new quantities.
    const auto closes = [&](std::size_t at) {
        const std::size_t p = skip_blanks(text_, at, limit_);
        if (p >= limit_ || !is_word_byte(text_[p]))
            return true;
        const std::string_view w = sentence_.lower(p, word_end(text_, p, limit_));
        if (w == "than" || w == "to" || w == "or" || w == "and" || is_digit(text_[p]))
            return false;
        std::size_t word_end_pos = 0;
        return !grammar::match_number_word(text_, p, word_end_pos);
    };
    if (end < limit_ && text_[end] == '+' && q.value) {
        q.qualifier = Qualifier::at_least;
        end = q.span.end = end + 1;
    } else if (auto post = match_hedge_after(after, after_end); post && closes(after_end)) {
        // "about five hundred or more": the closing hedge decides; "equal to 5000 or less"
        // keeps its opening words.
        q.qualifier = *post;
        if (hedge && *hedge != Qualifier::exact)
            q.span.begin = q.number.begin;
        end = q.span.end = after_end;
    } else if (hedge && (*hedge == Qualifier::less_than || *hedge == Qualifier::more_than)) {
        // "less than 5000 or equal", "more than 5000 or equal to"
        if (after.size() >= 2 && after[0].text == "or" && after[1].text == "equal") {
            const std::size_t p =
                (after.size() >= 3 && after[2].text == "to") ? after[2].end : after[1].end;
            if (closes(p)) {
                q.qualifier =
                    *hedge == Qualifier::less_than ? Qualifier::at_most : Qualifier::at_least;
                end = q.span.end = p;
            }
        }
    }
    set_one_sided_bound(q);
}

bool Scanner::try_range(Quantity& q, const Numeral& x, std::size_t& end,
                        std::string_view range_word) {
    std::size_t p = end;
    std::size_t y_pos = std::string_view::npos;
    const std::size_t blank = skip_blanks(text_, p, limit_);
    if (blank < limit_) {
        const char c = text_[blank];
        const bool dash = c == '-' || text_.substr(blank, 3) == "\xE2\x80\x93" ||
                          text_.substr(blank, 3) == "\xE2\x80\x94" || c == '~';
        if (dash && range_word != "between") {
            const std::size_t after = blank + (c == '-' || c == '~' ? 1 : 3);
            const std::size_t y = skip_blanks(text_, after, limit_);
            // Spaces on one side only ("1000 -5000") do not make a range.
            if ((blank == p) == (y == after) && y < limit_)
                y_pos = y;
        } else if (is_alpha(c)) {
            const std::size_t e = word_end(text_, blank, limit_);
            const std::string_view w = sentence_.lower(blank, e);
            const bool ok = range_word == "between" ? w == "and"
                            : range_word == "from"  ? w == "to"
                                                    : (w == "to" || w == "through");
            if (ok && blank > p)
                y_pos = skip_blanks(text_, e, limit_);
            if (y_pos == e)
                y_pos = std::string_view::npos;
        }
    }
    if (y_pos == std::string_view::npos || y_pos >= limit_)
        return false;
    // "between the tenth and the fifteenth"
    std::size_t the_end = word_end(text_, y_pos, limit_);
    if (q.kind == QuantityKind::ordinal && the_end - y_pos == 3 &&
        ascii_lower(text_[y_pos]) == 't' && ascii_lower(text_[y_pos + 1]) == 'h' &&
        ascii_lower(text_[y_pos + 2]) == 'e')
        y_pos = skip_blanks(text_, the_end, limit_);
    // "three months to 31 December": the second number starts a date.
    if (grammar::match_date(text_, y_pos, limit_, std::nullopt))
        return false;
    // The upper end may carry the currency ("$5-$10") or not.
    std::size_t number_pos = y_pos;
    std::size_t currency_end = 0;
    if (q.kind == QuantityKind::money) {
        if (auto code = grammar::match_currency_prefix(text_, y_pos, currency_end))
            number_pos = skip_blanks(text_, currency_end, limit_);
    }
    grammar::NumeralOptions y_options;
    y_options.fraction_prepositions = false;
    y_options.after_currency = number_pos != y_pos || q.kind == QuantityKind::money;
    auto y = grammar::parse_numeral(text_, number_pos, limit_, y_options);
    if (!y || y->vague || y->ordinal != (q.kind == QuantityKind::ordinal))
        return false;
    // Phone numbers and chains: "+1-222-2222".
    if (y->end < limit_ && (text_[y->end] == '-' || text_[y->end] == '/') && y->end + 1 < limit_ &&
        is_digit(text_[y->end + 1]))
        return false;
    if (x.begin > 0 && (text_[x.begin - 1] == '+' || text_[x.begin - 1] == '-'))
        return false; // "+1-222", "three-nought-four": chains, not ranges
    double low = *q.value;
    double high = y->value;
    std::size_t y_end = y->end;
    QuantityKind kind = q.kind;
    std::string unit = q.unit;
    if (auto u = unit_after(sentence_, y->end, limit_, kind != QuantityKind::money)) {
        if (kind == QuantityKind::quantity || kind == QuantityKind::year || kind == u->kind) {
            kind = u->kind;
            unit = u->unit;
            y_end = u->end;
        }
    }
    if (kind == QuantityKind::year && !(y->plain_integer && high >= 1800 && high <= 2100)) {
        // "2014-15" seasons and "1995 to 200" are not year ranges.
        return false;
    }
    // "between 5 and 10 million", "$5-10bn"
    if (y->scaled && y->magnitude > 1 && low * y->magnitude <= high && low < 1000)
        low *= y->magnitude;
    if (!(low < high))
        return false;
    q.kind = kind;
    q.unit = unit;
    q.qualifier = Qualifier::range;
    q.low = low;
    q.high = high;
    q.value.reset();
    q.number.end = y->end;
    q.span.end = y_end;
    end = y_end;
    return true;
}

/// "more than 10 and less than 40" is one range (10, 40); "more than 40 and less than 10" are two
/// bounds.
void Scanner::merge_bounds(std::vector<Quantity>& out) {
    const auto lower_bound = [](const Quantity& q) {
        return q.qualifier == Qualifier::more_than || q.qualifier == Qualifier::at_least;
    };
    const auto upper_bound = [](const Quantity& q) {
        return q.qualifier == Qualifier::less_than || q.qualifier == Qualifier::at_most;
    };
    const auto joined = [&](const Quantity& a, const Quantity& b) {
        if (a.kind != b.kind || !a.value || !b.value || b.span.begin < a.span.end)
            return false;
        const std::string_view gap = text_.substr(a.span.end, b.span.begin - a.span.end);
        const auto is = [&](std::string_view w) {
            if (gap.size() != w.size())
                return false;
            for (std::size_t k = 0; k < w.size(); ++k)
                if (ascii_lower(gap[k]) != w[k])
                    return false;
            return true;
        };
        if (!(is(" and ") || is(" but ") || is(", ") || is(",")))
            return false;
        return (lower_bound(a) && upper_bound(b) && *a.value < *b.value) ||
               (upper_bound(a) && lower_bound(b) && *b.value < *a.value);
    };
    std::size_t write = 0;
    for (std::size_t i = 0; i < out.size(); ++i, ++write) {
        if (i + 1 < out.size() && joined(out[i], out[i + 1])) {
            Quantity& a = out[i];
            const Quantity& b = out[i + 1];
            const bool a_lower = lower_bound(a);
            const double low = a_lower ? *a.value : *b.value;
            const double high = a_lower ? *b.value : *a.value;
            a.span.end = b.span.end;
            a.number.end = b.number.end;
            a.qualifier = Qualifier::range;
            a.low = low;
            a.high = high;
            a.value.reset();
            if (write != i)
                out[write] = std::move(a);
            ++i;
            continue;
        }
        if (write != i)
            out[write] = std::move(out[i]);
    }
    out.resize(write);
}

} // namespace

std::vector<Quantity> find_quantities(std::string_view prose, Span span,
                                      std::optional<Date> reference) {
    const std::size_t limit = std::min(span.end, prose.size());
    if (span.begin >= limit)
        return {};
    try {
        return Scanner(prose, span.begin, limit, reference).run();
    } catch (const std::exception&) {
        // x3::expectation_failure and friends stop here: a sentence we cannot read has no
        // quantities rather than aborting the lint.
        return {};
    }
}

} // namespace factlint
