/// Spirit-free facade of claim extraction: quantities linked to what they count, who said so
/// and when. The rest of factlint includes this, never Spirit.
#pragma once

#include "document/document.hpp"
#include "grammar/quantity.hpp"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace factlint {

/// A known name: a person, organisation, group or place, and how it may be written.
struct EntityEntry {
    std::string id;                   ///< canonical id, e.g. "lee-seong-kweun"
    std::string name;                 ///< display name, e.g. "Lee Seong-kweun"
    std::string preferred;            ///< preferred spelling (defaults to name)
    std::vector<std::string> aliases; ///< other ways it is written ("Lee Sung-kwon")
    std::string kind;                 ///< person | organisation | group | place
    /// For a group: ids of the places or governments whose people it is ("Pyongyang has
    /// deployed 18,000 troops" counts North Korean troops).
    std::vector<std::string> belongs_to;
    friend bool operator==(const EntityEntry&, const EntityEntry&) = default;
};

/// Something counted, and the words that name it.
struct MetricEntry {
    std::string id;                 ///< e.g. "killed"
    std::vector<std::string> nouns; ///< "deaths", "fatalities", "dead"
    std::vector<std::string> verbs; ///< "killed", "died", "lost their lives"
    std::string unit;               ///< "people", "USD"...
    friend bool operator==(const MetricEntry&, const MetricEntry&) = default;
};

/// Lexicons read from the rule pack; the extractor compiles them into symbol tables.
struct Lexicon {
    std::vector<EntityEntry> entities;
    std::vector<MetricEntry> metrics;
    friend bool operator==(const Lexicon&, const Lexicon&) = default;
};

/// Who a figure is attributed to: "Lee, citing the NIS" is source Lee via the NIS.
struct Attribution {
    std::string source; ///< as written, e.g. "lawmaker Lee Sung-kwon"
    std::string entity; ///< entity id of the source, or empty when not in the lexicon
    std::string cue;    ///< "said", "according to", "citing", ...
    std::string via;    ///< entity id (or text) of the ultimate source, e.g. "nis"
    Span span;          ///< the source as written
};

/// A quantity and what it is about.
struct Claim {
    Quantity quantity;
    std::string subject;      ///< counted noun phrase as written ("North Korean soldiers")
    Span subject_span;        ///< empty when no subject was found
    std::string entity;       ///< entity id the subject resolves to, or empty
    std::string metric;       ///< metric id, or empty
    std::optional<Date> date; ///< the time the claim is about, when it dates itself
    std::optional<Attribution> attribution;
    bool reportedly = false;  ///< hedged as reported ("reportedly", "is said to", "according to")
    std::size_t sentence = 0; ///< index into Document::sentences
};

/// A place where the text names a known entity.
struct NameMention {
    Span span;
    std::string entity;  ///< entity id
    std::string written; ///< the spelling as written (a line break inside reads as a space)
    bool preferred;      ///< written exactly as the preferred spelling
};

/// Extracts claims and name mentions from documents; built once per lexicon, then reusable
/// from many threads at once.
class ClaimExtractor {
public:
    explicit ClaimExtractor(const Lexicon& lexicon);
    ~ClaimExtractor();
    ClaimExtractor(ClaimExtractor&&) noexcept;
    ClaimExtractor& operator=(ClaimExtractor&&) noexcept;

    /// Every quantity in the document's prose, linked where possible. `reference` is the
    /// date relative expressions resolve against (document date or --as-of).
    std::vector<Claim> extract(const Document& document, std::optional<Date> reference) const;
    /// Every mention of a lexicon entity, in order.
    std::vector<NameMention> find_names(const Document& document) const;

    /// Both of the above in one pass over the prose, as the linter needs them: only the
    /// claims a check can use, those in sentences that name a metric (is_tracked() needs a
    /// metric), so most sentences are never scanned for numbers.
    struct Reading {
        std::vector<Claim> claims;
        std::vector<NameMention> names;
    };
    Reading read(const Document& document, std::optional<Date> reference) const;

private:
    struct Tables; ///< symbol tables compiled from the lexicon (Spirit inside)
    struct Prose;  ///< a document's prose prepared once for lookups
    /// Which sentences have their quantities read: all, those that name a metric, or none.
    enum class ClaimScope { all, with_metric, none };
    /// The claims of `scope`, and every name into `names` when given: one pass over the prose.
    std::vector<Claim> extract(const Document& document, const Prose& text,
                               std::optional<Date> reference, ClaimScope scope,
                               std::vector<NameMention>* names) const;
    std::unique_ptr<Tables> tables_;
};

} // namespace factlint
