/// `factlint timeline`: how each tracked figure evolved, as rows per (entity, metric).
#pragma once

#include "ledger/facts_yaml.hpp"

#include <map>
#include <string>
#include <vector>

namespace factlint::ledger {

/// One (entity, metric) and its records in date order.
struct Series {
    std::string entity;
    std::string metric;
    std::vector<LedgerFact> points;
};

/// Groups facts into series (sorted by entity, metric; points by date), keeping only the
/// given entity and metric when not empty.
std::vector<Series> build_series(std::vector<LedgerFact> facts, const std::string& entity,
                                 const std::string& metric);

/// "2,700"; thousands separated by commas, decimals kept.
std::string group_thousands(double value);
/// The figure with its hedge: "≈600", "≥100", ">300", "≤5", "<5", "2,000–9,999", "2,700".
std::string hedged_value(const Fact& fact);
/// "lee-seong-kweun (via nis)", or the display names from `names` (entity id -> name).
std::string source_text(const Fact& fact, const std::map<std::string, std::string>& names);
/// The citation: title, else url, else provenance file:line; "" when none.
std::string citation_text(const LedgerFact& record);

/// The text table: one block per series with date, value, source (via), citation columns.
/// A conflicting record is marked "!".
std::string render_table(const std::vector<Series>& series,
                         const std::map<std::string, std::string>& names);

} // namespace factlint::ledger
