// unattributed-figure: a figure the pack has facts for (same entity and metric) with no
// attribution in its sentence or (by default) its paragraph. An attribution is a linked source
// on any claim there, "reportedly", a source cue ("said", "according to") in the figure's
// sentence, or a cue with a known source (a person, organisation or group other than the one
// counted) elsewhere in the paragraph.
#include "checks/common.hpp"
#include "checks/rule_types.hpp"

#include <algorithm>
#include <array>
#include <cctype>

namespace factlint::checks {

namespace {

constexpr std::array<std::string_view, 16> cues{
    "said",      "says",      "according to", "citing",  "cited",    "told",
    "reported",  "estimated", "estimates",    "stated",  "revealed", "disclosed",
    "confirmed", "announced", "briefed",      "briefing"};

bool has_cue(std::string_view prose) {
    std::string lower(prose);
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return char(std::tolower(c)); });
    for (std::string_view cue : cues) {
        for (std::size_t at = lower.find(cue); at != std::string::npos;
             at = lower.find(cue, at + 1)) {
            bool starts = at == 0 || !std::isalpha(static_cast<unsigned char>(lower[at - 1]));
            std::size_t end = at + cue.size();
            bool ends =
                end >= lower.size() || !std::isalpha(static_cast<unsigned char>(lower[end]));
            if (starts && ends)
                return true;
        }
    }
    return false;
}

} // namespace

void unattributed_figure(const CheckContext& context, std::vector<Diagnostic>& out) {
    const Document& document = context.document;
    bool paragraph_scope = option(context, "paragraph", 1) != 0;
    for (const Claim& claim : context.claims) {
        if (!is_tracked(claim) || claim.attribution || claim.reportedly ||
            claim.sentence >= document.sentences.size() ||
            !newest_fact(context.pack, claim.entity, claim.metric, Date{9999, 12, 31}))
            continue;
        const Sentence& sentence = document.sentences[claim.sentence];
        Span scope = sentence.span;
        if (paragraph_scope && sentence.paragraph < document.paragraphs.size())
            scope = document.paragraphs[sentence.paragraph];

        // A cue in the figure's own sentence ("..., Lee said.") attributes it even when the
        // speaker is not in the lexicon; elsewhere in the paragraph a known source must be
        // named too.
        bool attributed =
            has_cue(sentence.span.in(document.prose)) ||
            std::any_of(context.claims.begin(), context.claims.end(), [&](const Claim& other) {
                return (other.attribution || other.reportedly) &&
                       scope.contains(other.quantity.span);
            });
        if (!attributed && has_cue(scope.in(document.prose))) {
            attributed = std::any_of(
                context.names.begin(), context.names.end(), [&](const NameMention& name) {
                    if (!scope.contains(name.span) || name.entity == claim.entity)
                        return false;
                    for (const EntityEntry& entity : context.pack.lexicon.entities)
                        if (entity.id == name.entity)
                            return entity.kind != "place";
                    return false;
                });
        }
        if (attributed)
            continue;
        MessageArgs args;
        add_claim_args(context, claim, args);
        Diagnostic diagnostic;
        diagnostic.span = claim.quantity.span;
        diagnostic.message = rule_message(
            context, "unattributed figure: {claim} {metric}; say who reported it", args);
        out.push_back(std::move(diagnostic));
    }
}

} // namespace factlint::checks
