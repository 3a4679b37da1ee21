// relation-violation: the document's figures for one entity and time break a pack relation
// (casualties = killed + wounded). Sums use interval arithmetic, so hedges are respected:
// "casualties surpassed 3,000" agrees with 300 killed and 2,700 wounded. Bare news figures are
// rounded, so either side may be widened by `relation_tolerance` (default 5%). Figures that
// different known sources give (by attribution, or by the fact that gives the same number) are
// not combined.
#include "checks/common.hpp"
#include "checks/rule_types.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <map>
#include <set>

namespace factlint::checks {

namespace {

bool holds(const Interval& left, Relation::Op op, const Interval& right) {
    switch (op) {
    case Relation::Op::equal:
        return overlaps(left, right);
    case Relation::Op::less:
        return left.low < right.high;
    case Relation::Op::less_equal:
        return left.low <= right.high;
    case Relation::Op::greater:
        return left.high > right.low;
    case Relation::Op::greater_equal:
        return left.high >= right.low;
    }
    return true;
}

std::string_view op_text(Relation::Op op) {
    switch (op) {
    case Relation::Op::equal:
        return "=";
    case Relation::Op::less:
        return "<";
    case Relation::Op::less_equal:
        return "<=";
    case Relation::Op::greater:
        return ">";
    case Relation::Op::greater_equal:
        return ">=";
    }
    return "=";
}

/// The claim in `claims` (in text order) nearest to `anchor`, found by binary search.
const Claim* nearest(const std::vector<const Claim*>& claims, const Claim& anchor) {
    std::size_t at = anchor.quantity.span.begin;
    auto after =
        std::lower_bound(claims.begin(), claims.end(), at, [](const Claim* c, std::size_t offset) {
            return c->quantity.span.begin < offset;
        });
    if (after == claims.end())
        return claims.back();
    if (after == claims.begin())
        return *after;
    const Claim* before = *(after - 1);
    return at - before->quantity.span.begin <= (*after)->quantity.span.begin - at ? before : *after;
}

/// False when two of the figures come from different known sources: a U.S. estimate of
/// "several hundred" casualties next to the NIS's killed and wounded is two accounts, not one
/// sum that fails to add up. Accounts that share a source or a via ("Lee, citing the NIS" and
/// "the NIS") are one.
bool one_account(const CheckContext& context, const Relation& relation,
                 const std::map<std::string, const Claim*>& by_metric) {
    std::vector<std::vector<std::string>> accounts;
    for (const auto* side : {&relation.left, &relation.right})
        for (const Term& term : *side) {
            std::vector<std::string> account = account_of(context, *by_metric.at(term.metric));
            if (account.empty())
                continue;
            for (const auto& earlier : accounts)
                if (different_accounts(account, earlier))
                    return false;
            accounts.push_back(std::move(account));
        }
    return true;
}

} // namespace

void relation_violation(const CheckContext& context, std::vector<Diagnostic>& out) {
    // Most documents have no tracked figure: then there is nothing to combine or set up.
    if (context.pack.relations.empty() ||
        std::none_of(context.claims.begin(), context.claims.end(), is_tracked))
        return;
    Tolerances tolerances = tolerances_from(context.setting);
    double slack = option(context, "relation_tolerance", 0.05);
    std::string_view text = context.document.text;

    // (entity, date) -> metric -> claims: figures that may be combined.
    using Key = std::pair<std::string, std::optional<Date>>;
    std::map<Key, std::map<std::string, std::vector<const Claim*>>> groups;
    SubjectWords subject_words(context.pack);
    for (const Claim& claim : context.claims)
        if (is_tracked(claim) && subject_words.fits(claim) &&
            interval_of(claim.quantity, tolerances))
            groups[{claim.entity, claim.date}][claim.metric].push_back(&claim);
    if (groups.empty())
        return;

    for (const Relation& relation : context.pack.relations) {
        // The total's side first: combinations anchored at a total are tried first, and each
        // total is reported once.
        bool total_left = relation.left.size() == 1;
        std::vector<std::string> metrics;
        for (const auto* side : {total_left ? &relation.left : &relation.right,
                                 total_left ? &relation.right : &relation.left})
            for (const Term& term : *side)
                metrics.push_back(term.metric);
        std::set<const Claim*> reported;
        for (const auto& [key, claims_by_metric] : groups) {
            // Each figure of the relation anchors one combination: for every other metric, the
            // figure nearest to it in the text ("300 killed and 2,700 wounded" next to the total).
            std::set<std::vector<const Claim*>> tried;
            // clang 14 cannot capture a structured binding; a plain reference it can.
            const auto& present = claims_by_metric;
            bool complete = std::all_of(metrics.begin(), metrics.end(), [&](const auto& metric) {
                return present.contains(metric);
            });
            if (!complete)
                continue;
            for (const std::string& anchor_metric : metrics) {
                auto anchors = claims_by_metric.find(anchor_metric);
                if (anchors == claims_by_metric.end())
                    continue;
                for (const Claim* anchor : anchors->second) {
                    std::map<std::string, const Claim*> by_metric;
                    for (const std::string& metric : metrics)
                        by_metric[metric] = nearest(claims_by_metric.at(metric), *anchor);
                    std::vector<const Claim*> chosen;
                    for (const auto& entry : by_metric)
                        chosen.push_back(entry.second);
                    std::sort(chosen.begin(), chosen.end());
                    if (!tried.insert(chosen).second)
                        continue;
                    auto sum = [&](const std::vector<Term>& terms, Interval& total,
                                   std::string& shown) -> bool {
                        total = Interval::point(0);
                        for (const Term& term : terms) {
                            auto it = by_metric.find(term.metric);
                            if (it == by_metric.end())
                                return false;
                            total = add(total, *interval_of(it->second->quantity, tolerances),
                                        term.sign);
                            if (!shown.empty())
                                shown += term.sign < 0 ? " - " : " + ";
                            else if (term.sign < 0)
                                shown += "-";
                            shown += fmt::format("{} ({})", term.metric,
                                                 it->second->quantity.span.in(text));
                        }
                        return true;
                    };
                    Interval left, right;
                    std::string left_shown, right_shown;
                    if (!sum(relation.left, left, left_shown) ||
                        !sum(relation.right, right, right_shown))
                        continue;
                    if (!one_account(context, relation, by_metric))
                        continue;
                    if (holds(widen(left, slack), relation.op, right) ||
                        holds(left, relation.op, widen(right, slack)))
                        continue;
                    // Report at the side with one term (the total), point at the parts.
                    const std::vector<Term>& total_side =
                        relation.left.size() == 1 ? relation.left : relation.right;
                    const Claim* total = by_metric.at(total_side.front().metric);
                    if (!reported.insert(total).second)
                        continue;
                    MessageArgs args;
                    add_claim_args(context, *total, args);
                    args["relation"] = relation.text;
                    args["expected"] =
                        fmt::format("{} {} {}", left_shown, op_text(relation.op), right_shown);
                    Diagnostic diagnostic;
                    diagnostic.span = total->quantity.span;
                    diagnostic.message = rule_message(
                        context, "figures break '{relation}': {expected} does not hold", args);
                    std::set<const Claim*> parts;
                    for (const auto* side : {&relation.left, &relation.right})
                        for (const Term& term : *side)
                            parts.insert(by_metric.at(term.metric));
                    for (const Claim* part : parts)
                        if (part != total)
                            diagnostic.related.push_back(
                                {part->quantity.span, fmt::format("{}: {}", part->metric,
                                                                  part->quantity.span.in(text))});
                    out.push_back(std::move(diagnostic));
                }
            }
        }
    }
}

} // namespace factlint::checks
