/// Ledger facts on disk: the pack's `facts:` schema plus provenance and conflict flags,
/// read and written with yaml-cpp in a stable, sorted order so facts files diff well in git.
#pragma once

#include "rules/pack.hpp"

#include <string>
#include <vector>

namespace factlint::ledger {

/// Where a figure was read: the article, its line and the sentence quoted.
struct Provenance {
    std::string file;
    std::size_t line = 0;
    std::string quote;
    friend auto operator<=>(const Provenance&, const Provenance&) = default;
};

/// A pack Fact as the ledger keeps it.
struct LedgerFact {
    Fact fact;
    Provenance provenance; ///< empty file when written by hand
    bool conflict = false; ///< another figure exists for the same (entity, metric, as_of)
};

/// Reads the `facts:` list of a facts file. Throws ConfigError ("file:line:col: message").
std::vector<LedgerFact> read_facts_file(const std::string& path);
/// Reads `facts:` from YAML text; `file` names it in errors.
std::vector<LedgerFact> parse_facts(const std::string& text, const std::string& file);
/// The facts as YAML text (`facts:` list), in canonical order; byte-identical for equal input.
std::string emit_facts(std::vector<LedgerFact> facts);
/// Sorts into canonical order: entity, metric, as_of, source, via, file, line, figure.
void sort_facts(std::vector<LedgerFact>& facts);
/// A number as the ledger writes it: integers without a decimal point, else shortest form.
std::string format_number(double value);

} // namespace factlint::ledger
