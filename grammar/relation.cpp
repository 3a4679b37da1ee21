// Relation grammar: sums of metric names on both sides of one comparison operator. X3 parses
// the pieces (relation_def.hpp); this file walks them so each error has its own offset.
#include "grammar/relation.hpp"
#include "grammar/relation_def.hpp"

namespace factlint {

namespace {

namespace x3 = boost::spirit::x3;
namespace rp = grammar::relation_parser;

/// Parses `metric (+|-) metric ...` into `terms`; returns false with `at` at the problem.
bool parse_sum(const char*& at, const char* last, std::vector<Term>& terms) {
    std::string first;
    if (!x3::parse(at, last, rp::first_term, first))
        return false;
    terms.push_back({1, first});
    for (;;) {
        std::pair<char, std::string> next;
        const char* save = at;
        if (!x3::parse(at, last, rp::signed_term, next)) {
            at = save;
            while (at != last && (*at == ' ' || *at == '\t'))
                ++at;
            if (at != last && (*at == '+' || *at == '-')) {
                ++at; // a sign with no metric after it
                return false;
            }
            at = save;
            return true;
        }
        terms.push_back({next.first == '-' ? -1 : 1, next.second});
    }
}

std::size_t skip_space(std::string_view text, const char* at) {
    std::size_t offset = static_cast<std::size_t>(at - text.data());
    while (offset < text.size() && (text[offset] == ' ' || text[offset] == '\t'))
        ++offset;
    return offset;
}

} // namespace

std::variant<Relation, RelationError> parse_relation(std::string_view text) {
    Relation relation;
    relation.text = std::string(text);
    const char* at = text.data();
    const char* const last = text.data() + text.size();
    if (!parse_sum(at, last, relation.left))
        return RelationError{skip_space(text, at), "expected a metric name"};
    if (!x3::parse(at, last, rp::comparison, relation.op))
        return RelationError{skip_space(text, at),
                             "expected '+', '-' or a comparison (=, <, <=, >, >=)"};
    if (!parse_sum(at, last, relation.right))
        return RelationError{skip_space(text, at), "expected a metric name"};
    if (!x3::parse(at, last, rp::trailing_space))
        return RelationError{skip_space(text, at), "expected '+', '-' or the end of the relation"};
    return relation;
}

} // namespace factlint
