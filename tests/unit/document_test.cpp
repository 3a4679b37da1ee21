#include "document/document.hpp"
#include "document/sentences.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

using namespace factlint;

namespace {

Document markdown(std::string text) {
    return load_document("test.md", std::move(text));
}

Document plain(std::string text) {
    return load_document("test.txt", std::move(text));
}

std::vector<std::string> sentence_texts(const Document& document) {
    std::vector<std::string> texts;
    for (const Sentence& sentence : document.sentences)
        texts.emplace_back(sentence.span.in(document.text));
    return texts;
}

std::vector<std::string> paragraph_texts(const Document& document) {
    std::vector<std::string> texts;
    for (Span paragraph : document.paragraphs)
        texts.emplace_back(paragraph.in(document.text));
    return texts;
}

/// The prose with runs of blanks squeezed to one space, for readable expectations.
std::string squeezed(const Document& document) {
    std::string out;
    for (char c : document.prose) {
        bool blank = c == ' ' || c == '\t' || c == '\n' || c == '\r';
        if (blank && (out.empty() || out.back() == ' '))
            continue;
        out += blank ? ' ' : c;
    }
    while (!out.empty() && out.back() == ' ')
        out.pop_back();
    return out;
}

/// The first place where a document breaks an invariant, or "" when it keeps them all. (One
/// REQUIRE per document: the corpus test checks millions of bytes.)
std::string broken_invariant(const Document& document) {
    if (document.prose.size() != document.text.size())
        return "prose and text differ in size";
    for (std::size_t i = 0; i < document.text.size(); ++i) {
        char t = document.text[i], p = document.prose[i];
        // Line breaks are kept, everything else is either kept or blanked.
        if ((t == '\n' || t == '\r') ? p != t : (p != t && p != ' '))
            return "prose byte " + std::to_string(i) + " is neither the text's nor blank";
    }
    for (std::size_t k = 0; k < document.paragraphs.size(); ++k) {
        Span paragraph = document.paragraphs[k];
        if (paragraph.empty() || paragraph.end > document.text.size() ||
            (k > 0 && document.paragraphs[k - 1].end > paragraph.begin))
            return "paragraph " + std::to_string(k) + " is empty, outside or out of order";
    }
    for (std::size_t k = 0; k < document.sentences.size(); ++k) {
        const Sentence& sentence = document.sentences[k];
        if (sentence.paragraph >= document.paragraphs.size() ||
            !document.paragraphs[sentence.paragraph].contains(sentence.span) ||
            sentence.span.empty() ||
            (k > 0 && document.sentences[k - 1].span.end > sentence.span.begin))
            return "sentence " + std::to_string(k) +
                   " is empty, outside its paragraph or out of order";
        if (document.prose[sentence.span.begin] == ' ' ||
            document.prose[sentence.span.end - 1] == ' ')
            return "sentence " + std::to_string(k) + " is not trimmed";
    }
    return "";
}

void check_invariants(const Document& document) {
    REQUIRE(broken_invariant(document) == "");
}

} // namespace

TEST_CASE("format follows the extension") {
    CHECK(format_for_path("a/b.md") == Format::markdown);
    CHECK(format_for_path("b.markdown") == Format::markdown);
    CHECK(format_for_path("b.txt") == Format::plain);
    CHECK(format_for_path("README") == Format::plain);
}

TEST_CASE("positions count code points across multi-byte characters, tabs and CRLF") {
    Document document = plain("Caf\xC3\xA9\tprices rose 5%.\r\n"
                              "The Z\xC3\xBCrich office said 300 people came.\r\n");
    check_invariants(document);
    REQUIRE(document.paragraphs.size() == 2);
    std::size_t price = document.prose.find("prices");
    CHECK(document.lines->position(price) == Position{1, 6}); // C a f é TAB p
    std::size_t figure = document.prose.find("300");
    CHECK(document.lines->position(figure) == Position{2, 24});
    CHECK(document.lines->position(figure, ColumnUnit::bytes) == Position{2, 25});
    CHECK(document.lines->position(figure, ColumnUnit::utf16) == Position{2, 24});
    CHECK(sentence_texts(document) ==
          std::vector<std::string>{"Caf\xC3\xA9\tprices rose 5%.",
                                   "The Z\xC3\xBCrich office said 300 people came."});
}

TEST_CASE("CRLF Markdown keeps blocks apart and line breaks in prose") {
    Document document = markdown("# Title\r\n\r\nFirst line\r\nsecond line.\r\n\r\n- item\r\n");
    check_invariants(document);
    CHECK(paragraph_texts(document) ==
          std::vector<std::string>{"Title", "First line\r\nsecond line.", "item"});
    CHECK(document.prose.find("\r\n") != std::string::npos);
}

TEST_CASE("a lone CR ends a line") {
    Document document = plain("One line.\rAnother line.\r");
    check_invariants(document);
    CHECK(paragraph_texts(document) == std::vector<std::string>{"One line.", "Another line."});
    CHECK(document.lines->position(document.text.find("Another")) == Position{2, 1});
}

TEST_CASE("a byte order mark is blanked and not a column") {
    Document document = markdown("\xEF\xBB\xBF# Heading\n\nText.\n");
    check_invariants(document);
    CHECK(document.prose.substr(0, 3) == "   ");
    CHECK(paragraph_texts(document) == std::vector<std::string>{"Heading", "Text."});
    CHECK(document.lines->position(document.text.find("Heading")) == Position{1, 3});
}

TEST_CASE("fenced code is skipped, including an unterminated fence") {
    Document document = markdown("Before 1.\n\n```python\nx = 100\n```\n\n~~~~\n"
                                 "y = 200\n~~~\nstill code 300\n~~~~\nAfter 2.\n\n```\nopen 400\n");
    check_invariants(document);
    CHECK(squeezed(document) == "Before 1. After 2.");
    CHECK(paragraph_texts(document) == std::vector<std::string>{"Before 1.", "After 2."});
}

TEST_CASE("indented code is skipped but does not interrupt a paragraph") {
    Document document = markdown("Text 1\n    continued 2\n\n    code 3\n\tcode 4\n\nText 5\n");
    check_invariants(document);
    CHECK(squeezed(document) == "Text 1 continued 2 Text 5");
    CHECK(document.paragraphs.size() == 2);
}

TEST_CASE("inline code, HTML and comments are blanked") {
    Document document = markdown("Run `rm -rf 300` and ``a ` b`` now. <span class=\"x\">Red</span> "
                                 "<!-- note 5 --> done.\n");
    check_invariants(document);
    CHECK(squeezed(document) == "Run and now. Red done.");
    // Not tags: comparisons and a lone backtick.
    Document kept = markdown("Fewer than <5 km> and a < b and `x.\n");
    CHECK(squeezed(kept) == "Fewer than <5 km> and a < b and `x.");
}

TEST_CASE("HTML blocks: raw ones are blanked, block tags keep their text") {
    Document document = markdown("<script>\nvar x = 1;\n</script>\n\n<!--\nhidden 2\n-->\n\n"
                                 "<div align=\"center\">\nShown 3.\n</div>\n\nEnd.\n");
    check_invariants(document);
    CHECK(squeezed(document) == "Shown 3. End.");
    CHECK(paragraph_texts(document) == std::vector<std::string>{"Shown 3.", "End."});
}

TEST_CASE("links keep their text; destinations, references and autolinks go") {
    Document document =
        markdown("See [the report](https://example.com/a_(1) \"Title 2\"), ![chart 3](img/4.png) "
                 "and [ref text][r] or [r] and <https://x.org/5> and <me@x.org>. Not a link: "
                 "[captures] and [^6].\n\n[r]: https://example.com/7 \"Title\"\n");
    check_invariants(document);
    CHECK(squeezed(document) ==
          "See the report , chart 3 and ref text or r and and . Not a link: [captures] and .");
}

TEST_CASE("bare URLs are blanked in Markdown and plain text") {
    Document document =
        markdown("Read https://www.bbc.co.uk/news/123. Or www.example.com/9, ok.\n");
    CHECK(squeezed(document) == "Read . Or , ok.");
    Document text = plain("Source: http://example.com/2024/300-killed (archived).\n");
    CHECK(squeezed(text) == "Source: (archived).");
}

TEST_CASE("emphasis markers go, intraword underscores and arithmetic stay") {
    Document document = markdown("A *bold* and __strong__ claim_id with 5 * 3 and ~300 and "
                                 "~~gone~~ word.\n");
    check_invariants(document);
    CHECK(squeezed(document) == "A bold and strong claim_id with 5 * 3 and ~300 and gone word.");
}

TEST_CASE("headings, list items, quotes and table cells are their own paragraphs") {
    Document document = markdown("## Troops killed ##\n"
                                 "Setext heading\n"
                                 "===\n"
                                 "> Lee said 2,700 were injured.\n"
                                 "> The U.S. estimate is 11,000.\n"
                                 "\n"
                                 "- First item with 10,000 troops\n"
                                 "- [x] Second item\n"
                                 "  continued\n"
                                 "1. Ordered one\n"
                                 "2. Ordered two\n"
                                 "\n"
                                 "| Figure | Value |\n"
                                 "|:-------|------:|\n"
                                 "| killed | 300 |\n"
                                 "| a \\| b | `x` |\n"
                                 "\n"
                                 "***\n");
    check_invariants(document);
    CHECK(paragraph_texts(document) ==
          std::vector<std::string>{"Troops killed", "Setext heading",
                                   "Lee said 2,700 were injured.\n> The U.S. estimate is 11,000.",
                                   "First item with 10,000 troops", "Second item\n  continued",
                                   "Ordered one", "Ordered two", "Figure", "Value", "killed", "300",
                                   "a \\| b"});
    CHECK(squeezed(document) ==
          "Troops killed Setext heading Lee said 2,700 were injured. The U.S. estimate is 11,000. "
          "First item with 10,000 troops Second item continued Ordered one Ordered two Figure "
          "Value killed 300 a | b");
}

TEST_CASE("front matter is blanked and its date read") {
    Document document = markdown("---\ntitle: \"North Korean troops\"\ndate: 2025-01-13\n---\n"
                                 "# Heading\n");
    check_invariants(document);
    REQUIRE(document.date);
    CHECK(*document.date == Date{2025, 1, 13});
    CHECK(squeezed(document) == "Heading");
    CHECK(document.problems.empty());

    CHECK(markdown("---\ndate: \"2024-12-19\"\n---\nx\n").date == Date{2024, 12, 19});
    CHECK(markdown("---\ndate: '2024-12-19' # published\n---\nx\n").date == Date{2024, 12, 19});
    CHECK(markdown("---\ndate: 2024-12-19T10:00:00Z\n---\nx\n").date == Date{2024, 12, 19});
    // Not front matter: not at the start, never closed, or plain text.
    CHECK_FALSE(markdown("x\n---\ndate: 2024-12-19\n---\n").date);
    CHECK_FALSE(markdown("---\ndate: 2024-12-19\n").date);
    CHECK_FALSE(plain("---\ndate: 2024-12-19\n---\n").date);
    // Two thematic breaks around prose are not front matter.
    Document breaks = markdown("---\nAbout 300 were killed.\n\nMore text.\n---\n");
    CHECK(squeezed(breaks) == "About 300 were killed. More text.");
}

TEST_CASE("an invalid front matter date is a located problem") {
    Document document = markdown("---\ndate: 2025-02-30\n---\nText.\n");
    CHECK_FALSE(document.date);
    REQUIRE(document.problems.size() == 1);
    const Diagnostic& problem = document.problems.front();
    CHECK(problem.rule == "invalid-front-matter");
    CHECK(problem.level == Level::warning);
    CHECK(problem.span.in(document.text) == "2025-02-30");
    CHECK(document.lines->position(problem.span.begin) == Position{2, 7});
}

TEST_CASE("sentences survive abbreviations, decimals, initials and ellipses") {
    Document document = plain(
        "Mr. Lee and Dr. Kim met Gen. Park and Lt. Col. Choi at St. Mary's on Jan. 13 in the "
        "U.S. capital. Output rose 1.5 per cent, e.g. in Seoul, vs. 2.1 in Busan. "
        "John F. Kennedy visited No. 10 Downing St. in Dec. 1961. Sales at Acme Inc. fell. "
        "Tools, paper, etc. are cheap. He paused... and went on. Wait... What now? Stop! Go.");
    CHECK(sentence_texts(document) ==
          std::vector<std::string>{
              "Mr. Lee and Dr. Kim met Gen. Park and Lt. Col. Choi at St. Mary's on Jan. 13 in the "
              "U.S. capital.",
              "Output rose 1.5 per cent, e.g. in Seoul, vs. 2.1 in Busan.",
              "John F. Kennedy visited No. 10 Downing St. in Dec. 1961.",
              "Sales at Acme Inc. fell.", "Tools, paper, etc. are cheap.",
              "He paused... and went on.", "Wait...", "What now?", "Stop!", "Go."});
}

TEST_CASE("a sentence ending in an abbreviation or acronym still ends before an opener") {
    Document document = plain("Troops arrived in the U.S. The talks began. Ask the U.K. Foreign "
                              "Office. It said no. Aid rose in Jan. Officials agreed.");
    CHECK(sentence_texts(document) ==
          std::vector<std::string>{"Troops arrived in the U.S.", "The talks began.",
                                   "Ask the U.K. Foreign Office.", "It said no.",
                                   "Aid rose in Jan.", "Officials agreed."});
}

TEST_CASE("an enumerator is not a sentence, a year at a sentence end is") {
    Document document = plain("1. Troops were killed in 2024. 300 more were hurt.\n"
                              "12. Talks began. No. 10 said so.");
    CHECK(sentence_texts(document) ==
          std::vector<std::string>{"1. Troops were killed in 2024.", "300 more were hurt.",
                                   "12. Talks began.", "No. 10 said so."});
}

TEST_CASE("closing quotes and brackets belong to the sentence they end") {
    // Modelled on the seed articles (001, 002, 003).
    Document document = plain(
        "\xE2\x80\x9CThe Russians are even resorting to burning the faces of killed North Korean "
        "soldiers.\xE2\x80\x9D The crisis deepened over the weekend.\n"
        "\xE2\x80\x9CThere will undoubtedly be more [captures],\xE2\x80\x9D Zelenskyy said in a "
        "post on X, formerly Twitter. The post included a video.\n"
        "He said, \"We cannot verify the truth of these reports.\" (NBC News could not verify "
        "it.) Russia declined to comment.\n"
        "\xE2\x80\x9CWhy?\xE2\x80\x9D he asked. Yahoo! said nothing.");
    CHECK(sentence_texts(document) ==
          std::vector<std::string>{
              "\xE2\x80\x9CThe Russians are even resorting to burning the faces of killed North "
              "Korean soldiers.\xE2\x80\x9D",
              "The crisis deepened over the weekend.",
              "\xE2\x80\x9CThere will undoubtedly be more [captures],\xE2\x80\x9D Zelenskyy said "
              "in a post on X, formerly Twitter.",
              "The post included a video.",
              "He said, \"We cannot verify the truth of these reports.\"",
              "(NBC News could not verify it.)", "Russia declined to comment.",
              "\xE2\x80\x9CWhy?\xE2\x80\x9D he asked.", "Yahoo! said nothing."});
}

TEST_CASE("the vector end-punctuation scan agrees with the bytewise one") {
    std::vector<std::string> texts;
    std::string every_byte;
    for (int round = 0; round < 3; ++round)
        for (int b = 1; b < 256; ++b)
            every_byte += static_cast<char>(b);
    texts.push_back(every_byte);
    texts.push_back(std::string(100, 'a') + "." + std::string(40, 'b') + "\xE2\x80\xA6 c? d!");
    for (const auto& entry :
         std::filesystem::directory_iterator(std::string(FACTLINT_TEST_DATA_DIR) + "/data/seeds"))
        if (entry.path().extension() == ".txt") {
            std::ifstream in(entry.path(), std::ios::binary);
            std::stringstream bytes;
            bytes << in.rdbuf();
            texts.push_back(bytes.str());
        }
    for (const std::string& text : texts)
        // Every start in the first 40 bytes, ends that cut a 16-byte block anywhere.
        for (std::size_t start = 0; start < 40 && start <= text.size(); ++start)
            for (std::size_t end :
                 {start, start + 1, start + 15, start + 16, start + 17, start + 100, text.size()}) {
                end = std::min(end, text.size());
                for (std::size_t i = start; i < end; i = skip_to_terminal(text, i, end) + 1)
                    REQUIRE(skip_to_terminal(text, i, end) ==
                            skip_to_terminal_bytewise(text, i, end));
            }
}

TEST_CASE("seed-style plain text: one paragraph per line, headlines on their own") {
    // Excerpts modelled on /work/shared/seeds/000 and 002 (one paragraph per line, a headline
    // without a full stop, no-break spaces at line ends, blank lines in 002).
    std::string text =
        "North Korean Casualties Rise as Soldiers Engage in Ukraine War\n"
        "At least 100 North Korean soldiers have reportedly lost their lives in the ongoing "
        "Ukraine conflict after being deployed to fight on the Russian side. This troubling "
        "information was shared by South Korean lawmaker Lee Sung-kwon following a briefing "
        "from the National Intelligence Service.\n"
        "Recent statements by a Pentagon spokesman confirmed the deaths of North Korean troops, "
        "although specific numbers were not provided; an unnamed U.S. official later indicated "
        "that there had been \"several hundred\" casualties.\n"
        "\n"
        "Ukrainian and U.S. officials estimate around 11,000 North Korean troops have been "
        "stationed in Russia\xE2\x80\x99s Kursk region.\xC2\xA0\n"
        "\n"
        "Date:\n";
    Document document = plain(text);
    check_invariants(document);
    CHECK(document.paragraphs.size() == 5);
    CHECK(sentence_texts(document) ==
          std::vector<std::string>{
              "North Korean Casualties Rise as Soldiers Engage in Ukraine War",
              "At least 100 North Korean soldiers have reportedly lost their lives in the ongoing "
              "Ukraine conflict after being deployed to fight on the Russian side.",
              "This troubling information was shared by South Korean lawmaker Lee Sung-kwon "
              "following a briefing from the National Intelligence Service.",
              "Recent statements by a Pentagon spokesman confirmed the deaths of North Korean "
              "troops, although specific numbers were not provided; an unnamed U.S. official "
              "later indicated that there had been \"several hundred\" casualties.",
              "Ukrainian and U.S. officials estimate around 11,000 North Korean troops have been "
              "stationed in Russia\xE2\x80\x99s Kursk region.",
              "Date:"});
    CHECK(document.sentences[1].paragraph == 1);
    CHECK(document.sentences[2].paragraph == 1);
}

TEST_CASE("hard-wrapped plain text joins its lines into paragraphs") {
    Document document = plain("Troop numbers\n"
                              "\n"
                              "About 300 North Korean soldiers fighting for Russia have\n"
                              "been killed, South Korean lawmakers said. Another 2,700\n"
                              "were injured.\n"
                              "Short closing line.\n");
    check_invariants(document);
    CHECK(paragraph_texts(document) ==
          std::vector<std::string>{"Troop numbers",
                                   "About 300 North Korean soldiers fighting for Russia have\n"
                                   "been killed, South Korean lawmakers said. Another 2,700\n"
                                   "were injured.",
                                   "Short closing line."});
    CHECK(document.sentences.size() == 4);
    // A headline in a file of short one-line paragraphs stays apart from the next line.
    Document short_lines = plain("North Korean Casualties Rise as Soldiers Engage in Ukraine War\n"
                                 "At least 100 North Korean soldiers have lost their lives.\n"
                                 "The toll was shared by a lawmaker on Thursday in Seoul.\n");
    CHECK(short_lines.paragraphs.size() == 3);
}

TEST_CASE("invalid UTF-8 is repaired and reported once") {
    std::string bytes = "Good text.\nBad \xFF byte and \xC3 another.\n";
    Document document = plain(bytes);
    check_invariants(document);
    CHECK(document.text.size() == bytes.size());
    CHECK(document.text.find('\xFF') == std::string::npos);
    CHECK(document.text.substr(15, 1) == "?");
    REQUIRE(document.problems.size() == 1);
    const Diagnostic& problem = document.problems.front();
    CHECK(problem.rule == "invalid-encoding");
    CHECK(problem.level == Level::warning);
    CHECK(problem.span == Span{15, 16});
    CHECK(problem.message.find("2 bad byte sequences") != std::string::npos);
    CHECK(document.sentences.size() == 2); // the rest is still read
}

TEST_CASE("NUL bytes mark a binary file that is skipped") {
    std::string bytes("PK\x03\x04\0\0 data. More.", 18);
    Document document = plain(bytes);
    CHECK(document.binary);
    REQUIRE(document.problems.size() == 1);
    CHECK(document.problems.front().rule == "binary-file");
    CHECK(document.problems.front().level == Level::info);
    CHECK(document.problems.front().message == "binary file skipped");
    CHECK(document.paragraphs.empty());
    CHECK(document.sentences.empty());
    check_invariants(document);
    CHECK(squeezed(document).empty());
}

TEST_CASE("directives in Markdown comments") {
    Document document =
        markdown("<!-- factlint-disable stale-figure, figure-conflict -->\n"
                 "Text 1.\n"
                 "More <!-- factlint-disable-next-line hedge-mismatch -- quoted as said -->\n"
                 "Text 2.\n\n"
                 "<!-- factlint-enable -->\n"
                 "<!-- factlint-disabel stale-figure -->\n"
                 "<!-- an ordinary comment -->\n");
    check_invariants(document);
    REQUIRE(document.directives.size() == 3);
    CHECK(document.directives[0].kind == Directive::Kind::disable);
    CHECK(document.directives[0].rules ==
          std::vector<std::string>{"stale-figure", "figure-conflict"});
    CHECK(document.directives[0].span ==
          Span{0,
               std::string_view("<!-- factlint-disable stale-figure, figure-conflict -->").size()});
    CHECK(document.directives[1].kind == Directive::Kind::disable_next_line);
    CHECK(document.directives[1].rules == std::vector<std::string>{"hedge-mismatch"});
    CHECK(document.lines->position(document.directives[1].span.begin) == Position{3, 6});
    CHECK(document.directives[2].kind == Directive::Kind::enable);
    CHECK(document.directives[2].rules.empty());
    REQUIRE(document.problems.size() == 1);
    CHECK(document.problems[0].rule == "unknown-directive");
    CHECK(document.lines->position(document.problems[0].span.begin) == Position{7, 1});
    CHECK(squeezed(document) == "Text 1. More Text 2.");
}

TEST_CASE("directives in plain text are comment-only lines") {
    Document document = plain("<!-- factlint-disable-next-line stale-figure -->\n"
                              "Over 100 troops were killed.\n"
                              "Inline <!-- factlint-disable --> stays text.\n");
    check_invariants(document);
    REQUIRE(document.directives.size() == 1);
    CHECK(document.directives[0].kind == Directive::Kind::disable_next_line);
    CHECK(document.directives[0].rules == std::vector<std::string>{"stale-figure"});
    CHECK(paragraph_texts(document) ==
          std::vector<std::string>{"Over 100 troops were killed.",
                                   "Inline <!-- factlint-disable --> stays text."});
}

TEST_CASE("a moved document keeps a working line index, even for short texts") {
    Document document = plain("Hi.\nYo.");
    Document moved = std::move(document);
    Document again;
    again = std::move(moved);
    CHECK(again.lines->position(5) == Position{2, 2});
    CHECK(again.lines->line_text(2) == "Yo.");
}

TEST_CASE("hostile Markdown stays linear and keeps the invariants") {
    std::string text;
    for (int i = 0; i < 20000; ++i)
        text += "` [ <!-- <a ** _ ![ ](";
    text += "\n> - > 1. ```\n";
    Document document = markdown(text);
    check_invariants(document);
    Document empty = markdown("");
    CHECK(empty.paragraphs.empty());
    Document spaces = plain(" \n\t\n");
    CHECK(spaces.sentences.empty());
}

TEST_CASE("every BBC news file loads with its invariants") {
    std::filesystem::path corpus =
        std::filesystem::path(FACTLINT_SOURCE_DIR) / ".." / "shared" / "corpora" / "bbc-news";
    if (!std::filesystem::is_directory(corpus)) {
        SUCCEED("BBC corpus not present at " << corpus.string() << ": skipped");
        return;
    }
    std::size_t files = 0, invalid_files = 0;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(corpus)) {
        if (!entry.is_regular_file() || entry.path().extension() != ".txt")
            continue;
        std::ifstream in(entry.path(), std::ios::binary);
        std::stringstream bytes;
        bytes << in.rdbuf();
        for (Format format : {Format::plain, Format::markdown}) {
            Document document = load_document(entry.path().string(), bytes.str(), format);
            INFO(entry.path().string());
            check_invariants(document);
            REQUIRE_FALSE(document.binary);
            REQUIRE(!document.sentences.empty());
            std::size_t encoding_problems = 0;
            for (const Diagnostic& problem : document.problems)
                encoding_problems += problem.rule == "invalid-encoding";
            REQUIRE(encoding_problems <= 1);
            if (format == Format::plain)
                invalid_files += encoding_problems;
        }
        ++files;
    }
    CHECK(files > 1000);
    CHECK(invalid_files == 1); // one article in the corpus is not valid UTF-8
}
