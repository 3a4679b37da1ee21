#include "document/plain_text.hpp"

#include "document/directives.hpp"
#include "document/scan_util.hpp"

#include <algorithm>

namespace factlint {
namespace {

/// Longest line (in code points) of a hard-wrapped file.
constexpr std::size_t wrap_limit = 100;
/// Shortest line that can continue on the next line in a hard-wrapped file (and at least 3/4 of
/// its longest line): shorter ones are headlines or a paragraph's last line.
constexpr std::size_t min_wrapped_line = 40;

bool is_continuation_byte(char c) {
    return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

bool is_url_boundary(char before) {
    return scan::is_space(before) || before == '(' || before == '<' || before == '"' ||
           before == '\'';
}

/// True when the trimmed line [begin, end) ends with end punctuation, closing quotes allowed.
bool ends_with_stop(std::string_view text, std::size_t begin, std::size_t end) {
    while (end > begin) {
        char c = text[end - 1];
        if (c == '"' || c == '\'' || c == ')' || c == ']') {
            --end;
        } else if (end - begin >= 3 && (text.substr(end - 3, 3) == "\xE2\x80\x9D" ||
                                        text.substr(end - 3, 3) == "\xE2\x80\x99")) {
            end -= 3; // ” ’
        } else {
            break;
        }
    }
    if (end == begin)
        return false;
    char c = text[end - 1];
    return c == '.' || c == '?' || c == '!' || c == ':' ||
           (end - begin >= 3 && text.substr(end - 3, 3) == "\xE2\x80\xA6"); // …
}

/// Blanks the bare URLs in [begin, end): found from their "://" or "www." with find(), which
/// is much faster than looking at every 'h' and 'w'.
void blank_urls(std::string_view text, std::string& prose, std::size_t begin, std::size_t end) {
    std::string_view line = text.substr(0, end);
    for (std::size_t k = line.find("://", begin); k != std::string_view::npos;
         k = line.find("://", k + 3)) {
        std::size_t start = k >= begin + 5 && scan::has_at(text, k - 5, "https")  ? k - 5
                            : k >= begin + 4 && scan::has_at(text, k - 4, "http") ? k - 4
                                                                                  : k;
        if (start == k || !(start == begin || is_url_boundary(text[start - 1])))
            continue;
        std::size_t url_end = scan::bare_url_end(text, start, end);
        scan::blank(prose, start, url_end);
        k = std::max(k, url_end);
    }
    for (std::size_t k = line.find("www.", begin); k != std::string_view::npos;
         k = line.find("www.", k + 4)) {
        if (!(k == begin || is_url_boundary(text[k - 1])))
            continue;
        std::size_t url_end = scan::bare_url_end(text, k, end);
        scan::blank(prose, k, url_end);
        k = std::max(k, url_end);
    }
}

} // namespace

void scan_plain_text(Document& document, std::size_t begin) {
    std::string_view text = document.text;
    std::string& prose = document.prose;

    scan::LineEnds line_ends(text);
    // Hard-wrapped: no long line, and some line visibly continues the previous one (it starts
    // in lower case after a line without end punctuation).
    bool short_lines = true, continued = false;
    std::size_t longest = 0; // bytes
    std::size_t previous_first = 0, previous_last = 0;
    for (std::size_t line = begin; line < text.size() && short_lines;) {
        std::size_t end = line_ends(line);
        longest = std::max(longest, end - line);
        std::size_t first = scan::skip_space(text, line, end);
        std::size_t last = scan::trim_end(text, first, end);
        if (first < last && previous_first < previous_last && scan::is_lower(text[first]) &&
            !ends_with_stop(text, previous_first, previous_last))
            continued = true;
        previous_first = first;
        previous_last = last;
        if (end - line > wrap_limit) { // bytes >= code points: count only long lines
            std::size_t code_points = 0;
            for (std::size_t k = line; k < end; ++k)
                code_points += !is_continuation_byte(text[k]);
            short_lines = code_points <= wrap_limit;
        }
        line = scan::next_line(text, end);
    }
    const bool wrapped = short_lines && continued;

    // Bare URLs are rare: two searches of the whole file spare most files two per line.
    const bool has_urls = text.find("://", begin) != std::string_view::npos ||
                          text.find("www.", begin) != std::string_view::npos;

    // A wrapped line fills most of the wrap width; a shorter one ends its paragraph.
    const std::size_t min_continued = std::max(min_wrapped_line, longest * 3 / 4);
    // Room for a typical article's paragraphs: one allocation instead of five or six.
    document.paragraphs.reserve(32);
    bool open = false;
    std::size_t paragraph_begin = 0, paragraph_end = 0, previous_length = 0;
    bool previous_stop = false;
    auto close = [&] {
        if (open)
            document.paragraphs.push_back({paragraph_begin, paragraph_end});
        open = false;
    };
    for (std::size_t line = begin; line < text.size();) {
        std::size_t end = line_ends(line);
        std::size_t first = scan::skip_space(text, line, end);
        std::size_t last = scan::trim_end(text, first, end);
        if (first < last && scan::has_at(text, first, "<!--") && last - first >= 7 &&
            text.substr(last - 3, 3) == "-->" &&
            text.substr(first + 4, last - first - 7).find("-->") == std::string_view::npos) {
            read_directive(text, {first, last}, document.directives, document.problems);
            scan::blank(prose, first, last);
            first = last;
        }
        if (has_urls)
            blank_urls(text, prose, first, last);
        scan::trim_prose(prose, first, last);
        if (first == last) {
            close();
        } else {
            bool joins = open && wrapped && previous_length >= min_continued &&
                         (!previous_stop || scan::is_lower(text[first]));
            if (joins) {
                paragraph_end = last;
            } else {
                close();
                open = true;
                paragraph_begin = first;
                paragraph_end = last;
            }
            previous_length = last - first;
            previous_stop = ends_with_stop(prose, first, last);
        }
        line = scan::next_line(text, end);
    }
    close();
}

} // namespace factlint
