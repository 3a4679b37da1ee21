// The YAML rule pack loader. yaml-cpp parses; this file checks the schema by hand so every
// error names file:line:col, unknown keys get a did-you-mean and wrong types name the
// expected type. Imports are loaded depth first; the importing file's own entries come last
// and override imported ones with the same id.
#include "rules/pack.hpp"

#include "rules/message.hpp"
#include "rules/suggest.hpp"
#include "rules/yaml_location.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <set>
#include <sstream>
#include <yaml-cpp/yaml.h>

namespace factlint {

ConfigError::ConfigError(SourceLocation location, const std::string& message)
    : std::runtime_error(
          fmt::format("{}:{}:{}: {}", location.file, location.line, location.column, message))
    , location_(std::move(location)) {}

namespace {

namespace fs = std::filesystem;

const char* type_name(const YAML::Node& node) {
    switch (node.Type()) {
    case YAML::NodeType::Map:
        return "a map";
    case YAML::NodeType::Sequence:
        return "a list";
    case YAML::NodeType::Scalar:
        return "a scalar";
    default:
        return "nothing";
    }
}

struct TextPosition {
    std::size_t line;
    std::size_t column;
};

/// The first tab in a line's leading whitespace (1-based), if any.
std::optional<TextPosition> indentation_tab(std::string_view text) {
    std::size_t line = 1;
    bool leading = true;
    std::size_t column = 1;
    for (char c : text) {
        if (c == '\n') {
            ++line, column = 1, leading = true;
            continue;
        }
        if (leading && c == '\t')
            return TextPosition{line, column};
        if (c != ' ')
            leading = false;
        ++column;
    }
    return std::nullopt;
}

/// Reads one pack file and everything it imports into one RulePack.
class Loader {
public:
    RulePack pack;

    void load(const fs::path& path, const SourceLocation* imported_at) {
        fs::path canonical = fs::weakly_canonical(path);
        if (std::find(stack_.begin(), stack_.end(), canonical) != stack_.end()) {
            std::string chain;
            for (const fs::path& file : stack_)
                chain += file.filename().string() + " -> ";
            throw ConfigError(*imported_at, fmt::format("circular import: {}{}", chain,
                                                        canonical.filename().string()));
        }
        if (!loaded_.insert(canonical.string()).second)
            return; // a diamond import: each file counts once
        file_ = path.string();
        // Only regular files: reading /dev/zero or a FIFO never ends, and a directory opens
        // fine and reads as an empty pack (found by tests/bad-input).
        std::error_code status_error;
        if (fs::exists(path, status_error) && !fs::is_regular_file(path, status_error))
            throw ConfigError(imported_at ? *imported_at : SourceLocation{file_, 1, 1},
                              fmt::format("'{}' is not a regular file", path.string()));
        std::ifstream in(path, std::ios::binary);
        if (!in) {
            if (imported_at)
                throw ConfigError(*imported_at,
                                  fmt::format("cannot read imported pack '{}'", path.string()));
            throw ConfigError({file_, 1, 1}, "cannot read pack file");
        }
        std::stringstream buffer;
        buffer << in.rdbuf();
        pack.files.push_back(path.string());

        YAML::Node root = parse_yaml(buffer.str());
        if (root.IsNull())
            return;
        expect(root, YAML::NodeType::Map, "the pack file");
        check_keys(root, {"name", "description", "imports", "entities", "metrics", "facts",
                          "relations", "rules"});

        stack_.push_back(canonical);
        if (YAML::Node imports = root["imports"]) {
            expect(imports, YAML::NodeType::Sequence, "imports");
            for (const YAML::Node& item : imports) {
                std::string name = string(item, "an import");
                SourceLocation where = at(item.Mark());
                fs::path target =
                    name == "default" ? fs::path(default_pack_path()) : path.parent_path() / name;
                if (name != "default") {
                    fs::path base = fs::weakly_canonical(path.parent_path());
                    fs::path resolved = fs::weakly_canonical(target);
                    auto [end, ignored] =
                        std::mismatch(base.begin(), base.end(), resolved.begin(), resolved.end());
                    if (end != base.end())
                        throw ConfigError(
                            where, fmt::format("import '{}' leaves the pack's directory", name));
                }
                if (name == "default" && target.empty())
                    throw ConfigError(where, "the bundled default pack was not found");
                if (!fs::is_regular_file(target))
                    throw ConfigError(where, fmt::format("missing import '{}' ({} not found)", name,
                                                         target.string()));
                load(target, &where);
                file_ = path.string();
            }
        }
        stack_.pop_back();

        if (YAML::Node entities = root["entities"])
            for_each_item(entities, "entities", [&](const YAML::Node& n) { read_entity(n); });
        if (YAML::Node metrics = root["metrics"])
            for_each_item(metrics, "metrics", [&](const YAML::Node& n) { read_metric(n); });
        if (YAML::Node facts = root["facts"])
            for_each_item(facts, "facts", [&](const YAML::Node& n) { read_fact(n); });
        if (YAML::Node relations = root["relations"])
            for_each_item(relations, "relations", [&](const YAML::Node& n) { read_relation(n); });
        if (YAML::Node rules = root["rules"])
            read_rules(rules);
    }

    /// A facts file: `facts:` only, no imports, ids left as written (nothing to resolve them).
    void load_facts_text(const std::string& text, const std::string& file) {
        file_ = file;
        YAML::Node root = parse_yaml(text);
        if (root.IsNull())
            return;
        expect(root, YAML::NodeType::Map, "the facts file");
        check_keys(root, {"facts"});
        if (YAML::Node facts = root["facts"]; facts && !facts.IsNull())
            for_each_item(facts, "facts", [&](const YAML::Node& n) { read_fact(n); });
    }

    /// Cross-file checks, once everything is loaded: facts and relations name known ids.
    void resolve() {
        for (Fact& fact : pack.facts) {
            fact.entity = entity_id(fact.entity, fact.location, "entity");
            require_metric(fact.metric, fact.location);
            if (!fact.source.empty())
                fact.source = entity_id(fact.source, fact.location, "source");
            if (!fact.via.empty())
                fact.via = entity_id(fact.via, fact.location, "via");
        }
        for (auto& [member, groups] : pack.member_of)
            for (std::string& group : groups)
                group = known_entity(group, member_locations_.at(member), "member_of");
        for (EntityEntry& entity : pack.lexicon.entities)
            for (std::string& owner : entity.belongs_to)
                owner = known_entity(owner, belongs_locations_.at(entity.id), "belongs_to");
        for (std::size_t i = 0; i < pack.relations.size(); ++i)
            for (const auto* side : {&pack.relations[i].left, &pack.relations[i].right})
                for (const Term& term : *side)
                    require_metric(term.metric, relation_locations_[i]);
    }

private:
    std::string file_;
    std::vector<fs::path> stack_;
    std::set<std::string> loaded_;
    std::vector<SourceLocation> relation_locations_;
    std::map<std::string, SourceLocation> member_locations_;
    std::map<std::string, SourceLocation> belongs_locations_;

    YAML::Node parse_yaml(const std::string& text) const {
        try {
            return YAML::Load(text);
        } catch (const YAML::Exception& error) {
            // yaml-cpp reports tab indentation as some later structural error; name the tab.
            if (auto tab = indentation_tab(text); tab && tab->line <= error.mark.line + 1u)
                throw ConfigError({file_, tab->line, tab->column},
                                  "tab character in indentation (indent YAML with spaces)");
            throw ConfigError(at(error.mark), error.msg);
        }
    }

    SourceLocation at(const YAML::Mark& mark) const { return location_of(file_, mark); }

    [[noreturn]] void fail(const YAML::Node& node, const std::string& message) const {
        fail_at(file_, node, message);
    }

    void expect(const YAML::Node& node, YAML::NodeType::value type, std::string_view what) const {
        if (node.Type() == type)
            return;
        const char* wanted = type == YAML::NodeType::Map        ? "a map"
                             : type == YAML::NodeType::Sequence ? "a list"
                                                                : "a scalar";
        fail(node, fmt::format("{}: expected {}, got {}", what, wanted, type_name(node)));
    }

    static std::string suggestion(std::string_view word, const std::vector<std::string>& valid) {
        std::string best = closest_match(word, valid);
        return best.empty() ? std::string() : fmt::format("; did you mean '{}'?", best);
    }

    /// Rejects unknown and duplicate keys (yaml-cpp keeps the last duplicate silently).
    void check_keys(const YAML::Node& map, const std::vector<std::string>& allowed) const {
        std::set<std::string> seen;
        for (const auto& entry : map) {
            if (!entry.first.IsScalar())
                fail(entry.first, "a key must be a plain word");
            std::string key = entry.first.Scalar();
            if (std::find(allowed.begin(), allowed.end(), key) == allowed.end())
                fail(entry.first, fmt::format("unknown key '{}'{} (valid keys: {})", key,
                                              suggestion(key, allowed), fmt::join(allowed, ", ")));
            if (!seen.insert(key).second)
                fail(entry.first, fmt::format("duplicate key '{}'", key));
        }
    }

    template <class Function>
    void for_each_item(const YAML::Node& list, std::string_view what, Function read) {
        expect(list, YAML::NodeType::Sequence, what);
        for (const YAML::Node& item : list)
            read(item);
    }

    std::string string(const YAML::Node& node, std::string_view what) const {
        if (!node.IsScalar())
            fail(node, fmt::format("{}: expected a string, got {}", what, type_name(node)));
        return node.Scalar();
    }

    std::string required_string(const YAML::Node& map, const char* key, std::string_view what) {
        YAML::Node node = map[key];
        if (!node)
            fail(map, fmt::format("{} needs '{}'", what, key));
        std::string value = string(node, key);
        if (value.empty())
            fail(node, fmt::format("'{}' must not be empty", key));
        return value;
    }

    std::vector<std::string> strings(const YAML::Node& node, std::string_view what) const {
        std::vector<std::string> out;
        if (node.IsScalar()) // a single word is a one-item list
            return {node.Scalar()};
        if (!node.IsSequence())
            fail(node,
                 fmt::format("{}: expected a list of strings, got {}", what, type_name(node)));
        for (const YAML::Node& item : node)
            out.push_back(string(item, what));
        return out;
    }

    double number(const YAML::Node& node, std::string_view what) const {
        if (node.IsScalar()) {
            std::string text = node.Scalar();
            text.erase(std::remove(text.begin(), text.end(), ','), text.end());
            try {
                std::size_t used = 0;
                double value = std::stod(text, &used);
                // NaN and infinity would make every interval comparison meaningless.
                if (used == text.size() && std::isfinite(value))
                    return value;
            } catch (const std::exception&) {
            }
        }
        fail(node, fmt::format("{}: expected a number, got {}", what,
                               node.IsScalar() ? "'" + node.Scalar() + "'" : type_name(node)));
    }

    bool boolean(const YAML::Node& node, std::string_view what) const {
        if (node.IsScalar()) {
            const std::string& text = node.Scalar();
            if (text == "true" || text == "yes" || text == "on")
                return true;
            if (text == "false" || text == "no" || text == "off")
                return false;
        }
        fail(node, fmt::format("{}: expected true or false, got {}", what,
                               node.IsScalar() ? "'" + node.Scalar() + "'" : type_name(node)));
    }

    Date date(const YAML::Node& node, std::string_view what) const {
        std::string text = string(node, what);
        std::optional<Date> parsed = Date::parse_iso(text);
        if (!parsed)
            fail(node, fmt::format("{}: invalid date '{}' (expected YYYY, YYYY-MM or YYYY-MM-DD)",
                                   what, text));
        return *parsed;
    }

    void read_entity(const YAML::Node& node) {
        expect(node, YAML::NodeType::Map, "an entity");
        check_keys(node, {"id", "name", "preferred", "aliases", "kind", "member_of", "belongs_to"});
        EntityEntry entity;
        entity.id = required_string(node, "id", "an entity");
        entity.name = required_string(node, "name", "an entity");
        entity.preferred = node["preferred"] ? string(node["preferred"], "preferred") : entity.name;
        if (node["aliases"])
            entity.aliases = strings(node["aliases"], "aliases");
        entity.kind = required_string(node, "kind", "an entity");
        const std::vector<std::string> kinds{"person", "organisation", "group", "place"};
        if (std::find(kinds.begin(), kinds.end(), entity.kind) == kinds.end())
            fail(node["kind"], fmt::format("unknown kind '{}'{} (valid kinds: {})", entity.kind,
                                           suggestion(entity.kind, kinds), fmt::join(kinds, ", ")));
        if (node["member_of"]) {
            pack.member_of[entity.id] = strings(node["member_of"], "member_of");
            member_locations_[entity.id] = at(node["member_of"].Mark());
        } else {
            pack.member_of.erase(entity.id); // a replacing entry replaces all of it
            member_locations_.erase(entity.id);
        }
        if (node["belongs_to"]) {
            if (entity.kind != "group")
                fail(node["belongs_to"],
                     "belongs_to: only a group belongs to a place or government");
            entity.belongs_to = strings(node["belongs_to"], "belongs_to");
            belongs_locations_[entity.id] = at(node["belongs_to"].Mark());
        }
        auto& list = pack.lexicon.entities;
        auto same = std::find_if(list.begin(), list.end(),
                                 [&](const EntityEntry& e) { return e.id == entity.id; });
        if (same != list.end())
            *same = std::move(entity);
        else
            list.push_back(std::move(entity));
    }

    void read_metric(const YAML::Node& node) {
        expect(node, YAML::NodeType::Map, "a metric");
        check_keys(node, {"id", "nouns", "verbs", "unit"});
        MetricEntry metric;
        metric.id = required_string(node, "id", "a metric");
        if (node["nouns"])
            metric.nouns = strings(node["nouns"], "nouns");
        if (node["verbs"])
            metric.verbs = strings(node["verbs"], "verbs");
        if (node["unit"])
            metric.unit = string(node["unit"], "unit");
        auto& list = pack.lexicon.metrics;
        auto same = std::find_if(list.begin(), list.end(),
                                 [&](const MetricEntry& m) { return m.id == metric.id; });
        if (same != list.end())
            *same = std::move(metric);
        else
            list.push_back(std::move(metric));
    }

    void read_fact(const YAML::Node& node) {
        expect(node, YAML::NodeType::Map, "a fact");
        check_keys(node,
                   {"entity", "metric", "value", "low", "high", "qualifier", "as_of", "source",
                    "via", "citation", "note", "verified", "provenance", "conflict", "reviewed"});
        Fact fact;
        fact.location = at(node.Mark());
        fact.entity = required_string(node, "entity", "a fact");
        fact.metric = required_string(node, "metric", "a fact");
        if (node["value"])
            fact.value = number(node["value"], "value");
        if (node["low"])
            fact.low = number(node["low"], "low");
        if (node["high"])
            fact.high = number(node["high"], "high");
        if (!node["as_of"])
            fail(node, "a fact needs 'as_of'");
        fact.as_of = date(node["as_of"], "as_of");
        if (node["source"])
            fact.source = string(node["source"], "source");
        if (node["via"])
            fact.via = string(node["via"], "via");
        if (node["note"])
            fact.note = string(node["note"], "note");
        if (node["verified"])
            fact.verified = boolean(node["verified"], "verified");
        if (YAML::Node citation = node["citation"]) {
            expect(citation, YAML::NodeType::Map, "citation");
            check_keys(citation, {"title", "url"});
            fact.citation_title = required_string(citation, "title", "a citation");
            if (citation["url"])
                fact.url = string(citation["url"], "url");
        }
        // Written by `factlint ingest` (src/ledger): where the figure was read, and whether
        // another figure disagrees. The checks ignore both; the ledger and timeline show them.
        if (YAML::Node provenance = node["provenance"]) {
            expect(provenance, YAML::NodeType::Map, "provenance");
            check_keys(provenance, {"file", "line", "quote"});
            if (provenance["file"])
                fact.provenance.file = string(provenance["file"], "file");
            if (YAML::Node line = provenance["line"]) {
                double number_read = number(line, "line");
                // Bounded before the cast: converting 1e300 to size_t is undefined.
                if (number_read < 0 || number_read > 1e12 || number_read != std::floor(number_read))
                    fail(line, "line: expected a line number");
                fact.provenance.line = static_cast<std::size_t>(number_read);
            }
            if (provenance["quote"])
                fact.provenance.quote = string(provenance["quote"], "quote");
        }
        if (node["conflict"])
            fact.conflict = boolean(node["conflict"], "conflict");
        if (node["reviewed"])
            fact.reviewed = string(node["reviewed"], "reviewed");
        read_qualifier(node, fact);
        pack.facts.push_back(std::move(fact));
    }

    /// Normalises a fact's figure to Quantity's conventions (see grammar/quantity.hpp).
    void read_qualifier(const YAML::Node& node, Fact& fact) const {
        const std::vector<std::string> names{"exact",   "about",     "at_least", "more_than",
                                             "at_most", "less_than", "range",    "vague"};
        const Qualifier qualifiers[] = {
            Qualifier::exact,   Qualifier::about,     Qualifier::at_least, Qualifier::more_than,
            Qualifier::at_most, Qualifier::less_than, Qualifier::range,    Qualifier::vague};
        bool has_interval = fact.low && fact.high;
        fact.qualifier = has_interval && !fact.value ? Qualifier::range : Qualifier::exact;
        if (YAML::Node q = node["qualifier"]) {
            std::string name = string(q, "qualifier");
            auto it = std::find(names.begin(), names.end(), name);
            if (it == names.end())
                fail(q, fmt::format("unknown qualifier '{}'{} (valid: {})", name,
                                    suggestion(name, names), fmt::join(names, ", ")));
            fact.qualifier = qualifiers[it - names.begin()];
        }
        switch (fact.qualifier) {
        case Qualifier::exact:
        case Qualifier::about:
            if (!fact.value)
                fail(node, "a fact needs 'value' (or 'low' and 'high' with a range qualifier)");
            fact.low.reset();
            fact.high.reset();
            break;
        case Qualifier::at_least:
        case Qualifier::more_than:
            if (!fact.value)
                fail(node, "a one-sided fact needs 'value'");
            fact.low = fact.value;
            fact.high.reset();
            break;
        case Qualifier::at_most:
        case Qualifier::less_than:
            if (!fact.value)
                fail(node, "a one-sided fact needs 'value'");
            fact.high = fact.value;
            fact.low.reset();
            break;
        case Qualifier::range:
        case Qualifier::vague:
            if (!has_interval)
                fail(node, "a range or vague fact needs 'low' and 'high'");
            if (*fact.low > *fact.high)
                fail(node["low"], "'low' is greater than 'high'");
            fact.value.reset();
            break;
        }
    }

    void read_relation(const YAML::Node& node) {
        std::string text = string(node, "a relation");
        auto parsed = parse_relation(text);
        if (auto* error = std::get_if<RelationError>(&parsed)) {
            SourceLocation where = at(node.Mark());
            // A quoted scalar starts one column after its mark.
            if (node.Tag() == "!")
                ++where.column;
            where.column += error->offset;
            throw ConfigError(where, fmt::format("relation '{}': {}", text, error->message));
        }
        pack.relations.push_back(std::get<Relation>(std::move(parsed)));
        relation_locations_.push_back(at(node.Mark()));
    }

    void read_rules(const YAML::Node& rules) {
        expect(rules, YAML::NodeType::Map, "rules");
        std::vector<std::string> ids;
        for (const KnownRule& rule : known_rules())
            ids.emplace_back(rule.id);
        auto known = [](std::string_view id) {
            auto rules = known_rules();
            auto it = std::find_if(rules.begin(), rules.end(),
                                   [&](const KnownRule& rule) { return rule.id == id; });
            return it == rules.end() ? nullptr : &*it;
        };
        std::set<std::string> seen;
        for (const auto& entry : rules) {
            std::string id = string(entry.first, "a rule id");
            const KnownRule* rule = known(id);
            if (!rule)
                fail(entry.first, fmt::format("unknown rule '{}'{} (valid rules: {})", id,
                                              suggestion(id, ids), fmt::join(ids, ", ")));
            if (!seen.insert(id).second)
                fail(entry.first, fmt::format("duplicate key '{}'", id));
            const YAML::Node& body = entry.second;
            bool first = !pack.rules.contains(id);
            RuleSetting& setting = pack.rules[id];
            if (first)
                setting.level = rule->default_level;
            if (body.IsNull())
                continue;
            if (body.IsScalar()) { // `stale-figure: off` and `stale-figure: error` shorthands
                std::string word = body.Scalar();
                if (auto level = parse_level(word))
                    setting.level = *level, setting.enabled = true;
                else
                    setting.enabled = boolean(body, id);
                continue;
            }
            expect(body, YAML::NodeType::Map, id);
            check_keys(body, {"enabled", "level", "message", "options"});
            if (body["enabled"])
                setting.enabled = boolean(body["enabled"], "enabled");
            if (YAML::Node level = body["level"]) {
                std::string word = string(level, "level");
                auto parsed = parse_level(word);
                if (!parsed)
                    fail(level, fmt::format("unknown level '{}'{} (valid: info, warning, error)",
                                            word, suggestion(word, {"info", "warning", "error"})));
                setting.level = *parsed;
            }
            if (YAML::Node message = body["message"]) {
                setting.message = string(message, "message");
                std::string problem = validate_message(setting.message);
                if (!problem.empty())
                    fail(message, fmt::format("message template: {} (placeholders: {{{}}})",
                                              problem, fmt::join(message_placeholders(), "}, {")));
            }
            if (YAML::Node options = body["options"]) {
                expect(options, YAML::NodeType::Map, "options");
                check_keys(options, option_names());
                for (const auto& option : options) {
                    std::string name = option.first.Scalar();
                    setting.numbers[name] = number(option.second, name);
                }
            }
        }
    }

    static const std::vector<std::string>& option_names() {
        static const std::vector<std::string> names{"fix",
                                                    "about_tolerance",
                                                    "exact_tolerance",
                                                    "conflict_tolerance",
                                                    "relation_tolerance",
                                                    "scope_days",
                                                    "paragraph"};
        return names;
    }

    std::string entity_id(const std::string& written, const SourceLocation& where,
                          std::string_view what) const {
        return known_entity(written, where, fmt::format("fact {}", what));
    }

    /// The id of the entity written as `written` (id, name or alias), else a located error.
    std::string known_entity(const std::string& written, const SourceLocation& where,
                             std::string_view what) const {
        std::vector<std::string> ids;
        for (const EntityEntry& entity : pack.lexicon.entities) {
            if (entity.id == written || entity.name == written || entity.preferred == written)
                return entity.id;
            for (const std::string& alias : entity.aliases)
                if (alias == written)
                    return entity.id;
            ids.push_back(entity.id);
        }
        throw ConfigError(where, fmt::format("{}: unknown entity '{}'{}", what, written,
                                             suggestion(written, ids)));
    }

    void require_metric(const std::string& id, const SourceLocation& where) const {
        std::vector<std::string> ids;
        for (const MetricEntry& metric : pack.lexicon.metrics) {
            if (metric.id == id)
                return;
            ids.push_back(metric.id);
        }
        throw ConfigError(where, fmt::format("unknown metric '{}'{}", id, suggestion(id, ids)));
    }
};

fs::path executable_directory() {
    std::error_code error;
    fs::path exe = fs::read_symlink("/proc/self/exe", error);
    return error ? fs::path() : exe.parent_path();
}

} // namespace

RulePack load_pack(const std::string& path) {
    Loader loader;
    try {
        loader.load(path, nullptr);
        loader.resolve();
    } catch (const ConfigError&) {
        throw;
    } catch (const std::exception& error) { // filesystem or allocation trouble
        throw ConfigError({path, 1, 1}, error.what());
    }
    return std::move(loader.pack);
}

std::vector<Fact> parse_facts(const std::string& text, const std::string& file) {
    Loader loader;
    loader.load_facts_text(text, file);
    return std::move(loader.pack.facts);
}

std::vector<Fact> load_facts(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::error_code status;
    if (!in || !fs::is_regular_file(path, status))
        throw ConfigError({path, 1, 1}, "cannot read facts file");
    std::stringstream buffer;
    buffer << in.rdbuf();
    return parse_facts(buffer.str(), path);
}

std::string default_pack_path() {
    fs::path exe_dir = executable_directory();
    if (!exe_dir.empty()) {
        fs::path installed =
            exe_dir.parent_path() / FACTLINT_INSTALL_RULES_DIR / "default" / "pack.yaml";
        std::error_code error;
        if (fs::is_regular_file(installed, error))
            return installed.lexically_normal().string();
    }
    fs::path source = fs::path(FACTLINT_SOURCE_RULES_DIR) / "default" / "pack.yaml";
    std::error_code error;
    if (fs::is_regular_file(source, error))
        return source.string();
    return {};
}

} // namespace factlint
