/// Where a YAML node is, for ConfigError messages: shared by every reader of YAML rule files
/// (the pack loader, the ledger's review file).
#pragma once

#include "rules/pack.hpp"

#include <string>
#include <yaml-cpp/yaml.h>

namespace factlint {

/// The node's place as people count (1-based line and column); the file's start when
/// yaml-cpp has no mark for it.
inline SourceLocation location_of(const std::string& file, const YAML::Mark& mark) {
    if (mark.is_null())
        return {file, 1, 1};
    return {file, std::size_t(mark.line) + 1, std::size_t(mark.column) + 1};
}

/// Stops reading `file` with `message` at `node`.
[[noreturn]] inline void fail_at(const std::string& file, const YAML::Node& node,
                                 const std::string& message) {
    throw ConfigError(location_of(file, node.Mark()), message);
}

} // namespace factlint
