/// Interval arithmetic for hedged figures: "about 600" is [540, 660] with the default 10%
/// tolerance, "more than 300" is (300, +inf), "thousands" is [2000, 9999].
#pragma once

#include "grammar/quantity.hpp"
#include "rules/pack.hpp"

#include <limits>
#include <optional>

namespace factlint {

/// A real interval whose ends may be open; infinite ends are always open.
struct Interval {
    double low = -std::numeric_limits<double>::infinity();
    double high = std::numeric_limits<double>::infinity();
    bool low_open = true;
    bool high_open = true;

    /// The single point [v, v].
    static Interval point(double v) { return {v, v, false, false}; }
};

/// How wide the hedges are; from a rule's options.
struct Tolerances {
    double about = 0.1; ///< "about N" covers N +- about * N
    double exact = 0.0; ///< a bare N covers N +- exact * N
};

/// Tolerances from a rule setting's options `about_tolerance` and `exact_tolerance`.
Tolerances tolerances_from(const RuleSetting& setting);

/// The interval a hedged figure stands for; nullopt when it carries no number.
std::optional<Interval> interval_of(Qualifier qualifier, std::optional<double> value,
                                    std::optional<double> low, std::optional<double> high,
                                    const Tolerances& tolerances);
std::optional<Interval> interval_of(const Quantity& quantity, const Tolerances& tolerances);
std::optional<Interval> interval_of(const Fact& fact, const Tolerances& tolerances);

/// True when some number lies in both intervals.
bool overlaps(const Interval& a, const Interval& b);
/// True when every number of `inner` lies in `outer`.
bool contains(const Interval& outer, const Interval& inner);
/// a + sign * b (the interval of every such sum).
Interval add(const Interval& a, const Interval& b, int sign);
/// The interval widened by `relative` of its finite ends' magnitude on both sides.
Interval widen(const Interval& interval, double relative);

} // namespace factlint
