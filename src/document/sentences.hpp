/// Sentence segmentation of prose paragraphs.
#pragma once

#include "core/span.hpp"
#include "document/document.hpp"

#include <cstddef>
#include <string_view>
#include <vector>

namespace factlint {

/// Appends the sentences of `paragraph` (Document::paragraphs[index]) found in `prose`.
///
/// A sentence ends after a run of `.`, `?`, `!` or `…` plus any closing quotes and brackets
/// (`."`, `?”`, `.)`), when whitespace and then something other than a lower-case letter
/// follow. A single `.` does not end a sentence after
/// - a title (Mr., Mrs., Dr., Gen., Lt., Col., St., ...) or vs., e.g., i.e., cf.;
/// - No., Fig., Vol., p. or a month (Jan., Dec., ...) when a digit follows ("No. 10");
/// - an upper-case initial or dotted acronym (John F. Kennedy, U.S. Army) unless a common
///   sentence opener follows ("in the U.S. The ...").
/// Decimals (1.5) and dotted names (example.com) never end one: no whitespace follows the dot.
/// Sentence spans are trimmed; a paragraph without end punctuation is one sentence.
void split_sentences(std::string_view prose, Span paragraph, std::size_t index,
                     std::vector<Sentence>& sentences);

/// The first offset in [i, end) that may start end punctuation (`.`, `?`, `!` or the lead byte
/// of `…`), or `end`. Every byte of prose passes through here, so it looks at many at a time.
std::size_t skip_to_terminal(std::string_view prose, std::size_t i, std::size_t end);
/// The same, a byte at a time: the reference skip_to_terminal is tested against.
std::size_t skip_to_terminal_bytewise(std::string_view prose, std::size_t i, std::size_t end);

} // namespace factlint
