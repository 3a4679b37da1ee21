/// `factlint ingest`: sourced articles -> fact records with provenance, merged into a facts
/// file (docs/ledger.md).
#include "cli/commands.hpp"
#include "cli/inputs.hpp"
#include "engine/fixes.hpp"
#include "ledger/ingest.hpp"

#include <filesystem>
#include <fmt/core.h>
#include <iostream>

namespace factlint::cli {
namespace {

constexpr std::string_view ingest_usage =
    R"(usage: factlint ingest --source NAME [--as-of DATE] [OPTIONS] FILES...

Reads sourced articles and records, for every tracked (entity, metric) pair of the rule pack,
the figure each article gives, with its provenance (file, line, quoted sentence). Records are
merged into FACTS.yaml: ingesting an article twice changes nothing; different figures for the
same entity, metric and date are all kept and marked `conflict: true`.

options:
  --as-of DATE      the articles' date (default: each file's front matter date:)
  --source NAME     who reported the figures when a sentence names no known source (an entity
                    id or name from the pack)
  --via NAME        whom the source had them from (optional)
  --title TITLE     citation title
  --url URL         citation URL
  -o FILE           facts file to merge into and write atomically (default: print to stdout)
  --config FILE     rule pack whose lexicons and facts decide what is tracked (default: nearest
                    .factlint.yaml, else bundled)
  --all             record every linked (entity, metric), not only the pack's tracked pairs
)";

/// The entity id `written` names (id, name, preferred spelling or alias), or "".
std::string resolve_entity(const Lexicon& lexicon, const std::string& written) {
    for (const EntityEntry& entity : lexicon.entities) {
        if (entity.id == written || entity.name == written || entity.preferred == written)
            return entity.id;
        for (const std::string& alias : entity.aliases)
            if (alias == written)
                return entity.id;
    }
    return "";
}

} // namespace

int run_ingest(std::span<const std::string> args) {
    std::optional<Date> as_of;
    std::string source, via, title, url, output, config;
    bool all_pairs = false;
    std::vector<std::string> paths;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        bool has_value = i + 1 < args.size();
        if (arg == "-h" || arg == "--help") {
            fmt::print("{}", ingest_usage);
            return exit_clean;
        } else if (arg == "--as-of" && has_value) {
            as_of = Date::parse_iso(args[++i]);
            if (!as_of || as_of->day == 0) {
                fmt::print(stderr, "factlint ingest: --as-of needs a date like 2025-04-30\n");
                return exit_error;
            }
        } else if (arg == "--source" && has_value) {
            source = args[++i];
        } else if (arg == "--via" && has_value) {
            via = args[++i];
        } else if (arg == "--title" && has_value) {
            title = args[++i];
        } else if (arg == "--url" && has_value) {
            url = args[++i];
        } else if (arg == "-o" && has_value) {
            output = args[++i];
        } else if (arg == "--config" && has_value) {
            config = args[++i];
        } else if (arg == "--all") {
            all_pairs = true;
        } else if (arg.starts_with("-") && arg != "-") {
            fmt::print(stderr, "factlint ingest: unknown or incomplete option '{}' (try --help)\n",
                       arg);
            return exit_error;
        } else {
            paths.push_back(arg);
        }
    }
    if (paths.empty() || source.empty()) {
        fmt::print(stderr, "factlint ingest: needs --source NAME and files (try --help)\n");
        return exit_error;
    }

    std::vector<ledger::LedgerFact> existing;
    try {
        std::error_code status;
        if (!output.empty() && std::filesystem::exists(output, status))
            existing = ledger::read_facts_file(output);
    } catch (const ConfigError& error) {
        fmt::print(stderr, "{}\n", error.what());
        return exit_error;
    }

    std::vector<std::string> errors;
    std::vector<Input> inputs = collect_inputs(paths, default_extensions, "", errors);
    PackResolver resolver(config);
    std::vector<ledger::LedgerFact> incoming;
    std::string unknown_entity; // --source or --via that the pack does not know: stops the run
    bool packs_loaded = for_each_input(
        inputs, resolver, errors, [&](const Input& input, std::string bytes, const Linter& linter) {
            if (!unknown_entity.empty())
                return;
            const RulePack& pack = linter.pack();
            ledger::IngestOptions options;
            options.source = resolve_entity(pack.lexicon, source);
            options.via = via.empty() ? "" : resolve_entity(pack.lexicon, via);
            if (options.source.empty() || (!via.empty() && options.via.empty())) {
                unknown_entity = options.source.empty() ? source : via;
                return;
            }
            options.title = title;
            options.url = url;
            Document document = load_document(input.path, std::move(bytes));
            std::optional<Date> date = as_of ? as_of : document.date;
            if (!date || date->day == 0) {
                errors.push_back(
                    fmt::format("{}: no date (give --as-of or a front matter date:)", input.path));
                return;
            }
            options.as_of = *date;
            std::vector<Claim> claims = linter.extractor().extract(document, date);
            if (all_pairs) {
                for (const Claim& claim : claims)
                    if (!claim.entity.empty() && !claim.metric.empty())
                        options.tracked.emplace(claim.entity, claim.metric);
            } else {
                options.tracked = ledger::tracked_pairs(pack.facts);
                for (const ledger::LedgerFact& record : existing)
                    options.tracked.emplace(record.fact.entity, record.fact.metric);
            }
            for (ledger::LedgerFact& record : ledger::facts_from_claims(document, claims, options))
                incoming.push_back(std::move(record));
        });
    if (!packs_loaded)
        return exit_error;
    if (!unknown_entity.empty()) {
        fmt::print(stderr, "factlint ingest: '{}' is not an entity of the rule pack\n",
                   unknown_entity);
        return exit_error;
    }
    for (const std::string& error : errors)
        fmt::print(stderr, "factlint ingest: error: {}\n", error);
    if (!errors.empty())
        return exit_error; // write nothing rather than half an ingest

    ledger::MergeResult merged = ledger::merge_facts(std::move(existing), incoming);
    for (const std::string& conflict : merged.conflicts)
        fmt::print(stderr, "factlint ingest: warning: conflicting figures for {}\n", conflict);
    std::string yaml = ledger::emit_facts(merged.facts);
    if (output.empty()) {
        std::cout << yaml;
        std::cout.flush();
    } else {
        std::string error = write_file_atomically(output, yaml);
        if (!error.empty()) {
            fmt::print(stderr, "factlint ingest: error: {}\n", error);
            return exit_error;
        }
        fmt::print(stderr, "factlint ingest: {}: {} new record(s), {} in total\n", output,
                   merged.added, merged.facts.size());
    }
    return exit_clean;
}

} // namespace factlint::cli
