#include "checks/intervals.hpp"

#include <cmath>

namespace factlint {

Tolerances tolerances_from(const RuleSetting& setting) {
    Tolerances tolerances;
    if (setting.numbers.empty()) // the usual case, asked once per check and file
        return tolerances;
    if (auto it = setting.numbers.find("about_tolerance"); it != setting.numbers.end())
        tolerances.about = it->second;
    if (auto it = setting.numbers.find("exact_tolerance"); it != setting.numbers.end())
        tolerances.exact = it->second;
    return tolerances;
}

std::optional<Interval> interval_of(Qualifier qualifier, std::optional<double> value,
                                    std::optional<double> low, std::optional<double> high,
                                    const Tolerances& tolerances) {
    const double infinity = std::numeric_limits<double>::infinity();
    switch (qualifier) {
    case Qualifier::exact:
    case Qualifier::about: {
        if (!value)
            return std::nullopt;
        double spread = std::abs(*value) *
                        (qualifier == Qualifier::about ? tolerances.about : tolerances.exact);
        return Interval{*value - spread, *value + spread, false, false};
    }
    case Qualifier::at_least:
    case Qualifier::more_than: {
        std::optional<double> bound = low ? low : value;
        if (!bound)
            return std::nullopt;
        return Interval{*bound, infinity, qualifier == Qualifier::more_than, true};
    }
    case Qualifier::at_most:
    case Qualifier::less_than: {
        std::optional<double> bound = high ? high : value;
        if (!bound)
            return std::nullopt;
        return Interval{-infinity, *bound, true, qualifier == Qualifier::less_than};
    }
    case Qualifier::range:
    case Qualifier::vague:
        if (!low || !high)
            return std::nullopt;
        return Interval{*low, *high, false, false};
    }
    return std::nullopt;
}

std::optional<Interval> interval_of(const Quantity& quantity, const Tolerances& tolerances) {
    return interval_of(quantity.qualifier, quantity.value, quantity.low, quantity.high, tolerances);
}

std::optional<Interval> interval_of(const Fact& fact, const Tolerances& tolerances) {
    return interval_of(fact.qualifier, fact.value, fact.low, fact.high, tolerances);
}

bool overlaps(const Interval& a, const Interval& b) {
    // The intersection is [max low, min high]; it is empty when the ends cross, or touch with
    // either touching end open.
    double low = std::max(a.low, b.low);
    double high = std::min(a.high, b.high);
    if (low < high)
        return true;
    if (low > high)
        return false;
    bool low_open = (a.low == low && a.low_open) || (b.low == low && b.low_open);
    bool high_open = (a.high == high && a.high_open) || (b.high == high && b.high_open);
    return !low_open && !high_open;
}

bool contains(const Interval& outer, const Interval& inner) {
    bool low_ok =
        outer.low < inner.low || (outer.low == inner.low && (!outer.low_open || inner.low_open));
    bool high_ok = inner.high < outer.high ||
                   (outer.high == inner.high && (!outer.high_open || inner.high_open));
    return low_ok && high_ok;
}

Interval add(const Interval& a, const Interval& b, int sign) {
    if (sign >= 0)
        return {a.low + b.low, a.high + b.high, a.low_open || b.low_open,
                a.high_open || b.high_open};
    return {a.low - b.high, a.high - b.low, a.low_open || b.high_open, a.high_open || b.low_open};
}

Interval widen(const Interval& interval, double relative) {
    Interval wider = interval;
    double scale = std::max(std::isfinite(interval.low) ? std::abs(interval.low) : 0.0,
                            std::isfinite(interval.high) ? std::abs(interval.high) : 0.0);
    if (std::isfinite(wider.low))
        wider.low -= scale * relative, wider.low_open = false;
    if (std::isfinite(wider.high))
        wider.high += scale * relative, wider.high_open = false;
    return wider;
}

} // namespace factlint
