/// What a rule type sees and how it is registered. Each rule type lives in its own file here.
#pragma once

#include "core/date.hpp"
#include "core/diagnostic.hpp"
#include "document/document.hpp"
#include "grammar/claims.hpp"
#include "rules/pack.hpp"

#include <span>
#include <string_view>
#include <vector>

namespace factlint {

/// Everything a check may read about one document. Checks return data; they never print.
struct CheckContext {
    const Document& document;
    const std::vector<Claim>& claims;
    const std::vector<NameMention>& names;
    const RulePack& pack;
    Date as_of; ///< the date the draft is judged at
    const RuleSetting& setting;
};

using CheckFunction = void (*)(const CheckContext& context, std::vector<Diagnostic>& out);

/// One rule type: id, one-line summary, default level, and the function that runs it.
struct CheckInfo {
    std::string_view id;
    std::string_view summary;
    Level default_level;
    CheckFunction run;
};

/// Every rule type, sorted by id.
std::span<const CheckInfo> check_registry();
/// The rule type with this id, or nullptr.
const CheckInfo* find_check(std::string_view id);

} // namespace factlint
