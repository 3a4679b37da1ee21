#include "document/front_matter.hpp"

#include "document/scan_util.hpp"

#include <fmt/format.h>

namespace factlint {
namespace {

/// True when [begin, end) is `marker` followed only by spaces or tabs.
bool is_fence_line(std::string_view text, std::size_t begin, std::size_t end,
                   std::string_view marker) {
    if (!scan::has_at(text, begin, marker) || begin + marker.size() > end)
        return false;
    for (std::size_t i = begin + marker.size(); i < end; ++i)
        if (!scan::is_blank(text[i]))
            return false;
    return true;
}

/// Reads the value of a `date:` line, [begin, end) being the text after the colon.
void read_date(std::string_view text, std::size_t begin, std::size_t end, FrontMatter& result) {
    begin = scan::skip_space(text, begin, end);
    // A YAML comment ends the value ("date: 2025-01-13 # publication").
    for (std::size_t i = begin; i < end; ++i)
        if (text[i] == '#' && (i == begin || scan::is_blank(text[i - 1]))) {
            end = i;
            break;
        }
    end = scan::trim_end(text, begin, end);
    std::size_t value_begin = begin, value_end = end;
    if (end - begin >= 2 && (text[begin] == '"' || text[begin] == '\'') &&
        text[end - 1] == text[begin]) {
        ++value_begin;
        --value_end;
    }
    std::string_view value = text.substr(value_begin, value_end - value_begin);
    // YAML timestamps: "2025-01-13T09:00:00Z" or "2025-01-13 09:00:00 +0000".
    if (value.size() > 10 && (value[10] == 'T' || value[10] == ' '))
        value = value.substr(0, 10);
    if (auto date = Date::parse_iso(value)) {
        result.date = date;
        return;
    }
    Span span{begin, end > begin ? end : begin};
    result.problem =
        Diagnostic{"invalid-front-matter",
                   Level::warning,
                   span,
                   fmt::format("front matter date '{}' is not a date (expected YYYY-MM-DD)",
                               text.substr(begin, end - begin)),
                   {},
                   {}};
}

/// True when [begin, end) starts with a YAML mapping key ("title:", "date :"): a block of
/// Markdown between two thematic breaks is not taken for front matter.
bool is_yaml_key_line(std::string_view text, std::size_t begin, std::size_t end) {
    std::size_t k = begin;
    while (k < end && (scan::is_alnum(text[k]) || text[k] == '_' || text[k] == '-'))
        ++k;
    if (k == begin)
        return false;
    while (k < end && scan::is_blank(text[k]))
        ++k;
    return k < end && text[k] == ':';
}

} // namespace

std::optional<FrontMatter> read_front_matter(std::string_view text, std::size_t begin) {
    std::size_t end = scan::line_end(text, begin);
    if (!is_fence_line(text, begin, end, "---"))
        return std::nullopt;
    FrontMatter result;
    bool first = true;
    for (std::size_t line = scan::next_line(text, end); line < text.size();) {
        end = scan::line_end(text, line);
        bool blank_or_comment = scan::skip_space(text, line, end) == end ||
                                text[scan::skip_space(text, line, end)] == '#';
        if (first && !blank_or_comment && !is_fence_line(text, line, end, "---") &&
            !is_fence_line(text, line, end, "...") && !is_yaml_key_line(text, line, end))
            return std::nullopt;
        first = first && blank_or_comment;
        if (is_fence_line(text, line, end, "---") || is_fence_line(text, line, end, "...")) {
            result.end = scan::next_line(text, end);
            return result;
        }
        if (scan::has_at(text, line, "date:"))
            read_date(text, line + 5, end, result);
        line = scan::next_line(text, end);
    }
    return std::nullopt;
}

} // namespace factlint
