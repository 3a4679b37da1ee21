/// Baselines: today's findings accepted, so a check fails only on new ones. A finding is
/// matched by rule, file and content (the flagged text and its line), never by line number, so
/// edits elsewhere in the file do not resurrect it.
#pragma once

#include "engine/linter.hpp"

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace factlint {

/// One accepted finding (or `count` identical ones).
struct BaselineEntry {
    std::string file; ///< relative to the baseline file's directory, '/'-separated
    std::string rule;
    std::string text; ///< the flagged text
    std::string line; ///< the flagged line, trimmed
    std::size_t count = 1;
    friend auto operator<=>(const BaselineEntry&, const BaselineEntry&) = default;
};

struct Baseline {
    std::vector<BaselineEntry> entries; ///< sorted, one per distinct finding
};

/// The baseline accepting every finding of `results` at or above `min_level`; paths are made
/// relative to the directory of `baseline_path`. The CLI passes its --min-level: a baseline
/// records what the run showed and would fail on, as ESLint's and Stylelint's suppressions
/// record only the problems that fail a run (errors), not the ones it hides.
Baseline make_baseline(std::span<const LintResult> results, const std::string& baseline_path,
                       Level min_level = Level::info);

/// The baseline file's text (JSON, one finding per line, sorted so diffs stay small).
std::string baseline_to_json(const Baseline& baseline);

/// Parses a baseline file's text; on error returns nothing and sets `error`.
std::optional<Baseline> parse_baseline(std::string_view json, std::string& error);

/// Reads the baseline file at `path`; on error returns nothing and sets `error` ("path: ...").
std::optional<Baseline> read_baseline(const std::string& path, std::string& error);

/// Writes `baseline` to `path` atomically; returns an empty string or the error.
std::string write_baseline(const std::string& path, const Baseline& baseline);

/// Removes from `results` the findings the baseline accepts (each entry absorbs at most
/// `count` findings); returns how many were removed.
std::size_t remove_baselined(const Baseline& baseline, std::span<LintResult> results,
                             const std::string& baseline_path);

} // namespace factlint
