/// The one table of rule types. Add a rule type: write checks/<id>.cpp with its function,
/// declare it in rule_types.hpp, add one sorted row, a docs/rules/<id>.md page and a fixture
/// directory tests/fixtures/rules/<id>/.
#include "checks/check.hpp"
#include "checks/rule_types.hpp"
#include "rules/pack.hpp"

#include <algorithm>
#include <array>
#include <vector>

namespace factlint {

namespace {

constexpr std::array registry{
    CheckInfo{"figure-conflict", "two figures in one document for the same thing cannot both hold",
              Level::error, checks::figure_conflict},
    CheckInfo{"hedge-mismatch",
              "a figure stated more precisely than its source, or hedged two ways", Level::warning,
              checks::hedge_mismatch},
    CheckInfo{"misattribution", "a figure attributed to someone other than its source",
              Level::warning, checks::misattribution},
    CheckInfo{"name-variant", "a non-preferred spelling of a known name", Level::warning,
              checks::name_variant},
    CheckInfo{"relation-violation",
              "figures that break a relation such as casualties = killed + "
              "wounded",
              Level::error, checks::relation_violation},
    CheckInfo{"stale-figure", "a figure older than the newest sourced figure at the draft's date",
              Level::warning, checks::stale_figure},
    CheckInfo{"unattributed-figure", "a tracked figure with no attribution nearby", Level::info,
              checks::unattributed_figure},
    CheckInfo{"unverified-claim", "an unverified figure stated without a hedge", Level::warning,
              checks::unverified_claim},
};

constexpr bool sorted_by_id() {
    for (std::size_t i = 1; i < registry.size(); ++i)
        if (!(registry[i - 1].id < registry[i].id))
            return false;
    return true;
}
static_assert(sorted_by_id(), "keep the registry sorted by id");

} // namespace

std::span<const CheckInfo> check_registry() {
    return registry;
}

std::span<const KnownRule> known_rules() {
    static const std::vector<KnownRule> rules = [] {
        std::vector<KnownRule> ids;
        for (const CheckInfo& info : registry)
            ids.push_back({info.id, info.default_level});
        return ids;
    }();
    return rules;
}

const CheckInfo* find_check(std::string_view id) {
    auto it = std::find_if(registry.begin(), registry.end(),
                           [&](const CheckInfo& info) { return info.id == id; });
    return it == registry.end() ? nullptr : &*it;
}

} // namespace factlint
