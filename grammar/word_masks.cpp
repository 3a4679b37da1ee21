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

std::vector<WordMasks> prepare_prose_bytewise(std::string_view prose, char* written,
                                              char* lowered) {
    for (std::size_t i = 0; i < prose.size(); ++i) {
        char c = prose[i];
        written[i] = c == '\n' || c == '\r' || c == '\t' ? ' ' : c;
        lowered[i] = ascii_lower(written[i]);
    }
    return word_masks_bytewise(std::string_view(lowered, prose.size()));
}

#if defined(__SSE2__)
namespace {

/// 0xFF in each byte of `x` that lies in [low, high], else 0: x - low (mod 256) is at most
/// high - low exactly there, and the saturating subtraction of high - low leaves 0 only then.
inline __m128i in_range(__m128i x, char low, char high) {
    __m128i above =
        _mm_subs_epu8(_mm_sub_epi8(x, _mm_set1_epi8(low)), _mm_set1_epi8(char(high - low)));
    return _mm_cmpeq_epi8(above, _mm_setzero_si128());
}

/// Adds the masks of 16 lower-case bytes, part `part` of a 64-byte block, to `masks`: a byte
/// is in the run class when it lies in a-z, 0-9 or is '_'; it continues a word when it is in
/// the run class or has its high bit set.
inline void add_part_masks(__m128i x, int part, WordMasks& masks) {
    __m128i run = _mm_or_si128(_mm_or_si128(in_range(x, 'a', 'z'), in_range(x, '0', '9')),
                               _mm_cmpeq_epi8(x, _mm_set1_epi8('_')));
    std::uint64_t run_bits = static_cast<unsigned>(_mm_movemask_epi8(run));
    std::uint64_t high_bits = static_cast<unsigned>(_mm_movemask_epi8(x));
    masks.run |= run_bits << (16 * part);
    masks.word |= (run_bits | high_bits) << (16 * part);
}

/// The masks of 64 lower-case bytes, 16 at a time.
WordMasks block_masks(const char* bytes) {
    WordMasks masks;
    for (int part = 0; part < 4; ++part)
        add_part_masks(_mm_loadu_si128(reinterpret_cast<const __m128i*>(bytes + 16 * part)), part,
                       masks);
    return masks;
}

/// prepare_prose() of 64 bytes: each 16 are loaded once, written out twice and masked.
[[gnu::always_inline]] inline WordMasks prepare_block(const char* prose, char* written,
                                                      char* lowered) {
    WordMasks masks;
    for (int part = 0; part < 4; ++part) {
        __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(prose + 16 * part));
        __m128i blank = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8('\n')),
                                                  _mm_cmpeq_epi8(x, _mm_set1_epi8('\r'))),
                                     _mm_cmpeq_epi8(x, _mm_set1_epi8('\t')));
        x = _mm_or_si128(_mm_andnot_si128(blank, x), _mm_and_si128(blank, _mm_set1_epi8(' ')));
        _mm_storeu_si128(reinterpret_cast<__m128i*>(written + 16 * part), x);
        __m128i upper = in_range(x, 'A', 'Z');
        x = _mm_add_epi8(x, _mm_and_si128(upper, _mm_set1_epi8('a' - 'A')));
        _mm_storeu_si128(reinterpret_cast<__m128i*>(lowered + 16 * part), x);
        add_part_masks(x, part, masks);
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

std::vector<WordMasks> prepare_prose(std::string_view prose, char* written, char* lowered) {
    std::vector<WordMasks> masks;
    masks.reserve((prose.size() + 63) / 64);
    std::size_t i = 0;
    for (; i + 64 <= prose.size(); i += 64)
        masks.push_back(prepare_block(prose.data() + i, written + i, lowered + i));
    if (i < prose.size()) {
        // The last bytes through a padded block (NUL is neither a word nor a run byte).
        const std::size_t rest = prose.size() - i;
        char last[64] = {};
        char last_written[64];
        char last_lowered[64];
        std::memcpy(last, prose.data() + i, rest);
        masks.push_back(prepare_block(last, last_written, last_lowered));
        std::memcpy(written + i, last_written, rest);
        std::memcpy(lowered + i, last_lowered, rest);
    }
    return masks;
}
#else
std::vector<WordMasks> word_masks(std::string_view lowered) {
    return word_masks_bytewise(lowered);
}

std::vector<WordMasks> prepare_prose(std::string_view prose, char* written, char* lowered) {
    return prepare_prose_bytewise(prose, written, lowered);
}
#endif

} // namespace factlint::grammar
