// unverified-claim: a figure whose fact is marked `verified: false`, stated as settled: no
// "reportedly" and no attribution.
#include "checks/common.hpp"
#include "checks/rule_types.hpp"

namespace factlint::checks {

void unverified_claim(const CheckContext& context, std::vector<Diagnostic>& out) {
    for (const Claim& claim : context.claims) {
        if (!is_tracked(claim) || claim.reportedly || claim.attribution)
            continue;
        const Fact* fact =
            fact_with_same_number(context.pack, claim, judged_at(claim, context.as_of));
        if (!fact || fact->verified)
            continue;
        MessageArgs args;
        add_claim_args(context, claim, args);
        add_fact_args(context.pack, *fact, args);
        Diagnostic diagnostic;
        diagnostic.span = claim.quantity.span;
        diagnostic.message = rule_message(
            context,
            "unverified claim: {claim} {metric} is not independently verified ({source}, "
            "{date}); attribute it or write \"reportedly\"",
            args);
        out.push_back(std::move(diagnostic));
    }
}

} // namespace factlint::checks
