#include "document/directives.hpp"

#include "document/scan_util.hpp"

#include <fmt/format.h>

namespace factlint {

void read_directive(std::string_view text, Span comment, std::vector<Directive>& directives,
                    std::vector<Diagnostic>& problems) {
    if (comment.size() < 7)
        return;
    std::string_view body = text.substr(comment.begin + 4, comment.size() - 7);
    std::size_t i = scan::skip_space(body, 0, body.size());
    std::size_t word_end = i;
    while (word_end < body.size() && !scan::is_space(body[word_end]))
        ++word_end;
    std::string_view keyword = body.substr(i, word_end - i);
    if (!keyword.starts_with("factlint"))
        return;
    if (keyword.ends_with(':'))
        keyword.remove_suffix(1);

    Directive directive{Directive::Kind::disable, {}, comment};
    if (keyword == "factlint-disable") {
        directive.kind = Directive::Kind::disable;
    } else if (keyword == "factlint-enable") {
        directive.kind = Directive::Kind::enable;
    } else if (keyword == "factlint-disable-next-line") {
        directive.kind = Directive::Kind::disable_next_line;
    } else {
        problems.push_back({"unknown-directive",
                            Level::warning,
                            comment,
                            fmt::format("unknown directive '{}'; expected factlint-disable, "
                                        "factlint-enable or factlint-disable-next-line",
                                        keyword),
                            {},
                            {}});
        return;
    }
    for (i = word_end; i < body.size();) {
        while (i < body.size() && (scan::is_space(body[i]) || body[i] == ','))
            ++i;
        std::size_t begin = i;
        while (i < body.size() && !scan::is_space(body[i]) && body[i] != ',')
            ++i;
        std::string_view rule = body.substr(begin, i - begin);
        if (rule == "--")
            break;
        if (!rule.empty())
            directive.rules.emplace_back(rule);
    }
    directives.push_back(std::move(directive));
}

} // namespace factlint
