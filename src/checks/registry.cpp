/// The one table of rule types. Add a rule type: write checks/<id>.cpp with its function,
/// declare it here, add one sorted row, a docs/rules/<id>.md page and a fixture.
#include "checks/check.hpp"

#include <algorithm>
#include <array>

namespace factlint {

namespace {

constexpr std::array<CheckInfo, 0> registry{};

} // namespace

std::span<const CheckInfo> check_registry() {
    return registry;
}

const CheckInfo* find_check(std::string_view id) {
    auto it = std::find_if(registry.begin(), registry.end(),
                           [&](const CheckInfo& info) { return info.id == id; });
    return it == registry.end() ? nullptr : &*it;
}

} // namespace factlint
