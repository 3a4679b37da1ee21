/// The one finding type every check returns and every reporter prints.
#pragma once

#include "core/span.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace factlint {

enum class Level { info, warning, error };

/// "info", "warning" or "error".
std::string_view to_string(Level level);
/// Parses "info", "warning" or "error".
std::optional<Level> parse_level(std::string_view text);

/// A replacement of the bytes in `span` (same file as the diagnostic).
struct Fix {
    Span span;
    std::string replacement;
};

/// A second place in the same file that explains the finding ("the other figure is here").
struct Related {
    Span span;
    std::string message;
};

struct Diagnostic {
    std::string rule; ///< kebab-case rule id, e.g. "stale-figure"
    Level level = Level::warning;
    Span span; ///< bytes in the document's text
    std::string message;
    std::vector<Related> related;
    std::optional<Fix> fix;
};

/// Sorts by position, then rule id, then message: the order every reporter prints.
void sort_diagnostics(std::vector<Diagnostic>& diagnostics);

} // namespace factlint
