/// `factlint timeline`: how each tracked figure evolved, as a text table and an SVG step chart
/// (docs/ledger.md).
#include "cli/commands.hpp"
#include "engine/fixes.hpp"
#include "ledger/svg_chart.hpp"
#include "ledger/timeline.hpp"

#include <algorithm>
#include <fmt/core.h>
#include <iostream>
#include <utility>

namespace factlint::cli {
namespace {

constexpr std::string_view timeline_usage =
    R"(usage: factlint timeline [--facts FILE | --config FILE] [ENTITY] [METRIC] [--svg FILE]

Shows how each figure evolved: one table per (entity, metric) with the date, the value with
its hedge (≈ about, ≥ at least, > more than, 2,000–9,999 a range), the source (and whom they
had it from) and the citation. "!" marks figures that conflict with another for the same date.

options:
  --facts FILE   a facts file written by `factlint ingest`
  --config FILE  a rule pack: its facts (default: the bundled pack's facts)
  --svg FILE     also write a step chart per metric to FILE
)";

} // namespace

int run_timeline(std::span<const std::string> args) {
    std::string facts_file, config, svg_file;
    std::vector<std::string> positional;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        bool has_value = i + 1 < args.size();
        if (arg == "-h" || arg == "--help") {
            fmt::print("{}", timeline_usage);
            return exit_clean;
        } else if (arg == "--facts" && has_value) {
            facts_file = args[++i];
        } else if (arg == "--config" && has_value) {
            config = args[++i];
        } else if (arg == "--svg" && has_value) {
            svg_file = args[++i];
        } else if (arg.starts_with("-")) {
            fmt::print(stderr,
                       "factlint timeline: unknown or incomplete option '{}' (try --help)\n", arg);
            return exit_error;
        } else {
            positional.push_back(arg);
        }
    }
    if (positional.size() > 2) {
        fmt::print(stderr, "factlint timeline: at most ENTITY and METRIC (try --help)\n");
        return exit_error;
    }

    std::vector<Fact> facts;
    std::map<std::string, std::string> names;
    try {
        if (!facts_file.empty()) {
            facts = load_facts(facts_file);
        }
        // Names come from a pack: the one given, else the bundled one when it is there.
        std::string pack_path = config.empty() ? default_pack_path() : config;
        if (!pack_path.empty()) {
            RulePack pack = load_pack(pack_path);
            for (const EntityEntry& entity : pack.lexicon.entities)
                names[entity.id] = entity.name;
            if (facts_file.empty())
                facts = std::move(pack.facts); // provenance and conflict flags included
        } else if (facts_file.empty()) {
            fmt::print(stderr, "factlint timeline: the bundled default pack was not found\n");
            return exit_error;
        }
    } catch (const ConfigError& error) {
        fmt::print(stderr, "{}\n", error.what());
        return exit_error;
    }

    std::string entity = positional.size() > 0 ? positional[0] : "";
    std::string metric = positional.size() > 1 ? positional[1] : "";
    // An entity may be written as its name ("North Korean troops") as well as its id.
    for (const auto& [id, name] : names)
        if (name == entity)
            entity = id;
    // `factlint timeline killed`: a lone word that is a metric and no entity filters by metric.
    if (positional.size() == 1 && !names.contains(entity) &&
        std::any_of(facts.begin(), facts.end(),
                    [&](const Fact& f) { return f.metric == entity; }) &&
        std::none_of(facts.begin(), facts.end(), [&](const Fact& f) { return f.entity == entity; }))
        metric = std::exchange(entity, "");
    std::vector<ledger::Series> series = ledger::build_series(std::move(facts), entity, metric);
    if (series.empty()) {
        fmt::print(stderr, "factlint timeline: no facts{}{}\n",
                   entity.empty() ? "" : " for " + entity, metric.empty() ? "" : " " + metric);
        return exit_error;
    }
    std::cout << ledger::render_table(series, names);
    std::cout.flush();
    if (!svg_file.empty()) {
        std::string error = write_file_atomically(svg_file, ledger::render_svg(series, names));
        if (!error.empty()) {
            fmt::print(stderr, "factlint timeline: error: {}\n", error);
            return exit_error;
        }
    }
    return exit_clean;
}

} // namespace factlint::cli
