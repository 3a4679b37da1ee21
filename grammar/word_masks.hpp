/// Where words are in lower-case prose, 64 bytes at a time, as bit masks: finding word starts
/// and word ends with bit operations is several times cheaper than asking each byte. Used by
/// claim extraction to find the few sentences worth reading.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace factlint::grammar {

/// Bit k describes byte k of a 64-byte block.
struct WordMasks {
    std::uint64_t word = 0; ///< continues a word: ASCII letter, digit, '_', or any non-ASCII byte
    std::uint64_t run = 0;  ///< ASCII letter, digit or '_' (a lexicon key's leading run)
};

/// The masks of `lowered` (ASCII lower case: upper-case letters are not expected), one per 64
/// bytes; the last block reads as if padded with NUL bytes, which are neither.
std::vector<WordMasks> word_masks(std::string_view lowered);
/// The same, a byte at a time: the reference the vector version is tested against.
std::vector<WordMasks> word_masks_bytewise(std::string_view lowered);

/// One pass over `prose` that prepares it for lexicon lookups: into `written` the prose with
/// line breaks and tabs as spaces, into `lowered` the same in ASCII lower case (each of
/// prose.size() bytes); returns word_masks(lowered). Reading the prose once instead of three
/// times is most of what preparing it costs.
std::vector<WordMasks> prepare_prose(std::string_view prose, char* written, char* lowered);
/// The same, a byte at a time: the reference the vector version is tested against.
std::vector<WordMasks> prepare_prose_bytewise(std::string_view prose, char* written, char* lowered);

/// The first offset in [from, end) whose bit in `member` of `masks` is clear, or `end`.
inline std::size_t next_clear(const std::vector<WordMasks>& masks, std::uint64_t WordMasks::*member,
                              std::size_t from, std::size_t end) {
    std::size_t block = from / 64;
    std::uint64_t clear = ~(masks[block].*member) >> (from % 64);
    while (clear == 0) {
        from = ++block * 64;
        if (from >= end)
            return end;
        clear = ~(masks[block].*member);
    }
    std::size_t found = from + static_cast<std::size_t>(__builtin_ctzll(clear));
    return found < end ? found : end;
}

} // namespace factlint::grammar
