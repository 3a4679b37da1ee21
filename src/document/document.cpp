#include "document/document.hpp"

#include "core/utf8.hpp"
#include "document/front_matter.hpp"
#include "document/markdown.hpp"
#include "document/plain_text.hpp"
#include "document/scan_util.hpp"
#include "document/sentences.hpp"

#include <cstring>
#include <fmt/format.h>

namespace factlint {
namespace {

constexpr std::string_view bom = "\xEF\xBB\xBF";

/// The encoding a UTF-16 or UTF-32 byte order mark announces, or "" (factlint reads UTF-8).
std::string_view unsupported_encoding(std::string_view text) {
    using namespace std::string_view_literals;
    if (text.starts_with("\xFF\xFE\0\0"sv))
        return "UTF-32LE";
    if (text.starts_with("\0\0\xFE\xFF"sv))
        return "UTF-32BE";
    if (text.starts_with("\xFF\xFE"sv))
        return "UTF-16LE";
    if (text.starts_with("\xFE\xFF"sv))
        return "UTF-16BE";
    return {};
}

} // namespace

Format format_for_path(std::string_view path) {
    for (std::string_view extension : {".md", ".markdown", ".mdown"})
        if (path.ends_with(extension))
            return Format::markdown;
    return Format::plain;
}

Document load_document(std::string path, std::string bytes, std::optional<Format> format) {
    Document document;
    document.format = format.value_or(format_for_path(path));
    document.path = std::move(path);
    document.text = std::move(bytes);
    // LineIndex keeps a view of `text`. Moving a heap-allocated std::string keeps its buffer,
    // moving a short (SSO) one copies the bytes elsewhere, so short texts get a heap buffer.
    if (document.text.capacity() < 32)
        document.text.reserve(32);
    document.lines = std::make_unique<LineIndex>(document.text);
    std::string& text = document.text;

    if (std::string_view encoding = unsupported_encoding(text); !encoding.empty()) {
        // Not "binary file skipped": a UTF-16 draft (PowerShell's `>` writes one) would go
        // unchecked unnoticed. An error naming the encoding; nothing else is read.
        document.binary = true;
        utf8::repair_in_place(text);
        document.prose = text;
        scan::blank(document.prose, 0, text.size());
        document.problems.push_back(
            {"invalid-encoding",
             Level::error,
             {0, 0},
             fmt::format("the file is {0} (byte order mark); factlint reads UTF-8 only: convert "
                         "it, e.g. with iconv -f {0} -t UTF-8",
                         encoding),
             {},
             {}});
        return document;
    }
    if (std::memchr(text.data(), '\0', text.size()) != nullptr) {
        // Nothing is read, but the contract on text and prose still holds for reporters.
        document.binary = true;
        utf8::repair_in_place(text);
        document.prose = text;
        scan::blank(document.prose, 0, text.size());
        document.problems.push_back(
            {"binary-file", Level::info, {0, 0}, "binary file skipped", {}, {}});
        return document;
    }

    std::vector<std::size_t> invalid = utf8::invalid_offsets(text);
    if (!invalid.empty()) {
        utf8::repair_in_place(text);
        document.problems.push_back(
            {"invalid-encoding",
             Level::warning,
             {invalid.front(), invalid.front() + 1},
             fmt::format("invalid UTF-8: {} bad byte sequence{} replaced with '?'", invalid.size(),
                         invalid.size() == 1 ? "" : "s"),
             {},
             {}});
    }

    document.prose = text;
    std::size_t begin = 0;
    if (text.starts_with(bom)) {
        scan::blank(document.prose, 0, bom.size());
        begin = bom.size();
    }
    if (document.format == Format::markdown) {
        if (auto front_matter = read_front_matter(text, begin)) {
            scan::blank(document.prose, begin, front_matter->end);
            begin = front_matter->end;
            document.date = front_matter->date;
            if (front_matter->problem)
                document.problems.push_back(std::move(*front_matter->problem));
        }
        scan_markdown(document, begin);
    } else {
        scan_plain_text(document, begin);
    }

    document.sentences.reserve(document.paragraphs.size() * 2);
    for (std::size_t index = 0; index < document.paragraphs.size(); ++index)
        split_sentences(document.prose, document.paragraphs[index], index, document.sentences);
    return document;
}

} // namespace factlint
