/// A rule pack: lexicons, sourced facts, relations and rule settings, loaded from YAML.
#pragma once

#include "core/date.hpp"
#include "core/diagnostic.hpp"
#include "grammar/claims.hpp"
#include "grammar/relation.hpp"

#include <map>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

namespace factlint {

/// Where something was written in a rule file (1-based).
struct SourceLocation {
    std::string file;
    std::size_t line = 0;
    std::size_t column = 0;
    friend bool operator==(const SourceLocation&, const SourceLocation&) = default;
};

/// Where a figure was read (written by `factlint ingest`): the article, the line and the
/// sentence quoted. Empty file for a fact typed by hand.
struct Provenance {
    std::string file;
    std::size_t line = 0;
    std::string quote;
    friend auto operator<=>(const Provenance&, const Provenance&) = default;
};

/// A sourced figure: what was counted, how much, as of when, and who said so.
struct Fact {
    std::string entity; ///< entity id (what is counted: "north-korean-troops")
    std::string metric; ///< metric id ("killed")
    std::optional<double> value;
    std::optional<double> low;
    std::optional<double> high;
    Qualifier qualifier = Qualifier::exact;
    Date as_of;
    std::string source; ///< entity id (or name) of who reported it
    std::string via;    ///< entity id of the ultimate source, when reported second-hand
    std::string citation_title;
    std::string url;
    std::string note;
    bool verified = true;
    Provenance provenance; ///< where ingest read it; empty when typed by hand
    bool conflict = false; ///< ingest found another figure for the same entity, metric, as_of
    std::string reviewed;  ///< why a reviewer changed what ingest read (facts.review.yaml)
    SourceLocation location;
    friend bool operator==(const Fact&, const Fact&) = default;
};

/// How one rule is configured: on/off, level, message template and options.
struct RuleSetting {
    bool enabled = true;
    Level level = Level::warning;
    std::string message;                   ///< fmt template with named placeholders; may be empty
    std::map<std::string, double> numbers; ///< options, all numeric (tolerances, fix: 1)
    friend bool operator==(const RuleSetting&, const RuleSetting&) = default;
};

struct RulePack {
    Lexicon lexicon;
    std::vector<Fact> facts;
    std::vector<Relation> relations;
    std::map<std::string, RuleSetting> rules; ///< by rule id; absent ids use defaults
    /// entity id -> the groups or organisations it speaks for ("lee-seong-kweun" ->
    /// "south-korean-lawmakers"): naming those as the source is not a misattribution.
    std::map<std::string, std::vector<std::string>> member_of;
    std::vector<std::string> files; ///< every YAML file read, in load order
    friend bool operator==(const RulePack&, const RulePack&) = default;
};

/// A rule-file error with its location; what() is "file:line:col: message".
class ConfigError : public std::runtime_error {
public:
    ConfigError(SourceLocation location, const std::string& message);
    const SourceLocation& location() const { return location_; }

private:
    SourceLocation location_;
};

/// A rule id a pack may configure, and its level when the pack gives none.
struct KnownRule {
    std::string_view id;
    Level default_level;
};
/// Every rule id, sorted. Rule types are code in checks/, whose registry defines this list: the
/// loader needs their ids, not their code.
std::span<const KnownRule> known_rules();

/// Loads a pack file (following its imports). Throws ConfigError.
RulePack load_pack(const std::string& path);
/// The `facts:` of one facts file (a pack fragment holding only facts, as `factlint ingest`
/// writes it), read by the same code as a pack's facts but without resolving entity and metric
/// ids, so a facts file can be read before any pack knows them. Throws ConfigError.
std::vector<Fact> load_facts(const std::string& path);
/// The same, from YAML text; `file` names it in errors.
std::vector<Fact> parse_facts(const std::string& text, const std::string& file);
/// The nearest `.factlint.yaml` in `directory` or one of its parents, or "" when there is none.
std::string find_config_file(const std::string& directory);
/// The bundled default pack's main file, found next to the binary (build tree or install).
std::string default_pack_path();

} // namespace factlint
