/// The Markdown scanner: blanks markup in Document::prose and finds the prose blocks.
#pragma once

#include "document/document.hpp"

#include <cstddef>

namespace factlint {

/// Scans `document.text` from `begin` (after any BOM and front matter) as CommonMark with GFM
/// tables: blanks markup, code, HTML and link destinations in `document.prose`, appends the prose
/// blocks (paragraphs, headings, list-item paragraphs, quote paragraphs, table cells) to
/// `document.paragraphs` and factlint comments to `document.directives`.
void scan_markdown(Document& document, std::size_t begin);

} // namespace factlint
