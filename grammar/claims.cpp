/// Claim linking: each quantity the number grammar finds is tied to the noun phrase it counts,
/// the lexicon entity and metric that phrase and its clause name, the date it speaks of, and
/// who is said to have given it. Lexicon names and synonyms are x3::symbols built at run time.
#include "grammar/claims.hpp"

#include "grammar/number.hpp"

#include <algorithm>
#include <boost/spirit/home/x3.hpp>
#include <cstring>

namespace factlint {
namespace x3 = boost::spirit::x3;
using grammar::ascii_lower;
using grammar::is_word_byte;

namespace {

std::string lower(std::string_view text) {
    std::string out(text);
    for (char& c : out)
        c = ascii_lower(c);
    return out;
}

/// ASCII case-insensitive equality with a lower-case `key`, without allocating.
bool equals_lower(std::string_view word, std::string_view key) {
    if (word.size() != key.size())
        return false;
    for (std::size_t i = 0; i < word.size(); ++i)
        if (ascii_lower(word[i]) != key[i])
            return false;
    return true;
}

/// True when `word` is one of the lower-case `keys`.
template <typename Keys> bool one_of(std::string_view word, const Keys& keys) {
    return std::any_of(std::begin(keys), std::end(keys),
                       [&](std::string_view key) { return equals_lower(word, key); });
}

/// One word or punctuation mark of a sentence.
struct Token {
    Span span;
    bool word = false;
    bool capitalized = false;
};

std::vector<Token> tokenize(std::string_view prose, Span sentence) {
    std::vector<Token> tokens;
    for (std::size_t i = sentence.begin; i < sentence.end;) {
        char c = prose[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            ++i;
            continue;
        }
        std::size_t start = i;
        if (is_word_byte(c)) {
            // Words keep inner hyphens, apostrophes and digit separators: "Seong-kweun",
            // "Pyongyang's", "1,000".
            while (i < sentence.end &&
                   (is_word_byte(prose[i]) ||
                    ((prose[i] == '-' || prose[i] == '\'' || prose[i] == ',' || prose[i] == '.') &&
                     i + 1 < sentence.end && is_word_byte(prose[i + 1]) &&
                     (prose[i] != ',' || grammar::is_digit(prose[i + 1])) &&
                     (prose[i] != '.' || grammar::is_digit(prose[i + 1])))))
                ++i;
            tokens.push_back({{start, i}, true, c >= 'A' && c <= 'Z'});
        } else {
            ++i;
            while (i < sentence.end && (static_cast<unsigned char>(prose[i]) & 0xC0) == 0x80)
                ++i; // a multi-byte punctuation mark (curly quotes, dashes) is one token
            tokens.push_back({{start, i}, false, false});
        }
    }
    return tokens;
}

/// Words that end a counted noun phrase: verbs, prepositions, conjunctions, relatives.
bool ends_noun_phrase(std::string_view word) {
    static const std::vector<std::string_view> stops = {
        "a",     "about",  "after", "against",    "ago",       "also",    "and",  "are",    "as",
        "at",    "be",     "been",  "before",     "being",     "but",     "by",   "could",  "did",
        "do",    "during", "for",   "from",       "had",       "has",     "have", "having", "in",
        "into",  "is",     "it",    "may",        "might",     "near",    "not",  "now",    "of",
        "on",    "or",     "over",  "said",       "since",     "so",      "than", "that",   "the",
        "their", "there",  "these", "they",       "this",      "those",   "to",   "under",  "until",
        "up",    "was",    "were",  "which",      "while",     "who",     "whom", "whose",  "will",
        "with",  "within", "would", "reportedly", "allegedly", "already", "each", "per"};
    return one_of(word, stops);
}

/// Cues that attribute a figure; `forward` when the source follows the cue ("according to X").
struct Cue {
    std::string_view text;
    bool forward;
    bool chain; ///< introduces the ultimate source: "citing X", "following a briefing from X"
};

const std::vector<Cue>& cues() {
    static const std::vector<Cue> table = {
        {"according to", true, false},
        {"as reported by", true, false},
        {"shared by", true, false},
        {"reported by", true, false},
        {"citing", true, true},
        {"following a briefing from", true, true},
        {"after a briefing from", true, true},
        {"after a briefing by", true, true},
        {"briefed by", true, true},
        {"said", false, false},
        {"says", false, false},
        {"say", false, false},
        {"told", false, false},
        {"tells", false, false},
        {"reported", false, false},
        {"reports", false, false},
        {"confirmed", false, false},
        {"revealed", false, false},
        {"estimated", false, false},
        {"estimates", false, false},
        {"noted", false, false},
        {"added", false, false},
        {"stated", false, false},
        {"announced", false, false},
        {"claimed", false, false},
        {"indicated", false, false},
        {"disclosed", false, false},
    };
    return table;
}

/// Words that point back at the last named source.
bool is_pronoun(std::string_view word) {
    static const std::vector<std::string_view> pronouns = {
        "he",       "she",       "they",        "lawmaker",    "agency",
        "official", "spokesman", "spokeswoman", "spokesperson"};
    return one_of(word, pronouns);
}

/// Words that mark a claim as reported rather than established.
bool is_report_hedge(std::string_view word) {
    std::string key = lower(word);
    return key == "reportedly" || key == "allegedly" || key == "purportedly" || key == "reported" ||
           key == "reports";
}

bool is_count(const Quantity& quantity) {
    return quantity.kind == QuantityKind::quantity && (quantity.value || quantity.low);
}

} // namespace

/// An x3::symbols table with a pre-filter on the first three bytes of its keys (hashed into a
/// bit set): most words start no key, and a bit test is far cheaper than a case-insensitive
/// trie walk. A key shorter than three bytes marks every byte that may follow it.
template <typename Value> struct Table {
    x3::symbols<Value> symbols;
    std::vector<bool> starts = std::vector<bool>(1 << 16, false);

    static std::size_t slot(unsigned char a, unsigned char b, unsigned char c) {
        return (a * 961u + b * 31u + c) & 0xFFFF;
    }
    void add(const std::string& key, Value value) {
        std::string lowered = lower(key);
        if (lowered.empty())
            return;
        symbols.add(lowered, value);
        auto byte = [&](std::size_t i) { return static_cast<unsigned char>(lowered[i]); };
        for (unsigned b = 0; b < 256; ++b)
            for (unsigned c = 0; c < 256; ++c)
                if ((lowered.size() > 1 ? b == byte(1) : true) &&
                    (lowered.size() > 2 ? c == byte(2) : true))
                    starts[slot(byte(0), static_cast<unsigned char>(b),
                                static_cast<unsigned char>(c))] = true;
    }
    bool may_start(std::string_view text, std::size_t pos) const {
        auto byte = [&](std::size_t i) {
            return i < text.size() ? static_cast<unsigned char>(ascii_lower(text[i])) : 0;
        };
        return starts[slot(byte(pos), byte(pos + 1), byte(pos + 2))];
    }
};

struct ClaimExtractor::Tables {
    struct MetricWord {
        std::size_t metric = 0;
        bool verb = false;
    };
    Table<std::size_t> entity_names; ///< lower-case name or alias -> entity index
    Table<MetricWord> metric_words;  ///< lower-case noun or verb -> metric
    Table<std::size_t> cue_phrases;  ///< lower-case cue -> index into cues()
    std::vector<EntityEntry> entities;
    std::vector<MetricEntry> metrics;

    /// The longest table entry starting at `pos` that ends at a word boundary.
    template <typename Value>
    std::optional<std::pair<Value, std::size_t>> match(const Table<Value>& table,
                                                       std::string_view text, std::size_t pos,
                                                       std::size_t limit) const {
        if (pos >= limit || (pos > 0 && is_word_byte(text[pos - 1])) || !table.may_start(text, pos))
            return std::nullopt;
        const char* first = text.data() + pos;
        const char* last = text.data() + limit;
        Value value{};
        auto boundary = !(x3::alnum | x3::char_('_') | (x3::char_('-') >> x3::alnum));
        if (!x3::parse(first, last, x3::no_case[table.symbols] >> boundary, value))
            return std::nullopt;
        return std::pair{value, std::size_t(first - text.data())};
    }
};

ClaimExtractor::ClaimExtractor(const Lexicon& lexicon)
    : tables_(std::make_unique<Tables>()) {
    Tables& tables = *tables_;
    tables.entities = lexicon.entities;
    tables.metrics = lexicon.metrics;
    for (std::size_t i = 0; i < lexicon.entities.size(); ++i) {
        const EntityEntry& entity = lexicon.entities[i];
        for (const std::string& name : {entity.name, entity.preferred})
            if (!name.empty())
                tables.entity_names.add(name, i);
        for (const std::string& alias : entity.aliases)
            tables.entity_names.add(alias, i);
    }
    for (std::size_t i = 0; i < lexicon.metrics.size(); ++i) {
        for (const std::string& noun : lexicon.metrics[i].nouns)
            tables.metric_words.add(noun, Tables::MetricWord{i, false});
        for (const std::string& verb : lexicon.metrics[i].verbs)
            tables.metric_words.add(verb, Tables::MetricWord{i, true});
    }
    for (std::size_t i = 0; i < cues().size(); ++i)
        tables.cue_phrases.add(std::string(cues()[i].text), i);
}

ClaimExtractor::~ClaimExtractor() = default;
ClaimExtractor::ClaimExtractor(ClaimExtractor&&) noexcept = default;
ClaimExtractor& ClaimExtractor::operator=(ClaimExtractor&&) noexcept = default;

namespace {

/// A lexicon entity named in a sentence.
struct Mention {
    Span span;
    std::size_t entity;
};

/// A metric word in a sentence.
struct MetricHit {
    Span span;
    std::size_t metric;
    bool verb;
};

/// A cue in a sentence.
struct CueHit {
    Span span;
    const Cue* cue;
};

/// What one sentence offers for linking.
struct SentenceFacts {
    std::vector<Token> tokens;
    std::vector<Mention> mentions;
    std::vector<MetricHit> metric_hits;
    std::vector<CueHit> cue_hits;
    bool report_hedge = false;
};

} // namespace

std::vector<NameMention> ClaimExtractor::find_names(const Document& document) const {
    std::vector<NameMention> names;
    const std::string& prose = document.prose;
    for (std::size_t i = 0; i < prose.size(); ++i) {
        char c = prose[i];
        if (!is_word_byte(c) || (i > 0 && is_word_byte(prose[i - 1])))
            continue;
        if (auto hit = tables_->match(tables_->entity_names, prose, i, prose.size())) {
            const EntityEntry& entity = tables_->entities[hit->first];
            std::string written = prose.substr(i, hit->second - i);
            const std::string& preferred =
                entity.preferred.empty() ? entity.name : entity.preferred;
            names.push_back({{i, hit->second}, entity.id, written, written == preferred});
            i = hit->second - 1;
        }
    }
    return names;
}

std::vector<Claim> ClaimExtractor::extract(const Document& document,
                                           std::optional<Date> reference) const {
    const Tables& tables = *tables_;
    const std::string& prose = document.prose;
    std::vector<Claim> claims;

    // The last named source per paragraph run, for "he said" and "the agency" (news text often
    // has one paragraph per line, so it carries over from paragraph to paragraph).
    std::optional<Attribution> last_source;
    std::size_t last_source_paragraph = 0;

    for (std::size_t s = 0; s < document.sentences.size(); ++s) {
        const Sentence& sentence = document.sentences[s];
        std::vector<Quantity> quantities = find_quantities(prose, sentence.span, reference);

        SentenceFacts facts;
        facts.tokens = tokenize(prose, sentence.span);
        for (const Token& token : facts.tokens) {
            if (!token.word)
                continue;
            std::size_t at = token.span.begin;
            if (auto hit = tables.match(tables.entity_names, prose, at, sentence.span.end))
                facts.mentions.push_back({{at, hit->second}, hit->first});
            if (auto hit = tables.match(tables.metric_words, prose, at, sentence.span.end))
                facts.metric_hits.push_back(
                    {{at, hit->second}, hit->first.metric, hit->first.verb});
            if (auto hit = tables.match(tables.cue_phrases, prose, at, sentence.span.end))
                facts.cue_hits.push_back({{at, hit->second}, &cues()[hit->first]});
            facts.report_hedge = facts.report_hedge || is_report_hedge(token.span.in(prose));
        }
        // Overlapping mentions (an alias inside a longer one) keep the longest, which starts first.
        std::vector<Mention> mentions;
        for (const Mention& mention : facts.mentions)
            if (mentions.empty() || mention.span.begin >= mentions.back().span.end)
                mentions.push_back(mention);
        facts.mentions = std::move(mentions);

        auto kind_of = [&](const Mention& mention) -> const std::string& {
            return tables.entities[mention.entity].kind;
        };
        auto is_source_kind = [&](const Mention& mention) {
            return kind_of(mention) == "person" || kind_of(mention) == "organisation" ||
                   kind_of(mention) == "organization" || kind_of(mention) == "outlet";
        };

        // --- attribution of the sentence -------------------------------------------------
        std::optional<Attribution> attribution;
        auto source_from = [&](const Mention& mention, std::string_view cue) {
            Attribution found;
            found.entity = tables.entities[mention.entity].id;
            found.span = mention.span;
            // Titles before a name belong to the source as written: "lawmaker Lee Sung-kwon".
            auto token =
                std::find_if(facts.tokens.begin(), facts.tokens.end(),
                             [&](const Token& t) { return t.span.begin == mention.span.begin; });
            if (token != facts.tokens.begin() && token != facts.tokens.end()) {
                const Token& before = *(token - 1);
                std::string title = lower(before.span.in(prose));
                for (std::string_view known :
                     {"lawmaker", "minister", "spokesman", "spokeswoman", "president", "official",
                      "general", "mp", "secretary", "representative", "analyst"})
                    if (title == known)
                        found.span.begin = before.span.begin;
            }
            found.source = std::string(found.span.in(prose));
            found.cue = std::string(cue);
            return found;
        };
        for (const CueHit& hit : facts.cue_hits) {
            const Mention* best = nullptr;
            std::size_t best_distance = SIZE_MAX;
            for (const Mention& mention : facts.mentions) {
                if (!is_source_kind(mention))
                    continue;
                bool after = mention.span.begin >= hit.span.end;
                if (hit.cue->forward != after &&
                    !(after && !hit.cue->forward && mention.span.begin - hit.span.end <= 1))
                    continue;
                std::size_t distance =
                    after ? mention.span.begin - hit.span.end
                          : hit.span.begin - std::min(hit.span.begin, mention.span.end);
                if (distance < best_distance) {
                    best = &mention;
                    best_distance = distance;
                }
            }
            // "said X" puts the source after a backward cue; accept a name right after it.
            if (!best && !hit.cue->forward)
                for (const Mention& mention : facts.mentions)
                    if (is_source_kind(mention) && mention.span.begin >= hit.span.end &&
                        mention.span.begin - hit.span.end <= 12) {
                        best = &mention;
                        break;
                    }
            if (hit.cue->chain) {
                if (best) {
                    if (!attribution)
                        attribution = last_source && last_source_paragraph + 1 >= sentence.paragraph
                                          ? last_source
                                          : std::nullopt;
                    if (attribution)
                        attribution->via = tables.entities[best->entity].id;
                    else
                        attribution = source_from(*best, hit.cue->text);
                }
                continue;
            }
            if (best && !attribution) {
                attribution = source_from(*best, hit.cue->text);
            } else if (!best && !attribution) {
                // "he noted", "the agency said": the last named source.
                bool pronoun = false;
                for (const Token& token : facts.tokens)
                    if (token.word && is_pronoun(token.span.in(prose)) &&
                        token.span.end <= hit.span.begin + 40 &&
                        token.span.begin + 40 >= hit.span.begin)
                        pronoun = true;
                if (pronoun && last_source && last_source_paragraph + 3 >= sentence.paragraph) {
                    attribution = last_source;
                    attribution->cue = std::string(hit.cue->text);
                }
            }
        }
        if (attribution) {
            last_source = attribution;
            last_source_paragraph = sentence.paragraph;
        }

        // --- a date the sentence gives its figures ------------------------------------------
        std::optional<Date> claim_date;
        for (const Quantity& quantity : quantities) {
            if (quantity.kind != QuantityKind::date || !quantity.date)
                continue;
            // A view of `prose` itself: std::string::substr would return a temporary.
            std::string_view before = std::string_view(prose).substr(
                sentence.span.begin, quantity.span.begin - sentence.span.begin);
            std::string tail = lower(before.substr(before.size() > 12 ? before.size() - 12 : 0));
            for (std::string_view marker : {"by ", "as of ", "as at ", "until ", "through "})
                if (tail.ends_with(marker))
                    claim_date = quantity.date;
        }

        // --- each quantity ------------------------------------------------------------------
        for (std::size_t q = 0; q < quantities.size(); ++q) {
            Claim claim;
            claim.quantity = quantities[q];
            claim.sentence = s;
            claim.reportedly = facts.report_hedge || attribution.has_value();
            if (!is_count(claim.quantity)) {
                claims.push_back(std::move(claim));
                continue;
            }
            Span quantity_span = claim.quantity.span;
            // The clause: from the previous quantity to the next one.
            std::size_t clause_begin = q > 0 ? quantities[q - 1].span.end : sentence.span.begin;
            std::size_t clause_end =
                q + 1 < quantities.size() ? quantities[q + 1].span.begin : sentence.span.end;

            // Subject: the noun phrase right after the number.
            auto first =
                std::find_if(facts.tokens.begin(), facts.tokens.end(),
                             [&](const Token& t) { return t.span.begin >= quantity_span.end; });
            auto last = first;
            bool foreign_group = false;
            while (last != facts.tokens.end() && last->word && last - first < 6 &&
                   !ends_noun_phrase(last->span.in(prose)) && last->span.begin < clause_end) {
                if (tables.match(tables.metric_words, prose, last->span.begin, sentence.span.end) &&
                    tables.metrics.size() &&
                    std::any_of(facts.metric_hits.begin(), facts.metric_hits.end(),
                                [&](const MetricHit& h) {
                                    return h.span.begin == last->span.begin && h.verb;
                                }))
                    break; // "100 killed": the verb is not part of the subject
                ++last;
            }
            if (first != last) {
                claim.subject_span = {first->span.begin, (last - 1)->span.end};
                claim.subject = std::string(claim.subject_span.in(prose));
            }

            // Entity: a lexicon group named in the subject; a capitalised word in the subject
            // that is no known name ("eight Russian paramilitary fighters") means someone else.
            for (const Mention& mention : facts.mentions) {
                if (!claim.subject_span.empty() && claim.subject_span.contains(mention.span) &&
                    !is_source_kind(mention)) {
                    claim.entity = tables.entities[mention.entity].id;
                    break;
                }
            }
            if (claim.entity.empty()) {
                for (auto token = first; token != last; ++token) {
                    bool inside_mention =
                        std::any_of(facts.mentions.begin(), facts.mentions.end(),
                                    [&](const Mention& m) { return m.span.contains(token->span); });
                    if (token->capitalized && !inside_mention)
                        foreign_group = true;
                }
                if (!foreign_group) {
                    // A generic subject ("troops", "casualties", none): the group the sentence
                    // (else the paragraph so far) is about.
                    for (const Mention& mention : facts.mentions)
                        if (!is_source_kind(mention) && kind_of(mention) == "group") {
                            claim.entity = tables.entities[mention.entity].id;
                            break;
                        }
                }
            }

            // Metric: a metric word in the subject, else the nearest in the clause, preferring
            // words after the number ("100 soldiers were killed"), then before ("killed 100").
            const MetricHit* metric = nullptr;
            std::size_t best = SIZE_MAX;
            for (const MetricHit& hit : facts.metric_hits) {
                if (hit.span.begin < clause_begin || hit.span.end > clause_end)
                    continue;
                if (!claim.subject_span.empty() && claim.subject_span.contains(hit.span)) {
                    metric = &hit;
                    break;
                }
                std::size_t distance =
                    hit.span.begin >= quantity_span.end
                        ? hit.span.begin - quantity_span.end
                        : 2 * (quantity_span.begin - std::min(quantity_span.begin, hit.span.end));
                if (distance < best) {
                    best = distance;
                    metric = &hit;
                }
            }
            if (metric)
                claim.metric = tables.metrics[metric->metric].id;
            claim.date = claim_date;
            claim.attribution = attribution;
            claims.push_back(std::move(claim));
        }
    }
    return claims;
}

} // namespace factlint
