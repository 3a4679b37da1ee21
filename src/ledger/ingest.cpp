// Ingest: picks, per document, one claim for each tracked (entity, metric) and turns it into a
// fact record with provenance; merging keeps every distinct figure and flags the figures whose
// hedged intervals cannot both hold.
#include "ledger/ingest.hpp"

#include "rules/figure.hpp"

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

std::string lower(std::string_view text) {
    std::string out(text);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z')
            c = char(c - 'A' + 'a');
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

/// Where a sentence stands in a news article.
enum class Place { body, standfirst, headline };

/// Headlines (no closing punctuation) anywhere; a standfirst is a one-sentence paragraph before
/// the first paragraph of two or more sentences (the summary line above a story, which rounds
/// its figures: "Over 100 ... killed" above "At least 100 ... have lost their lives"). A text
/// with no paragraph of two sentences has no standfirst.
std::vector<Place> places(const Document& document) {
    std::vector<std::size_t> per_paragraph(document.paragraphs.size(), 0);
    for (const Sentence& sentence : document.sentences)
        if (sentence.paragraph < per_paragraph.size())
            ++per_paragraph[sentence.paragraph];
    std::size_t body = std::find_if(per_paragraph.begin(), per_paragraph.end(),
                                    [](std::size_t n) { return n >= 2; }) -
                       per_paragraph.begin();
    std::vector<Place> out;
    for (std::size_t i = 0; i < document.sentences.size(); ++i) {
        std::size_t paragraph = document.sentences[i].paragraph;
        if (is_headline(document, i))
            out.push_back(Place::headline);
        else if (body < per_paragraph.size() && paragraph < body && per_paragraph[paragraph] == 1)
            out.push_back(Place::standfirst);
        else
            out.push_back(Place::body);
    }
    return out;
}

/// The number a figure states, whatever its hedge ("over 1,000" and "around 1,000": 1,000).
std::optional<double> stated_number(const Quantity& quantity) {
    return quantity.value ? quantity.value : quantity.low;
}

const EntityEntry* find_entity(const RulePack& pack, std::string_view id) {
    for (const EntityEntry& entity : pack.lexicon.entities)
        if (entity.id == id)
            return &entity;
    return nullptr;
}

/// The entity a source written as `written` names: one of its names or aliases, ignoring case
/// and a leading article ("an unnamed U.S. official"); "" when none.
std::string entity_named(const RulePack& pack, std::string_view written) {
    std::string text = lower(collapse_spaces(written));
    for (std::string_view article : {"a ", "an ", "the "})
        if (text.starts_with(article))
            text.erase(0, article.size());
    for (const EntityEntry& entity : pack.lexicon.entities) {
        std::vector<std::string> spellings = entity.aliases;
        spellings.push_back(entity.name);
        spellings.push_back(entity.preferred);
        for (const std::string& spelling : spellings)
            if (!spelling.empty() && lower(spelling) == text)
                return entity.id;
    }
    return "";
}

/// The sentence holding byte `offset`.
std::size_t sentence_at(const Document& document, std::size_t offset) {
    auto it = std::upper_bound(
        document.sentences.begin(), document.sentences.end(), offset,
        [](std::size_t value, const Sentence& sentence) { return value < sentence.span.begin; });
    return it == document.sentences.begin() ? 0 : std::size_t(it - document.sentences.begin()) - 1;
}

/// How far after a generic description ("a South Korean lawmaker") the person it stands for
/// may be named: the rest of its sentence and the next two (the next sentence is often about
/// something else, and a news lede names the person in the following paragraph).
constexpr std::size_t generic_source_window = 2;

/// "according to a South Korean lawmaker ...": the source is written as one unnamed member of a
/// group. When the first person the text names after it (within the window) is a member of that
/// group (the pack's `member_of`), that person is the source; else "" (the group stays).
std::string resolve_generic_source(const Document& document, const Attribution& attribution,
                                   std::size_t sentence, const IngestOptions& options) {
    const RulePack& pack = *options.pack;
    const EntityEntry* group = find_entity(pack, attribution.entity);
    if (!group || group->kind != "group")
        return "";
    // The word before the source as written: "a" or "an" or "one" makes it one member.
    std::string_view before = std::string_view(document.text).substr(0, attribution.span.begin);
    while (!before.empty() && (before.back() == ' ' || before.back() == '\n'))
        before.remove_suffix(1);
    std::size_t word = before.find_last_of(" \n\t(\"");
    std::string article = lower(before.substr(word == std::string_view::npos ? 0 : word + 1));
    if (article != "a" && article != "an" && article != "one")
        return "";
    for (const NameMention& mention : options.names) {
        if (mention.span.begin < attribution.span.end)
            continue;
        if (sentence_at(document, mention.span.begin) > sentence + generic_source_window)
            break;
        const EntityEntry* person = find_entity(pack, mention.entity);
        if (!person || person->kind != "person")
            continue;
        auto groups = pack.member_of.find(person->id);
        bool member = groups != pack.member_of.end() &&
                      std::find(groups->second.begin(), groups->second.end(), group->id) !=
                          groups->second.end();
        return member ? person->id : ""; // the first person named decides
    }
    return "";
}

/// Source, via and verification of a record read from `claim`.
void attribute(const Document& document, const Claim& claim, const IngestOptions& options,
               Fact& fact) {
    fact.source = options.source;
    fact.via = options.via;
    if (!claim.attribution)
        return;
    const Attribution& attribution = *claim.attribution;
    std::string entity = attribution.entity;
    if (entity.empty() && options.pack)
        entity = entity_named(*options.pack, attribution.source);
    if (entity.empty()) {
        if (attribution.source.empty())
            return;
        // The sentence names someone the lexicon does not know: the default source would
        // misattribute the figure, so it stays unverified, the words as written.
        fact.verified = false;
        fact.note = "attributed in the text to \"" + attribution.source + "\"";
        return;
    }
    if (options.pack)
        if (std::string person =
                resolve_generic_source(document, attribution, claim.sentence, options);
            !person.empty())
            entity = person;
    fact.source = entity;
    if (!attribution.via.empty())
        fact.via = attribution.via == entity ? "" : attribution.via;
    else // the article's ultimate source holds for its default source, not for others
        fact.via = entity == options.source ? options.via : "";
}

/// The figure a record states; equal figures are one figure whatever the source.
auto figure(const Fact& fact) {
    return std::tie(fact.value, fact.low, fact.high, fact.qualifier);
}

bool same_record(const Fact& a, const Fact& b) {
    return a.entity == b.entity && a.metric == b.metric && a.as_of == b.as_of &&
           figure(a) == figure(b) && a.source == b.source && a.via == b.via &&
           a.provenance == b.provenance;
}

} // namespace

std::set<std::pair<std::string, std::string>> tracked_pairs(const std::vector<Fact>& facts) {
    std::set<std::pair<std::string, std::string>> pairs;
    for (const Fact& fact : facts)
        pairs.emplace(fact.entity, fact.metric);
    return pairs;
}

std::vector<Fact> facts_from_claims(const Document& document, const std::vector<Claim>& claims,
                                    const IngestOptions& options) {
    // A metric tracked for one entity only: an unnamed subject ("casualties are estimated at
    // 4,700") can only be about that entity.
    std::map<std::string, std::set<std::string>> entities_by_metric;
    for (const auto& [entity, metric] : options.tracked)
        entities_by_metric[metric].insert(entity);

    // Every usable claim per tracked pair, in reading order.
    std::vector<Place> place = places(document);
    auto place_of = [&](const Claim& claim) {
        return claim.sentence < place.size() ? place[claim.sentence] : Place::body;
    };
    std::map<std::pair<std::string, std::string>, std::vector<const Claim*>> candidates;
    for (const Claim& claim : claims) {
        const Quantity& quantity = claim.quantity;
        if (quantity.kind != QuantityKind::quantity || claim.metric.empty())
            continue;
        if (!quantity.value && !(quantity.low && quantity.high))
            continue;
        std::string entity = claim.entity;
        if (entity.empty()) {
            auto only = entities_by_metric.find(claim.metric);
            if (only == entities_by_metric.end() || only->second.size() != 1)
                continue;
            entity = *only->second.begin();
        }
        if (options.tracked.contains({entity, claim.metric}))
            candidates[{entity, claim.metric}].push_back(&claim);
    }

    std::vector<Fact> out;
    for (const auto& [pair, list] : candidates) {
        // The first figure in reading order: the lede states the article's figure; later
        // mentions repeat it or are about something else. A headline rounds the figure the
        // body states with its hedge ("300 ... Killed" over "About 300 ... have been killed"),
        // so it counts only when the body has none; a standfirst yields to a body sentence
        // that states its number ("Over 100" above "At least 100").
        auto first_not_headline = std::find_if(list.begin(), list.end(), [&](const Claim* c) {
            return place_of(*c) != Place::headline;
        });
        const Claim* chosen = first_not_headline == list.end() ? list.front() : *first_not_headline;
        if (place_of(*chosen) == Place::standfirst) {
            auto restated = std::find_if(first_not_headline, list.end(), [&](const Claim* c) {
                return place_of(*c) == Place::body &&
                       stated_number(c->quantity) == stated_number(chosen->quantity);
            });
            if (restated != list.end())
                chosen = *restated;
        }
        const Claim& claim = *chosen;
        const Quantity& quantity = claim.quantity;
        Fact fact;
        fact.entity = pair.first;
        fact.metric = pair.second;
        fact.value = quantity.value;
        fact.low = quantity.low;
        fact.high = quantity.high;
        fact.qualifier = quantity.qualifier;
        fact.as_of = options.as_of;
        attribute(document, claim, options, fact);
        fact.citation_title = options.title;
        fact.url = options.url;
        fact.provenance.file = document.path;
        fact.provenance.line = document.lines->position(quantity.span.begin).line;
        if (claim.sentence < document.sentences.size())
            fact.provenance.quote =
                collapse_spaces(document.sentences[claim.sentence].span.in(document.text));
        out.push_back(std::move(fact));
    }
    return out;
}

MergeResult merge_facts(std::vector<Fact> existing, const std::vector<Fact>& incoming,
                        const Tolerances& tolerances) {
    MergeResult result;
    result.facts = std::move(existing);
    for (const Fact& record : incoming) {
        bool present = std::any_of(result.facts.begin(), result.facts.end(),
                                   [&](const Fact& old) { return same_record(old, record); });
        if (present)
            continue;
        result.facts.push_back(record);
        ++result.added;
    }
    sort_facts(result.facts);
    // Conflicts are recomputed over the whole file, so a figure that stops conflicting (its
    // rival deleted by hand) loses the flag. A record conflicts when its hedged interval and
    // another's for the same (entity, metric, as_of) have no number in common: the
    // figure-conflict check's test (checks/intervals.hpp), so "about 300" and "more than 300"
    // are compatible readings and "about 600" and "more than 700" are not.
    for (std::size_t begin = 0; begin < result.facts.size();) {
        std::size_t end = begin;
        const Fact& first = result.facts[begin];
        while (end < result.facts.size() && result.facts[end].entity == first.entity &&
               result.facts[end].metric == first.metric && result.facts[end].as_of == first.as_of)
            ++end;
        std::vector<std::optional<Interval>> intervals;
        for (std::size_t i = begin; i < end; ++i)
            intervals.push_back(interval_of(result.facts[i], tolerances));
        std::vector<std::string> figures;
        for (std::size_t i = begin; i < end; ++i) {
            bool conflict = false;
            for (std::size_t j = begin; j < end; ++j)
                if (intervals[i - begin] && intervals[j - begin] &&
                    !overlaps(*intervals[i - begin], *intervals[j - begin]))
                    conflict = true;
            result.facts[i].conflict = conflict;
            std::string shown = describe(result.facts[i], FigureStyle::symbols);
            if (conflict && std::find(figures.begin(), figures.end(), shown) == figures.end())
                figures.push_back(shown);
        }
        if (!figures.empty())
            result.conflicts.push_back(fmt::format("{} {} {}: {}", first.entity, first.metric,
                                                   first.as_of.iso(), fmt::join(figures, ", ")));
        begin = end;
    }
    return result;
}

} // namespace factlint::ledger
