// Date grammar: absolute dates in the forms news prose uses, and relative expressions resolved
// against the document's date. X3 recognises the pieces (date_def.hpp); resolution is C++.
#include "grammar/date.hpp"
#include "grammar/date_def.hpp"
#include "grammar/number.hpp"

#include <cstdlib>

namespace factlint::grammar {

namespace x3 = boost::spirit::x3;

namespace {

constexpr auto npos = std::string_view::npos;

/// Runs `p` at `pos` with attribute `attr`; returns the end or npos.
template <class Parser, class Attribute>
std::size_t parse_at(std::string_view text, std::size_t pos, std::size_t limit, const Parser& p,
                     Attribute& attr) {
    const char* first = text.data() + pos;
    const char* const last = text.data() + limit;
    if (!x3::parse(first, last, p, attr))
        return npos;
    return static_cast<std::size_t>(first - text.data());
}

std::size_t skip_spaces(std::string_view text, std::size_t pos, std::size_t limit) {
    while (pos < limit && (text[pos] == ' ' || text[pos] == '\t'))
        ++pos;
    return pos;
}

bool boundary_after(std::string_view text, std::size_t pos, std::size_t limit) {
    return pos >= limit || !is_word_byte(text[pos]);
}

bool word_is(std::string_view text, std::size_t begin, std::size_t end, std::string_view w) {
    if (end - begin != w.size())
        return false;
    for (std::size_t i = 0; i < w.size(); ++i)
        if (ascii_lower(text[begin + i]) != w[i])
            return false;
    return true;
}

std::size_t word_end(std::string_view text, std::size_t pos, std::size_t limit) {
    while (pos < limit && is_word_byte(text[pos]))
        ++pos;
    return pos;
}

/// The end of "st", "nd", "rd" or "th" at `pos`, or npos. Most numbers have a space after
/// them: only a letter can start a suffix, so they skip the X3 no_case parse.
std::size_t ordinal_suffix_end(std::string_view text, std::size_t pos, std::size_t limit) {
    if (pos >= limit || !is_alpha(text[pos]))
        return npos;
    return parse_at(text, pos, limit, parser::ordinal_suffix, x3::unused);
}

/// A month name at `pos`; abbreviations take their dot ("Dec."), full names leave a full stop.
std::size_t month_at(std::string_view text, std::size_t pos, std::size_t limit, int& month) {
    std::size_t end = parse_at(text, pos, limit, parser::month_name, month);
    if (end != npos && end - pos <= 4 && end < limit && text[end] == '.' && month != 5)
        ++end;
    return end;
}

/// A year-less day and month resolved to the year that puts it nearest the reference: news
/// reports recent events and announces coming ones ("on 17 April" in March is this April).
std::optional<Date> resolve_month_day(int month, int day, std::optional<Date> reference) {
    if (!reference)
        return std::nullopt;
    std::optional<Date> best;
    long best_distance = 0;
    for (int year = reference->year - 1; year <= reference->year + 1; ++year) {
        const Date candidate{year, month, day};
        if (!candidate.valid())
            continue;
        const long distance =
            std::labs(candidate.days_since_epoch() - reference->days_since_epoch());
        if (!best || distance < best_distance) {
            best = candidate;
            best_distance = distance;
        }
    }
    return best;
}

/// "13 January 2025", "13th of January", "13 Jan".
std::size_t day_month(std::string_view text, std::size_t pos, std::size_t limit, Date& date,
                      bool& has_year) {
    int day = 0;
    std::size_t p = parse_at(text, pos, limit, parser::one_or_two, day);
    if (p == npos)
        return npos;
    std::size_t q = ordinal_suffix_end(text, p, limit);
    if (q != npos)
        p = q;
    if (!boundary_after(text, p, limit) || p >= limit || text[p] != ' ')
        return npos;
    p = skip_spaces(text, p, limit);
    const std::size_t of_end = word_end(text, p, limit);
    if (word_is(text, p, of_end, "of"))
        p = skip_spaces(text, of_end, limit);
    if (p >= limit || !(text[p] >= 'A' && text[p] <= 'Z'))
        return npos;
    int month = 0;
    p = month_at(text, p, limit, month);
    if (p == npos || day < 1 || day > 31)
        return npos;
    date = Date{0, month, day};
    has_year = false;
    std::size_t y = text.substr(p, 1) == "," ? p + 1 : p;
    y = skip_spaces(text, y, limit);
    int year = 0;
    if (y > p || (y < limit && text[y] == ' ')) {
        const std::size_t e = parse_at(text, y, limit, parser::year4, year);
        if (e != npos && boundary_after(text, e, limit)) {
            date.year = year;
            has_year = true;
            return e;
        }
    }
    return p;
}

/// "January 13, 2025", "Jan. 13", "Dec. 2024", "January".
std::size_t month_first(std::string_view text, std::size_t pos, std::size_t limit, Date& date,
                        bool& has_year, bool& has_day) {
    if (!(text[pos] >= 'A' && text[pos] <= 'Z'))
        return npos;
    int month = 0;
    std::size_t p = month_at(text, pos, limit, month);
    if (p == npos)
        return npos;
    date = Date{0, month, 0};
    has_year = has_day = false;
    std::size_t q = skip_spaces(text, p, limit);
    if (q == p)
        return p;
    int number = 0;
    std::size_t e = parse_at(text, q, limit, parser::year4, number);
    if (e != npos && boundary_after(text, e, limit)) {
        date.year = number;
        has_year = true;
        return e;
    }
    e = parse_at(text, q, limit, parser::one_or_two, number);
    if (e == npos || number < 1 || number > 31)
        return p;
    const std::size_t s = ordinal_suffix_end(text, e, limit);
    if (s != npos)
        e = s;
    if (!boundary_after(text, e, limit))
        return p;
    date.day = number;
    has_day = true;
    std::size_t y = e < limit && text[e] == ',' ? e + 1 : e;
    y = skip_spaces(text, y, limit);
    if (y > e) {
        int year = 0;
        const std::size_t ye = parse_at(text, y, limit, parser::year4, year);
        if (ye != npos && boundary_after(text, ye, limit)) {
            date.year = year;
            has_year = true;
            return ye;
        }
    }
    return e;
}

/// "2025-01-13", "2025-01", "13-01-2025", "13/01/2025", "5/17/2018".
std::size_t numeric_date(std::string_view text, std::size_t pos, std::size_t limit, Date& date) {
    parser::iterator_type first = text.data() + pos;
    const parser::iterator_type last = text.data() + limit;
    IsoDate iso;
    if (x3::parse(first, last, parser::iso_date, iso)) {
        date = Date{iso.year, iso.month, iso.day};
        return date.valid() ? static_cast<std::size_t>(first - text.data()) : npos;
    }
    first = text.data() + pos;
    NumericDate numeric;
    if (!x3::parse(first, last, parser::numeric_date, numeric))
        return npos; // the attribute may hold a failed branch's numbers: not read
    // Day first (British usage) unless the second number cannot be a month (US "5/17/2018").
    date = numeric.second > 12 ? Date{numeric.year, numeric.first, numeric.second}
                               : Date{numeric.year, numeric.second, numeric.first};
    return date.valid() ? static_cast<std::size_t>(first - text.data()) : npos;
}

Date monday_of(const Date& date) {
    return date.plus_days(-date.weekday());
}

Date shift_months(Date date, int months) {
    int index = date.year * 12 + (date.month - 1) + months;
    return Date{index / 12, index % 12 + 1, 0};
}

/// "last month", "this week", "next Monday", "last fall", "earlier this week".
std::optional<DateMatch> relative(std::string_view text, std::size_t pos, std::size_t limit,
                                  std::optional<Date> reference) {
    DateMatch match;
    match.begin = pos;
    std::size_t e = word_end(text, pos, limit);
    const auto resolve_day = [&](long days) -> std::optional<Date> {
        if (!reference)
            return std::nullopt;
        return reference->plus_days(days);
    };
    if (word_is(text, pos, e, "yesterday") || word_is(text, pos, e, "today") ||
        word_is(text, pos, e, "tomorrow") || word_is(text, pos, e, "tonight")) {
        match.end = e;
        match.date = resolve_day(word_is(text, pos, e, "yesterday")  ? -1
                                 : word_is(text, pos, e, "tomorrow") ? 1
                                                                     : 0);
        return match;
    }
    int direction = 0; // -1 last, 0 this, 1 next
    std::size_t p = pos;
    if (word_is(text, pos, e, "earlier") || word_is(text, pos, e, "later")) {
        p = skip_spaces(text, e, limit);
        e = word_end(text, p, limit);
        if (!word_is(text, p, e, "this"))
            return std::nullopt;
    }
    if (word_is(text, p, e, "last") || word_is(text, p, e, "past"))
        direction = -1;
    else if (word_is(text, p, e, "next"))
        direction = 1;
    else if (!word_is(text, p, e, "this"))
        return std::nullopt;
    const std::size_t q = skip_spaces(text, e, limit);
    if (q == e)
        return std::nullopt;
    int period = 0;
    int weekday = 0;
    std::size_t end = parse_at(text, q, limit, parser::period_name, period);
    const bool is_weekday =
        end == npos && (end = parse_at(text, q, limit, parser::weekday_name, weekday)) != npos;
    if (end == npos)
        return std::nullopt;
    match.end = end;
    if (!reference)
        return match;
    const Date ref = *reference;
    if (is_weekday) {
        const int delta = weekday - ref.weekday();
        if (direction < 0)
            match.date = ref.plus_days(delta < 0 ? delta : delta - 7);
        else if (direction > 0)
            match.date = ref.plus_days(delta > 0 ? delta : delta + 7);
        else
            match.date = ref.plus_days(delta);
        return match;
    }
    switch (period) {
    case parser::period_week:
        match.date = monday_of(ref).plus_days(7L * direction);
        break;
    case parser::period_weekend:
        match.date = monday_of(ref).plus_days(5 + 7L * direction);
        break;
    case parser::period_month:
        match.date = shift_months(ref, direction);
        break;
    case parser::period_year:
        match.date = Date{ref.year + direction, 0, 0};
        break;
    default: { // a season, by its first month
        int year = ref.year;
        if (direction < 0 && !(ref.month >= period + 3))
            year -= 1;
        if (direction > 0 && ref.month >= period)
            year += 1;
        match.date = Date{year, period, 0};
    }
    }
    return match;
}

} // namespace

std::vector<std::string> date_word_list() {
    std::vector<std::string> words = {"yesterday", "today", "tomorrow", "tonight", "last",
                                      "past",      "next",  "this",     "earlier", "later"};
    parser::months.for_each([&](const std::string& key, int) { words.push_back(key); });
    parser::weekdays.for_each([&](const std::string& key, int) { words.push_back(key); });
    return words;
}

std::optional<DateMatch> match_date(std::string_view text, std::size_t pos, std::size_t limit,
                                    std::optional<Date> reference) {
    limit = std::min(limit, text.size());
    if (pos >= limit)
        return std::nullopt;
    DateMatch match;
    match.begin = pos;
    Date date;
    if (is_digit(text[pos])) {
        // Every number reaches here. A date starts with four digits and '-' ("2025-01-13") or
        // with one or two digits and a separator, an ordinal suffix or a space ("13/01/2025",
        // "13th", "13 January"); other numbers ("2004 ", "300,") skip the X3 parsers.
        std::size_t digits_end = pos;
        while (digits_end < limit && is_digit(text[digits_end]))
            ++digits_end;
        const char next = digits_end < limit ? ascii_lower(text[digits_end]) : '\0';
        const std::size_t digits = digits_end - pos;
        const bool may_be_date =
            (digits == 4 && next == '-') ||
            (digits <= 2 && (next == '-' || next == '/' || next == '.' || next == ' ' ||
                             next == 's' || next == 'n' || next == 'r' || next == 't'));
        if (!may_be_date)
            return std::nullopt;
        std::size_t end = numeric_date(text, pos, limit, date);
        if (end != npos) {
            match.end = end;
            match.date = date;
            return match;
        }
        bool has_year = false;
        end = day_month(text, pos, limit, date, has_year);
        if (end == npos)
            return std::nullopt;
        match.end = end;
        match.date = has_year ? std::optional<Date>(date)
                              : resolve_month_day(date.month, date.day, reference);
        if (match.date && !match.date->valid())
            match.date.reset();
        return match;
    }
    if (!is_alpha(text[pos]))
        return std::nullopt;
    bool has_year = false;
    bool has_day = false;
    std::size_t end = month_first(text, pos, limit, date, has_year, has_day);
    if (end != npos) {
        // "may" and "march" are also verbs: alone they are dates only when capitalised
        // mid-sentence and followed by a day or year.
        if ((date.month == 5 || date.month == 3) && !has_day && !has_year)
            return std::nullopt;
        match.end = end;
        if (has_year)
            match.date = date;
        else
            match.date = resolve_month_day(date.month, date.day, reference);
        if (match.date && !match.date->valid())
            match.date.reset();
        return match;
    }
    if (text[pos] >= 'A' && text[pos] <= 'Z') {
        int weekday = 0;
        end = parse_at(text, pos, limit, parser::weekday_name, weekday);
        if (end != npos) {
            match.end = end;
            if (reference) {
                // A bare weekday in a news report is the most recent one (today included).
                int delta = weekday - reference->weekday();
                if (delta > 0)
                    delta -= 7;
                match.date = reference->plus_days(delta);
            }
            return match;
        }
    }
    return relative(text, pos, limit, reference);
}

} // namespace factlint::grammar
