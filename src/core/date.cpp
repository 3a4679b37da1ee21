#include "core/date.hpp"

#include <charconv>
#include <chrono>
#include <fmt/format.h>

namespace factlint {
namespace {

std::optional<int> parse_digits(std::string_view text, std::size_t count) {
    if (text.size() != count)
        return std::nullopt;
    int value = 0;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc{} || end != text.data() + text.size())
        return std::nullopt;
    return value;
}

std::chrono::year_month_day to_ymd(const Date& date) {
    return std::chrono::year{date.year} /
           std::chrono::month{unsigned(date.month ? date.month : 1)} /
           std::chrono::day{unsigned(date.day ? date.day : 1)};
}

} // namespace

std::optional<Date> Date::parse_iso(std::string_view text) {
    Date date;
    auto year = parse_digits(text.substr(0, 4), 4);
    if (!year)
        return std::nullopt;
    date.year = *year;
    if (text.size() > 4) {
        auto month =
            text.size() >= 7 && text[4] == '-' ? parse_digits(text.substr(5, 2), 2) : std::nullopt;
        if (!month)
            return std::nullopt;
        date.month = *month;
    }
    if (text.size() > 7) {
        auto day =
            text.size() == 10 && text[7] == '-' ? parse_digits(text.substr(8, 2), 2) : std::nullopt;
        if (!day)
            return std::nullopt;
        date.day = *day;
    }
    if (!date.valid())
        return std::nullopt;
    return date;
}

Date Date::today() {
    auto days = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
    std::chrono::year_month_day ymd{days};
    return {int(ymd.year()), int(unsigned(ymd.month())), int(unsigned(ymd.day()))};
}

std::string Date::iso() const {
    if (month == 0)
        return fmt::format("{:04}", year);
    if (day == 0)
        return fmt::format("{:04}-{:02}", year, month);
    return fmt::format("{:04}-{:02}-{:02}", year, month, day);
}

bool Date::valid() const {
    if (year < 1 || year > 9999 || month < 0 || month > 12 || day < 0 || day > 31)
        return false;
    if (month == 0)
        return day == 0;
    return to_ymd(*this).ok();
}

long Date::days_since_epoch() const {
    return std::chrono::sys_days{to_ymd(*this)}.time_since_epoch().count();
}

Date Date::plus_days(long days) const {
    std::chrono::year_month_day ymd{std::chrono::sys_days{to_ymd(*this)} + std::chrono::days{days}};
    return {int(ymd.year()), int(unsigned(ymd.month())), int(unsigned(ymd.day()))};
}

int Date::weekday() const {
    return int(std::chrono::weekday{std::chrono::sys_days{to_ymd(*this)}}.iso_encoding()) - 1;
}

} // namespace factlint
