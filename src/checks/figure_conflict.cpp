// figure-conflict: two claims in one document about the same entity, metric and time whose
// hedged intervals cannot both hold. Overlapping hedges ("about 300", "more than 290") agree.
#include "checks/common.hpp"
#include "checks/rule_types.hpp"

namespace factlint::checks {

void figure_conflict(const CheckContext& context, std::vector<Diagnostic>& out) {
    Tolerances tolerances = tolerances_from(context.setting);
    const std::vector<Claim>& claims = context.claims;
    for (std::size_t later = 0; later < claims.size(); ++later) {
        const Claim& claim = claims[later];
        if (!is_tracked(claim))
            continue;
        std::optional<Interval> interval = interval_of(claim.quantity, tolerances);
        if (!interval)
            continue;
        for (std::size_t earlier = 0; earlier < later; ++earlier) {
            const Claim& other = claims[earlier];
            if (!is_tracked(other) || other.entity != claim.entity ||
                other.metric != claim.metric || other.date != claim.date)
                continue;
            std::optional<Interval> other_interval = interval_of(other.quantity, tolerances);
            if (!other_interval || overlaps(*interval, *other_interval))
                continue;
            MessageArgs args;
            add_claim_args(context, claim, args);
            args["other"] = std::string(other.quantity.span.in(context.document.text));
            Diagnostic diagnostic;
            diagnostic.span = claim.quantity.span;
            diagnostic.message = rule_message(
                context, "figure conflict: {claim} {metric} here, but {other} earlier", args);
            diagnostic.related.push_back(
                {other.quantity.span, rule_message(context, "the other figure: {other}", args)});
            out.push_back(std::move(diagnostic));
            break; // one finding per claim: the first figure it contradicts
        }
    }
}

} // namespace factlint::checks
