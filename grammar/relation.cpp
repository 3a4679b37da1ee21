#include "grammar/relation.hpp"

namespace factlint {

// Placeholder until the relation grammar is written.
std::variant<Relation, RelationError> parse_relation(std::string_view) {
    return RelationError{0, "not implemented"};
}

} // namespace factlint
