/// UTF-8 validation and repair that keeps byte offsets unchanged.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace factlint::utf8 {

/// Offsets of the first byte of each invalid UTF-8 sequence in `text`. ASCII runs are skipped
/// many bytes at a time: every file linted passes through here.
std::vector<std::size_t> invalid_offsets(std::string_view text);
/// The same, a sequence at a time: the reference invalid_offsets is tested against.
std::vector<std::size_t> invalid_offsets_bytewise(std::string_view text);
/// Replaces every byte of an invalid sequence with '?', so offsets into the result still match
/// the original file. Returns the number of sequences replaced.
std::size_t repair_in_place(std::string& text);
/// Length in bytes of the UTF-8 sequence starting with `lead` (1 for invalid lead bytes).
std::size_t sequence_length(unsigned char lead);

} // namespace factlint::utf8
