#include "grammar/word_masks.hpp"

#include "grammar/number.hpp"

#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace factlint::grammar {

std::vector<WordMasks> word_masks_bytewise(std::string_view lowered) {
    std::vector<WordMasks> masks((lowered.size() + 63) / 64);
    for (std::size_t i = 0; i < lowered.size(); ++i) {
        std::uint64_t bit = std::uint64_t(1) << (i % 64);
        char c = lowered[i];
        if (is_word_byte(c))
            masks[i / 64].word |= bit;
        if (is_ascii_word(c))
            masks[i / 64].run |= bit;
    }
    return masks;
}

#if defined(__SSE2__)
namespace {

/// The masks of 64 bytes, 16 at a time: a byte is in the run class when it lies in a-z, 0-9 or
/// is '_' (signed compares, so bytes from 0x80 up, negative, fall in no range); it continues a
/// word when it is in the run class or has its high bit set.
WordMasks block_masks(const char* bytes) {
    auto at_least = [](__m128i x, char low) {
        return _mm_cmpgt_epi8(x, _mm_set1_epi8(char(low - 1)));
    };
    auto at_most = [](__m128i x, char high) {
        return _mm_cmplt_epi8(x, _mm_set1_epi8(char(high + 1)));
    };
    WordMasks masks;
    for (int part = 0; part < 4; ++part) {
        __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(bytes + 16 * part));
        __m128i letter = _mm_and_si128(at_least(x, 'a'), at_most(x, 'z'));
        __m128i digit = _mm_and_si128(at_least(x, '0'), at_most(x, '9'));
        __m128i run =
            _mm_or_si128(_mm_or_si128(letter, digit), _mm_cmpeq_epi8(x, _mm_set1_epi8('_')));
        std::uint64_t run_bits = static_cast<unsigned>(_mm_movemask_epi8(run));
        std::uint64_t high_bits = static_cast<unsigned>(_mm_movemask_epi8(x));
        masks.run |= run_bits << (16 * part);
        masks.word |= (run_bits | high_bits) << (16 * part);
    }
    return masks;
}

} // namespace

std::vector<WordMasks> word_masks(std::string_view lowered) {
    std::vector<WordMasks> masks;
    masks.reserve((lowered.size() + 63) / 64);
    std::size_t i = 0;
    for (; i + 64 <= lowered.size(); i += 64)
        masks.push_back(block_masks(lowered.data() + i));
    if (i < lowered.size()) {
        char last[64] = {};
        std::memcpy(last, lowered.data() + i, lowered.size() - i);
        masks.push_back(block_masks(last));
    }
    return masks;
}
#else
std::vector<WordMasks> word_masks(std::string_view lowered) {
    return word_masks_bytewise(lowered);
}
#endif

} // namespace factlint::grammar
