// Review edits are applied to the records' YAML and read back through the pack loader, so a
// reviewed field is checked exactly as a hand-written fact is (qualifiers, dates, ranges).
#include "ledger/review.hpp"

#include "ledger/facts_yaml.hpp"
#include "rules/yaml_location.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <fstream>
#include <sstream>
#include <yaml-cpp/yaml.h>

namespace factlint::ledger {
namespace {

const std::vector<std::string> match_keys{"entity", "metric", "as_of", "source", "file", "line"};
const std::vector<std::string> set_keys{"value",  "low", "high",     "qualifier", "as_of",
                                        "source", "via", "verified", "note",      "citation"};

class Reviewer {
public:
    explicit Reviewer(std::string file)
        : file_(std::move(file)) {}

    std::vector<Fact> apply(std::vector<Fact> facts, const std::string& text) {
        YAML::Node root;
        try {
            root = YAML::Load(text);
        } catch (const YAML::Exception& error) {
            throw ConfigError(at(error.mark), error.msg);
        }
        if (root.IsNull())
            return facts;
        if (!root.IsMap() || !root["edits"] || root.size() != 1)
            fail(root, "a review file is a map with one key, 'edits:'");
        YAML::Node edits = root["edits"];
        if (edits.IsNull())
            return facts;
        if (!edits.IsSequence())
            fail(edits, "'edits' must be a list");
        for (const YAML::Node& edit : edits)
            apply_edit(facts, edit);
        return facts;
    }

private:
    std::string file_;

    SourceLocation at(const YAML::Mark& mark) const { return location_of(file_, mark); }
    [[noreturn]] void fail(const YAML::Node& node, const std::string& message) const {
        fail_at(file_, node, message);
    }
    void check_keys(const YAML::Node& map, const std::vector<std::string>& allowed,
                    std::string_view what) const {
        if (!map.IsMap())
            fail(map, fmt::format("'{}' must be a map", what));
        for (const auto& entry : map) {
            std::string key = entry.first.Scalar();
            if (std::find(allowed.begin(), allowed.end(), key) == allowed.end())
                fail(entry.first, fmt::format("{}: unknown key '{}' (valid keys: {})", what, key,
                                              fmt::join(allowed, ", ")));
        }
    }

    static std::string field(const Fact& fact, const std::string& key) {
        if (key == "entity")
            return fact.entity;
        if (key == "metric")
            return fact.metric;
        if (key == "as_of")
            return fact.as_of.iso();
        if (key == "source")
            return fact.source;
        if (key == "file")
            return fact.provenance.file;
        return std::to_string(fact.provenance.line);
    }

    void apply_edit(std::vector<Fact>& facts, const YAML::Node& edit) const {
        check_keys(edit, {"match", "set", "drop", "why"}, "an edit");
        if (!edit["match"] || !edit["why"] || edit["why"].Scalar().empty())
            fail(edit, "an edit needs 'match' and 'why'");
        if (!edit["set"] == !edit["drop"])
            fail(edit, "an edit needs either 'set' or 'drop: true'");
        const YAML::Node& match = edit["match"];
        check_keys(match, match_keys, "match");
        std::vector<std::size_t> found;
        for (std::size_t i = 0; i < facts.size(); ++i) {
            bool all = true;
            for (const auto& entry : match)
                all = all && field(facts[i], entry.first.Scalar()) == entry.second.Scalar();
            if (all)
                found.push_back(i);
        }
        if (found.size() != 1)
            fail(match, fmt::format("matches {} records, not one: the ingested facts changed "
                                    "under this edit; review it again",
                                    found.size()));
        std::size_t index = found.front();
        if (const YAML::Node& drop = edit["drop"]) {
            if (drop.Scalar() != "true")
                fail(drop, "'drop' can only be true");
            facts.erase(facts.begin() + std::ptrdiff_t(index));
            return;
        }
        const YAML::Node& set = edit["set"];
        check_keys(set, set_keys, "set");
        // The record as the facts file writes it, the fields replaced, read back as a fact.
        YAML::Node root = YAML::Load(emit_facts({facts[index]}));
        YAML::Node record = root["facts"][0];
        for (const auto& entry : set) {
            std::string key = entry.first.Scalar();
            if (entry.second.IsNull() || (entry.second.IsScalar() && entry.second.Scalar().empty()))
                record.remove(key);
            else
                record[key] = entry.second;
        }
        YAML::Emitter out;
        out << root;
        std::vector<Fact> read;
        try {
            read = parse_facts(out.c_str(), file_);
        } catch (const ConfigError& error) {
            std::string message = error.what();
            std::string prefix = file_ + ":";
            // The location is in the rewritten record, not in the review: name the edit.
            std::size_t cut = message.find(": ", prefix.size());
            fail(set, "the edited record: " +
                          (cut == std::string::npos ? message : message.substr(cut + 2)));
        }
        Fact reviewed = read.front();
        reviewed.reviewed = edit["why"].Scalar();
        facts[index] = std::move(reviewed);
    }
};

} // namespace

std::string reviewed_header(const std::string& review_file) {
    return fmt::format("Written by scripts/regenerate-facts: the seeds ingested by `factlint "
                       "ingest`, then the hand edits of {} (docs/ledger.md). Do not edit: change "
                       "the review and regenerate.",
                       review_file);
}

std::vector<Fact> apply_review_text(std::vector<Fact> facts, const std::string& text,
                                    const std::string& file) {
    return Reviewer(file).apply(std::move(facts), text);
}

std::vector<Fact> apply_review(std::vector<Fact> facts, const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw ConfigError({path, 1, 1}, "cannot read review file");
    std::stringstream buffer;
    buffer << in.rdbuf();
    return apply_review_text(std::move(facts), buffer.str(), path);
}

} // namespace factlint::ledger
