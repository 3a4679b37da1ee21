/// Ledger facts on disk: the pack's `facts:` schema (provenance and conflict flags included),
/// written with yaml-cpp in a stable, sorted order so facts files diff well in git. Reading is
/// the pack loader's (`load_facts` in rules/pack.hpp): one schema, one reader.
#pragma once

#include "rules/pack.hpp"

#include <string>
#include <vector>

namespace factlint::ledger {

/// The comment heading a facts file that `factlint ingest` writes.
inline const std::string ingest_header =
    "Written by `factlint ingest` (docs/ledger.md); sorted, one record per figure read.";
/// The facts as YAML text (`facts:` list) under a `header` comment, in canonical order;
/// byte-identical for equal input.
std::string emit_facts(std::vector<Fact> facts, const std::string& header = ingest_header);
/// Sorts into canonical order: entity, metric, as_of, source, via, file, line, figure.
void sort_facts(std::vector<Fact>& facts);
/// A number as the ledger writes it: integers without a decimal point, else shortest form.
std::string format_number(double value);

} // namespace factlint::ledger
