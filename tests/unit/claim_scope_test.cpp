// The linter reads only the sentences that name a metric (ClaimExtractor::read); the claims
// command reads every sentence (extract). Checks use tracked claims only, so both must give the
// same tracked claims, linked the same way, on every seed and fixture document.
#include "checks/common.hpp"
#include "grammar/claims.hpp"
#include "rules/pack.hpp"
#include "tests/test_files.hpp"

#include <catch2/catch.hpp>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <random>
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

/// The one tracked claim of `text`, after checking the linter reads it as the full reading does.
std::string the_one_claim(std::string text) {
    auto [full, linted] = both_readings(std::move(text));
    CHECK(linted == full);
    REQUIRE(full.size() == 1);
    return full[0];
}

} // namespace

TEST_CASE("claim scope: a sentence with no metric word still stops a backward attribution") {
    // "He said 5 people attended" has counts of its own, so "He said" does not attribute the
    // killed figure before it: the linter must read that sentence's numbers to know.
    CHECK(the_one_claim("Lee Seong-kweun briefed reporters on Monday. About 600 North Korean "
                        "soldiers have been killed. He said 5 people attended the briefing.\n")
              .find("source=") == std::string::npos);
}

TEST_CASE("claim scope: a sentence that names only a person's short name is still read") {
    // "Then Lee met officials" names nothing the lexicon knows but Lee, by the short form of
    // a name given before: it makes Lee the last person named, whom "He said" then means.
    CHECK(the_one_claim("Lee Seong-kweun briefed lawmakers in Seoul. Zelenskyy spoke in Kyiv. Then "
                        "Lee met officials. He said 600 North Korean soldiers had been killed.\n")
              .find("/lee-seong-kweun ") != std::string::npos);
}

TEST_CASE("claim scope: a sentence whose only find is a metric word is read") {
    // "soldiers" starts the metric noun "soldiers sent" but is no key alone; "killed" is.
    CHECK(the_one_claim("North Korean troops arrived in Kursk. Talks went on. About 600 soldiers "
                        "were killed.\n")
              .find("entity=north-korean-troops metric=killed") != std::string::npos);
}

TEST_CASE("claim scope: a short name that starts no lexicon key is still found") {
    // "Seong-kweun" (the last part of "Lee Seong-kweun") starts no key of the lexicon, as "Lee"
    // does: only the short names' own filter lets the pre-scan see it. "He" then means Lee.
    CHECK(
        the_one_claim(
            "Lee Seong-kweun briefed lawmakers in Seoul. Zelenskyy spoke in Kyiv. Then Seong-kweun "
            "met officials. He said 600 North Korean soldiers had been killed.\n")
            .find("source=Seong-kweun/lee-seong-kweun ") != std::string::npos);
}

TEST_CASE("claim scope: a sentence whose only find is a cue is read while it can matter") {
    // read() skips a sentence that names only cues unless a source or person was named before
    // or a claim was made in the two sentences before it; each of these texts needs its
    // "... said so." sentence read.
    SECTION("it attributes the count just before it") {
        CHECK(the_one_claim("About 600 North Korean soldiers were killed. The agency said so.\n")
                  .find("source=agency/ ") != std::string::npos);
    }
    SECTION("it attributes a count two sentences before it") {
        CHECK(
            the_one_claim(
                "About 600 North Korean soldiers were killed. Talks went on. The agency said so.\n")
                .find("source=agency/ ") != std::string::npos);
    }
    SECTION("a pronoun in it makes the person named before the last source") {
        CHECK(the_one_claim("Lee Seong-kweun spoke in Seoul.\n\nHe said so.\n\n"
                            "They said 600 North Korean soldiers had been killed.\n")
                  .find("source=Lee Seong-kweun/lee-seong-kweun ") != std::string::npos);
    }
    SECTION("\"the agency\" in it keeps the source named before recent") {
        CHECK(the_one_claim(
                  "The NIS said talks began.\n\nTalks went on.\n\nThey went on.\n\nThe agency said "
                  "so.\n\nThe agency said 600 North Korean soldiers were killed.\n")
                  .find("source=NIS/nis ") != std::string::npos);
    }
}

TEST_CASE("claim scope: on random news-like text, read() equals a full reading and its names "
          "equal a plain scan") {
    // Sentences of names, aliases (also inside joined words and before possessives), cues,
    // metric words, numbers and filler, shuffled with a fixed seed. read() skips sentences its
    // pre-scan finds nothing in: the tracked claims must still equal extract()'s, and the names
    // those of a plain scan (every word start, the longest alias, a word boundary after it).
    const RulePack pack = load_pack(FACTLINT_SOURCE_DIR "/rules/default/pack.yaml");
    const ClaimExtractor extractor(pack.lexicon);
    const std::vector<std::string> pieces = {"Lee Seong-kweun",
                                             "Lee",
                                             "Lee Sung-kwon's",
                                             "Zelensky",
                                             "Zelenskyy\u2019s",
                                             "pro-Zelensky",
                                             "NIS",
                                             "NISes",
                                             "the NIS",
                                             "North Korean soldiers",
                                             "North Korean",
                                             "troops",
                                             "said",
                                             "says",
                                             "according to",
                                             "citing",
                                             "He said",
                                             "told reporters",
                                             "killed",
                                             "have been killed",
                                             "wounded",
                                             "casualties",
                                             "deployed",
                                             "about 600",
                                             "at least 100",
                                             "1,000",
                                             "300",
                                             "in March",
                                             "Kursk",
                                             "the",
                                             "officials",
                                             "reportedly",
                                             "Then",
                                             "Mr",
                                             "anti-Kim",
                                             "Kim Jong Un",
                                             "KCNA",
                                             "-",
                                             ",",
                                             "\u2014"};
    std::mt19937 random(20261130);
    std::uniform_int_distribution<std::size_t> piece(0, pieces.size() - 1);
    std::uniform_int_distribution<int> length(1, 12);
    std::uniform_int_distribution<int> sentences(1, 8);

    // The plain scan: at each word start, the longest alias that ends at a word boundary.
    std::vector<std::pair<std::string, std::string>> aliases; // lower-case alias, entity id
    for (const EntityEntry& entity : pack.lexicon.entities) {
        std::vector<std::string> spellings = entity.aliases;
        spellings.push_back(entity.name);
        spellings.push_back(entity.preferred);
        for (std::string spelling : spellings) {
            for (char& c : spelling)
                c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            if (!spelling.empty())
                aliases.emplace_back(spelling, entity.id);
        }
    }
    auto word_byte = [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '_' ||
               static_cast<unsigned char>(c) >= 0x80;
    };
    auto alnum = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; };
    auto plain_names = [&](const std::string& prose) {
        std::string lowered = prose;
        for (char& c : lowered)
            c = c == '\n' ? ' ' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        std::vector<std::string> found;
        for (std::size_t i = 0; i < lowered.size();) {
            if (!word_byte(lowered[i]) || (i > 0 && word_byte(lowered[i - 1]))) {
                ++i;
                continue;
            }
            std::size_t best = 0;
            std::string entity;
            for (const auto& [alias, id] : aliases)
                if (alias.size() > best && lowered.compare(i, alias.size(), alias) == 0)
                    best = alias.size(), entity = id;
            std::size_t end = i + best;
            bool boundary =
                best > 0 &&
                !(end < lowered.size() &&
                  (alnum(lowered[end]) || lowered[end] == '_' ||
                   (lowered[end] == '-' && end + 1 < lowered.size() && alnum(lowered[end + 1]))));
            if (boundary) {
                found.push_back(entity + ":" + prose.substr(i, best));
                i = end;
            }
            while (i < lowered.size() && word_byte(lowered[i]))
                ++i;
            if (!boundary && i < lowered.size() && !word_byte(lowered[i]))
                ++i;
        }
        return found;
    };

    std::size_t tracked_claims = 0;
    std::size_t names = 0;
    for (int round = 0; round < 300; ++round) {
        std::string text;
        for (int s = sentences(random); s > 0; --s) {
            for (int w = length(random); w > 0; --w)
                text += pieces[piece(random)] + " ";
            text += random() % 4 == 0 ? ".\n\n" : ". ";
        }
        Document document = load_document("random.txt", text);
        std::vector<std::string> full = tracked(extractor.extract(document, Date{2025, 5, 1}));
        ClaimExtractor::Reading reading = extractor.read(document, Date{2025, 5, 1});
        INFO(text);
        CHECK(tracked(reading.claims) == full);
        std::vector<std::string> written;
        for (const NameMention& name : reading.names)
            written.push_back(name.entity + ":" + name.written);
        CHECK(written == plain_names(document.prose));
        tracked_claims += full.size();
        names += written.size();
    }
    // The comparisons mean something only if the text holds tracked figures and names.
    CHECK(tracked_claims > 100);
    CHECK(names > 1000);
}
