/// `factlint ingest`: sourced articles -> fact records with provenance, merged into a facts
/// file (docs/ledger.md).
#include "cli/commands.hpp"
#include "cli/inputs.hpp"
#include "engine/fixes.hpp"
#include "ledger/ingest.hpp"
#include "ledger/review.hpp"

#include <filesystem>
#include <fmt/core.h>
#include <iostream>

namespace factlint::cli {
namespace {

constexpr std::string_view ingest_usage =
    R"(usage: factlint ingest --source NAME [--as-of DATE] [OPTIONS] FILES...
       factlint ingest --review REVIEW.yaml [-o FILE] FACTS.yaml...

Reads sourced articles and records, for every tracked (entity, metric) pair of the rule pack,
the figure each article gives, with its provenance (file, line, quoted sentence). Records are
merged into FACTS.yaml: ingesting an article twice changes nothing; every figure is kept, and
figures for the same entity, metric and date that cannot both hold (their hedged intervals do
not overlap: "about 300" and "more than 300" can) are marked `conflict: true`.

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
  --all             record every (entity, metric) the claim linker resolves, not only the
                    pairs with a fact in the pack or in FILE
  --review FILE     apply the hand edits of FILE (docs/ledger.md) to the facts files given
                    (ingest output) and write the reviewed facts
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

/// The figure-conflict rule's setting, whose tolerances decide which figures conflict.
const RuleSetting& figure_conflict_setting(const RulePack& pack) {
    static const RuleSetting defaults;
    auto it = pack.rules.find("figure-conflict");
    return it == pack.rules.end() ? defaults : it->second;
}

/// Writes `yaml` to `output` atomically, or to stdout without one; `summary` is said after
/// the file's name.
int write_facts(const std::string& output, const std::string& yaml, const std::string& summary) {
    if (output.empty()) {
        std::cout << yaml;
        std::cout.flush();
        return exit_clean;
    }
    std::string error = write_file_atomically(output, yaml);
    if (!error.empty()) {
        fmt::print(stderr, "factlint ingest: error: {}\n", error);
        return exit_error;
    }
    fmt::print(stderr, "factlint ingest: {}: {}\n", output, summary);
    return exit_clean;
}

/// `--review`: the facts files' records, the review's edits applied, conflicts recomputed.
int run_review(const std::string& review, const std::string& config, const std::string& output,
               const std::vector<std::string>& facts_files) {
    if (facts_files.empty()) {
        fmt::print(stderr, "factlint ingest: --review needs the facts files to review\n");
        return exit_error;
    }
    try {
        std::vector<Fact> facts;
        for (const std::string& file : facts_files)
            for (Fact& fact : load_facts(file))
                facts.push_back(std::move(fact));
        std::string pack_path = config.empty() ? default_pack_path() : config;
        Tolerances tolerances;
        if (!pack_path.empty())
            tolerances = tolerances_from(figure_conflict_setting(load_pack(pack_path)));
        facts = ledger::apply_review(std::move(facts), review);
        ledger::MergeResult merged = ledger::merge_facts({}, facts, tolerances);
        for (const std::string& conflict : merged.conflicts)
            fmt::print(stderr, "factlint ingest: warning: conflicting figures for {}\n", conflict);
        return write_facts(output,
                           ledger::emit_facts(merged.facts, ledger::reviewed_header(review)),
                           fmt::format("{} record(s) after the review", merged.facts.size()));
    } catch (const ConfigError& error) {
        fmt::print(stderr, "{}\n", error.what());
        return exit_error;
    }
}

} // namespace

int run_ingest(std::span<const std::string> args) {
    std::optional<Date> as_of;
    std::string source, via, title, url, output, config, review;
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
        } else if (arg == "--review" && has_value) {
            review = args[++i];
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
    if (!review.empty())
        return run_review(review, config, output, paths);
    if (paths.empty() || source.empty()) {
        fmt::print(stderr, "factlint ingest: needs --source NAME and files (try --help)\n");
        return exit_error;
    }

    std::vector<Fact> existing;
    try {
        std::error_code status;
        if (!output.empty() && std::filesystem::exists(output, status))
            existing = load_facts(output);
    } catch (const ConfigError& error) {
        fmt::print(stderr, "{}\n", error.what());
        return exit_error;
    }

    std::vector<std::string> errors;
    InputWalk inputs(paths, default_extensions, ""); // streamed: nothing is kept per file
    PackResolver resolver(config);
    std::vector<Fact> incoming;
    Tolerances tolerances;
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
            options.pack = &pack;
            options.names = linter.extractor().find_names(document);
            std::sort(options.names.begin(), options.names.end(),
                      [](const NameMention& a, const NameMention& b) {
                          return a.span.begin < b.span.begin;
                      });
            tolerances = tolerances_from(figure_conflict_setting(pack));
            std::vector<Claim> claims = linter.extractor().extract(document, date);
            // The facts file's pairs always count (an article naming no entity for a metric
            // tracked for one goes to that entity); --all adds what this article links and
            // leaves out the pack's facts, so the result does not depend on them.
            for (const Fact& record : existing)
                options.tracked.emplace(record.entity, record.metric);
            for (const Fact& record : incoming)
                options.tracked.emplace(record.entity, record.metric);
            if (all_pairs) {
                for (const Claim& claim : claims)
                    if (!claim.entity.empty() && !claim.metric.empty())
                        options.tracked.emplace(claim.entity, claim.metric);
            } else {
                for (const auto& pair : ledger::tracked_pairs(pack.facts))
                    options.tracked.insert(pair);
            }
            for (Fact& record : ledger::facts_from_claims(document, claims, options))
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

    ledger::MergeResult merged = ledger::merge_facts(std::move(existing), incoming, tolerances);
    for (const std::string& conflict : merged.conflicts)
        fmt::print(stderr, "factlint ingest: warning: conflicting figures for {}\n", conflict);
    return write_facts(
        output, ledger::emit_facts(merged.facts),
        fmt::format("{} new record(s), {} in total", merged.added, merged.facts.size()));
}

} // namespace factlint::cli
