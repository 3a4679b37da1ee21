/// Byte-level helpers shared by the Markdown, plain-text and sentence scanners. Everything here
/// works on single bytes of UTF-8 text: ASCII classes only, multi-byte characters count as
/// "other" (neither space nor punctuation), which is what the scanners need.
#pragma once

#include <cstddef>
#include <cstring>
#include <string>
#include <string_view>

namespace factlint::scan {

inline bool is_newline(char c) {
    return c == '\n' || c == '\r';
}
inline bool is_blank(char c) {
    return c == ' ' || c == '\t';
}
inline bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}
inline bool is_digit(char c) {
    return c >= '0' && c <= '9';
}
inline bool is_lower(char c) {
    return c >= 'a' && c <= 'z';
}
inline bool is_upper(char c) {
    return c >= 'A' && c <= 'Z';
}
inline bool is_alpha(char c) {
    return is_lower(c) || is_upper(c);
}
inline bool is_alnum(char c) {
    return is_alpha(c) || is_digit(c);
}
/// ASCII punctuation as CommonMark defines it (the characters a backslash can escape).
inline bool is_punct(char c) {
    return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') ||
           (c >= '{' && c <= '~');
}
inline char to_lower(char c) {
    return is_upper(c) ? char(c - 'A' + 'a') : c;
}

/// Replaces [begin, end) of `prose` with spaces, keeping line breaks so offsets and lines stay.
inline void blank(std::string& prose, std::size_t begin, std::size_t end) {
    for (; begin < end; ++begin)
        if (!is_newline(prose[begin]))
            prose[begin] = ' ';
}

/// Offset of the line break (or the end of `text`) at or after `offset`.
inline std::size_t line_end(std::string_view text, std::size_t offset) {
    while (offset < text.size() && text[offset] != '\n' && text[offset] != '\r')
        ++offset;
    return offset;
}

/// Finds line ends with memchr when the text has no carriage returns (the common case).
class LineEnds {
public:
    explicit LineEnds(std::string_view text)
        : text_(text)
        , has_cr_(text.find('\r') != std::string_view::npos) {}
    /// Same as line_end(text, offset).
    std::size_t operator()(std::size_t offset) const {
        if (has_cr_)
            return line_end(text_, offset);
        const void* hit = std::memchr(text_.data() + offset, '\n', text_.size() - offset);
        return hit ? static_cast<const char*>(hit) - text_.data() : text_.size();
    }

private:
    std::string_view text_;
    bool has_cr_;
};

/// Offset of the next line's start, given the `end` of a line as line_end() returns it.
inline std::size_t next_line(std::string_view text, std::size_t end) {
    if (end < text.size() && text[end] == '\r')
        ++end;
    else if (end < text.size() && text[end] == '\n')
        return end + 1;
    else
        return end;
    if (end < text.size() && text[end] == '\n')
        ++end;
    return end;
}

/// First offset in [begin, end) that is not a space, tab or line break (or `end`).
inline std::size_t skip_space(std::string_view text, std::size_t begin, std::size_t end) {
    while (begin < end && is_space(text[begin]))
        ++begin;
    return begin;
}

/// `end` moved back over spaces, tabs and line breaks, not before `begin`.
inline std::size_t trim_end(std::string_view text, std::size_t begin, std::size_t end) {
    while (end > begin && is_space(text[end - 1]))
        --end;
    return end;
}

/// Length of the whitespace character at `i`: ASCII space, tab or line break, or a Unicode
/// space (no-break U+00A0, U+2000..U+200B, U+202F, U+3000); 0 for anything else.
inline std::size_t space_length(std::string_view text, std::size_t i) {
    if (is_space(text[i]))
        return 1;
    unsigned char lead = static_cast<unsigned char>(text[i]);
    if (lead == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xA0)
        return 2;
    if ((lead == 0xE2 || lead == 0xE3) && i + 2 < text.size()) {
        auto second = static_cast<unsigned char>(text[i + 1]);
        auto third = static_cast<unsigned char>(text[i + 2]);
        if (lead == 0xE2 && second == 0x80 && (third <= 0x8B || third == 0xAF))
            return 3;
        if (lead == 0xE3 && second == 0x80 && third == 0x80)
            return 3;
    }
    return 0;
}

/// Length of the whitespace character that ends just before `end` (see space_length), or 0.
inline std::size_t space_length_before(std::string_view text, std::size_t end) {
    if (end == 0)
        return 0;
    // Every Unicode space above ends in a continuation byte: after an ASCII byte (a sentence's
    // full stop, a word's last letter) there is nothing more to look at.
    if (static_cast<unsigned char>(text[end - 1]) < 0x80)
        return is_space(text[end - 1]) ? 1 : 0;
    if (end >= 2 && space_length(text, end - 2) == 2)
        return 2;
    if (end >= 3 && space_length(text, end - 3) == 3)
        return 3;
    return 0;
}

/// [begin, end) without leading and trailing whitespace, Unicode spaces included.
inline void trim_prose(std::string_view text, std::size_t& begin, std::size_t& end) {
    for (std::size_t length; begin < end && (length = space_length(text, begin)) != 0;)
        begin += length;
    for (std::size_t length; end > begin && (length = space_length_before(text, end)) != 0;)
        end -= length;
}

/// True when `text` has `prefix` at `offset`.
inline bool has_at(std::string_view text, std::size_t offset, std::string_view prefix) {
    return offset <= text.size() && text.substr(offset, prefix.size()) == prefix;
}

/// When a bare URL (http://, https:// or www.) starts at `begin` of `text`, the offset just
/// after it (trailing punctuation and unbalanced ')' excluded); otherwise `begin`. The caller
/// checks that `begin` starts a word.
inline std::size_t bare_url_end(std::string_view text, std::size_t begin, std::size_t end) {
    std::size_t rest;
    if (has_at(text, begin, "https://"))
        rest = begin + 8;
    else if (has_at(text, begin, "http://"))
        rest = begin + 7;
    else if (has_at(text, begin, "www.") && begin + 4 < end && is_alnum(text[begin + 4]))
        rest = begin + 4;
    else
        return begin;
    std::size_t i = rest;
    int parens = 0;
    while (i < end) {
        char c = text[i];
        // Stop at spaces, markup delimiters and non-ASCII (a closing curly quote, usually).
        if (is_space(c) || c == '<' || c == '>' || c == '"' || c == '`' ||
            static_cast<unsigned char>(c) >= 0x80)
            break;
        parens += c == '(' ? 1 : c == ')' ? -1 : 0;
        ++i;
    }
    while (i > rest) {
        char c = text[i - 1];
        if (c == ')' && parens < 0) {
            ++parens;
            --i;
        } else if (c == '.' || c == ',' || c == ':' || c == ';' || c == '!' || c == '?' ||
                   c == '\'' || c == '*' || c == '_' || c == '~') {
            --i;
        } else {
            break;
        }
    }
    return i > rest ? i : begin;
}

} // namespace factlint::scan
