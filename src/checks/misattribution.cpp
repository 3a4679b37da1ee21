// misattribution: a figure that repeats a sourced fact but names a different source ("the
// Pentagon said 600 were killed" when the 600 came from the NIS via Lee Seong-kweun). A sentence
// that also names the fact's own source is left alone: "a Pentagon spokesman confirmed deaths;
// an unnamed U.S. official said several hundred" credits the right source, and the linked
// attribution is the one that is wrong (seed 000).
#include "checks/common.hpp"
#include "checks/rule_types.hpp"

#include <algorithm>

namespace factlint::checks {

namespace {

/// True when the claim's sentence names the fact's source or via.
bool sentence_names_source(const CheckContext& context, const Claim& claim, const Fact& fact) {
    if (claim.sentence >= context.document.sentences.size())
        return false;
    Span sentence = context.document.sentences[claim.sentence].span;
    auto first = std::lower_bound(
        context.names.begin(), context.names.end(), sentence.begin,
        [](const NameMention& name, std::size_t at) { return name.span.begin < at; });
    for (auto it = first; it != context.names.end() && it->span.begin < sentence.end; ++it)
        if (it->entity == fact.source || (!fact.via.empty() && it->entity == fact.via))
            return true;
    return false;
}

} // namespace

void misattribution(const CheckContext& context, std::vector<Diagnostic>& out) {
    for (const Claim& claim : context.claims) {
        if (!is_tracked(claim) || !claim.attribution || claim.attribution->entity.empty())
            continue;
        std::vector<const Fact*> facts =
            facts_with_same_number(context.pack, claim, judged_at(claim, context.as_of));
        std::erase_if(facts,
                      [](const Fact* fact) { return fact->source.empty() && fact->via.empty(); });
        if (facts.empty())
            continue;
        // Crediting the source of any fact with this figure is right, not only the newest.
        const Attribution& said = *claim.attribution;
        auto credited = [&](const Fact* fact) {
            return credit(context.pack, *fact, said) > 0 ||
                   sentence_names_source(context, claim, *fact);
        };
        if (std::any_of(facts.begin(), facts.end(), credited))
            continue;
        const Fact& fact = *facts.front();
        MessageArgs args;
        add_claim_args(context, claim, args);
        add_fact_args(context.pack, fact, args);
        args["written"] = said.source;
        Diagnostic diagnostic;
        diagnostic.span = said.span.empty() ? claim.quantity.span : said.span;
        diagnostic.message = rule_message(context,
                                          "misattribution: {claim} {metric} is attributed to "
                                          "{written}, but the figure comes from {source} ({date})",
                                          args);
        if (!said.span.empty())
            diagnostic.related.push_back({claim.quantity.span, "the figure"});
        out.push_back(std::move(diagnostic));
    }
}

} // namespace factlint::checks
