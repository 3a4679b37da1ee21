/// The document model: a file's bytes, its prose (markup blanked out, offsets kept), its
/// paragraphs and sentences, its front-matter date and its factlint directives.
#pragma once

#include "core/date.hpp"
#include "core/diagnostic.hpp"
#include "core/line_index.hpp"
#include "core/span.hpp"

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace factlint {

enum class Format { markdown, plain };

/// Markdown for .md/.markdown/.mdown, plain text otherwise.
Format format_for_path(std::string_view path);

struct Sentence {
    Span span;             ///< trimmed: starts at the first non-space byte, ends after the last
    std::size_t paragraph; ///< index into Document::paragraphs
};

/// An HTML comment that steers checks: `<!-- factlint-disable stale-figure -->`,
/// `factlint-enable`, `factlint-disable-next-line`. In plain text the comment must be alone on
/// its line. Rules are separated by spaces or commas; `--` ends the list (a reason follows).
struct Directive {
    enum class Kind { disable, enable, disable_next_line };
    Kind kind;
    std::vector<std::string> rules; ///< empty means every rule
    Span span;
};

struct Document {
    std::string path;
    Format format = Format::plain;
    /// The file's bytes, with invalid UTF-8 bytes replaced by '?' (same length as the file).
    std::string text;
    /// Same length as `text`: prose bytes kept, everything else (markup, code, comments, front
    /// matter, link destinations) replaced by spaces; line breaks kept. Claim extraction reads
    /// this, so every offset it finds is an offset into the file.
    std::string prose;
    /// Over `text`, its line starts found at the first question (most documents are never
    /// asked). Heap-held, and load_document gives `text` a heap buffer even when short (a moved
    /// SSO string would leave the index's view behind), so moving a Document is safe.
    std::unique_ptr<LineIndex> lines;
    std::vector<Span> paragraphs;    ///< prose blocks: paragraph, heading, list item, cell...
    std::vector<Sentence> sentences; ///< in order; each inside one paragraph
    std::optional<Date> date;        ///< front matter `date:`
    std::vector<Directive> directives;
    /// Problems found while reading: invalid-encoding (once, at the first bad byte),
    /// binary-file, unknown-directive, invalid-front-matter (a `date:` that is not a date).
    std::vector<Diagnostic> problems;
    bool binary = false; ///< NUL bytes or a UTF-16/32 byte order mark: nothing else was read
};

/// Builds the document model of `bytes` read from `path` (format from the path's extension
/// unless given). Never throws on bad input: problems go to Document::problems. Markdown rules
/// are in document/markdown.hpp, plain-text paragraphs in document/plain_text.hpp, sentences in
/// document/sentences.hpp; front matter is read in Markdown only.
Document load_document(std::string path, std::string bytes, std::optional<Format> format = {});

} // namespace factlint
