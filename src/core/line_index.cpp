#include "core/line_index.hpp"

#include <algorithm>
#include <cstdint>
#include <iterator>

namespace factlint {
namespace {

constexpr std::string_view bom = "\xEF\xBB\xBF";

bool is_continuation(char c) {
    return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

/// Width of one code point starting with byte `lead` in the requested unit.
std::size_t width(unsigned char lead, ColumnUnit unit) {
    switch (unit) {
    case ColumnUnit::bytes:
        return 1; // counted per byte by the caller
    case ColumnUnit::code_points:
        return 1;
    case ColumnUnit::utf16:
        return lead >= 0xF0 ? 2 : 1;
    }
    return 1;
}

/// The columns [begin, end) of `text` spans in `unit` (code points or UTF-16 units): the bytes
/// that are no continuation, four-byte sequences twice in UTF-16. Branch-free counts into byte
/// counters, over blocks of at most 255 bytes, so the compiler counts sixteen bytes per vector
/// step (size_t counters made it widen every byte to 64 bits first).
std::size_t columns(std::string_view text, std::size_t begin, std::size_t end, ColumnUnit unit) {
    std::size_t leads = 0;
    std::size_t four_byte = 0;
    while (begin < end) {
        const std::size_t block_end = begin + std::min<std::size_t>(end - begin, 255);
        std::uint8_t block_leads = 0;
        std::uint8_t block_four_byte = 0;
        for (std::size_t i = begin; i < block_end; ++i) {
            const auto u = static_cast<unsigned char>(text[i]);
            block_leads += (u & 0xC0) != 0x80;
            block_four_byte += u >= 0xF0;
        }
        leads += block_leads;
        four_byte += block_four_byte;
        begin = block_end;
    }
    return unit == ColumnUnit::utf16 ? leads + four_byte : leads;
}

} // namespace

void LineIndex::build() const {
    std::string_view text = text_;
    starts_.push_back(text.starts_with(bom) ? bom.size() : 0);
    if (text.find('\r') == std::string_view::npos) { // the common case: memchr for '\n'
        for (std::size_t i = text.find('\n'); i != std::string_view::npos;
             i = text.find('\n', i + 1))
            starts_.push_back(i + 1);
    } else {
        for (std::size_t i = 0; i < text.size(); ++i) {
            if (text[i] == '\n' ||
                (text[i] == '\r' && (i + 1 == text.size() || text[i + 1] != '\n')))
                starts_.push_back(i + 1);
        }
    }
    // Checkpoints in long lines (minified text, a book on one line), so that locating many
    // findings on one line stays linear.
    for (std::size_t line = 0; line < starts_.size(); ++line) {
        std::size_t start = starts_[line];
        std::size_t end = line + 1 < starts_.size() ? starts_[line + 1] : text.size();
        if (end - start <= anchor_step)
            continue;
        Anchor counted{start, 0, 0};
        for (std::size_t i = start; i < end; ++i) {
            if (is_continuation(text[i]))
                continue;
            if (i - counted.offset >= anchor_step) {
                counted.offset = i;
                anchors_.push_back(counted);
            }
            ++counted.code_points;
            counted.utf16 += width(static_cast<unsigned char>(text[i]), ColumnUnit::utf16);
        }
    }
}

Position LineIndex::position(std::size_t offset, ColumnUnit unit) const {
    const std::vector<std::size_t>& starts = line_starts();
    offset = std::min(offset, text_.size());
    auto line = std::upper_bound(starts.begin(), starts.end(), offset) - starts.begin();
    std::size_t start = starts[line == 0 ? 0 : line - 1];
    if (line == 0) // inside the BOM
        return {1, 1};
    if (unit == ColumnUnit::bytes)
        return {std::size_t(line), offset - start + 1};
    std::size_t column = 1;
    auto anchor = std::upper_bound(anchors_.begin(), anchors_.end(), offset,
                                   [](std::size_t at, const Anchor& a) { return at < a.offset; });
    if (anchor != anchors_.begin() && std::prev(anchor)->offset >= start) {
        const Anchor& nearest = *std::prev(anchor);
        column += unit == ColumnUnit::utf16 ? nearest.utf16 : nearest.code_points;
        start = nearest.offset;
    }
    return {std::size_t(line), column + columns(text_, start, offset, unit)};
}

std::size_t LineIndex::offset(Position position, ColumnUnit unit) const {
    const std::vector<std::size_t>& starts = line_starts();
    if (position.line == 0 || position.line > starts.size())
        return text_.size();
    std::string_view line = line_text(position.line);
    std::size_t start = starts[position.line - 1];
    std::size_t column = 1;
    std::size_t i = 0;
    while (i < line.size() && column < position.column) {
        if (unit == ColumnUnit::bytes) {
            ++column;
            ++i;
            continue;
        }
        column += width(static_cast<unsigned char>(line[i]), unit);
        ++i;
        while (i < line.size() && is_continuation(line[i]))
            ++i;
    }
    return start + i;
}

std::string_view LineIndex::line_text(std::size_t line) const {
    const std::vector<std::size_t>& starts = line_starts();
    if (line == 0 || line > starts.size())
        return {};
    std::size_t start = starts[line - 1];
    std::size_t end = line < starts.size() ? starts[line] : text_.size();
    while (end > start && (text_[end - 1] == '\n' || text_[end - 1] == '\r'))
        --end;
    return text_.substr(start, end - start);
}

} // namespace factlint
