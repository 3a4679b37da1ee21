/// `factlint ingest`: sourced articles -> dated fact records with provenance, merged into a
/// facts file. Returns data; the CLI prints.
#pragma once

#include "checks/intervals.hpp"
#include "grammar/claims.hpp"
#include "ledger/facts_yaml.hpp"

#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace factlint::ledger {

/// What the article is and who stands behind it when a sentence names no source.
struct IngestOptions {
    Date as_of;         ///< the article's date (from --as-of or front matter)
    std::string source; ///< entity id of the default source
    std::string via;    ///< entity id of the default ultimate source, may be empty
    std::string title;  ///< citation title
    std::string url;    ///< citation url
    /// (entity, metric) pairs to keep; claims about other pairs are ignored.
    std::set<std::pair<std::string, std::string>> tracked;
    /// The pack's lexicon and groups, to name sources: a source written as one of an entity's
    /// names that the linker left unresolved, and "a South Korean lawmaker" resolved to the
    /// member of that group named next (see resolve_generic_source). May be null.
    const RulePack* pack = nullptr;
    /// Names the document mentions (ClaimExtractor::find_names), in order.
    std::vector<NameMention> names;
};

/// The tracked pairs of a pack: every (entity, metric) that has a fact.
std::set<std::pair<std::string, std::string>> tracked_pairs(const std::vector<Fact>& facts);

/// One record per tracked (entity, metric) per document: the first claim about it in reading
/// order, except that a headline yields to the body, and a standfirst to a body sentence that
/// states the same number (see docs/ledger.md). A claim with a metric but no entity goes to the
/// metric's only tracked entity.
std::vector<Fact> facts_from_claims(const Document& document, const std::vector<Claim>& claims,
                                    const IngestOptions& options);

/// What a merge did, for the CLI to report.
struct MergeResult {
    std::vector<Fact> facts; ///< sorted, conflicts flagged
    std::size_t added = 0;
    /// "entity metric as_of: ≈600, >700" per group with incompatible figures
    std::vector<std::string> conflicts;
};

/// Adds `incoming` to `existing`: a record already present (same key, figure and provenance)
/// is skipped, so ingesting an article twice changes nothing; every record stays. Records for
/// the same (entity, metric, as_of) whose hedged intervals (with `tolerances`, the
/// figure-conflict rule's) do not overlap are marked `conflict`; compatible readings ("about
/// 300" and "more than 300") are not.
MergeResult merge_facts(std::vector<Fact> existing, const std::vector<Fact>& incoming,
                        const Tolerances& tolerances = {});

} // namespace factlint::ledger
