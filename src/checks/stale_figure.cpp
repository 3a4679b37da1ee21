// stale-figure: a claim about (entity, metric) that the newest sourced fact, as of the draft's
// date (or the claim's own date when it dates itself), does not support.
#include "checks/common.hpp"
#include "checks/rule_types.hpp"
#include "rules/figure.hpp"

#include <algorithm>

namespace factlint::checks {

namespace {

/// True when the fact supports the claim: a bare or one-sided figure must have its number
/// inside the fact's interval ("at least 100" does not repeat "about 600"); a range or vague
/// figure must overlap it.
bool supported(const Quantity& quantity, const Interval& fact, const Tolerances& tolerances) {
    if (quantity.qualifier == Qualifier::range || quantity.qualifier == Qualifier::vague) {
        std::optional<Interval> claimed = interval_of(quantity, tolerances);
        return !claimed || overlaps(*claimed, fact);
    }
    std::optional<double> number = headline_number(quantity.value, quantity.low);
    if (!number && quantity.high)
        number = quantity.high;
    // The number may sit on the fact's own bound: "surpassed 3,000" repeats "more than 3,000".
    Interval closed = fact;
    closed.low_open = closed.high_open = false;
    return !number || overlaps(Interval::point(*number), closed);
}

} // namespace

void stale_figure(const CheckContext& context, std::vector<Diagnostic>& out) {
    // Most documents have no tracked figure: then nothing is set up.
    if (std::none_of(context.claims.begin(), context.claims.end(), is_tracked))
        return;
    Tolerances tolerances = tolerances_from(context.setting);
    bool offer_fix = option(context, "fix", 0) != 0;
    for (const Claim& claim : context.claims) {
        if (!is_tracked(claim))
            continue;
        const Fact* newest =
            newest_fact(context.pack, claim.entity, claim.metric, judged_at(claim, context.as_of));
        if (!newest)
            continue;
        std::optional<Interval> known = interval_of(*newest, tolerances);
        if (!known || supported(claim.quantity, *known, tolerances))
            continue;
        MessageArgs args;
        add_claim_args(context, claim, args);
        add_fact_args(context.pack, *newest, args);
        Diagnostic diagnostic;
        diagnostic.span = claim.quantity.span;
        diagnostic.message =
            rule_message(context,
                         "stale figure: {claim} {metric}; the newest sourced figure is {figure} "
                         "({source}, {date})",
                         args);
        bool has_point =
            newest->qualifier != Qualifier::range && newest->qualifier != Qualifier::vague;
        if (offer_fix && has_point)
            diagnostic.fix = Fix{claim.quantity.span, describe(*newest)};
        out.push_back(std::move(diagnostic));
    }
}

} // namespace factlint::checks
