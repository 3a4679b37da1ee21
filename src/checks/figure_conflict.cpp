// figure-conflict: two claims in one document about the same entity, metric and time whose
// hedged intervals cannot both hold. Overlapping hedges ("about 300", "more than 290") agree,
// and two known sources may disagree: the NIS's "about 3,000" casualties next to Ukraine's
// "nearly 4,000" reports two estimates, not one that contradicts itself.
#include "checks/common.hpp"
#include "checks/rule_types.hpp"

#include <algorithm>
#include <map>

namespace factlint::checks {

namespace {

/// Distinct intervals remembered per (entity, metric, time). A document repeating one figure
/// costs one entry; hostile input with endless distinct figures is compared with the first
/// few only, so the check stays linear.
constexpr std::size_t max_distinct_figures = 64;

struct Seen {
    Interval interval;
    const Claim* claim;
    std::vector<std::string> account; ///< account_of(claim)
};

bool same(const Interval& a, const Interval& b) {
    return a.low == b.low && a.high == b.high && a.low_open == b.low_open &&
           a.high_open == b.high_open;
}

} // namespace

void figure_conflict(const CheckContext& context, std::vector<Diagnostic>& out) {
    // Most documents have no tracked figure: then nothing is set up.
    if (std::none_of(context.claims.begin(), context.claims.end(), is_tracked))
        return;
    Tolerances tolerances = tolerances_from(context.setting);
    std::map<std::string, std::vector<Seen>> seen;
    SubjectWords subject_words(context.pack);
    for (const Claim& claim : context.claims) {
        if (!is_tracked(claim) || !subject_words.fits(claim))
            continue;
        std::optional<Interval> interval = interval_of(claim.quantity, tolerances);
        if (!interval)
            continue;
        std::string key = claim.entity + '\n' + claim.metric + '\n' +
                          (claim.date ? claim.date->iso() : std::string());
        std::vector<Seen>& earlier = seen[key];
        std::vector<std::string> account = account_of(context, claim);
        bool known = false;
        for (const Seen& other : earlier) {
            known = known || same(other.interval, *interval);
            if (overlaps(other.interval, *interval) || different_accounts(account, other.account))
                continue;
            MessageArgs args;
            add_claim_args(context, claim, args);
            args["other"] = std::string(other.claim->quantity.span.in(context.document.text));
            Diagnostic diagnostic;
            diagnostic.span = claim.quantity.span;
            diagnostic.message = rule_message(
                context, "figure conflict: {claim} {metric} here, but {other} earlier", args);
            diagnostic.related.push_back(
                {other.claim->quantity.span,
                 rule_message(context, "the other figure: {other}", args)});
            out.push_back(std::move(diagnostic));
            break; // one finding per claim: the first figure it contradicts
        }
        if (!known && earlier.size() < max_distinct_figures)
            earlier.push_back({*interval, &claim, std::move(account)});
    }
}

} // namespace factlint::checks
