/// The rule pack the fuzz targets lint with: the bundled pack when it loads and names
/// something, else a small pack of our own, so claims, hovers and checks have facts to work on.
#pragma once

#include "rules/pack.hpp"

#include <exception>

namespace factlint::fuzz {

/// Loaded once per process: the pack loader has its own target (fuzz_pack.cpp).
inline const RulePack& rule_pack() {
    static const RulePack pack = [] {
        try {
            RulePack loaded = load_pack(default_pack_path());
            if (!loaded.lexicon.entities.empty())
                return loaded;
        } catch (const std::exception&) {
        }
        RulePack small;
        small.lexicon.entities.push_back({"north-korean-troops",
                                          "North Korean troops",
                                          "",
                                          {"North Korean soldiers"},
                                          "group",
                                          {}});
        small.lexicon.entities.push_back(
            {"nis", "National Intelligence Service", "", {"NIS"}, "organisation", {}});
        small.lexicon.metrics.push_back({"killed", {"deaths"}, {"killed", "died"}, "people"});
        Fact fact;
        fact.entity = "north-korean-troops";
        fact.metric = "killed";
        fact.value = 600;
        fact.qualifier = Qualifier::about;
        fact.as_of = {2025, 4, 30};
        fact.source = "nis";
        small.facts.push_back(fact);
        return small;
    }();
    return pack;
}

} // namespace factlint::fuzz
