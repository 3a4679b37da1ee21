/// Turns byte offsets into 1-based line and column, counted in the unit a consumer wants.
#pragma once

#include <cstddef>
#include <mutex>
#include <string_view>
#include <vector>

namespace factlint {

/// The unit a column is counted in: code points for people, UTF-16 units for LSP clients.
enum class ColumnUnit { bytes, code_points, utf16 };

/// 1-based line and column.
struct Position {
    std::size_t line = 1;
    std::size_t column = 1;
    friend bool operator==(Position, Position) = default;
};

/// Line starts of one text. Lines end at "\n", "\r\n" or a lone "\r". A leading UTF-8 BOM does
/// not count as a column. The text must outlive the index.
///
/// The line starts are found at the first question, not on construction: every document gets
/// an index, but most files linted have no finding to locate. Safe to ask from many threads.
class LineIndex {
public:
    explicit LineIndex(std::string_view text)
        : text_(text) {}

    /// Line and column of a byte offset (offset == text size is allowed: the end position).
    Position position(std::size_t offset, ColumnUnit unit = ColumnUnit::code_points) const;
    /// Byte offset of a line/column; clamps to the line's end.
    std::size_t offset(Position position, ColumnUnit unit = ColumnUnit::code_points) const;
    /// The text of a 1-based line, without its line ending.
    std::string_view line_text(std::size_t line) const;
    std::size_t line_count() const { return line_starts().size(); }

private:
    /// A checkpoint inside a long line: the columns counted from the line's start up to
    /// `offset`, so position() never walks more than `anchor_step` bytes of one line.
    struct Anchor {
        std::size_t offset;
        std::size_t code_points;
        std::size_t utf16;
    };
    static constexpr std::size_t anchor_step = 4096;

    /// Fills starts_ and anchors_.
    void build() const;
    /// starts_, built on the first call.
    const std::vector<std::size_t>& line_starts() const {
        std::call_once(built_, [this] { build(); });
        return starts_;
    }

    std::string_view text_;
    mutable std::once_flag built_;
    mutable std::vector<std::size_t> starts_; ///< byte offset where each line begins
    mutable std::vector<Anchor> anchors_; ///< sorted by offset; only in lines longer than a step
};

} // namespace factlint
