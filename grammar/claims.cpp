#include "grammar/claims.hpp"

namespace factlint {

struct ClaimExtractor::Tables {};

// Placeholder until claim linking is written.
ClaimExtractor::ClaimExtractor(const Lexicon&)
    : tables_(std::make_unique<Tables>()) {}
ClaimExtractor::~ClaimExtractor() = default;
ClaimExtractor::ClaimExtractor(ClaimExtractor&&) noexcept = default;
ClaimExtractor& ClaimExtractor::operator=(ClaimExtractor&&) noexcept = default;
std::vector<Claim> ClaimExtractor::extract(const Document&, std::optional<Date>) const {
    return {};
}
std::vector<NameMention> ClaimExtractor::find_names(const Document&) const {
    return {};
}

} // namespace factlint
