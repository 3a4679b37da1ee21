/// The hand review of ingested facts, kept as data: a review file lists edits (change some
/// fields of one record, or drop it), each with the reason, and applying it to the ingest
/// output gives the reviewed facts. So a reviewed facts file (the bundled pack's) is always
/// "what ingest read + these documented edits", and anyone can regenerate it.
#pragma once

#include "rules/pack.hpp"

#include <string>
#include <vector>

namespace factlint::ledger {

/// The header of a facts file produced by applying `review_file`.
std::string reviewed_header(const std::string& review_file);

/// Applies the edits of the review file at `path` to `facts`. Each edit's `match` must select
/// exactly one record (else the ingest output changed under the review: ConfigError at the
/// edit); `set` rewrites fields (a null or empty value removes one) and records `why` in the
/// record's `reviewed`; `drop: true` removes the record. Throws ConfigError.
std::vector<Fact> apply_review(std::vector<Fact> facts, const std::string& path);
/// The same with the review's YAML text; `file` names it in errors.
std::vector<Fact> apply_review_text(std::vector<Fact> facts, const std::string& text,
                                    const std::string& file);

} // namespace factlint::ledger
