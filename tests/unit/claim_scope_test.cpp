// The linter reads only the sentences that name a metric (ClaimExtractor::read); the claims
// command reads every sentence (extract). Checks use tracked claims only, so both must give the
// same tracked claims, linked the same way, on every seed and fixture document.
#include "checks/common.hpp"
#include "grammar/claims.hpp"
#include "rules/pack.hpp"
#include "tests/read_file.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

using namespace factlint;
namespace fs = std::filesystem;

namespace {

/// Everything a check can see of a tracked claim, as one line.
std::vector<std::string> tracked(const std::vector<Claim>& claims) {
    std::vector<std::string> lines;
    for (const Claim& claim : claims) {
        if (!is_tracked(claim))
            continue;
        const Quantity& q = claim.quantity;
        std::ostringstream line;
        line << q.span.begin << '-' << q.span.end << ' ' << to_string(q.qualifier) << ' '
             << q.value.value_or(-1) << ' ' << q.low.value_or(-1) << ' ' << q.high.value_or(-1)
             << " entity=" << claim.entity << " metric=" << claim.metric
             << " subject=" << claim.subject << " date=" << (claim.date ? claim.date->iso() : "")
             << " reportedly=" << claim.reportedly << " sentence=" << claim.sentence;
        if (claim.attribution)
            line << " source=" << claim.attribution->source << '/' << claim.attribution->entity
                 << " via=" << claim.attribution->via << " cue=" << claim.attribution->cue;
        lines.push_back(line.str());
    }
    return lines;
}

std::vector<fs::path> documents() {
    std::vector<fs::path> paths;
    for (const char* dir : {"/data/seeds", "/fixtures"})
        for (const auto& entry :
             fs::recursive_directory_iterator(std::string(FACTLINT_TEST_DATA_DIR) + dir))
            if (entry.is_regular_file() &&
                (entry.path().extension() == ".txt" || entry.path().extension() == ".md"))
                paths.push_back(entry.path());
    std::sort(paths.begin(), paths.end());
    return paths;
}

} // namespace

TEST_CASE("claim scope: the linter's reading keeps every tracked claim of a full reading") {
    RulePack pack = load_pack(FACTLINT_SOURCE_DIR "/rules/default/pack.yaml");
    ClaimExtractor extractor(pack.lexicon);
    std::vector<fs::path> paths = documents();
    REQUIRE(paths.size() > 20);
    std::size_t tracked_claims = 0;
    for (const fs::path& path : paths) {
        Document document = load_document(path.string(), test::read_file(path));
        std::vector<std::string> full = tracked(extractor.extract(document, Date{2025, 5, 1}));
        std::vector<std::string> linted =
            tracked(extractor.read(document, Date{2025, 5, 1}).claims);
        INFO(path.string());
        CHECK(linted == full);
        tracked_claims += full.size();
    }
    // The comparison means something only if the documents hold tracked figures.
    CHECK(tracked_claims > 50);
}

namespace {

/// The tracked claims of `text` read in full and as the linter reads them, with the bundled pack.
std::pair<std::vector<std::string>, std::vector<std::string>> both_readings(std::string text) {
    static const ClaimExtractor extractor(
        load_pack(FACTLINT_SOURCE_DIR "/rules/default/pack.yaml").lexicon);
    Document document = load_document("t.txt", std::move(text));
    return {tracked(extractor.extract(document, Date{2025, 5, 1})),
            tracked(extractor.read(document, Date{2025, 5, 1}).claims)};
}

} // namespace

TEST_CASE("claim scope: a sentence with no metric word still stops a backward attribution") {
    // "He said 5 people attended" has counts of its own, so "He said" does not attribute the
    // killed figure before it: the linter must read that sentence's numbers to know.
    auto [full, linted] =
        both_readings("Lee Seong-kweun briefed reporters on Monday. About 600 North Korean "
                      "soldiers have been killed. He said 5 people attended the briefing.\n");
    REQUIRE(full.size() == 1);
    CHECK(full[0].find("source=") == std::string::npos);
    CHECK(linted == full);
}

TEST_CASE("claim scope: a sentence that names only a person's short name is still read") {
    // "Then Lee met officials" names nothing the lexicon knows but Lee, by the short form of
    // a name given before: it makes Lee the last person named, whom "He said" then means.
    auto [full, linted] =
        both_readings("Lee Seong-kweun briefed lawmakers in Seoul. Zelenskyy spoke in Kyiv. Then "
                      "Lee met officials. He said 600 North Korean soldiers had been killed.\n");
    REQUIRE(full.size() == 1);
    CHECK(full[0].find("/lee-seong-kweun ") != std::string::npos);
    CHECK(linted == full);
}
