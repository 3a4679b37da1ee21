/// The plain-text scanner: paragraphs of a .txt file.
#pragma once

#include "document/document.hpp"

#include <cstddef>

namespace factlint {

/// Finds the paragraphs of plain text from `begin` and blanks what is not prose: bare URLs and
/// lines that consist of one HTML comment (`<!-- factlint-disable ... -->` directives, fixture
/// annotations).
///
/// Paragraph rule: a blank line always ends a paragraph. A line break ends one too, except in a
/// hard-wrapped file (no line longer than 100 code points, and some line starting in lower case
/// after a line without end punctuation) where it joins the next line when the line fills the
/// wrap width (at least 40 bytes and 3/4 of the file's longest line) and either lacks end
/// punctuation (. ? ! : …, closing quotes allowed) or the next line starts in lower case. So
/// news text with one paragraph per line and unpunctuated headlines (the seeds) gets a
/// paragraph per line, and text wrapped at 72 or 80 columns gets its paragraphs back.
void scan_plain_text(Document& document, std::size_t begin);

} // namespace factlint
