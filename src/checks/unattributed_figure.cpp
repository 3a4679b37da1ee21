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
#include <map>

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
    const std::size_t sentence_count = document.sentences.size();
    auto unsourced = [&](const Claim& claim) {
        return is_tracked(claim) && !claim.attribution && !claim.reportedly &&
               claim.sentence < sentence_count &&
               newest_fact(context.pack, claim.entity, claim.metric, Date{9999, 12, 31});
    };
    // Most documents have no such figure: then there is nothing to index.
    if (std::none_of(context.claims.begin(), context.claims.end(), unsourced))
        return;
    bool paragraph_scope = option(context, "paragraph", 1) != 0;

    // Everything is computed once per sentence or paragraph, so long documents stay linear.
    auto scope_of_sentence = [&](std::size_t s) {
        return paragraph_scope ? document.sentences[s].paragraph : s;
    };
    auto scope_span = [&](std::size_t scope) {
        return paragraph_scope ? document.paragraphs[scope] : document.sentences[scope].span;
    };
    std::size_t scope_count = paragraph_scope ? document.paragraphs.size() : sentence_count;
    std::vector<char> scope_attributed(scope_count, 0);
    for (const Claim& other : context.claims)
        if ((other.attribution || other.reportedly) && other.sentence < sentence_count &&
            scope_of_sentence(other.sentence) < scope_count)
            scope_attributed[scope_of_sentence(other.sentence)] = 1;

    // Known sources named in each scope: sentence spans are sorted, so a binary search finds
    // the sentence of each name.
    std::map<std::string, std::string_view> kinds;
    for (const EntityEntry& entity : context.pack.lexicon.entities)
        kinds[entity.id] = entity.kind;
    std::vector<std::vector<std::string>> scope_sources(scope_count);
    for (const NameMention& name : context.names) {
        auto kind = kinds.find(name.entity);
        if (kind == kinds.end() || kind->second == "place")
            continue;
        auto after =
            std::upper_bound(document.sentences.begin(), document.sentences.end(), name.span.begin,
                             [](std::size_t offset, const Sentence& sentence) {
                                 return offset < sentence.span.begin;
                             });
        if (after == document.sentences.begin())
            continue;
        std::size_t s = std::size_t(after - document.sentences.begin()) - 1;
        if (!document.sentences[s].span.contains(name.span) || scope_of_sentence(s) >= scope_count)
            continue;
        std::vector<std::string>& sources = scope_sources[scope_of_sentence(s)];
        if (sources.size() < 8 &&
            std::find(sources.begin(), sources.end(), name.entity) == sources.end())
            sources.push_back(name.entity);
    }
    std::vector<signed char> sentence_cue(sentence_count, -1), scope_cue(scope_count, -1);
    auto cached_cue = [&](std::vector<signed char>& cache, std::size_t index, Span span) {
        if (cache[index] < 0)
            cache[index] = has_cue(span.in(document.prose)) ? 1 : 0;
        return cache[index] == 1;
    };

    for (const Claim& claim : context.claims) {
        if (!unsourced(claim))
            continue;
        std::size_t scope = scope_of_sentence(claim.sentence);
        if (scope >= scope_count)
            continue;
        // A cue in the figure's own sentence ("..., Lee said.") attributes it even when the
        // speaker is not in the lexicon; elsewhere in the scope a known source (other than the
        // group counted) must be named with a cue.
        if (cached_cue(sentence_cue, claim.sentence, document.sentences[claim.sentence].span) ||
            scope_attributed[scope])
            continue;
        const std::vector<std::string>& sources = scope_sources[scope];
        bool named = std::any_of(sources.begin(), sources.end(),
                                 [&](const std::string& id) { return id != claim.entity; });
        if (named && cached_cue(scope_cue, scope, scope_span(scope)))
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
