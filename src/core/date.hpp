/// Calendar dates with optional precision ("2025", "Dec. 2024", "2025-04-30").
#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace factlint {

/// A civil date; month and day are 0 when the text did not say ("Dec. 2024" has day 0).
struct Date {
    int year = 0;
    int month = 0; ///< 1..12, or 0 when unknown
    int day = 0;   ///< 1..31, or 0 when unknown

    /// Parses "YYYY", "YYYY-MM" or "YYYY-MM-DD"; rejects impossible dates (2025-02-30).
    static std::optional<Date> parse_iso(std::string_view text);
    /// Today's date in UTC.
    static Date today();
    /// "YYYY", "YYYY-MM" or "YYYY-MM-DD", as precise as the date is.
    std::string iso() const;
    /// True for a real calendar date at the stated precision.
    bool valid() const;
    /// Days since 1970-01-01 of the date's first day (unknown parts count as 1).
    long days_since_epoch() const;
    /// The date `days` later (negative: earlier); needs a full date.
    Date plus_days(long days) const;
    /// 0 = Monday .. 6 = Sunday; needs a full date.
    int weekday() const;

    friend bool operator==(const Date&, const Date&) = default;
    friend auto operator<=>(const Date&, const Date&) = default;
};

} // namespace factlint
