#include "engine/suppressions.hpp"

#include "checks/check.hpp"
#include "rules/suggest.hpp"

#include <algorithm>
#include <array>
#include <fmt/format.h>
#include <set>
#include <string>

namespace factlint {
namespace {

/// Ids the document model reports itself; a directive may silence them like any check.
constexpr std::array<std::string_view, 4> document_problem_ids = {
    "binary-file", "invalid-encoding", "invalid-front-matter", "unknown-directive"};

/// Which rules are off at one point of the document, after replaying directives in order.
class DisabledRules {
public:
    void apply(const Directive& directive) {
        bool all = directive.rules.empty();
        if (directive.kind == Directive::Kind::disable) {
            if (all) {
                all_off_ = true;
                off_.clear();
                back_on_.clear();
            }
            for (const std::string& rule : directive.rules) {
                off_.insert(rule);
                back_on_.erase(rule);
            }
        } else if (directive.kind == Directive::Kind::enable) {
            if (all) {
                all_off_ = false;
                off_.clear();
                back_on_.clear();
            }
            for (const std::string& rule : directive.rules) {
                off_.erase(rule);
                if (all_off_)
                    back_on_.insert(rule);
            }
        }
    }

    bool disabled(const std::string& rule) const {
        return off_.contains(rule) || (all_off_ && !back_on_.contains(rule));
    }

private:
    bool all_off_ = false;
    std::set<std::string, std::less<>> off_;
    std::set<std::string, std::less<>> back_on_; ///< enabled again inside a disable-all region
};

bool names(const Directive& directive, const std::string& rule) {
    return directive.rules.empty() ||
           std::find(directive.rules.begin(), directive.rules.end(), rule) != directive.rules.end();
}

bool suppressed(const Document& document, const Diagnostic& diagnostic) {
    DisabledRules state;
    std::size_t line = 0; // computed on demand: most documents have no next-line directives
    for (const Directive& directive : document.directives) {
        if (directive.span.end > diagnostic.span.begin)
            break; // directives are sorted; a region starts after its comment
        if (directive.kind == Directive::Kind::disable_next_line) {
            if (!names(directive, diagnostic.rule))
                continue;
            if (line == 0)
                line = document.lines->position(diagnostic.span.begin, ColumnUnit::bytes).line;
            if (document.lines->position(directive.span.end, ColumnUnit::bytes).line + 1 == line)
                return true;
            continue;
        }
        state.apply(directive);
    }
    return state.disabled(diagnostic.rule);
}

/// The known id closest to `id`, when it is close enough to be a typo.
std::string suggestion(std::string_view id) {
    std::vector<std::string> known;
    for (const CheckInfo& check : check_registry())
        known.emplace_back(check.id);
    for (std::string_view problem : document_problem_ids)
        known.emplace_back(problem);
    return closest_match(id, known);
}

bool is_separator(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ',';
}

/// Byte spans of the rule ids written in a directive's comment, tokenised as the document
/// model does (`<!--`, keyword, then ids separated by spaces or commas up to `--`).
std::vector<Span> rule_spans(std::string_view text, Span comment) {
    std::vector<Span> spans;
    std::size_t end = comment.end >= comment.begin + 7 ? comment.end - 3 : comment.begin;
    std::size_t i = comment.begin + 4;
    bool keyword = true;
    while (i < end) {
        while (i < end && is_separator(text[i]))
            ++i;
        std::size_t begin = i;
        while (i < end && !is_separator(text[i]))
            ++i;
        if (begin == i)
            break;
        if (keyword) {
            keyword = false;
            continue;
        }
        if (text.substr(begin, i - begin) == "--")
            break;
        spans.push_back({begin, i});
    }
    return spans;
}

} // namespace

bool is_known_rule(std::string_view id) {
    return find_check(id) != nullptr ||
           std::find(document_problem_ids.begin(), document_problem_ids.end(), id) !=
               document_problem_ids.end();
}

void apply_suppressions(const Document& document, std::vector<Diagnostic>& diagnostics) {
    if (document.directives.empty())
        return;
    std::erase_if(diagnostics,
                  [&](const Diagnostic& diagnostic) { return suppressed(document, diagnostic); });

    for (const Directive& directive : document.directives) {
        std::vector<Span> spans = rule_spans(document.text, directive.span);
        for (std::size_t index = 0; index < directive.rules.size(); ++index) {
            const std::string& rule = directive.rules[index];
            if (is_known_rule(rule))
                continue;
            bool located =
                spans.size() == directive.rules.size() && spans[index].in(document.text) == rule;
            Diagnostic warning{"unknown-directive",
                               Level::warning,
                               located ? spans[index] : directive.span,
                               fmt::format("unknown rule '{}' in a factlint directive", rule),
                               {},
                               {}};
            if (std::string close = suggestion(rule); !close.empty()) {
                warning.message += fmt::format("; did you mean '{}'?", close);
                if (located)
                    warning.fix = Fix{spans[index], std::string(close)};
            }
            diagnostics.push_back(std::move(warning));
        }
    }
}

} // namespace factlint
