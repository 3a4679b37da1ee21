#include "core/date.hpp"
#include "core/line_index.hpp"
#include "core/utf8.hpp"

#include <catch2/catch.hpp>
#include <thread>
#include <vector>

using namespace factlint;

TEST_CASE("dates parse at their precision and reject impossible days") {
    CHECK(Date::parse_iso("2025-04-30") == Date{2025, 4, 30});
    CHECK(Date::parse_iso("2024-12") == Date{2024, 12, 0});
    CHECK(Date::parse_iso("2025") == Date{2025, 0, 0});
    CHECK_FALSE(Date::parse_iso("2025-02-30"));
    CHECK_FALSE(Date::parse_iso("2025-13-01"));
    CHECK_FALSE(Date::parse_iso("25-01-01"));
    CHECK(Date{2025, 4, 30}.iso() == "2025-04-30");
    CHECK(Date{2025, 4, 30}.weekday() == 2); // a Wednesday
    CHECK(Date{2025, 1, 13}.plus_days(-4) == Date{2025, 1, 9});
}

TEST_CASE("line index counts columns in code points, UTF-16 units or bytes") {
    std::string text = "ab\r\n\xC3\xA9x\n\xF0\x9F\x98\x80y\rz";
    LineIndex index(text);
    CHECK(index.line_count() == 4);
    CHECK(index.position(0) == Position{1, 1});
    CHECK(index.position(6) == Position{2, 2}); // after "é"
    CHECK(index.position(6, ColumnUnit::bytes) == Position{2, 3});
    CHECK(index.position(12) == Position{3, 2}); // after the emoji: one code point
    CHECK(index.position(12, ColumnUnit::utf16) == Position{3, 3}); // two UTF-16 units
    CHECK(index.position(14) == Position{4, 1});                    // lone CR ends a line
    CHECK(index.line_text(1) == "ab");
    CHECK(index.offset({3, 2}) == 12);
    CHECK(index.offset({3, 3}, ColumnUnit::utf16) == 12);
}

TEST_CASE("line index: the first questions may come from several threads at once") {
    std::string text;
    for (int line = 0; line < 2000; ++line)
        text += "line " + std::to_string(line) + "\n";
    LineIndex index(text); // nothing is built until asked
    std::vector<Position> found(4);
    std::vector<std::thread> threads;
    for (std::size_t t = 0; t < found.size(); ++t)
        threads.emplace_back([&, t] { found[t] = index.position(text.find("line 1500")); });
    for (std::thread& thread : threads)
        thread.join();
    for (const Position& position : found)
        CHECK(position == Position{1501, 1});
    CHECK(index.line_count() == 2001);
}

TEST_CASE("line index: columns in long lines of mixed characters, counted block by block") {
    // a, é (2 bytes), € (3), 😀 (4): across many 255-byte counting blocks and an anchor.
    const std::string_view pieces[] = {"a", "\xC3\xA9", "\xE2\x82\xAC", "\xF0\x9F\x98\x80"};
    std::string text = "first line\n";
    std::size_t line_start = text.size();
    std::vector<std::size_t> code_points_before{0}, utf16_before{0}, offsets{line_start};
    for (std::size_t k = 0; k < 2500; ++k) {
        std::string_view piece = pieces[(k * 7 + k / 3) % 4];
        text += piece;
        offsets.push_back(text.size());
        code_points_before.push_back(code_points_before.back() + 1);
        utf16_before.push_back(utf16_before.back() + (piece.size() == 4 ? 2 : 1));
    }
    text += "\nlast";
    LineIndex index(text);
    for (std::size_t k = 0; k < offsets.size(); ++k) {
        INFO("offset " << offsets[k]);
        CHECK(index.position(offsets[k]) == Position{2, code_points_before[k] + 1});
        CHECK(index.position(offsets[k], ColumnUnit::utf16) == Position{2, utf16_before[k] + 1});
        CHECK(index.position(offsets[k], ColumnUnit::bytes) ==
              Position{2, offsets[k] - line_start + 1});
    }
}

TEST_CASE("a byte order mark is not a column") {
    std::string text = "\xEF\xBB\xBFHi";
    LineIndex index(text);
    CHECK(index.position(3) == Position{1, 1});
    CHECK(index.line_text(1) == "Hi");
}

TEST_CASE("invalid UTF-8 is found and repaired without moving offsets") {
    std::string text = "ok \xFF and \xE2\x82 and \xED\xA0\x80 fine \xE2\x82\xAC";
    auto bad = utf8::invalid_offsets(text);
    REQUIRE(bad.size() == 6); // 0xFF; truncated E2 82 (2); surrogate ED A0 80 (3)
    CHECK(bad.front() == 3);
    std::string repaired = text;
    CHECK(utf8::repair_in_place(repaired) == 6);
    CHECK(repaired.size() == text.size());
    CHECK(utf8::invalid_offsets(repaired).empty());
}

TEST_CASE("UTF-8 validation finds bad bytes wherever the eight-byte fast path stands") {
    for (std::size_t at = 0; at < 20; ++at) {
        std::string text(24, 'a');
        text[at] = '\x80';
        INFO("bad byte at " << at);
        CHECK(utf8::invalid_offsets(text) == std::vector<std::size_t>{at});
    }
    std::string mixed = "abcdefgh\xC3\xA9"
                        "abcdefgh\xF0\x9F\x98\x80"
                        "abcdefg";
    CHECK(utf8::invalid_offsets(mixed).empty());
}

TEST_CASE("line index finds the same lines with and without carriage returns") {
    LineIndex unix_lines("one\ntwo\n\nfour");
    LineIndex dos_lines("one\r\ntwo\r\n\r\nfour");
    REQUIRE(unix_lines.line_count() == 4);
    REQUIRE(dos_lines.line_count() == 4);
    for (std::size_t line = 1; line <= 4; ++line)
        CHECK(unix_lines.line_text(line) == dos_lines.line_text(line));
    CHECK(unix_lines.position(9) == Position{4, 1});
    CHECK(dos_lines.position(12) == Position{4, 1});
    LineIndex bom_only("\xEF\xBB\xBF");
    CHECK(bom_only.line_count() == 1);
    CHECK(bom_only.position(3) == Position{1, 1});
}

TEST_CASE("columns in a long line agree with counting from the line start") {
    // Checkpoints make long lines cheap to locate in; they must not change any column.
    std::string text = "first line\n";
    for (int i = 0; i < 3000; ++i)
        text += i % 7 == 0 ? "\xF0\x9F\x98\x80" : i % 3 == 0 ? "\xC3\xA9" : "ab";
    text += "\nlast";
    LineIndex index(text);
    std::size_t code_points = 0;
    std::size_t utf16 = 0;
    for (std::size_t offset = 11; offset < text.size() - 5; ++offset) {
        if ((static_cast<unsigned char>(text[offset]) & 0xC0) == 0x80)
            continue;
        if (offset % 97 == 0) {
            CHECK(index.position(offset) == Position{2, code_points + 1});
            CHECK(index.position(offset, ColumnUnit::utf16) == Position{2, utf16 + 1});
            CHECK(index.position(offset, ColumnUnit::bytes) == Position{2, offset - 11 + 1});
        }
        ++code_points;
        utf16 += static_cast<unsigned char>(text[offset]) >= 0xF0 ? 2 : 1;
    }
    CHECK(index.position(text.size()) == Position{3, 5});
}

TEST_CASE("UTF-8 validation: the fast paths agree with the sequence-at-a-time reference") {
    // Bad bytes, truncated and overlong sequences, surrogates and valid multi-byte characters
    // at every position around the 8-, 32- and 64-byte steps.
    const std::string_view inserts[] = {
        "\xFF",     "\xC3",         "\xE2\x82",         "\xED\xA0\x80",    "\xC0\xAF",
        "\xC3\xA9", "\xE2\x82\xAC", "\xF0\x9F\x98\x80", "\xF4\x90\x80\x80"};
    for (std::string_view insert : inserts)
        for (std::size_t at = 0; at < 140; ++at) {
            std::string text(200, 'a');
            text.replace(at, insert.size(), insert);
            INFO("insert at " << at);
            CHECK(utf8::invalid_offsets(text) == utf8::invalid_offsets_bytewise(text));
            std::string_view part = std::string_view(text).substr(0, at + 70);
            CHECK(utf8::invalid_offsets(part) == utf8::invalid_offsets_bytewise(part));
        }
}
