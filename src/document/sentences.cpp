#include "document/sentences.hpp"

#include "document/scan_util.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace factlint {
namespace {

using namespace std::literals;

constexpr std::string_view ellipsis = "\xE2\x80\xA6"; // …

/// A short list of words, asked about nearly every full stop. Most words there ("said.",
/// "year.") are longer than every listed word or start with a byte none of them starts with,
/// and are turned away before any comparison.
template <std::size_t N> class WordList {
public:
    constexpr explicit WordList(const std::array<std::string_view, N>& words)
        : words_(words) {
        for (std::string_view word : words) {
            longest_ = std::max(longest_, word.size());
            first_[static_cast<unsigned char>(word[0])] = true;
        }
    }
    bool contains(std::string_view word) const {
        if (word.empty() || word.size() > longest_ || !first_[static_cast<unsigned char>(word[0])])
            return false;
        return std::find(words_.begin(), words_.end(), word) != words_.end();
    }

private:
    std::array<std::string_view, N> words_;
    std::size_t longest_ = 0;
    std::array<bool, 256> first_{};
};

/// Abbreviations that precede a name or a noun and so never end a sentence.
constexpr WordList never_final{std::array{
    "Adm"sv,    "Capt"sv,   "Cmdr"sv, "Col"sv, "Dr"sv,  "Ft"sv,  "Gen"sv,  "Gov"sv,  "Hon"sv,
    "Lt"sv,     "Maj"sv,    "Mr"sv,   "Mrs"sv, "Ms"sv,  "Mt"sv,  "Pres"sv, "Prof"sv, "Rep"sv,
    "Rev"sv,    "Sen"sv,    "Sgt"sv,  "St"sv,  "cf"sv,  "e.g"sv, "i.e"sv,  "vs"sv,   "viz"sv,
    "approx"sv, "Messrs"sv, "Supt"sv, "Cpl"sv, "Pte"sv, "Brig"sv}};

/// Abbreviations that do not end a sentence when a number follows ("No. 10", "Jan. 13").
constexpr WordList before_number{std::array{"No"sv,  "Nos"sv, "no"sv,   "Vol"sv, "vol"sv, "Fig"sv,
                                            "fig"sv, "p"sv,   "pp"sv,   "Art"sv, "Sec"sv, "ch"sv,
                                            "Jan"sv, "Feb"sv, "Mar"sv,  "Apr"sv, "Jun"sv, "Jul"sv,
                                            "Aug"sv, "Sep"sv, "Sept"sv, "Oct"sv, "Nov"sv, "Dec"sv}};

/// Words that usually open a sentence: after "U.S." or an initial they mark a real ending.
constexpr WordList sentence_openers{
    std::array{"A"sv,     "After"sv, "An"sv,        "And"sv,     "As"sv,    "At"sv,   "But"sv,
               "He"sv,    "Her"sv,   "His"sv,       "However"sv, "I"sv,     "If"sv,   "In"sv,
               "It"sv,    "Its"sv,   "Meanwhile"sv, "On"sv,      "Our"sv,   "She"sv,  "So"sv,
               "That"sv,  "The"sv,   "Their"sv,     "There"sv,   "These"sv, "They"sv, "This"sv,
               "Those"sv, "We"sv,    "When"sv,      "While"sv,   "You"sv}};

/// First bytes of sentence-ending punctuation: . ? ! and the lead byte of …
constexpr std::array<bool, 256> terminal_lead = [] {
    std::array<bool, 256> table{};
    for (unsigned char c : std::string_view(".?!\xE2"))
        table[c] = true;
    return table;
}();

} // namespace

std::size_t skip_to_terminal_bytewise(std::string_view prose, std::size_t i, std::size_t end) {
    while (i < end && !terminal_lead[static_cast<unsigned char>(prose[i])])
        ++i;
    return i;
}

std::size_t skip_to_terminal(std::string_view prose, std::size_t i, std::size_t end) {
#if defined(__SSE2__)
    // Thirty-two bytes at a time where the target has SSE2 (every x86-64). The lowest bit of the
    // match mask is the first candidate: no second look at those bytes one by one.
    auto candidates = [&](std::size_t at) -> unsigned {
        __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(prose.data() + at));
        auto is = [&](char c) { return _mm_cmpeq_epi8(bytes, _mm_set1_epi8(c)); };
        return static_cast<unsigned>(_mm_movemask_epi8(
            _mm_or_si128(_mm_or_si128(is('.'), is('?')), _mm_or_si128(is('!'), is('\xE2')))));
    };
    while (i + 32 <= end) {
        if (unsigned mask = candidates(i) | candidates(i + 16) << 16; mask != 0)
            return i + static_cast<std::size_t>(__builtin_ctz(mask));
        i += 32;
    }
    if (i + 16 <= end) {
        if (unsigned mask = candidates(i); mask != 0)
            return i + static_cast<std::size_t>(__builtin_ctz(mask));
        i += 16;
    }
#else
    // Eight bytes at a time elsewhere (SWAR): a word without a candidate is skipped whole.
    constexpr std::uint64_t ones = 0x0101010101010101ull;
    auto has_byte = [](std::uint64_t word, std::uint64_t pattern) {
        std::uint64_t v = word ^ pattern;
        return (v - ones) & ~v & 0x8080808080808080ull;
    };
    while (i + 8 <= end) {
        std::uint64_t word;
        std::memcpy(&word, prose.data() + i, sizeof word);
        if (has_byte(word, ones * '.') | has_byte(word, ones * '?') | has_byte(word, ones * '!') |
            has_byte(word, ones * 0xE2))
            break;
        i += 8;
    }
#endif
    return skip_to_terminal_bytewise(prose, i, end);
}

namespace {

/// Length of a closing quote or bracket at `i`, or 0.
std::size_t closer_length(std::string_view prose, std::size_t i) {
    char c = prose[i];
    if (c == '"' || c == '\'' || c == ')' || c == ']')
        return 1;
    if (static_cast<unsigned char>(c) < 0x80) // the usual space or letter: nothing to compare
        return 0;
    // ” ’ (E2 80 9D, E2 80 99) and » (C2 BB)
    if (scan::has_at(prose, i, "\xE2\x80\x9D") || scan::has_at(prose, i, "\xE2\x80\x99"))
        return 3;
    if (scan::has_at(prose, i, "\xC2\xBB"))
        return 2;
    return 0;
}

/// Length of an opening quote or bracket at `i`, or 0.
std::size_t opener_length(std::string_view prose, std::size_t i) {
    char c = prose[i];
    if (c == '"' || c == '\'' || c == '(' || c == '[')
        return 1;
    if (static_cast<unsigned char>(c) < 0x80)
        return 0;
    // “ ‘ (E2 80 9C, E2 80 98) and « (C2 AB)
    if (scan::has_at(prose, i, "\xE2\x80\x9C") || scan::has_at(prose, i, "\xE2\x80\x98"))
        return 3;
    if (scan::has_at(prose, i, "\xC2\xAB"))
        return 2;
    return 0;
}

/// Whether the text after a full stop at `stop` (a single '.', `next` being the first character
/// of the next word, closing quotes skipped) starts a new sentence; `start` is where the current
/// sentence starts, `begin` and `end` bound the paragraph.
bool stop_ends_sentence(std::string_view prose, std::size_t begin, std::size_t start,
                        std::size_t stop, std::size_t next, std::size_t end) {
    std::size_t word_begin = stop;
    while (word_begin > begin && (scan::is_alpha(prose[word_begin - 1]) ||
                                  (prose[word_begin - 1] == '.' && word_begin - 1 > begin &&
                                   scan::is_alpha(prose[word_begin - 2]))))
        --word_begin;
    std::string_view word = prose.substr(word_begin, stop - word_begin);
    if (word.empty()) {
        // "1. Troops were killed": an enumerator opening the sentence, not a sentence.
        std::size_t digits = stop;
        while (digits > begin && scan::is_digit(prose[digits - 1]))
            --digits;
        return !(stop - digits >= 1 && stop - digits <= 3 &&
                 scan::skip_space(prose, start, digits) == digits);
    }
    if (never_final.contains(word))
        return false;
    if (scan::is_digit(prose[next]) && before_number.contains(word))
        return false;
    // An initial stands alone: "AT&T." and "Jay-Z." end sentences, "John F. Kennedy" does not.
    bool initial = word.size() == 1 && scan::is_upper(word[0]) &&
                   (word_begin == begin || scan::is_space(prose[word_begin - 1]) ||
                    opener_length(prose, word_begin - 1) == 1);
    bool acronym = scan::is_upper(word[0]) && word.find('.') != std::string_view::npos;
    if (initial || acronym) {
        std::size_t next_end = next;
        while (next_end < end && scan::is_alpha(prose[next_end]))
            ++next_end;
        return sentence_openers.contains(prose.substr(next, next_end - next));
    }
    return true;
}

void add_sentence(std::string_view prose, std::size_t begin, std::size_t end, std::size_t index,
                  std::vector<Sentence>& sentences) {
    scan::trim_prose(prose, begin, end);
    if (begin < end)
        sentences.push_back({{begin, end}, index});
}

} // namespace

void split_sentences(std::string_view prose, Span paragraph, std::size_t index,
                     std::vector<Sentence>& sentences) {
    const std::size_t begin = paragraph.begin, end = paragraph.end;
    std::size_t start = begin;
    std::size_t i = begin;
    while (i < end) {
        if (!terminal_lead[static_cast<unsigned char>(prose[i])]) {
            i = skip_to_terminal(prose, i + 1, end);
            continue;
        }
        if (prose[i] == '\xE2' && !scan::has_at(prose, i, ellipsis)) {
            ++i;
            continue;
        }
        std::size_t stop = i;
        // The run of end punctuation: "?!", "...", "…".
        while (i < end) {
            if (prose[i] == '.' || prose[i] == '?' || prose[i] == '!')
                ++i;
            else if (prose[i] == ellipsis[0] && scan::has_at(prose, i, ellipsis))
                i += ellipsis.size();
            else
                break;
        }
        bool single_stop = i == stop + 1 && prose[stop] == '.';
        // Closing quotes and brackets belong to the sentence they close.
        while (i < end) {
            std::size_t length = closer_length(prose, i);
            if (length == 0)
                break;
            i += length;
        }
        std::size_t boundary = i;
        if (boundary >= end)
            break;
        if (scan::space_length(prose, boundary) == 0)
            continue; // "1.5", "example.com", "U.S.-led"
        std::size_t next = boundary;
        while (next < end) {
            std::size_t length = scan::space_length(prose, next);
            if (length == 0)
                length = opener_length(prose, next);
            if (length == 0)
                break;
            next += length;
        }
        if (next >= end)
            break;
        if (scan::is_lower(prose[next]))
            continue; // "etc. and", "Yahoo! said", "“Why?” he asked"
        if (single_stop && !stop_ends_sentence(prose, begin, start, stop, next, end))
            continue;
        add_sentence(prose, start, boundary, index, sentences);
        start = boundary;
    }
    add_sentence(prose, start, end, index, sentences);
}

} // namespace factlint
