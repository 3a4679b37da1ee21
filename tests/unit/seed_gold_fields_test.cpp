// Seed gold, field by field: every numeric claim in the five seed articles, checked by hand
// (tests/data/seeds/gold.yaml), compared with the extractor under a lexicon fixed in this file
// (so rule-pack edits do not move it). Prints per-field precision and recall; fails below the
// thresholds at the bottom.
#include "grammar/claims.hpp"

#include <catch2/catch.hpp>
#include <fmt/core.h>
#include <yaml-cpp/yaml.h>

#include <fstream>
#include <map>
#include <sstream>

using namespace factlint;

namespace {

const std::string seeds_dir = std::string(FACTLINT_TEST_DATA_DIR) + "/data/seeds/";

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

/// The lexicon the gold was written against: the bundled pack's names and metrics for this
/// story (rules/default), plus three synonyms the pack lacks ("Pyongyang's troops",
/// "dispatching", the noun "capture").
Lexicon seed_lexicon() {
    Lexicon lexicon;
    lexicon.entities = {
        {"north-korean-troops",
         "North Korean troops",
         "",
         {"North Korean soldiers", "North Korean troops", "North Korean forces",
          "North Korean personnel", "North Korean military personnel", "North Korean servicemen",
          "North Korean fighters", "North Koreans", "Pyongyang's troops"},
         "group"},
        {"nis",
         "National Intelligence Service",
         "NIS",
         {"NIS", "South Korea's National Intelligence Service",
          "South Korea\u2019s National Intelligence Service", "South Korean intelligence",
          "South Korea's spy agency", "South Korea\u2019s spy agency"},
         "organisation"},
        {"lee-seong-kweun",
         "Lee Seong-kweun",
         "Lee Seong-kweun",
         {"Lee Sung-kwon", "Lee Seong-Kwon", "Lee Seong-kwon", "Lee Sung-kweun"},
         "person"},
        {"south-korean-lawmakers",
         "South Korean lawmakers",
         "",
         {"South Korean lawmaker", "South Korean legislators", "South Korean MPs"},
         "group"},
        {"zelenskyy",
         "Volodymyr Zelenskyy",
         "Zelenskyy",
         {"Zelensky", "Volodymyr Zelensky", "Zelenskiy"},
         "person"},
        {"kim-jong-un", "Kim Jong Un", "Kim Jong Un", {"Kim Jong-un", "Kim Jong-Un"}, "person"},
        {"kcna",
         "KCNA",
         "",
         {"Korean Central News Agency", "North Korea's state news agency",
          "North Korea\u2019s state news agency"},
         "organisation"},
        {"dmitry-peskov", "Dmitry Peskov", "Dmitry Peskov", {"Dmitri Peskov"}, "person"},
        {"john-kirby", "John Kirby", "", {}, "person"},
        {"pentagon", "Pentagon", "", {"the Pentagon"}, "organisation"},
    };
    lexicon.metrics = {
        {"killed",
         {"deaths", "dead", "fatalities", "killed", "lives lost", "bodies"},
         {"killed", "died", "dead", "lost their lives", "have died", "were killed",
          "have been killed", "succumbed", "perished"},
         "people"},
        {"wounded",
         {"wounded", "injured", "injuries", "injured soldiers"},
         {"wounded", "injured", "sustained injuries", "were wounded", "have been wounded", "hurt"},
         "people"},
        {"casualties", {"casualties", "losses", "casualty"}, {"suffered casualties"}, "people"},
        {"deployed",
         {"troops deployed", "deployment", "soldiers sent"},
         {"deployed", "sent", "dispatched", "dispatching", "stationed", "sent to Russia",
          "been deployed", "been sent"},
         "people"},
        {"captured",
         {"prisoners", "captives", "prisoners of war", "capture"},
         {"captured", "taken prisoner", "seized"},
         "people"},
        {"repatriated",
         {"returnees"},
         {"repatriated", "returned home", "sent back", "brought home"},
         "people"},
    };
    return lexicon;
}

/// Counts for one field: a gold value found (tp), a wrong or spurious value (fp), a gold value
/// missed or wrong (fn).
struct Score {
    int tp = 0, fp = 0, fn = 0;
    void add(const std::string& gold, const std::string& got) {
        if (!gold.empty() && got == gold) {
            ++tp;
            return;
        }
        if (!got.empty())
            ++fp;
        if (!gold.empty())
            ++fn;
    }
    double precision() const { return tp + fp ? double(tp) / (tp + fp) : 1.0; }
    double recall() const { return tp + fn ? double(tp) / (tp + fn) : 1.0; }
};

std::string number_text(const std::optional<double>& value) {
    return value ? fmt::format("{}", *value) : "";
}

std::string gold_field(const YAML::Node& entry, const std::string& field) {
    const YAML::Node node = entry[field];
    if (!node || node.IsNull())
        return "";
    if (field == "attributed")
        return node.as<bool>() ? "true" : "";
    if (field == "value" || field == "low" || field == "high")
        return fmt::format("{}", node.as<double>());
    return node.as<std::string>();
}

/// Counts, the claims the gold lists: dates, years, durations and ordinals are not.
bool counts(const Claim& claim) {
    return claim.quantity.kind == QuantityKind::quantity ||
           claim.quantity.kind == QuantityKind::percent ||
           claim.quantity.kind == QuantityKind::money;
}

std::map<std::string, std::string> fields_of(const Claim& claim) {
    const Quantity& quantity = claim.quantity;
    return {
        {"qualifier", std::string(to_string(quantity.qualifier))},
        {"value", number_text(quantity.value)},
        {"low", number_text(quantity.low)},
        {"high", number_text(quantity.high)},
        {"entity", claim.entity},
        {"metric", claim.metric},
        {"attributed", claim.attribution ? "true" : ""},
        {"source", claim.attribution ? claim.attribution->entity : ""},
        {"via", claim.attribution ? claim.attribution->via : ""},
    };
}

} // namespace

TEST_CASE("seed gold: every hand-checked claim, field by field") {
    YAML::Node gold = YAML::LoadFile(seeds_dir + "gold.yaml")["claims"];
    REQUIRE(gold.size() >= 30);
    ClaimExtractor extractor(seed_lexicon());

    const std::vector<std::string> fields = {"qualifier", "value",      "low",    "high", "entity",
                                             "metric",    "attributed", "source", "via"};
    std::map<std::string, Score> scores;
    std::map<std::string, std::pair<Document, std::vector<Claim>>> files;
    std::map<std::string, std::vector<bool>> matched;
    Score detection;

    for (const YAML::Node& entry : gold) {
        std::string file = entry["file"].as<std::string>();
        if (!files.count(file)) {
            Document document = load_document(file, read_file(seeds_dir + file));
            std::vector<Claim> claims = extractor.extract(document, std::nullopt);
            matched[file].assign(claims.size(), false);
            files.emplace(file, std::pair{std::move(document), std::move(claims)});
        }
        auto& [document, claims] = files.at(file);
        std::string at = entry["at"].as<std::string>();
        std::string number = entry["number"].as<std::string>();
        std::size_t snippet = document.text.find(at);
        INFO(file << ": " << at);
        REQUIRE(snippet != std::string::npos);
        REQUIRE(document.text.find(at, snippet + 1) == std::string::npos); // unique
        REQUIRE(at.find(number) != std::string::npos);
        std::size_t offset = snippet + at.find(number);

        const Claim* claim = nullptr;
        for (std::size_t i = 0; i < claims.size(); ++i)
            if (counts(claims[i]) && claims[i].quantity.span.begin <= offset &&
                offset < claims[i].quantity.span.end) {
                claim = &claims[i];
                matched[file][i] = true;
            }
        if (!claim) {
            ++detection.fn;
            fmt::print("  missed: {}: {}\n", file, at);
            for (const std::string& field : fields)
                scores[field].add(gold_field(entry, field), "");
            continue;
        }
        ++detection.tp;
        std::map<std::string, std::string> got = fields_of(*claim);
        for (const std::string& field : fields) {
            std::string want = gold_field(entry, field);
            scores[field].add(want, got[field]);
            if (want != got[field])
                fmt::print("  {}: {}: {} want '{}' got '{}'\n", file, at, field, want, got[field]);
        }
    }
    // Counts the extractor reports that the gold does not list.
    for (const auto& [file, pair] : files)
        for (std::size_t i = 0; i < pair.second.size(); ++i)
            if (counts(pair.second[i]) && !matched[file][i]) {
                ++detection.fp;
                fmt::print("  not in gold: {}: '{}'\n", file,
                           pair.second[i].quantity.span.in(pair.first.text));
            }

    fmt::print("seed gold: {} claims\n{:<11} precision  recall\n", gold.size(), "field");
    fmt::print("{:<11} {:9.2f}  {:6.2f}\n", "claims", detection.precision(), detection.recall());
    for (const std::string& field : fields)
        fmt::print("{:<11} {:9.2f}  {:6.2f}   ({}/{}/{})\n", field, scores[field].precision(),
                   scores[field].recall(), scores[field].tp, scores[field].fp, scores[field].fn);

    // Thresholds a little below what the extractor measured when they were set; raise them as
    // linking improves, never lower them to make a change pass.
    // Measured 2026-11-23: claims 0.97/1.00, entity 1.00/0.96, attributed 1.00/0.95,
    // via 1.00/0.67, every other field 1.00/1.00. The linker was tuned on these five articles,
    // so these numbers flatter it; the BBC sample in the report is the unbiased check.
    CHECK(detection.precision() >= 0.95);
    CHECK(detection.recall() >= 0.97);
    const std::map<std::string, std::pair<double, double>> minimum = {
        {"qualifier", {1.0, 1.0}},   {"value", {1.0, 1.0}},    {"low", {1.0, 1.0}},
        {"high", {1.0, 1.0}},        {"entity", {0.95, 0.9}},  {"metric", {0.95, 0.95}},
        {"attributed", {0.95, 0.9}}, {"source", {0.95, 0.95}}, {"via", {0.9, 0.6}},
    };
    for (const auto& [field, bounds] : minimum) {
        INFO(field);
        CHECK(scores[field].precision() >= bounds.first);
        CHECK(scores[field].recall() >= bounds.second);
    }
}
