/// `factlint timeline`: how each tracked figure evolved, as rows per (entity, metric).
#pragma once

#include "ledger/facts_yaml.hpp"
#include "rules/figure.hpp"

#include <map>
#include <string>
#include <vector>

namespace factlint::ledger {

/// One (entity, metric) and its records in date order.
struct Series {
    std::string entity;
    std::string metric;
    std::vector<Fact> points;
};

/// Groups facts into series (sorted by entity, metric; points by date), keeping only the
/// given entity and metric when not empty.
std::vector<Series> build_series(std::vector<Fact> facts, const std::string& entity,
                                 const std::string& metric);

/// "lee-seong-kweun (via nis)", or the display names from `names` (entity id -> name).
std::string source_text(const Fact& fact, const std::map<std::string, std::string>& names);
/// The citation: title, else url, else provenance file:line; "" when none.
std::string citation_text(const Fact& record);

/// The text table: one block per series with date, value, source (via), citation columns.
/// A conflicting record is marked "!".
std::string render_table(const std::vector<Series>& series,
                         const std::map<std::string, std::string>& names);

} // namespace factlint::ledger
