#include "engine/suppressions.hpp"

#include <catch2/catch.hpp>

using namespace factlint;

namespace {

/// One finding of `rule` at each occurrence of `marker` in the document's text.
std::vector<Diagnostic> findings_at(const Document& document, std::string_view marker,
                                    std::string rule) {
    std::vector<Diagnostic> out;
    for (std::size_t at = document.text.find(marker); at != std::string::npos;
         at = document.text.find(marker, at + 1))
        out.push_back({rule, Level::warning, {at, at + marker.size()}, "m", {}, {}});
    return out;
}

/// The 1-based lines of the diagnostics of `rule` that survive.
std::vector<std::size_t> surviving_lines(const Document& document,
                                         const std::vector<Diagnostic>& diagnostics,
                                         std::string_view rule = "invalid-encoding") {
    std::vector<std::size_t> lines;
    for (const Diagnostic& diagnostic : diagnostics)
        if (diagnostic.rule == rule)
            lines.push_back(document.lines->position(diagnostic.span.begin).line);
    return lines;
}

} // namespace

TEST_CASE("disable and enable bound a region per rule") {
    Document document = load_document("d.md", "FIG one\n"                                    // 1
                                              "\n"                                           // 2
                                              "<!-- factlint-disable invalid-encoding -->\n" // 3
                                              "FIG two\n"                                    // 4
                                              "\n"                                           // 5
                                              "<!-- factlint-enable invalid-encoding -->\n"  // 6
                                              "FIG three\n");                                // 7
    std::vector<Diagnostic> diagnostics = findings_at(document, "FIG", "invalid-encoding");
    std::vector<Diagnostic> other = findings_at(document, "FIG", "binary-file");
    diagnostics.insert(diagnostics.end(), other.begin(), other.end());
    apply_suppressions(document, diagnostics);
    CHECK(surviving_lines(document, diagnostics) == std::vector<std::size_t>{1, 7});
    CHECK(surviving_lines(document, diagnostics, "binary-file") ==
          std::vector<std::size_t>{1, 4, 7});
}

TEST_CASE("disable without rules silences everything; enable can bring back one rule") {
    Document document = load_document("d.md", "<!-- factlint-disable -->\n"            // 1
                                              "FIG a\n"                                // 2
                                              "\n"                                     // 3
                                              "<!-- factlint-enable binary-file -->\n" // 4
                                              "FIG b\n"                                // 5
                                              "\n"                                     // 6
                                              "<!-- factlint-enable -->\n"             // 7
                                              "FIG c\n");                              // 8
    std::vector<Diagnostic> diagnostics = findings_at(document, "FIG", "invalid-encoding");
    std::vector<Diagnostic> other = findings_at(document, "FIG", "binary-file");
    diagnostics.insert(diagnostics.end(), other.begin(), other.end());
    apply_suppressions(document, diagnostics);
    CHECK(surviving_lines(document, diagnostics) == std::vector<std::size_t>{8});
    CHECK(surviving_lines(document, diagnostics, "binary-file") == std::vector<std::size_t>{5, 8});
}

TEST_CASE("disable-next-line covers exactly the following line") {
    Document document = load_document(
        "d.md", "<!-- factlint-disable-next-line invalid-encoding -- quoted -->\n" // 1
                "FIG FIG\n"                                                        // 2
                "FIG\n"                                                            // 3
                "\n"                                                               // 4
                "<!-- factlint-disable-next-line binary-file -->\n"                // 5
                "FIG\n");                                                          // 6
    std::vector<Diagnostic> diagnostics = findings_at(document, "FIG", "invalid-encoding");
    apply_suppressions(document, diagnostics);
    CHECK(surviving_lines(document, diagnostics) == std::vector<std::size_t>{3, 6});
    CHECK(diagnostics.size() == 2); // no warning: both ids are known
}

TEST_CASE("plain text uses the same comments on their own line") {
    Document document = load_document("d.txt", "FIG one.\n"
                                               "\n"
                                               "<!-- factlint-disable-next-line -->\n"
                                               "FIG two.\n");
    std::vector<Diagnostic> diagnostics = findings_at(document, "FIG", "invalid-encoding");
    apply_suppressions(document, diagnostics);
    CHECK(surviving_lines(document, diagnostics) == std::vector<std::size_t>{1});
}

TEST_CASE("unknown rule ids warn at the id, with a fix when one id is close") {
    //                                 0         1         2         3         4
    //                                 01234567890123456789012345678901234567890123456
    Document document = load_document("d.md", "<!-- factlint-disable invalid-encodng, zzz -->\n");
    std::vector<Diagnostic> diagnostics;
    apply_suppressions(document, diagnostics);
    REQUIRE(diagnostics.size() == 2);
    CHECK(diagnostics[0].rule == "unknown-directive");
    CHECK(diagnostics[0].level == Level::warning);
    CHECK(diagnostics[0].span == Span{22, 37});
    CHECK(diagnostics[0].message ==
          "unknown rule 'invalid-encodng' in a factlint directive; did you mean "
          "'invalid-encoding'?");
    REQUIRE(diagnostics[0].fix);
    CHECK(diagnostics[0].fix->span == Span{22, 37});
    CHECK(diagnostics[0].fix->replacement == "invalid-encoding");
    CHECK(diagnostics[1].span == Span{39, 42});
    CHECK(diagnostics[1].message == "unknown rule 'zzz' in a factlint directive");
    CHECK_FALSE(diagnostics[1].fix);
}

TEST_CASE("document problem ids are known rules") {
    CHECK(is_known_rule("invalid-encoding"));
    CHECK(is_known_rule("unknown-directive"));
    CHECK_FALSE(is_known_rule("no-such-rule"));
}
