#include "core/utf8.hpp"

#include <cstdint>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace factlint::utf8 {
namespace {

/// Length of the valid sequence at `i`, or 0 when the bytes there are not valid UTF-8
/// (overlong forms, surrogates and values above U+10FFFF included).
std::size_t valid_length(std::string_view text, std::size_t i) {
    auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    unsigned char lead = byte(i);
    if (lead < 0x80)
        return 1;
    std::size_t length = sequence_length(lead);
    if (length == 1 || i + length > text.size())
        return 0;
    for (std::size_t k = 1; k < length; ++k)
        if ((byte(i + k) & 0xC0) != 0x80)
            return 0;
    unsigned char second = byte(i + 1);
    if ((lead == 0xE0 && second < 0xA0) || (lead == 0xED && second > 0x9F) ||
        (lead == 0xF0 && second < 0x90) || (lead == 0xF4 && second > 0x8F))
        return 0;
    return length;
}

} // namespace

std::size_t sequence_length(unsigned char lead) {
    if (lead >= 0xC2 && lead <= 0xDF)
        return 2;
    if (lead >= 0xE0 && lead <= 0xEF)
        return 3;
    if (lead >= 0xF0 && lead <= 0xF4)
        return 4;
    return 1;
}

namespace {

/// Past the sequence at `i`, recording `i` in `offsets` when it is not valid UTF-8 (then one
/// byte is stepped over).
std::size_t step_over(std::string_view text, std::size_t i, std::vector<std::size_t>& offsets) {
    std::size_t length = valid_length(text, i);
    if (length == 0) {
        offsets.push_back(i);
        length = 1;
    }
    return i + length;
}

} // namespace

std::vector<std::size_t> invalid_offsets_bytewise(std::string_view text) {
    std::vector<std::size_t> offsets;
    for (std::size_t i = 0; i < text.size();)
        i = step_over(text, i, offsets);
    return offsets;
}

std::vector<std::size_t> invalid_offsets(std::string_view text) {
    std::vector<std::size_t> offsets;
    // Whether the `count` eight-byte words at `i` are all ASCII (no byte has its high bit).
    auto ascii = [&](std::size_t i, std::size_t count) {
        std::uint64_t any = 0;
        for (std::size_t k = 0; k < count; ++k) {
            std::uint64_t word;
            std::memcpy(&word, text.data() + i + 8 * k, sizeof word);
            any |= word;
        }
        return (any & 0x8080808080808080ull) == 0;
    };
    for (std::size_t i = 0; i < text.size();) {
        // Fast paths (most text is mostly ASCII): 64 bytes at a time with SSE2 (every x86-64),
        // whose movemask collects the high bits at once; then 32 and 8 bytes as words.
#if defined(__SSE2__)
        if (i + 64 <= text.size()) {
            auto load = [&](std::size_t at) {
                return _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + at));
            };
            __m128i any = _mm_or_si128(_mm_or_si128(load(i), load(i + 16)),
                                       _mm_or_si128(load(i + 32), load(i + 48)));
            if (_mm_movemask_epi8(any) == 0) {
                i += 64;
                continue;
            }
        }
#endif
        if (i + 32 <= text.size() && ascii(i, 4)) {
            i += 32;
            continue;
        }
        if (i + 8 <= text.size() && ascii(i, 1)) {
            i += 8;
            continue;
        }
        i = step_over(text, i, offsets);
    }
    return offsets;
}

std::size_t repair_in_place(std::string& text) {
    std::size_t repaired = 0;
    for (std::size_t offset : invalid_offsets(text)) {
        text[offset] = '?';
        ++repaired;
    }
    return repaired;
}

} // namespace factlint::utf8
