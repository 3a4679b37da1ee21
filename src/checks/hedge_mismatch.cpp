// hedge-mismatch: the draft states a figure more precisely or strongly than its source
// ("600" for "about 600", "more than 100" for "at least 100"), or hedges one figure two ways
// in one document ("over 100" in the headline, "at least 100" in the body).
#include "checks/common.hpp"
#include "checks/rule_types.hpp"

namespace factlint::checks {

namespace {

bool same(const Interval& a, const Interval& b) {
    return a.low == b.low && a.high == b.high && a.low_open == b.low_open &&
           a.high_open == b.high_open;
}

} // namespace

void hedge_mismatch(const CheckContext& context, std::vector<Diagnostic>& out) {
    Tolerances tolerances = tolerances_from(context.setting);
    const std::vector<Claim>& claims = context.claims;
    for (std::size_t index = 0; index < claims.size(); ++index) {
        const Claim& claim = claims[index];
        if (!is_tracked(claim))
            continue;
        std::optional<Interval> claimed = interval_of(claim.quantity, tolerances);
        if (!claimed)
            continue;
        MessageArgs args;
        add_claim_args(context, claim, args);

        // Against the source: the draft's interval strictly inside the fact's is a claim the
        // source did not make.
        if (const Fact* fact =
                fact_with_same_number(context.pack, claim, judged_at(claim, context.as_of))) {
            std::optional<Interval> sourced = interval_of(*fact, tolerances);
            if (sourced && !same(*sourced, *claimed) && contains(*sourced, *claimed)) {
                add_fact_args(context.pack, *fact, args);
                out.push_back(
                    {{},
                     Level::warning,
                     claim.quantity.span,
                     rule_message(context,
                                  "hedge mismatch: '{claim}' is stronger than the source, which "
                                  "says {figure} ({source}, {date})",
                                  args),
                     {},
                     {}});
                continue;
            }
        }

        // Within the document: the same number hedged differently earlier.
        std::optional<double> number = headline_number(claim.quantity.value, claim.quantity.low);
        for (std::size_t earlier = 0; number && earlier < index; ++earlier) {
            const Claim& other = claims[earlier];
            if (!is_tracked(other) || other.entity != claim.entity ||
                other.metric != claim.metric || other.date != claim.date ||
                headline_number(other.quantity.value, other.quantity.low) != number ||
                other.quantity.qualifier == claim.quantity.qualifier)
                continue;
            args["other"] = std::string(other.quantity.span.in(context.document.text));
            Diagnostic diagnostic;
            diagnostic.span = claim.quantity.span;
            diagnostic.message = rule_message(
                context, "hedge mismatch: '{claim}' here, but '{other}' earlier", args);
            diagnostic.related.push_back({other.quantity.span, "hedged differently here"});
            out.push_back(std::move(diagnostic));
            break;
        }
    }
}

} // namespace factlint::checks
