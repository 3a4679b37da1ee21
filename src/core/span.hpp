/// Byte ranges into a document's text: the one currency for positions in factlint.
#pragma once

#include <cstddef>
#include <string_view>

namespace factlint {

/// Half-open byte range [begin, end) into a document's text.
struct Span {
    std::size_t begin = 0;
    std::size_t end = 0;

    std::size_t size() const { return end - begin; }
    bool empty() const { return begin == end; }
    bool contains(std::size_t offset) const { return begin <= offset && offset < end; }
    bool contains(Span other) const { return begin <= other.begin && other.end <= end; }
    /// The bytes this span covers in `text`.
    std::string_view in(std::string_view text) const { return text.substr(begin, end - begin); }
    friend bool operator==(Span, Span) = default;
    friend auto operator<=>(Span, Span) = default;
};

} // namespace factlint
