/// Helpers the rule types share: matching claims to facts, and wording figures and sources.
#pragma once

#include "checks/check.hpp"
#include "checks/intervals.hpp"
#include "rules/message.hpp"

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace factlint {

/// A claim the fact checks can judge: a plain count (not a change) with a known entity and
/// metric.
bool is_tracked(const Claim& claim);
/// The words that may name what a pack counts: each entity's names and aliases, every metric's
/// nouns and verbs, and generic ones ("people", "others").
class SubjectWords {
public:
    explicit SubjectWords(const RulePack& pack);
    /// False when the claim's own counted noun names something else than its entity and metric
    /// ("a fire at one cafe", "11 countries", "five million left homeless"): the linker took the
    /// entity and metric from the sentence, and comparing such a number with others misleads.
    bool fits(const Claim& claim) const;

private:
    /// The word sets are built on the first fits() with a subject: most documents have no
    /// tracked claim, and building them for every file cost a sixth of a corpus run.
    void build() const;

    const RulePack& pack_;
    mutable bool built_ = false;
    mutable std::set<std::string, std::less<>> shared_;
    mutable std::map<std::string, std::set<std::string, std::less<>>, std::less<>> by_entity_;
};
/// The date a claim is judged at: its own date when it dates itself, else the draft's.
Date judged_at(const Claim& claim, const Date& draft_as_of);
/// The headline number of a figure: its value, or the low end of a range.
std::optional<double> headline_number(std::optional<double> value, std::optional<double> low);
/// The newest fact about (entity, metric) dated on or before `as_of`, or nullptr.
const Fact* newest_fact(const RulePack& pack, std::string_view entity, std::string_view metric,
                        const Date& as_of);
/// Every fact (on or before `as_of`) that repeats the claim's number, the newest first: a figure
/// may have come from several sources ("at least 100 killed": Lee Seong-kweun on December 19,
/// the NIS on December 23).
std::vector<const Fact*> facts_with_same_number(const RulePack& pack, const Claim& claim,
                                                const Date& as_of);
/// The newest of them, or nullptr.
const Fact* fact_with_same_number(const RulePack& pack, const Claim& claim, const Date& as_of);
/// How well an attribution credits a fact: 2 when it names the fact's source (or a group the
/// source speaks for, `member_of`), 1 when it names only the fact's via, 0 otherwise.
int credit(const RulePack& pack, const Fact& fact, const Attribution& said);
/// Who a figure comes from: its attribution's known source and via, else the source and via of
/// the fact that gives that same number. Empty when unknown.
std::vector<std::string> account_of(const CheckContext& context, const Claim& claim);
/// Two known accounts with no source or via in common ("Lee, citing the NIS" and "the NIS" are
/// one account; the NIS and Ukraine's military intelligence are two).
bool different_accounts(const std::vector<std::string>& a, const std::vector<std::string>& b);

/// An entity's preferred spelling, or the id itself when unknown.
std::string display_name(const RulePack& pack, std::string_view entity_id);
/// "NIS via Lee Seong-kweun", "Zelenskyy", "" when the fact names no source.
std::string describe_source(const RulePack& pack, const Fact& fact);
/// Placeholders every fact-backed message offers: figure, hedge, source, via, date, citation,
/// url, note.
void add_fact_args(const RulePack& pack, const Fact& fact, MessageArgs& args);
/// Placeholders of the claim: claim (as written), entity, metric, value.
void add_claim_args(const CheckContext& context, const Claim& claim, MessageArgs& args);
/// The rule's configured template, or `fallback`, filled with `args`.
std::string rule_message(const CheckContext& context, std::string_view fallback,
                         const MessageArgs& args);
/// A numeric option of the rule, or `fallback`.
double option(const CheckContext& context, std::string_view name, double fallback);

} // namespace factlint
