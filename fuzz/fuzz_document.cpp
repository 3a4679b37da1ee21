// The document model on arbitrary bytes, as Markdown and as plain text: it must not crash and
// must keep the contracts of document/document.hpp and core/line_index.hpp that every check and
// reporter relies on (text and prose the same length, spans inside the text, sentences inside
// their paragraphs, positions that convert back to the same offsets).
#include "fuzz_check.hpp"

#include "core/line_index.hpp"
#include "core/utf8.hpp"
#include "document/document.hpp"

#include <algorithm>
#include <fmt/format.h>

using factlint::fuzz::in_bounds;

namespace {

using namespace factlint;

bool is_continuation(char c) {
    return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

void check_spans(const Document& document) {
    const std::size_t size = document.text.size();
    for (std::size_t k = 0; k < document.paragraphs.size(); ++k) {
        Span paragraph = document.paragraphs[k];
        FUZZ_CHECK(in_bounds(paragraph, size) && !paragraph.empty(),
                   fmt::format("paragraph {} [{}, {}) outside the text of {} bytes or empty", k,
                               paragraph.begin, paragraph.end, size));
        FUZZ_CHECK(k == 0 || document.paragraphs[k - 1].end <= paragraph.begin,
                   fmt::format("paragraph {} overlaps the one before", k));
    }
    for (std::size_t k = 0; k < document.sentences.size(); ++k) {
        const Sentence& sentence = document.sentences[k];
        FUZZ_CHECK(sentence.paragraph < document.paragraphs.size(),
                   fmt::format("sentence {} names paragraph {} of {}", k, sentence.paragraph,
                               document.paragraphs.size()));
        FUZZ_CHECK(!sentence.span.empty() &&
                       document.paragraphs[sentence.paragraph].contains(sentence.span),
                   fmt::format("sentence {} [{}, {}) is empty or outside its paragraph", k,
                               sentence.span.begin, sentence.span.end));
        FUZZ_CHECK(k == 0 || document.sentences[k - 1].span.end <= sentence.span.begin,
                   fmt::format("sentence {} overlaps the one before", k));
        FUZZ_CHECK(document.prose[sentence.span.begin] != ' ' &&
                       document.prose[sentence.span.end - 1] != ' ',
                   fmt::format("sentence {} is not trimmed", k));
    }
    for (const Directive& directive : document.directives)
        FUZZ_CHECK(in_bounds(directive.span, size), "directive outside the text");
    for (const Diagnostic& problem : document.problems) {
        FUZZ_CHECK(in_bounds(problem.span, size),
                   fmt::format("{} at [{}, {}) outside the text", problem.rule, problem.span.begin,
                               problem.span.end));
        FUZZ_CHECK(!problem.message.empty(), problem.rule + " without a message");
    }
}

/// offset -> position -> offset is the identity on code point boundaries, in every unit.
/// Offsets inside a BOM or between the CR and LF of a CRLF have no position of their own.
void check_line_index(const Document& document) {
    const std::string& text = document.text;
    const LineIndex& lines = *document.lines;
    std::size_t first = text.starts_with("\xEF\xBB\xBF") ? 3 : 0;
    // position() walks its line, so sample: a long line makes every call linear.
    std::size_t step = std::max<std::size_t>(1, text.size() / 97);
    for (std::size_t offset = first; offset <= text.size(); offset += step) {
        std::size_t at = offset;
        while (at < text.size() && is_continuation(text[at]))
            ++at;
        if (at > first && at < text.size() && text[at - 1] == '\r' && text[at] == '\n')
            continue;
        for (ColumnUnit unit : {ColumnUnit::bytes, ColumnUnit::code_points, ColumnUnit::utf16}) {
            Position position = lines.position(at, unit);
            FUZZ_CHECK(position.line >= 1 && position.line <= lines.line_count() &&
                           position.column >= 1,
                       fmt::format("offset {} maps to {}:{}", at, position.line, position.column));
            std::size_t back = lines.offset(position, unit);
            FUZZ_CHECK(back == at, fmt::format("offset {} -> {}:{} -> offset {} (unit {})", at,
                                               position.line, position.column, back, int(unit)));
        }
    }
    for (std::size_t line = 1; line <= lines.line_count();
         line += std::max<std::size_t>(1, lines.line_count() / 31)) {
        std::string_view line_text = lines.line_text(line);
        FUZZ_CHECK(line_text.data() >= text.data() &&
                       line_text.data() + line_text.size() <= text.data() + text.size(),
                   fmt::format("line {} is not a view into the text", line));
        FUZZ_CHECK(line_text.find_first_of("\r\n") == std::string_view::npos,
                   fmt::format("line {} contains a line break", line));
        std::size_t end = lines.offset({line, line_text.size() + 100}, ColumnUnit::bytes);
        FUZZ_CHECK(end == std::size_t(line_text.data() - text.data()) + line_text.size(),
                   fmt::format("a column past the end of line {} does not clamp to its end", line));
    }
}

void check(const std::string& input, Format format) {
    Document document = load_document("fuzz-input", input, format);
    const std::string& text = document.text;
    FUZZ_CHECK(text.size() == input.size(), "text and file differ in size");
    FUZZ_CHECK(document.prose.size() == text.size(), "prose and text differ in size");
    FUZZ_CHECK(utf8::invalid_offsets(text).empty(), "text is not valid UTF-8 after repair");
    for (std::size_t i = 0; i < text.size(); ++i) {
        char t = text[i], p = document.prose[i];
        FUZZ_CHECK(t == input[i] || t == '?',
                   fmt::format("text byte {} changed to something other than '?'", i));
        FUZZ_CHECK((t == '\n' || t == '\r') ? p == t : (p == t || p == ' '),
                   fmt::format("prose byte {} is neither the text's nor blank", i));
    }
    FUZZ_CHECK(document.lines != nullptr, "no line index");
    if (document.binary)
        FUZZ_CHECK(document.paragraphs.empty() && document.sentences.empty(),
                   "a binary document has paragraphs");
    check_spans(document);
    check_line_index(document);

    // Moving a document must keep its line index valid (it holds a view of `text`).
    Document moved = std::move(document);
    FUZZ_CHECK(moved.lines->line_text(moved.lines->line_count()).data() >= moved.text.data() &&
                   moved.lines->line_text(1).data() <= moved.text.data() + moved.text.size(),
               "the line index does not view the moved document's text");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string input = factlint::fuzz::bytes(data, size);
    check(input, Format::markdown);
    check(input, Format::plain);
    return 0;
}
