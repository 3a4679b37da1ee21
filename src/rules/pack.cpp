#include "rules/pack.hpp"

#include <fmt/format.h>

namespace factlint {

ConfigError::ConfigError(SourceLocation location, const std::string& message)
    : std::runtime_error(
          fmt::format("{}:{}:{}: {}", location.file, location.line, location.column, message))
    , location_(std::move(location)) {}

// Placeholder until the YAML loader is written.
RulePack load_pack(const std::string&) {
    return {};
}
std::string default_pack_path() {
    return {};
}

} // namespace factlint
