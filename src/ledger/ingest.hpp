/// `factlint ingest`: sourced articles -> dated fact records with provenance, merged into a
/// facts file. Returns data; the CLI prints.
#pragma once

#include "grammar/claims.hpp"
#include "ledger/facts_yaml.hpp"

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
};

/// The tracked pairs of a pack: every (entity, metric) that has a fact.
std::set<std::pair<std::string, std::string>> tracked_pairs(const std::vector<Fact>& facts);

/// One record per tracked (entity, metric) per document: the first claim about it in reading
/// order. A claim with a metric but no entity goes to the metric's only tracked entity.
std::vector<LedgerFact> facts_from_claims(const Document& document,
                                          const std::vector<Claim>& claims,
                                          const IngestOptions& options);

/// What a merge did, for the CLI to report.
struct MergeResult {
    std::vector<LedgerFact> facts; ///< sorted, conflicts flagged
    std::size_t added = 0;
    std::vector<std::string> conflicts; ///< "entity metric as_of: 300, 2700" per conflicting group
};

/// Adds `incoming` to `existing`: a record already present (same key, figure and provenance)
/// is skipped, so ingesting an article twice changes nothing; different figures for the same
/// (entity, metric, as_of) are all kept and marked `conflict`.
MergeResult merge_facts(std::vector<LedgerFact> existing, const std::vector<LedgerFact>& incoming);

} // namespace factlint::ledger
