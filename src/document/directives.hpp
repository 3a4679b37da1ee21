/// factlint directives written as HTML comments: `<!-- factlint-disable rule-a rule-b -->`.
#pragma once

#include "core/diagnostic.hpp"
#include "core/span.hpp"
#include "document/document.hpp"

#include <string_view>
#include <vector>

namespace factlint {

/// Reads the HTML comment `comment` (covering `<!--` to `-->`) of `text`: a factlint directive
/// is appended to `directives`, a misspelt one (`factlint-disabel`) becomes an unknown-directive
/// problem, any other comment is ignored. Rules may be separated by spaces or commas; a `--`
/// word ends the rule list (what follows is a free-text reason).
void read_directive(std::string_view text, Span comment, std::vector<Directive>& directives,
                    std::vector<Diagnostic>& problems);

} // namespace factlint
