// misattribution: a figure that repeats a sourced fact but names a different source ("the
// Pentagon said 600 were killed" when the 600 came from the NIS via Lee Seong-kweun).
#include "checks/common.hpp"
#include "checks/rule_types.hpp"

namespace factlint::checks {

void misattribution(const CheckContext& context, std::vector<Diagnostic>& out) {
    for (const Claim& claim : context.claims) {
        if (!is_tracked(claim) || !claim.attribution || claim.attribution->entity.empty())
            continue;
        const Fact* fact =
            fact_with_same_number(context.pack, claim, judged_at(claim, context.as_of));
        if (!fact || (fact->source.empty() && fact->via.empty()))
            continue;
        const Attribution& said = *claim.attribution;
        auto named = [&](const std::string& id) {
            return !id.empty() && (id == fact->source || id == fact->via);
        };
        if (named(said.entity) || named(said.via))
            continue;
        MessageArgs args;
        add_claim_args(context, claim, args);
        add_fact_args(context.pack, *fact, args);
        args["written"] = said.source;
        Diagnostic diagnostic;
        diagnostic.span = said.span.empty() ? claim.quantity.span : said.span;
        diagnostic.message = rule_message(context,
                                          "misattribution: {claim} {metric} is attributed to "
                                          "{written}, but the figure comes from {source} ({date})",
                                          args);
        if (!said.span.empty())
            diagnostic.related.push_back({claim.quantity.span, "the figure"});
        out.push_back(std::move(diagnostic));
    }
}

} // namespace factlint::checks
