/// Reporters turn lint results into text; they are the only code that formats findings.
#pragma once

#include "engine/linter.hpp"

#include <iosfwd>
#include <span>

namespace factlint {

struct TextOptions {
    bool color = false;   ///< ANSI colours
    bool snippet = false; ///< source line and caret under each finding
};

/// `path:line:col: level: message [rule-id]`, optionally with snippet and caret.
void report_text(std::ostream& out, std::span<const LintResult> results,
                 const TextOptions& options);
/// The versioned JSON document described in docs/output-schema.md.
void report_json(std::ostream& out, std::span<const LintResult> results);

} // namespace factlint
