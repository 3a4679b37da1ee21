// Claim linking on sentences shaped like the seed stories: subject, entity, metric, date and
// attribution, and the numbers that must not be linked.
#include "grammar/claims.hpp"

#include <catch2/catch.hpp>

using namespace factlint;

namespace {

Lexicon test_lexicon() {
    Lexicon lexicon;
    lexicon.entities = {
        {"north-korean-troops",
         "North Korean troops",
         "",
         {"North Korean soldiers", "North Korean forces", "Pyongyang's troops"},
         "group",
         {"north-korea", "pyongyang"}},
        {"north-korea", "North Korea", "", {"DPRK"}, "place", {}},
        {"pyongyang", "Pyongyang", "", {}, "place", {}},
        {"nis", "National Intelligence Service", "NIS", {"NIS"}, "organisation", {}},
        {"lee-seong-kweun",
         "Lee Seong-kweun",
         "Lee Seong-kweun",
         {"Lee Sung-kwon", "Lee Seong-Kwon", "Lee"},
         "person",
         {}},
        {"zelenskyy", "Volodymyr Zelenskyy", "Zelenskyy", {"Zelensky"}, "person", {}},
    };
    lexicon.metrics = {
        {"killed",
         {"deaths", "dead"},
         {"killed", "died", "lost their lives", "have been killed"},
         "people"},
        {"wounded",
         {"injuries", "wounded"},
         {"wounded", "injured", "sustained injuries"},
         "people"},
        {"casualties", {"casualties"}, {"killed or wounded"}, "people"},
        {"deployed", {"deployment"}, {"deployed", "sent", "dispatched", "stationed"}, "people"},
        {"repatriated", {}, {"repatriated", "sent home"}, "people"},
    };
    return lexicon;
}

std::vector<Claim> claims_of(std::string text, std::optional<Date> reference = {}) {
    static const ClaimExtractor extractor(test_lexicon());
    Document document = load_document("test.txt", std::move(text));
    return extractor.extract(document, reference);
}

/// The claim whose quantity text is `written`.
Claim claim_for(const std::string& text, std::string_view written,
                std::optional<Date> reference = {}) {
    for (const Claim& claim : claims_of(text, reference))
        if (claim.quantity.span.in(text) == written)
            return claim;
    FAIL("no claim '" << written << "' in: " << text);
    return {};
}

} // namespace

TEST_CASE("claims: the counted noun phrase after the number") {
    std::string text = "At least 100 North Korean soldiers have lost their lives in Kursk.";
    Claim claim = claim_for(text, "At least 100");
    CHECK(claim.subject == "North Korean soldiers");
    CHECK(claim.entity == "north-korean-troops");
    CHECK(claim.metric == "killed");
    CHECK_FALSE(claim.attribution);

    Claim other = claim_for("Around 1,000 other North Korean troops have sustained injuries.",
                            "Around 1,000");
    CHECK(other.entity == "north-korean-troops");
    CHECK(other.metric == "wounded");
}

TEST_CASE("claims: a number counting someone else is not linked to the group") {
    std::string text = "North Korean troops mistakenly killed eight Russian paramilitary fighters.";
    Claim claim = claim_for(text, "eight");
    CHECK(claim.entity.empty());
    CHECK(claim.metric == "killed");
    CHECK(claim.subject == "Russian paramilitary fighters");
}

TEST_CASE("claims: '100-Year Partnership' is no count") {
    for (const Claim& claim : claims_of("Starmer Signs Historic 100-Year Partnership with Ukraine"))
        CHECK(claim.quantity.kind != QuantityKind::quantity);
}

TEST_CASE("claims: a generic noun takes the group the sentence or paragraph is about") {
    Claim sentence =
        claim_for("North Korean troops are in Kursk, where 300 soldiers have died.", "300");
    CHECK(sentence.entity == "north-korean-troops");
    CHECK(sentence.metric == "killed");

    Claim paragraph = claim_for(
        "North Korean forces joined the assault on Kursk. About 300 soldiers have been killed.",
        "About 300");
    CHECK(paragraph.entity == "north-korean-troops");

    // A new paragraph about someone else does not inherit the group.
    Claim elsewhere = claim_for(
        "North Korean forces joined the assault on Kursk.\n\nAbout 300 soldiers have been killed.",
        "About 300");
    CHECK(elsewhere.entity.empty());
}

TEST_CASE("claims: between two metric words as near, the one after the number counts it") {
    std::string text =
        "The NIS said 300 North Korean soldiers had died and 2,700 had been injured.";
    CHECK(claim_for(text, "300").metric == "killed");
    CHECK(claim_for(text, "2,700").metric == "wounded");
}

TEST_CASE("claims: a longer metric phrase overlapping a shorter one is the reading") {
    // "have been killed" would say killed; "killed or wounded" says casualties.
    CHECK(
        claim_for("Nearly 4,000 North Korean soldiers have been killed or wounded.", "Nearly 4,000")
            .metric == "casualties");
    CHECK(claim_for("About 600 North Korean soldiers have been killed.", "About 600").metric ==
          "killed");
}

TEST_CASE("claims: a part of a counted whole takes the verb; the whole only its own words") {
    std::string text = "About 600 of the 18,000 North Korean troops have been killed.";
    Claim part = claim_for(text, "About 600");
    CHECK(part.entity == "north-korean-troops");
    CHECK(part.metric == "killed");
    CHECK(claim_for(text, "18,000").metric.empty()); // not 18,000 killed
    std::string sent = "About 600 of the 18,000 North Korean troops sent to Russia have died.";
    CHECK(claim_for(sent, "About 600").metric == "killed");
    CHECK(claim_for(sent, "18,000").metric == "deployed");
}

TEST_CASE("claims: troops of the place or government a group belongs to are the group") {
    Claim deployed = claim_for("According to Lee, Pyongyang has deployed about 18,000 troops in "
                               "two phases to support Russia.",
                               "about 18,000");
    CHECK(deployed.entity == "north-korean-troops");
    CHECK(deployed.metric == "deployed");
    CHECK(claim_for("North Korea has sent 11,000 soldiers to Russia.", "11,000").entity ==
          "north-korean-troops");
    // The place in the subject: "DPRK troops" are the group, not the country.
    CHECK(claim_for("Some 11,000 DPRK troops were sent to Russia.", "Some 11,000").entity ==
          "north-korean-troops");
    // A noun the group's names do not end in counts someone else.
    CHECK(claim_for("North Korea has sent 1,000 workers to Russia.", "1,000").entity.empty());
    // North Korean casualties are still the group, not the country.
    CHECK(claim_for("North Korean casualties are estimated at approximately 4,700.",
                    "approximately 4,700")
              .entity == "north-korean-troops");
}

TEST_CASE("claims: the noun before 'are estimated at' and 'surpassed'") {
    Claim estimated =
        claim_for("Lee said North Korean casualties are estimated at approximately 4,700.",
                  "approximately 4,700");
    CHECK(estimated.metric == "casualties");
    CHECK(estimated.entity == "north-korean-troops");

    Claim surpassed = claim_for(
        "\"The number of casualties among North Korean forces has surpassed 3,000,\" he said.",
        "surpassed 3,000");
    CHECK(surpassed.metric == "casualties");
    CHECK(surpassed.entity == "north-korean-troops");
    CHECK(surpassed.quantity.qualifier == Qualifier::more_than);
}

TEST_CASE("claims: in a list of figures, each counts what follows it, not what came before") {
    for (std::string text :
         {"Of the North Korean troops, at least 100 were killed, 1,000 were wounded and over "
          "10,000 were deployed, the NIS said.",
          "North Korean troops: at least 100 killed, another 1,000 wounded, over 10,000 "
          "deployed."}) {
        CAPTURE(text);
        CHECK(claim_for(text, "at least 100").metric == "killed");
        CHECK(claim_for(text, "1,000").metric == "wounded");
        CHECK(claim_for(text, "over 10,000").metric == "deployed");
    }
}

TEST_CASE("claims: attribution in the sentence, with title and chain") {
    std::string text = "At least 100 North Korean soldiers have died, lawmaker Lee Sung-kwon said, "
                       "citing the NIS.";
    Claim claim = claim_for(text, "At least 100");
    REQUIRE(claim.attribution);
    CHECK(claim.attribution->source == "lawmaker Lee Sung-kwon");
    CHECK(claim.attribution->entity == "lee-seong-kweun");
    CHECK(claim.attribution->cue == "said");
    CHECK(claim.attribution->via == "nis");
    CHECK(claim.reportedly);

    Claim briefing = claim_for("Lee Sung-kwon, following a briefing from the NIS, said 1,000 "
                               "North Korean troops were wounded.",
                               "1,000");
    REQUIRE(briefing.attribution);
    CHECK(briefing.attribution->entity == "lee-seong-kweun");
    CHECK(briefing.attribution->via == "nis");

    Claim according = claim_for("According to the NIS, more than 300 North Korean soldiers have "
                                "died.",
                                "more than 300");
    REQUIRE(according.attribution);
    CHECK(according.attribution->entity == "nis");
    CHECK(according.attribution->cue == "according to");
}

TEST_CASE("claims: a pronoun points back at the last named source in the paragraph") {
    std::string text = "Lee Sung-kwon spoke after the briefing. He said 1,000 North Korean "
                       "troops were wounded.";
    Claim claim = claim_for(text, "1,000");
    REQUIRE(claim.attribution);
    CHECK(claim.attribution->entity == "lee-seong-kweun");
    CHECK(claim.attribution->cue == "said");
}

TEST_CASE("claims: unattributed figures stay unattributed; 'reportedly' still hedges") {
    Claim plain = claim_for("Over 10,000 North Korean soldiers were deployed.", "Over 10,000");
    CHECK_FALSE(plain.attribution);
    CHECK_FALSE(plain.reportedly);
    CHECK(plain.metric == "deployed");

    Claim reported = claim_for("Over 100 North Korean troops reportedly killed.", "Over 100");
    CHECK_FALSE(reported.attribution);
    CHECK(reported.reportedly);
}

TEST_CASE("claims: a claim that dates itself") {
    Date reference = *Date::parse_iso("2025-01-13");
    Claim by = claim_for("By December 2024, 100 North Korean soldiers had died.", "100", reference);
    REQUIRE(by.date);
    CHECK(by.date->iso() == "2024-12");

    Claim as_of =
        claim_for("As of January 2025, 300 North Korean soldiers had died.", "300", reference);
    REQUIRE(as_of.date);
    CHECK(as_of.date->iso() == "2025-01");

    Claim undated = claim_for("300 North Korean soldiers had died.", "300", reference);
    CHECK_FALSE(undated.date);

    // A comparison: the date belongs to the figure compared with, not the newer one.
    std::string update = "About 600 North Korean soldiers have been killed, up from 300 in "
                         "January.";
    CHECK_FALSE(claim_for(update, "About 600", reference).date);
    REQUIRE(claim_for(update, "300", reference).date);
    CHECK(claim_for(update, "300", reference).date->iso() == "2025-01");
    // A date that opens the sentence dates both sides of a comparison.
    std::string opener = "In January, North Korean deaths rose from 100 to 300.";
    for (std::string_view figure : {"100", "300"}) {
        Claim claim = claim_for(opener, figure, reference);
        REQUIRE(claim.date);
        CHECK(claim.date->iso() == "2025-01");
    }

    // A part of the period dates the figure by the period.
    for (std::string text : {"The NIS said 3,000 North Korean soldiers had died by mid-January.",
                             "By the end of January, 3,000 North Korean soldiers had died.",
                             "In early January 2025, 3,000 North Korean soldiers had died."}) {
        CAPTURE(text);
        Claim part = claim_for(text, "3,000", reference);
        REQUIRE(part.date);
        CHECK(part.date->iso() == "2025-01");
    }
}

TEST_CASE("claims: a metric word before the noun gives way to the verb after it") {
    CHECK(claim_for("Roughly 2,000 wounded North Korean soldiers have been repatriated.",
                    "Roughly 2,000")
              .metric == "repatriated");
    // With no verb after, the word is the metric: "2,700 injured soldiers".
    CHECK(claim_for("The NIS counted 2,700 injured North Korean soldiers.", "2,700").metric ==
          "wounded");
}

TEST_CASE("claims: find_names reports every spelling and whether it is preferred") {
    static const ClaimExtractor extractor(test_lexicon());
    Document document = load_document(
        "test.txt", "Lee Sung-kwon met Zelenskyy; Lee Seong-kweun and ZELENSKY agreed.");
    std::vector<NameMention> names = extractor.find_names(document);
    REQUIRE(names.size() == 4);
    CHECK(names[0].entity == "lee-seong-kweun");
    CHECK(names[0].written == "Lee Sung-kwon");
    CHECK_FALSE(names[0].preferred);
    CHECK(names[1].entity == "zelenskyy");
    CHECK(names[1].preferred);
    CHECK(names[2].written == "Lee Seong-kweun");
    CHECK(names[2].preferred);
    CHECK(names[3].written == "ZELENSKY");
    CHECK_FALSE(names[3].preferred);
}

TEST_CASE("claims: names inside joined words, before possessives, and not inside others") {
    static const ClaimExtractor extractor(test_lexicon());
    Document document =
        load_document("test.txt", "A pro-Zelensky rally heard Zelensky\u2019s and NIS's "
                                  "view; Zelenskyyx, NISes and Lee-ish did not count.");
    std::vector<std::string> written;
    for (const NameMention& name : extractor.find_names(document))
        written.push_back(name.written);
    // A hyphen and a letter continue a word: "Lee-ish" does not name Lee.
    CHECK(written == std::vector<std::string>{"Zelensky", "Zelensky", "NIS"});
    // The linter's reading finds the same names as find_names().
    std::vector<std::string> read;
    for (const NameMention& name : extractor.read(document, {}).names)
        read.push_back(name.written);
    CHECK(read == written);
}

TEST_CASE("claims: a synonym added at run time links without a rebuild") {
    Lexicon lexicon = test_lexicon();
    lexicon.metrics.push_back({"captured", {"prisoners"}, {"captured", "taken alive"}, "people"});
    ClaimExtractor extractor(lexicon);
    std::string text = "Two North Korean soldiers were taken alive.";
    Document document = load_document("test.txt", text);
    std::vector<Claim> claims = extractor.extract(document, {});
    REQUIRE(claims.size() == 1);
    CHECK(claims[0].metric == "captured");
    CHECK(claims[0].entity == "north-korean-troops");
}

TEST_CASE("claims: a name wrapped across lines still links") {
    // Markdown paragraphs are hard-wrapped: the alias "North Korean soldiers" spans a line break.
    Document document = load_document(
        "draft.md",
        "Approximately 2,000 North\nKorean soldiers have been deployed, the NIS said.\n");
    static const ClaimExtractor extractor(test_lexicon());
    std::vector<Claim> claims = extractor.extract(document, {});
    REQUIRE(claims.size() == 1);
    CHECK(claims[0].entity == "north-korean-troops");
    CHECK(claims[0].metric == "deployed");
    std::vector<NameMention> names = extractor.find_names(document);
    REQUIRE(names.size() == 2);
    CHECK(names[0].entity == "north-korean-troops");
    CHECK(names[0].written == "North Korean soldiers"); // a line break reads as a space
    CHECK(names[0].span.in(document.text) == "North\nKorean soldiers");
}
