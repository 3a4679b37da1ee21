/// Spirit X3 definitions of the date grammar's lexical layer. Included by date.cpp only.
#pragma once

#include "grammar/date_adapted.hpp"
#include "grammar/grammar_config.hpp"
#include "grammar/number_ast.hpp"

#include <boost/spirit/home/x3.hpp>

namespace factlint::grammar::parser {

namespace x3 = boost::spirit::x3;

/// Month names and abbreviations (lower-case keys, used under no_case) -> 1..12.
struct months_table : x3::symbols<int> {
    months_table() {
        const char* names[][3] = {{"january", "jan", nullptr},  {"february", "feb", nullptr},
                                  {"march", "mar", nullptr},    {"april", "apr", nullptr},
                                  {"may", nullptr, nullptr},    {"june", "jun", nullptr},
                                  {"july", "jul", nullptr},     {"august", "aug", nullptr},
                                  {"september", "sept", "sep"}, {"october", "oct", nullptr},
                                  {"november", "nov", nullptr}, {"december", "dec", nullptr}};
        for (int month = 0; month < 12; ++month)
            for (const char* name : names[month])
                if (name)
                    add(name, month + 1);
    }
};
inline const months_table months;

/// Weekdays -> 0 (Monday) .. 6 (Sunday), as Date::weekday() counts.
struct weekdays_table : x3::symbols<int> {
    weekdays_table() {
        add("monday", 0)("tuesday", 1)("wednesday", 2)("thursday", 3)("friday", 4)("saturday",
                                                                                   5)("sunday", 6);
    }
};
inline const weekdays_table weekdays;

/// Periods after last/this/next: negative codes are calendar units, positive ones are the
/// first month of a (northern) season.
enum period_code { period_week = -1, period_month = -2, period_year = -3, period_weekend = -4 };
struct periods_table : x3::symbols<int> {
    periods_table() {
        add("week", period_week)("month", period_month)("year", period_year)(
            "weekend", period_weekend)("fall", 9)("autumn", 9)("winter", 12)("spring", 3)("summer",
                                                                                          6);
    }
};
inline const periods_table periods;

inline const auto word_end = !(x3::alnum | '_');
inline const auto month_name = x3::no_case[months] >> word_end;
inline const auto weekday_name = x3::no_case[weekdays] >> word_end;
inline const auto period_name = x3::no_case[periods] >> word_end;

inline const auto year4 = x3::uint_parser<int, 10, 4, 4>{};
inline const auto two_digits = x3::uint_parser<int, 10, 2, 2>{};
inline const auto one_or_two = x3::uint_parser<int, 10, 1, 2>{};
inline const auto ordinal_suffix = x3::no_case[x3::lit("st") | "nd" | "rd" | "th"];

// Numeric dates: a date may not run on into more digits or separators ("2025-01-13-2").
inline const auto date_end = !(x3::alnum | '-' | '/');

const x3::rule<class iso_date_class, IsoDate> iso_date = "iso_date";
const auto iso_date_def = year4 >> '-' >> two_digits >> -('-' >> two_digits) >> date_end;

const x3::rule<class numeric_date_class, NumericDate> numeric_date = "numeric_date";
const auto numeric_date_def =
    (one_or_two >> '-' >> one_or_two >> '-' >> year4 >> date_end) |
    (one_or_two >> '/' >> one_or_two >> '/' >> year4 >> date_end) |
    (one_or_two >> '.' >> one_or_two >> '.' >> year4 >> !(x3::alnum | '.' >> x3::digit));

BOOST_SPIRIT_DEFINE(iso_date, numeric_date)

} // namespace factlint::grammar::parser
