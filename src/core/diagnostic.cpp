#include "core/diagnostic.hpp"

#include <algorithm>
#include <tuple>

namespace factlint {

std::string_view to_string(Level level) {
    switch (level) {
    case Level::info:
        return "info";
    case Level::warning:
        return "warning";
    case Level::error:
        return "error";
    }
    return "warning";
}

std::optional<Level> parse_level(std::string_view text) {
    for (Level level : {Level::info, Level::warning, Level::error})
        if (to_string(level) == text)
            return level;
    return std::nullopt;
}

void sort_diagnostics(std::vector<Diagnostic>& diagnostics) {
    std::stable_sort(diagnostics.begin(), diagnostics.end(), [](const auto& a, const auto& b) {
        return std::tie(a.span.begin, a.span.end, a.rule, a.message) <
               std::tie(b.span.begin, b.span.end, b.rule, b.message);
    });
}

} // namespace factlint
