// Ingest: picks, per document, one claim for each tracked (entity, metric) and turns it into a
// fact record with provenance; merging keeps every distinct figure and flags disagreements.
#include "ledger/ingest.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <map>
#include <tuple>

namespace factlint::ledger {
namespace {

/// The sentence as one line: runs of whitespace (line breaks in wrapped prose) become a space.
std::string collapse_spaces(std::string_view text) {
    std::string out;
    bool space = false;
    for (char c : text) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            space = !out.empty();
            continue;
        }
        if (space)
            out += ' ';
        space = false;
        out += c;
    }
    return out;
}

/// A line without closing punctuation: a title or headline rather than a sentence of prose.
bool is_headline(const Document& document, std::size_t sentence) {
    if (sentence >= document.sentences.size())
        return false;
    std::string_view text = document.sentences[sentence].span.in(document.text);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\n' || text.back() == '\r'))
        text.remove_suffix(1);
    for (std::string_view end : {".", "!", "?", "\"", ")", "\u201d", "\u2019", ":"})
        if (text.ends_with(end))
            return false;
    return true;
}

/// The figure a record states; equal figures are one figure whatever the source.
auto figure(const Fact& fact) {
    return std::tie(fact.value, fact.low, fact.high, fact.qualifier);
}

bool same_record(const LedgerFact& a, const LedgerFact& b) {
    return a.fact.entity == b.fact.entity && a.fact.metric == b.fact.metric &&
           a.fact.as_of == b.fact.as_of && figure(a.fact) == figure(b.fact) &&
           a.fact.source == b.fact.source && a.fact.via == b.fact.via &&
           a.provenance == b.provenance;
}

/// The number alone: "about 300" and "more than 300" state one number, not a conflict.
std::string describe(const Fact& fact) {
    if (fact.value)
        return format_number(*fact.value);
    return fmt::format("{}-{}", format_number(fact.low.value_or(0)),
                       format_number(fact.high.value_or(0)));
}

} // namespace

std::set<std::pair<std::string, std::string>> tracked_pairs(const std::vector<Fact>& facts) {
    std::set<std::pair<std::string, std::string>> pairs;
    for (const Fact& fact : facts)
        pairs.emplace(fact.entity, fact.metric);
    return pairs;
}

std::vector<LedgerFact> facts_from_claims(const Document& document,
                                          const std::vector<Claim>& claims,
                                          const IngestOptions& options) {
    // A metric tracked for one entity only: an unnamed subject ("casualties are estimated at
    // 4,700") can only be about that entity.
    std::map<std::string, std::set<std::string>> entities_by_metric;
    for (const auto& [entity, metric] : options.tracked)
        entities_by_metric[metric].insert(entity);

    std::vector<LedgerFact> out;
    std::set<std::pair<std::string, std::string>> seen;
    // Body sentences first: a headline ("300 North Korean Troops Killed ...") rounds the
    // figure the lede states with its hedge ("About 300 ... have been killed").
    for (bool headlines : {false, true}) {
        for (const Claim& claim : claims) {
            if (is_headline(document, claim.sentence) != headlines)
                continue;
            const Quantity& quantity = claim.quantity;
            if (quantity.kind != QuantityKind::quantity || claim.metric.empty())
                continue;
            if (!quantity.value && !(quantity.low && quantity.high))
                continue;
            std::string entity = claim.entity;
            if (entity.empty()) {
                auto candidates = entities_by_metric.find(claim.metric);
                if (candidates == entities_by_metric.end() || candidates->second.size() != 1)
                    continue;
                entity = *candidates->second.begin();
            }
            if (!options.tracked.contains({entity, claim.metric}))
                continue;
            // The first figure in reading order: the lede states the article's figure; later
            // mentions repeat it or are about something else.
            if (!seen.emplace(entity, claim.metric).second)
                continue;

            LedgerFact record;
            Fact& fact = record.fact;
            fact.entity = entity;
            fact.metric = claim.metric;
            fact.value = quantity.value;
            fact.low = quantity.low;
            fact.high = quantity.high;
            fact.qualifier = quantity.qualifier;
            fact.as_of = options.as_of;
            fact.source = options.source;
            fact.via = options.via;
            if (claim.attribution && !claim.attribution->entity.empty()) {
                fact.source = claim.attribution->entity;
                fact.via = claim.attribution->via == fact.source ? "" : claim.attribution->via;
            } else if (claim.attribution && !claim.attribution->source.empty()) {
                // The sentence names someone the lexicon does not know: the default source
                // would misattribute the figure, so it stays unverified, the words as written.
                fact.verified = false;
                fact.note = "attributed in the text to \"" + claim.attribution->source + "\"";
            }
            fact.citation_title = options.title;
            fact.url = options.url;
            record.provenance.file = document.path;
            record.provenance.line = document.lines->position(quantity.span.begin).line;
            if (claim.sentence < document.sentences.size())
                record.provenance.quote =
                    collapse_spaces(document.sentences[claim.sentence].span.in(document.text));
            out.push_back(std::move(record));
        }
    }
    return out;
}

MergeResult merge_facts(std::vector<LedgerFact> existing, const std::vector<LedgerFact>& incoming) {
    MergeResult result;
    result.facts = std::move(existing);
    for (const LedgerFact& record : incoming) {
        bool present = std::any_of(result.facts.begin(), result.facts.end(),
                                   [&](const LedgerFact& old) { return same_record(old, record); });
        if (present)
            continue;
        result.facts.push_back(record);
        ++result.added;
    }
    sort_facts(result.facts);
    // Conflicts are recomputed over the whole file, so a figure that stops conflicting (its
    // rival deleted by hand) loses the flag.
    for (std::size_t begin = 0; begin < result.facts.size();) {
        std::size_t end = begin;
        const Fact& first = result.facts[begin].fact;
        while (end < result.facts.size() && result.facts[end].fact.entity == first.entity &&
               result.facts[end].fact.metric == first.metric &&
               result.facts[end].fact.as_of == first.as_of)
            ++end;
        std::set<std::string> distinct;
        for (std::size_t i = begin; i < end; ++i)
            distinct.insert(describe(result.facts[i].fact));
        bool conflict = distinct.size() > 1;
        for (std::size_t i = begin; i < end; ++i)
            result.facts[i].conflict = conflict;
        if (conflict)
            result.conflicts.push_back(fmt::format("{} {} {}: {}", first.entity, first.metric,
                                                   first.as_of.iso(), fmt::join(distinct, ", ")));
        begin = end;
    }
    return result;
}

} // namespace factlint::ledger
