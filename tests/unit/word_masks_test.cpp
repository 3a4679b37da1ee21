// Word masks (grammar/word_masks.hpp): which bytes continue a word and a lexicon key's leading
// run, 64 at a time; the vector version must agree with the byte-at-a-time reference.
#include "grammar/word_masks.hpp"

#include "tests/test_files.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>

using namespace factlint::grammar;

namespace {

std::string lowered(std::string text) {
    for (char& c : text)
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c + 32);
    return text;
}

} // namespace

TEST_CASE("word masks: letters, digits, '_' and non-ASCII bytes; runs are ASCII only") {
    std::string text = "the cat's 10_x\xC3\xA9!";
    std::vector<WordMasks> masks = word_masks(text);
    REQUIRE(masks.size() == 1);
    std::uint64_t word = 0; // bytes 0-2, 4-6, 8, 10-15
    for (int i : {0, 1, 2, 4, 5, 6, 8, 10, 11, 12, 13, 14, 15})
        word |= std::uint64_t(1) << i;
    std::uint64_t run = word & ~(std::uint64_t(3) << 14); // not the two bytes of é
    CHECK(masks[0].word == word);
    CHECK(masks[0].run == run);
    CHECK(next_clear(masks, &WordMasks::run, 10, text.size()) == 14);
    CHECK(next_clear(masks, &WordMasks::word, 10, text.size()) == 16);
    CHECK(next_clear(masks, &WordMasks::word, 10, 12) == 12); // never past `end`
}

TEST_CASE("word masks: a word across a 64-byte boundary") {
    std::string text(60, ' ');
    text += "kursk region";
    std::vector<WordMasks> masks = word_masks(text);
    REQUIRE(masks.size() == 2);
    CHECK(next_clear(masks, &WordMasks::run, 60, text.size()) == 65);
    CHECK(next_clear(masks, &WordMasks::run, 66, text.size()) == text.size());
}

TEST_CASE("word masks: the vector version agrees with the bytewise one") {
    std::vector<std::string> texts;
    std::string every_byte;
    for (int round = 0; round < 3; ++round)
        for (int b = 1; b < 256; ++b)
            every_byte += static_cast<char>(b);
    texts.push_back(lowered(every_byte));
    for (const auto& entry :
         std::filesystem::directory_iterator(FACTLINT_TEST_DATA_DIR "/data/seeds"))
        if (entry.path().extension() == ".txt")
            texts.push_back(lowered(factlint::test::read_file(entry.path())));
    for (const std::string& text : texts)
        // Every length up to 200 bytes covers partial last blocks of each size.
        for (std::size_t length :
             {std::size_t(0), std::size_t(1), std::size_t(63), std::size_t(64), std::size_t(65),
              std::size_t(127), std::size_t(200), text.size()}) {
            std::string_view part = std::string_view(text).substr(0, length);
            std::vector<WordMasks> fast = word_masks(part);
            std::vector<WordMasks> reference = word_masks_bytewise(part);
            REQUIRE(fast.size() == reference.size());
            for (std::size_t i = 0; i < fast.size(); ++i) {
                CHECK(fast[i].word == reference[i].word);
                CHECK(fast[i].run == reference[i].run);
            }
        }
}

TEST_CASE("word masks: preparing prose in one pass agrees with the bytewise reference") {
    // Line breaks and tabs become spaces, ASCII capitals lower case, and the masks are those of
    // the lower-case text; every byte value, and every length of a partial last block.
    std::string every_byte;
    for (int round = 0; round < 3; ++round)
        for (int b = 0; b < 256; ++b)
            every_byte += static_cast<char>(b);
    std::vector<std::string> texts = {every_byte, "North\nKorean\tTroops\r\nSAID 1,000 Kursk"};
    for (const auto& entry :
         std::filesystem::directory_iterator(FACTLINT_TEST_DATA_DIR "/data/seeds"))
        if (entry.path().extension() == ".txt")
            texts.push_back(factlint::test::read_file(entry.path()));
    for (const std::string& text : texts)
        for (std::size_t length = 0; length <= std::min<std::size_t>(text.size(), 200); ++length) {
            std::string_view part = std::string_view(text).substr(0, length);
            std::string written(length, 'x'), lowered(length, 'x');
            std::string written_reference(length, 'y'), lowered_reference(length, 'y');
            std::vector<WordMasks> fast = prepare_prose(part, written.data(), lowered.data());
            std::vector<WordMasks> reference =
                prepare_prose_bytewise(part, written_reference.data(), lowered_reference.data());
            CHECK(written == written_reference);
            CHECK(lowered == lowered_reference);
            REQUIRE(fast.size() == reference.size());
            std::vector<WordMasks> of_lowered = word_masks(lowered);
            for (std::size_t i = 0; i < fast.size(); ++i) {
                CHECK(fast[i].word == reference[i].word);
                CHECK(fast[i].run == reference[i].run);
                CHECK(fast[i].run == of_lowered[i].run);
            }
        }
}
