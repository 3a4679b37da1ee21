// hedge-mismatch: the draft states a figure more precisely or strongly than its source
// ("600" for "about 600", "more than 100" for "at least 100"), or hedges one figure two ways
// in one document ("over 100" in the headline, "at least 100" in the body).
#include "checks/common.hpp"
#include "checks/rule_types.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <map>

namespace factlint::checks {

void hedge_mismatch(const CheckContext& context, std::vector<Diagnostic>& out) {
    // Most documents have no tracked figure: then nothing is set up.
    if (std::none_of(context.claims.begin(), context.claims.end(), is_tracked))
        return;
    Tolerances tolerances = tolerances_from(context.setting);
    std::map<std::string, std::vector<const Claim*>> first_by_hedge;
    for (const Claim& claim : context.claims) {
        if (!is_tracked(claim))
            continue;
        std::optional<Interval> claimed = interval_of(claim.quantity, tolerances);
        if (!claimed)
            continue;
        MessageArgs args;
        add_claim_args(context, claim, args);

        // The same number hedged differently earlier in the document, by the same account (two
        // sources may hedge one number differently). One entry per (thing, time, number, hedge)
        // keeps this linear on documents that repeat a figure.
        const Claim* other = nullptr;
        if (std::optional<double> number =
                headline_number(claim.quantity.value, claim.quantity.low)) {
            std::string key = fmt::format("{}\n{}\n{}\n{}", claim.entity, claim.metric,
                                          claim.date ? claim.date->iso() : "", *number);
            std::vector<const Claim*>& hedges = first_by_hedge[key];
            bool hedge_seen = false;
            std::vector<std::string> account;
            for (const Claim* earlier : hedges) {
                if (earlier->quantity.qualifier == claim.quantity.qualifier) {
                    hedge_seen = true;
                } else if (!other) {
                    if (account.empty())
                        account = account_of(context, claim);
                    if (!different_accounts(account, account_of(context, *earlier)))
                        other = earlier;
                }
            }
            if (!hedge_seen)
                hedges.push_back(&claim);
        }

        // Against the sources: a draft's interval strictly inside a fact's is a claim that
        // source did not make ("600" for "about 600"), and one that only overlaps it is another
        // claim ("more than 600" for "about 600"). Any fact with this number that the draft
        // matches or hedges more ("about 10,000" for "over 10,000") makes it a figure some
        // source gave. The finding names the fact of the source the draft credits, if any
        // ("300, the NIS said" against the NIS's "more than 300", not the lawmakers' "about
        // 300"), else the newest.
        std::vector<const Fact*> facts =
            facts_with_same_number(context.pack, claim, judged_at(claim, context.as_of));
        if (claim.attribution)
            std::stable_sort(facts.begin(), facts.end(), [&](const Fact* a, const Fact* b) {
                return credit(context.pack, *a, *claim.attribution) >
                       credit(context.pack, *b, *claim.attribution);
            });
        const Fact* unbacked = nullptr;
        bool overstated = false;
        bool sourced = false;
        for (const Fact* fact : facts) {
            std::optional<Interval> interval = interval_of(*fact, tolerances);
            if (!interval)
                continue;
            if (contains(*claimed, *interval)) {
                sourced = true;
                continue;
            }
            bool inside = contains(*interval, *claimed);
            // A range against another hedge is a claim of its own, not a reworded one.
            if (!unbacked && (inside || (claim.quantity.qualifier != Qualifier::range &&
                                         fact->qualifier != Qualifier::range))) {
                unbacked = fact;
                overstated = inside;
            }
        }
        if (!sourced && unbacked) {
            add_fact_args(context.pack, *unbacked, args);
            out.push_back(
                {{},
                 Level::warning,
                 claim.quantity.span,
                 rule_message(context,
                              overstated ? "hedge mismatch: '{claim}' is stronger than the "
                                           "source, which says {figure} ({source}, {date})"
                                         : "hedge mismatch: '{claim}' is not what the source "
                                           "says: {figure} ({source}, {date})",
                              args),
                 {},
                 {}});
            continue;
        }

        if (!other)
            continue;
        args["other"] = std::string(other->quantity.span.in(context.document.text));
        Diagnostic diagnostic;
        diagnostic.span = claim.quantity.span;
        diagnostic.message =
            rule_message(context, "hedge mismatch: '{claim}' here, but '{other}' earlier", args);
        diagnostic.related.push_back({other->quantity.span, "hedged differently here"});
        out.push_back(std::move(diagnostic));
    }
}

} // namespace factlint::checks
