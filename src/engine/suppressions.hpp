/// factlint-disable / -enable / -disable-next-line: the document's directives applied to its
/// diagnostics.
#pragma once

#include "core/diagnostic.hpp"
#include "document/document.hpp"

#include <string_view>
#include <vector>

namespace factlint {

/// True for a rule id a directive may name: a registered check or a document problem id.
bool is_known_rule(std::string_view id);

/// Removes the diagnostics the document's directives silence, then adds one unknown-directive
/// warning per rule id a directive names that no check or document problem has (with a fix
/// when one known id is close). A diagnostic is judged by where it begins: inside a
/// disable...enable region for its rule, or on the line after a disable-next-line for it.
void apply_suppressions(const Document& document, std::vector<Diagnostic>& diagnostics);

} // namespace factlint
