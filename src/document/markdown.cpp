#include "document/markdown.hpp"

#include "document/directives.hpp"
#include "document/scan_util.hpp"

#include <algorithm>
#include <array>
#include <cstring>
#include <string>
#include <vector>

// One pass over the lines for the block structure (CommonMark's container/leaf model: block
// quotes and list items contain paragraphs, headings, code, HTML blocks and GFM tables), then one
// pass over each prose block for the inline markup. The block pass blanks container markers and
// whole non-prose blocks; the inline pass blanks code spans, HTML, link destinations, emphasis
// markers and bare URLs. Searches that can fail are bounded or remembered, so hostile input
// (thousands of unclosed backticks) stays linear.

namespace factlint {
namespace {

using scan::blank;
using scan::has_at;
using scan::is_alnum;
using scan::is_alpha;
using scan::is_blank;
using scan::is_digit;
using scan::is_punct;
using scan::is_space;

constexpr std::size_t unknown = std::size_t(-1);
/// Longest link text, destination, or HTML tag the inline pass looks through.
constexpr std::size_t search_limit = 2000;
/// Bytes the inline pass may scan ahead per byte of a prose block (plus a fixed allowance)
/// before it stops looking for links and tags: keeps "[[[[..." or `<a x="` repeated a million
/// times linear, and is never reached by real text.
constexpr long lookahead_per_byte = 8;
constexpr long lookahead_allowance = 16384;
/// Deepest nesting of quotes and list items: deeper markers are text. Matching containers costs
/// depth x indentation per line, so this keeps absurd nesting from going quadratic.
constexpr std::size_t max_depth = 64;

std::size_t next_column(char c, std::size_t column) {
    return c == '\t' ? column + 4 - column % 4 : column + 1;
}

bool equals_ignoring_case(std::string_view text, std::size_t offset, std::string_view word) {
    if (offset + word.size() > text.size())
        return false;
    for (std::size_t k = 0; k < word.size(); ++k)
        if (scan::to_lower(text[offset + k]) != word[k])
            return false;
    return true;
}

/// Tag names that start an HTML block of kind 6 (CommonMark 4.6).
constexpr std::array<std::string_view, 62> block_tags{
    "address",  "article",  "aside",    "base",       "basefont", "blockquote", "body",   "caption",
    "center",   "col",      "colgroup", "dd",         "details",  "dialog",     "dir",    "div",
    "dl",       "dt",       "fieldset", "figcaption", "figure",   "footer",     "form",   "frame",
    "frameset", "h1",       "h2",       "h3",         "h4",       "h5",         "h6",     "head",
    "header",   "hr",       "html",     "iframe",     "legend",   "li",         "link",   "main",
    "menu",     "menuitem", "nav",      "noframes",   "ol",       "optgroup",   "option", "p",
    "param",    "search",   "section",  "summary",    "table",    "tbody",      "td",     "tfoot",
    "th",       "thead",    "title",    "tr",         "track",    "ul"};

/// Tags whose content is never prose: an HTML block of kind 1.
constexpr std::array<std::string_view, 4> raw_tags{"script", "pre", "style", "textarea"};

/// Bytes the inline pass has to look at; everything else is skipped in a tight loop.
constexpr std::array<bool, 256> inline_specials = [] {
    std::array<bool, 256> table{};
    for (unsigned char c : std::string_view("\\`<[!*_~:w"))
        table[c] = true;
    return table;
}();

struct Container {
    bool quote;
    std::size_t column; ///< list item: the column its content starts at
};

struct ListMarker {
    std::size_t end;            ///< offset after the marker
    std::size_t content_column; ///< where the item's content starts
    bool can_interrupt;         ///< may start while a paragraph is open
};

enum class Leaf { none, paragraph, fenced_code, indented_code, html_raw, html_prose, table };

class MarkdownScanner {
public:
    explicit MarkdownScanner(Document& document)
        : document_(document)
        , text_(document.text)
        , prose_(document.prose) {}

    void run(std::size_t begin) {
        scan::LineEnds line_ends(text_);
        for (std::size_t line = begin; line < text_.size();) {
            line_end_ = line_ends(line);
            pos_ = line;
            column_ = 0;
            process_line();
            line = scan::next_line(text_, line_end_);
        }
        close_leaf();
        std::sort(labels_.begin(), labels_.end());
        for (Span region : regions_) {
            inline_pass(region.begin, region.end);
            std::size_t begin = region.begin, end = region.end;
            scan::trim_prose(prose_, begin, end);
            if (begin < end)
                document_.paragraphs.push_back({begin, end});
        }
        std::stable_sort(
            document_.directives.begin(), document_.directives.end(),
            [](const Directive& a, const Directive& b) { return a.span.begin < b.span.begin; });
    }

private:
    Document& document_;
    std::string_view text_;
    std::string& prose_;

    // The current line: [pos_, line_end_) is what the containers left; column_ is pos_'s column.
    std::size_t line_end_ = 0;
    std::size_t pos_ = 0;
    std::size_t column_ = 0;

    std::vector<Container> containers_;
    Leaf leaf_ = Leaf::none;
    std::size_t block_begin_ = 0; ///< paragraph / HTML block start
    std::size_t block_end_ = 0;   ///< paragraph / HTML prose block end (trimmed)
    std::size_t paragraph_lines_ = 0;
    char fence_char_ = 0;
    std::size_t fence_length_ = 0;
    int html_kind_ = 0;

    std::vector<Span> regions_;       ///< prose blocks, waiting for the inline pass
    std::vector<std::string> labels_; ///< link reference definitions (normalized)
    std::vector<std::size_t> pipes_;  ///< table row scratch
    std::vector<Span> cells_;         ///< table row scratch

    // Inline pass memory: a failed search from offset s fails from any later offset too.
    std::array<std::size_t, 16> backtick_fail_{};
    std::size_t comment_fail_ = unknown;
    long budget_ = 0; ///< lookahead left for links and tags in this block

    // ---- line helpers -------------------------------------------------------------------

    struct Indent {
        std::size_t pos;
        std::size_t column;
    };

    Indent peek_indent() const {
        std::size_t p = pos_, column = column_;
        while (p < line_end_ && is_blank(text_[p]))
            column = next_column(text_[p++], column);
        return {p, column};
    }

    void move_to(std::size_t p) {
        while (pos_ < p)
            column_ = next_column(text_[pos_++], column_);
    }

    void consume_to_column(std::size_t target) {
        while (pos_ < line_end_ && column_ < target && is_blank(text_[pos_]))
            column_ = next_column(text_[pos_++], column_);
    }

    bool rest_is_blank(std::size_t from) const {
        for (std::size_t p = from; p < line_end_; ++p)
            if (!is_blank(text_[p]))
                return false;
        return true;
    }

    void add_region(std::size_t begin, std::size_t end) {
        if (begin < end)
            regions_.push_back({begin, end});
    }

    // ---- block structure ----------------------------------------------------------------

    void process_line() {
        std::size_t matched = match_containers();
        if (matched < containers_.size()) {
            if (leaf_ == Leaf::paragraph && is_lazy_continuation()) {
                Indent indent = peek_indent();
                block_end_ = scan::trim_end(text_, indent.pos, line_end_);
                ++paragraph_lines_;
                return;
            }
            close_leaf();
            containers_.resize(matched);
        }
        switch (leaf_) {
        case Leaf::fenced_code:
            fenced_code_line();
            return;
        case Leaf::html_raw:
            html_raw_line(pos_);
            return;
        case Leaf::html_prose:
            if (rest_is_blank(pos_))
                close_leaf();
            else
                block_end_ = scan::trim_end(text_, pos_, line_end_);
            return;
        default:
            break;
        }
        open_containers();
        leaf_line();
    }

    std::size_t match_containers() {
        std::size_t i = 0;
        for (; i < containers_.size(); ++i) {
            Indent indent = peek_indent();
            if (containers_[i].quote) {
                if (indent.column - column_ > 3 || indent.pos >= line_end_ ||
                    text_[indent.pos] != '>')
                    break;
                prose_[indent.pos] = ' ';
                move_to(indent.pos + 1);
                if (pos_ < line_end_ && is_blank(text_[pos_]))
                    move_to(pos_ + 1);
                continue;
            }
            if (indent.pos >= line_end_)
                continue; // a blank line stays inside the list item
            if (indent.column < containers_[i].column)
                break;
            consume_to_column(containers_[i].column);
        }
        return i;
    }

    /// A line that continues an open paragraph even though its containers did not match.
    bool is_lazy_continuation() const {
        Indent indent = peek_indent();
        if (indent.pos >= line_end_)
            return false;
        if (indent.column - column_ >= 4)
            return true;
        std::size_t p = indent.pos;
        // Any list marker starts a new item here: the paragraph is not the innermost matched
        // container, so the "ordered lists interrupt only from 1" rule does not apply.
        ListMarker marker;
        return text_[p] != '>' && !list_marker(p, indent.column, marker) && !is_atx_heading(p) &&
               !is_fence(p) && !is_thematic_break(p) && !(html_start(p) >= 1 && html_start(p) <= 6);
    }

    void open_containers() {
        while (containers_.size() < max_depth) {
            Indent indent = peek_indent();
            if (indent.pos >= line_end_ || indent.column - column_ >= 4)
                return;
            std::size_t p = indent.pos;
            if (text_[p] == '>') {
                close_leaf();
                prose_[p] = ' ';
                move_to(p + 1);
                if (pos_ < line_end_ && is_blank(text_[pos_]))
                    move_to(pos_ + 1);
                containers_.push_back({true, 0});
                continue;
            }
            if (is_thematic_break(p))
                return;
            ListMarker marker;
            if (!list_marker(p, indent.column, marker))
                return;
            if (leaf_ == Leaf::paragraph && !marker.can_interrupt)
                return;
            close_leaf();
            blank(prose_, p, marker.end);
            move_to(marker.end);
            containers_.push_back({false, marker.content_column});
            consume_to_column(marker.content_column);
            // GFM task list item: "- [ ] task", "- [x] done".
            if (pos_ + 3 <= line_end_ && text_[pos_] == '[' && text_[pos_ + 2] == ']' &&
                (text_[pos_ + 1] == ' ' || text_[pos_ + 1] == 'x' || text_[pos_ + 1] == 'X') &&
                (pos_ + 3 == line_end_ || is_blank(text_[pos_ + 3]))) {
                blank(prose_, pos_, pos_ + 3);
                move_to(pos_ + 3);
            }
        }
    }

    bool list_marker(std::size_t p, std::size_t column, ListMarker& marker) const {
        std::size_t q = p;
        bool ordered = false;
        long number = 0;
        char c = text_[p];
        if (c == '-' || c == '+' || c == '*') {
            q = p + 1;
        } else if (is_digit(c)) {
            while (q < line_end_ && is_digit(text_[q]) && q - p < 9)
                number = number * 10 + (text_[q++] - '0');
            if (q >= line_end_ || (text_[q] != '.' && text_[q] != ')'))
                return false;
            ++q;
            ordered = true;
        } else {
            return false;
        }
        if (q < line_end_ && !is_blank(text_[q]))
            return false;
        std::size_t marker_column = column + (q - p);
        std::size_t r = q, r_column = marker_column;
        while (r < line_end_ && is_blank(text_[r]))
            r_column = next_column(text_[r++], r_column);
        bool empty = r >= line_end_;
        std::size_t spaces = r_column - marker_column;
        marker.end = q;
        marker.content_column = (empty || spaces >= 5) ? marker_column + 1 : r_column;
        marker.can_interrupt = !empty && (!ordered || number == 1);
        return true;
    }

    void leaf_line() {
        Indent indent = peek_indent();
        std::size_t p = indent.pos;
        std::size_t columns = indent.column - column_;
        if (p >= line_end_) {
            if (leaf_ != Leaf::indented_code)
                close_leaf();
            return;
        }
        if (columns >= 4 && leaf_ != Leaf::paragraph && leaf_ != Leaf::table) {
            if (leaf_ != Leaf::indented_code) {
                close_leaf();
                leaf_ = Leaf::indented_code;
            }
            blank(prose_, pos_, line_end_);
            return;
        }
        if (leaf_ == Leaf::indented_code)
            close_leaf();
        if (columns < 4) {
            if (is_fence(p)) {
                close_leaf();
                leaf_ = Leaf::fenced_code;
                fence_char_ = text_[p];
                fence_length_ = 0;
                while (p + fence_length_ < line_end_ && text_[p + fence_length_] == fence_char_)
                    ++fence_length_;
                blank(prose_, pos_, line_end_);
                return;
            }
            if (is_atx_heading(p)) {
                close_leaf();
                atx_heading(p);
                return;
            }
            if (leaf_ == Leaf::paragraph && is_setext_underline(p)) {
                blank(prose_, p, line_end_);
                close_leaf();
                return;
            }
            if (leaf_ == Leaf::paragraph && paragraph_lines_ == 1 && table_start(p))
                return;
            if (is_thematic_break(p)) {
                close_leaf();
                blank(prose_, p, line_end_);
                return;
            }
            int kind = html_start(p);
            if (kind != 0 && !(kind == 7 && leaf_ == Leaf::paragraph)) {
                close_leaf();
                block_begin_ = p;
                if (kind <= 5) {
                    leaf_ = Leaf::html_raw;
                    html_kind_ = kind;
                    html_raw_line(p);
                } else {
                    leaf_ = Leaf::html_prose;
                    block_end_ = scan::trim_end(text_, p, line_end_);
                }
                return;
            }
        }
        if (leaf_ == Leaf::table) {
            table_row(p, true);
            return;
        }
        if (leaf_ == Leaf::paragraph) {
            block_end_ = scan::trim_end(text_, p, line_end_);
            ++paragraph_lines_;
            return;
        }
        if (text_[p] == '[' && columns < 4 && reference_definition(p))
            return;
        start_paragraph(p);
    }

    void start_paragraph(std::size_t p) {
        // GFM footnote definition "[^1]: text": the marker goes, the text is prose.
        if (has_at(text_, p, "[^")) {
            std::size_t q = p + 2;
            while (q < line_end_ && text_[q] != ']' && !is_blank(text_[q]))
                ++q;
            if (q + 1 < line_end_ && text_[q] == ']' && text_[q + 1] == ':') {
                blank(prose_, p, q + 2);
                p = q + 2;
                while (p < line_end_ && is_blank(text_[p]))
                    ++p;
            }
        }
        leaf_ = Leaf::paragraph;
        block_begin_ = p;
        block_end_ = scan::trim_end(text_, p, line_end_);
        paragraph_lines_ = 1;
    }

    void close_leaf() {
        if (leaf_ == Leaf::paragraph || leaf_ == Leaf::html_prose)
            add_region(block_begin_, block_end_);
        leaf_ = Leaf::none;
    }

    bool is_fence(std::size_t p) const {
        char c = text_[p];
        if (c != '`' && c != '~')
            return false;
        std::size_t q = p;
        while (q < line_end_ && text_[q] == c)
            ++q;
        if (q - p < 3)
            return false;
        // A backtick fence's info string has no backticks (else it is inline code).
        return c == '~' || std::memchr(text_.data() + q, '`', line_end_ - q) == nullptr;
    }

    void fenced_code_line() {
        Indent indent = peek_indent();
        std::size_t p = indent.pos;
        if (indent.column - column_ < 4 && p < line_end_ && text_[p] == fence_char_) {
            std::size_t q = p;
            while (q < line_end_ && text_[q] == fence_char_)
                ++q;
            if (q - p >= fence_length_ && rest_is_blank(q))
                leaf_ = Leaf::none;
        }
        blank(prose_, pos_, line_end_);
    }

    bool is_atx_heading(std::size_t p) const {
        std::size_t q = p;
        while (q < line_end_ && text_[q] == '#' && q - p < 7)
            ++q;
        return q > p && q - p <= 6 && (q == line_end_ || is_blank(text_[q]));
    }

    void atx_heading(std::size_t p) {
        std::size_t q = p;
        while (q < line_end_ && text_[q] == '#')
            ++q;
        blank(prose_, p, q);
        std::size_t begin = q;
        while (begin < line_end_ && is_blank(text_[begin]))
            ++begin;
        std::size_t end = scan::trim_end(text_, begin, line_end_);
        // An optional closing sequence: "## Title ##".
        std::size_t hashes = end;
        while (hashes > begin && text_[hashes - 1] == '#')
            --hashes;
        if (hashes < end && (hashes == begin || is_blank(text_[hashes - 1]))) {
            blank(prose_, hashes, end);
            end = scan::trim_end(text_, begin, hashes);
        }
        add_region(begin, end);
    }

    bool is_setext_underline(std::size_t p) const {
        char c = text_[p];
        if (c != '=' && c != '-')
            return false;
        std::size_t q = p;
        while (q < line_end_ && text_[q] == c)
            ++q;
        return rest_is_blank(q);
    }

    bool is_thematic_break(std::size_t p) const {
        char c = text_[p];
        if (c != '*' && c != '-' && c != '_')
            return false;
        std::size_t count = 0;
        for (std::size_t q = p; q < line_end_; ++q) {
            if (text_[q] == c)
                ++count;
            else if (!is_blank(text_[q]))
                return false;
        }
        return count >= 3;
    }

    // ---- HTML blocks --------------------------------------------------------------------

    /// The CommonMark HTML block kind starting at `p` (1..7), or 0.
    int html_start(std::size_t p) const {
        if (text_[p] != '<')
            return 0;
        auto tag_ends = [&](std::size_t q) {
            return q >= line_end_ || is_blank(text_[q]) || text_[q] == '>' ||
                   has_at(text_, q, "/>");
        };
        for (std::string_view tag : raw_tags)
            if (equals_ignoring_case(text_, p + 1, tag) && tag_ends(p + 1 + tag.size()))
                return 1;
        if (has_at(text_, p, "<!--"))
            return 2;
        if (has_at(text_, p, "<?"))
            return 3;
        if (has_at(text_, p, "<![CDATA["))
            return 5;
        if (p + 2 < line_end_ && text_[p + 1] == '!' && is_alpha(text_[p + 2]))
            return 4;
        std::size_t name = p + 1 < line_end_ && text_[p + 1] == '/' ? p + 2 : p + 1;
        std::size_t name_end = name;
        while (name_end < line_end_ && is_alnum(text_[name_end]))
            ++name_end;
        if (name_end > name && tag_ends(name_end)) {
            std::string lower;
            for (std::size_t k = name; k < name_end && lower.size() < 12; ++k)
                lower += scan::to_lower(text_[k]);
            if (std::find(block_tags.begin(), block_tags.end(), lower) != block_tags.end())
                return 6;
        }
        std::size_t end = html_tag_end(text_, p, line_end_, nullptr);
        if (end != 0 && rest_is_blank(end))
            return 7;
        return 0;
    }

    void html_raw_line(std::size_t from) {
        blank(prose_, pos_, line_end_);
        std::string_view line = text_.substr(from, line_end_ - from);
        bool ended = false;
        switch (html_kind_) {
        case 1:
            for (std::size_t k = line.find("</"); k != std::string_view::npos && !ended;
                 k = line.find("</", k + 2))
                for (std::string_view tag : raw_tags)
                    ended = ended || equals_ignoring_case(line, k + 2, tag);
            break;
        case 2:
            ended = line.find("-->") != std::string_view::npos;
            break;
        case 3:
            ended = line.find("?>") != std::string_view::npos;
            break;
        case 4:
            ended = line.find('>') != std::string_view::npos;
            break;
        case 5:
            ended = line.find("]]>") != std::string_view::npos;
            break;
        }
        if (!ended)
            return;
        if (html_kind_ == 2)
            read_comments(block_begin_, line_end_);
        leaf_ = Leaf::none;
    }

    /// Reads the factlint directives among the HTML comments in [begin, end) of the text.
    void read_comments(std::size_t begin, std::size_t end) {
        std::string_view range = text_.substr(0, end);
        for (std::size_t open = range.find("<!--", begin); open != std::string_view::npos;) {
            std::size_t close = range.find("-->", open + 4);
            if (close == std::string_view::npos)
                return;
            read_directive(text_, {open, close + 3}, document_.directives, document_.problems);
            open = range.find("<!--", close + 3);
        }
    }

    // ---- tables and reference definitions -----------------------------------------------

    /// Splits a table row [begin, end) into cells at unescaped pipes outside code spans.
    void split_cells(std::size_t begin, std::size_t end) {
        pipes_.clear();
        cells_.clear();
        for (std::size_t i = begin; i < end;) {
            char c = text_[i];
            if (c == '\\') {
                i += 2;
            } else if (c == '`') {
                std::size_t run = i;
                while (run < end && text_[run] == '`')
                    ++run;
                std::size_t close = closing_backticks(text_, run, end, run - i);
                i = close == unknown ? run : close;
            } else {
                if (c == '|')
                    pipes_.push_back(i);
                ++i;
            }
        }
        std::size_t first = scan::skip_space(text_, begin, end);
        std::size_t last = scan::trim_end(text_, begin, end);
        std::size_t start = begin;
        for (std::size_t pipe : pipes_) {
            if (pipe != first)
                cells_.push_back({start, pipe});
            start = pipe + 1;
        }
        if (pipes_.empty() || pipes_.back() + 1 != last)
            cells_.push_back({start, end});
    }

    /// End of a closing run of exactly `length` backticks in [from, end) of `text`, or unknown.
    static std::size_t closing_backticks(std::string_view text, std::size_t from, std::size_t end,
                                         std::size_t length) {
        while (from < end) {
            const void* hit = std::memchr(text.data() + from, '`', end - from);
            if (!hit)
                return unknown;
            std::size_t run = static_cast<const char*>(hit) - text.data();
            std::size_t run_end = run;
            while (run_end < end && text[run_end] == '`')
                ++run_end;
            if (run_end - run == length)
                return run_end;
            from = run_end;
        }
        return unknown;
    }

    bool is_delimiter_cell(Span cell) const {
        std::size_t b = scan::skip_space(text_, cell.begin, cell.end);
        std::size_t e = scan::trim_end(text_, b, cell.end);
        if (b < e && text_[b] == ':')
            ++b;
        if (e > b && text_[e - 1] == ':')
            --e;
        if (b >= e)
            return false;
        for (std::size_t k = b; k < e; ++k)
            if (text_[k] != '-')
                return false;
        return true;
    }

    /// A GFM table: the open one-line paragraph is its header when line `p` is a delimiter row
    /// with as many cells.
    bool table_start(std::size_t p) {
        if (std::memchr(text_.data() + p, '|', line_end_ - p) == nullptr ||
            std::memchr(text_.data() + block_begin_, '|', block_end_ - block_begin_) == nullptr)
            return false;
        split_cells(p, line_end_);
        std::size_t columns = cells_.size();
        for (Span cell : cells_)
            if (!is_delimiter_cell(cell))
                return false;
        split_cells(block_begin_, block_end_);
        if (cells_.size() != columns)
            return false;
        table_row(block_begin_, false);
        blank(prose_, p, line_end_);
        leaf_ = Leaf::table;
        return true;
    }

    void table_row(std::size_t p, bool split) {
        if (split)
            split_cells(p, line_end_);
        for (std::size_t pipe : pipes_)
            prose_[pipe] = ' ';
        for (Span cell : cells_) {
            std::size_t b = scan::skip_space(text_, cell.begin, cell.end);
            add_region(b, scan::trim_end(text_, b, cell.end));
        }
    }

    static std::string normalize_label(std::string_view label) {
        std::string normal;
        bool space = false;
        for (char c : label) {
            if (is_space(c)) {
                space = !normal.empty();
                continue;
            }
            if (space)
                normal += ' ';
            space = false;
            normal += scan::to_lower(c);
        }
        return normal;
    }

    /// `[label]: destination "title"` on one line: blanked and remembered.
    bool reference_definition(std::size_t p) {
        std::size_t q = p + 1;
        while (q < line_end_ && text_[q] != ']') {
            if (text_[q] == '[')
                return false;
            q += text_[q] == '\\' ? 2 : 1;
        }
        if (q + 1 >= line_end_ || text_[q + 1] != ':' || text_[p + 1] == '^')
            return false;
        std::string label = normalize_label(text_.substr(p + 1, q - p - 1));
        if (label.empty())
            return false;
        std::size_t r = q + 2;
        while (r < line_end_ && is_blank(text_[r]))
            ++r;
        if (r >= line_end_)
            return false;
        if (text_[r] == '<') {
            while (r < line_end_ && text_[r] != '>')
                ++r;
            if (r >= line_end_)
                return false;
            ++r;
        } else {
            while (r < line_end_ && !is_blank(text_[r]))
                ++r;
        }
        std::size_t title = r;
        while (title < line_end_ && is_blank(text_[title]))
            ++title;
        if (title < line_end_) {
            if (title == r)
                return false;
            char open = text_[title];
            char close = open == '(' ? ')' : open;
            std::size_t end = scan::trim_end(text_, title, line_end_);
            if ((open != '"' && open != '\'' && open != '(') || end - title < 2 ||
                text_[end - 1] != close)
                return false;
        }
        blank(prose_, p, line_end_);
        labels_.push_back(std::move(label));
        return true;
    }

    bool is_label(std::size_t begin, std::size_t end) const {
        if (labels_.empty())
            return false;
        return std::binary_search(labels_.begin(), labels_.end(),
                                  normalize_label(text_.substr(begin, end - begin)));
    }

    // ---- inline markup ------------------------------------------------------------------

    /// End of an HTML tag (open, closing, comment-like declarations) at `p`, or 0. Attributes
    /// follow CommonMark's grammar, so "x <5 km> y" or "a < b" are not tags. `budget`, when
    /// given, is charged with the bytes looked at.
    static std::size_t html_tag_end(std::string_view text, std::size_t p, std::size_t end,
                                    long* budget) {
        end = std::min(end, p + search_limit);
        std::size_t reached = p;
        std::size_t result = tag_end(text, p, end, reached);
        if (budget)
            *budget -= long((result ? result : reached) - p);
        return result;
    }

    /// tag_end() of html_tag_end(); `reached` is how far it looked when it failed.
    static std::size_t tag_end(std::string_view text, std::size_t p, std::size_t end,
                               std::size_t& reached) {
        auto fail = [&](std::size_t at) {
            reached = at;
            return std::size_t(0);
        };
        std::size_t q = p + 1;
        if (q >= end)
            return fail(q);
        if (text[q] == '?' || (text[q] == '!' && q + 1 < end && is_alpha(text[q + 1]))) {
            std::size_t close = text.substr(0, end).find(text[q] == '?' ? "?>" : ">", q);
            return close == std::string_view::npos ? fail(end) : close + (text[q] == '?' ? 2 : 1);
        }
        if (has_at(text, p, "<![CDATA[")) {
            std::size_t close = text.substr(0, end).find("]]>", q);
            return close == std::string_view::npos ? fail(end) : close + 3;
        }
        bool closing = text[q] == '/';
        if (closing)
            ++q;
        if (q >= end || !is_alpha(text[q]))
            return fail(q);
        while (q < end && (is_alnum(text[q]) || text[q] == '-'))
            ++q;
        if (closing) {
            q = scan::skip_space(text, q, end);
            return q < end && text[q] == '>' ? q + 1 : fail(q);
        }
        while (q < end) {
            std::size_t spaced = scan::skip_space(text, q, end);
            if (spaced >= end)
                return fail(end);
            if (text[spaced] == '>')
                return spaced + 1;
            if (has_at(text, spaced, "/>"))
                return spaced + 2;
            if (spaced == q)
                return fail(q); // attributes need whitespace before them
            q = spaced;
            char c = text[q];
            if (!(is_alpha(c) || c == '_' || c == ':'))
                return fail(q);
            while (q < end && (is_alnum(text[q]) || text[q] == '_' || text[q] == '.' ||
                               text[q] == ':' || text[q] == '-'))
                ++q;
            std::size_t equals = scan::skip_space(text, q, end);
            if (equals < end && text[equals] == '=') {
                q = scan::skip_space(text, equals + 1, end);
                if (q >= end)
                    return fail(end);
                if (text[q] == '"' || text[q] == '\'') {
                    std::size_t close = text.substr(0, end).find(text[q], q + 1);
                    if (close == std::string_view::npos)
                        return fail(end);
                    q = close + 1;
                } else {
                    std::size_t value = q;
                    while (q < end && !is_space(text[q]) && text[q] != '"' && text[q] != '\'' &&
                           text[q] != '=' && text[q] != '<' && text[q] != '>' && text[q] != '`')
                        ++q;
                    if (q == value)
                        return fail(q);
                }
            }
        }
        return fail(end);
    }

    void inline_pass(std::size_t begin, std::size_t end) {
        backtick_fail_.fill(unknown);
        comment_fail_ = unknown;
        budget_ = lookahead_per_byte * long(end - begin) + lookahead_allowance;
        std::size_t i = begin;
        while (i < end) {
            if (!inline_specials[static_cast<unsigned char>(prose_[i])]) {
                ++i;
                continue;
            }
            switch (prose_[i]) {
            case '\\':
                if (i + 1 < end && (is_punct(prose_[i + 1]) || scan::is_newline(prose_[i + 1])))
                    prose_[i++] = ' ';
                ++i;
                break;
            case '`':
                i = code_span(i, end);
                break;
            case '<':
                i = angle(i, end);
                break;
            case '!':
                i = i + 1 < end && prose_[i + 1] == '[' ? link(i + 1, end, true) : i + 1;
                break;
            case '[':
                i = link(i, end, false);
                break;
            case ':':
                i = scheme_url(i, begin, end);
                break;
            case 'w':
                i = has_at(prose_, i, "www.") ? bare_url(i, begin, end) : i + 1;
                break;
            default:
                i = delimiter_run(i, begin, end);
                break;
            }
        }
    }

    std::size_t code_span(std::size_t i, std::size_t end) {
        std::size_t run = i;
        while (run < end && prose_[run] == '`')
            ++run;
        std::size_t length = run - i;
        std::size_t slot = std::min<std::size_t>(length, backtick_fail_.size() - 1);
        bool memo = length < backtick_fail_.size();
        if (memo && backtick_fail_[slot] <= i)
            return run;
        std::size_t close = closing_backticks(prose_, run, end, length);
        if (close == unknown) {
            if (memo)
                backtick_fail_[slot] = i;
            return run;
        }
        blank(prose_, i, close);
        return close;
    }

    std::size_t angle(std::size_t i, std::size_t end) {
        std::string_view prose(prose_.data(), end);
        if (has_at(prose, i, "<!--")) {
            if (comment_fail_ <= i)
                return i + 1;
            std::size_t close = prose.find("-->", i + 4);
            if (close == std::string_view::npos) {
                comment_fail_ = i;
                return i + 1;
            }
            read_directive(text_, {i, close + 3}, document_.directives, document_.problems);
            blank(prose_, i, close + 3);
            return close + 3;
        }
        // Autolink: <scheme:...> or <user@host>.
        std::size_t q = i + 1;
        std::size_t limit = std::min(end, i + search_limit);
        while (q < limit && !is_space(prose[q]) && prose[q] != '<' && prose[q] != '>')
            ++q;
        if (q < limit && prose[q] == '>') {
            std::string_view inside = prose.substr(i + 1, q - i - 1);
            std::size_t colon = inside.find(':');
            bool scheme = colon >= 2 && colon <= 32 && colon != std::string_view::npos &&
                          is_alpha(inside[0]) &&
                          std::all_of(inside.begin(), inside.begin() + colon, [](char c) {
                              return is_alnum(c) || c == '+' || c == '.' || c == '-';
                          });
            std::size_t at = inside.find('@');
            bool email = at != std::string_view::npos && at > 0 && at + 1 < inside.size() &&
                         inside.find('.', at) != std::string_view::npos;
            if (scheme || email) {
                blank(prose_, i, q + 1);
                return q + 1;
            }
        }
        if (budget_ < 0)
            return i + 1;
        std::size_t tag = html_tag_end(prose, i, end, &budget_);
        if (tag == 0)
            return i + 1;
        blank(prose_, i, tag);
        return tag;
    }

    /// `[` at `i`: a link, image (`image`: a `!` precedes), reference or footnote reference.
    /// Blanks the brackets and destination and returns where to go on: inside the link text,
    /// which stays prose.
    std::size_t link(std::size_t i, std::size_t end, bool image) {
        if (i + 1 < end && prose_[i + 1] == '^') { // footnote reference "[^1]"
            std::size_t k = i + 2;
            while (k < end && (is_alnum(prose_[k]) || prose_[k] == '-' || prose_[k] == '_'))
                ++k;
            if (k > i + 2 && k < end && prose_[k] == ']') {
                blank(prose_, i, k + 1);
                return k + 1;
            }
        }
        if (budget_ < 0)
            return i + 1;
        std::size_t limit = std::min(end, i + search_limit);
        std::size_t close = i + 1;
        for (int depth = 1; close < limit; ++close) {
            char c = prose_[close];
            if (c == '\\')
                ++close;
            else if (c == '[')
                ++depth;
            else if (c == ']' && --depth == 0)
                break;
        }
        budget_ -= long(close - i);
        if (close >= limit)
            return i + 1;
        std::size_t after = close + 1;
        std::size_t markup_end = 0;
        if (after < end && prose_[after] == '(')
            markup_end = inline_destination(after, end);
        if (markup_end == 0 && after < end && prose_[after] == '[') {
            std::size_t k = after + 1;
            std::size_t reference_limit = std::min(end, after + search_limit);
            while (k < reference_limit && prose_[k] != ']' && prose_[k] != '[')
                ++k;
            budget_ -= long(k - after);
            if (k < reference_limit && prose_[k] == ']')
                markup_end = k + 1;
        }
        if (markup_end == 0 && is_label(i + 1, close))
            markup_end = close + 1;
        if (markup_end == 0)
            return i + 1;
        prose_[i] = ' ';
        if (image)
            prose_[i - 1] = ' ';
        blank(prose_, close, markup_end);
        return i + 1;
    }

    /// End of `(destination "title")` starting at `open`, or 0.
    std::size_t inline_destination(std::size_t open, std::size_t end) {
        std::size_t close = destination_end(open, std::min(end, open + search_limit));
        budget_ -= long((close ? close : std::min(end, open + search_limit)) - open);
        return close;
    }

    std::size_t destination_end(std::size_t open, std::size_t end) const {
        std::size_t k = scan::skip_space(prose_, open + 1, end);
        if (k < end && prose_[k] == '<') {
            while (k < end && prose_[k] != '>' && !scan::is_newline(prose_[k]))
                ++k;
            if (k >= end || prose_[k] != '>')
                return 0;
            ++k;
        } else {
            for (int parens = 0; k < end; ++k) {
                char c = prose_[k];
                if (c == '\\') {
                    ++k;
                } else if (is_space(c)) {
                    break;
                } else if (c == '(') {
                    ++parens;
                } else if (c == ')') {
                    if (parens == 0)
                        break;
                    --parens;
                }
            }
        }
        k = scan::skip_space(prose_, k, end);
        if (k < end && (prose_[k] == '"' || prose_[k] == '\'' || prose_[k] == '(')) {
            char close = prose_[k] == '(' ? ')' : prose_[k];
            for (++k; k < end && prose_[k] != close; ++k)
                if (prose_[k] == '\\')
                    ++k;
            if (k >= end)
                return 0;
            k = scan::skip_space(prose_, k + 1, end);
        }
        return k < end && prose_[k] == ')' ? k + 1 : 0;
    }

    /// `*`, `_` or `~~` at `i`: blanked when it can open or close emphasis (CommonMark's
    /// flanking rules), so "snake_case" and "5 * 3" and "~300" keep their characters.
    std::size_t delimiter_run(std::size_t i, std::size_t begin, std::size_t end) {
        char c = prose_[i];
        std::size_t run = i;
        while (run < end && prose_[run] == c)
            ++run;
        if (c == '~' && run - i != 2)
            return run;
        char before = i > begin ? prose_[i - 1] : ' ';
        char after = run < end ? prose_[run] : ' ';
        bool left = !is_space(after) && (!is_punct(after) || is_space(before) || is_punct(before));
        bool right = !is_space(before) && (!is_punct(before) || is_space(after) || is_punct(after));
        bool markup = c == '_' ? (left && (!right || is_punct(before))) ||
                                     (right && (!left || is_punct(after)))
                               : left || right;
        if (markup)
            blank(prose_, i, run);
        return run;
    }

    /// ':' at `i`: blanks "http://..." or "https://..." when it ends in "://" here.
    std::size_t scheme_url(std::size_t i, std::size_t begin, std::size_t end) {
        if (!has_at(prose_, i, "://"))
            return i + 1;
        std::size_t start = i >= begin + 5 && has_at(prose_, i - 5, "https")  ? i - 5
                            : i >= begin + 4 && has_at(prose_, i - 4, "http") ? i - 4
                                                                              : i;
        if (start == i)
            return i + 1;
        std::size_t url_end = bare_url(start, begin, end);
        return std::max(url_end, i + 1);
    }

    std::size_t bare_url(std::size_t i, std::size_t begin, std::size_t end) {
        if (i > begin) {
            char before = prose_[i - 1];
            if (!is_space(before) && before != '(' && before != '[' && before != '<' &&
                before != '"' && before != '\'' && before != '*' && before != '_')
                return i + 1;
        }
        std::size_t url_end = scan::bare_url_end(prose_, i, end);
        if (url_end == i)
            return i + 1;
        blank(prose_, i, url_end);
        return url_end;
    }
};

} // namespace

void scan_markdown(Document& document, std::size_t begin) {
    MarkdownScanner(document).run(begin);
}

} // namespace factlint
