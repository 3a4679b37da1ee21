/// Claim linking: each quantity the number grammar finds is tied to the noun phrase it counts,
/// the lexicon entity and metric that phrase and its clause name, the date it speaks of, and
/// who is said to have given it. Lexicon names and synonyms are x3::symbols built at run time.
#include "grammar/claims.hpp"

#include "grammar/number.hpp"
#include "grammar/word_masks.hpp"

#include <algorithm>
#include <array>
#include <bitset>
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

} // namespace

/// Where a word falls in the tables' pre-filters: a hash of the length and first three bytes
/// of its leading run of ASCII letters, digits and '_' (lower case). A key matches only where
/// it ends at a word boundary or before a byte that is none of these ("Zelensky" in
/// "Zelensky’s", "al" of "al-Qaeda"), so a word a key starts has exactly the key's leading
/// run: one bit test per word rejects nearly every word for every table.
using StartSlot = std::uint32_t;
/// A set of start slots, a bit each (std::bitset's operator[] costs a few more instructions,
/// and the pre-scan tests a bit for every word).
struct StartSet {
    std::array<std::uint64_t, (1 << 16) / 64> bits{};

    void set(StartSlot slot) { bits[slot / 64] |= std::uint64_t(1) << (slot % 64); }
    bool operator[](StartSlot slot) const { return (bits[slot / 64] >> (slot % 64)) & 1; }
};

/// Bytes of a leading run (x3::alnum and '_' in the C locale: what a key boundary tests).
constexpr bool continues_run(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

/// The slot of a leading run of `length` bytes at `run`, where four bytes are readable. Words
/// of one and two letters are as common as longer ones, so there is no branch on the length:
/// four bytes are read at once, and those past the third or past the run are masked off.
inline StartSlot start_slot(const char* run, std::size_t length) {
    static constexpr std::uint32_t kept[4] = {0, 0xff, 0xffff, 0xffffff};
    std::uint32_t head;
    std::memcpy(&head, run, 4);
    head &= kept[std::min<std::size_t>(length, 3)];
    const std::uint32_t key = head | std::uint32_t(length) << 24;
    return (key * 2654435761u) >> 16;
}

/// The slot of the lower-case `word`'s leading run (any bytes may follow `word`).
inline StartSlot start_slot(std::string_view word) {
    std::size_t length = 0;
    while (length < word.size() && continues_run(word[length]))
        ++length;
    char head[4] = {};
    std::memcpy(head, word.data(), std::min<std::size_t>(word.size(), 4));
    return start_slot(head, length);
}

/// Where a word and the word after it fall in StartFilter::pairs.
inline std::uint32_t pair_slot(StartSlot first, StartSlot second) {
    return ((first << 16 | second) * 2654435761u) >> 16;
}

/// The start slots of the keys of every table, for the pre-scan. Many keys begin with a common
/// word ("the pentagon", "have died", "according to"), and the slot of "the" alone would send
/// every "the" to a trie walk: a key whose leading run is followed by one space and a second
/// run is filed under the slots of both runs (the text matches it only where the word after
/// the first run starts one byte later with exactly that second run, by the argument of
/// StartSlot); every other key under its first run's slot alone.
struct StartFilter {
    StartSet firsts; ///< first-run slots of all keys: the one test most words get
    StartSet single; ///< first-run slots of the keys not filed as pairs
    StartSet pairs;  ///< pair_slot() of the first two runs of the others

    void add(std::string_view key) {
        std::size_t first = 0;
        while (first < key.size() && continues_run(key[first]))
            ++first;
        firsts.set(start_slot(key));
        if (first + 1 < key.size() && key[first] == ' ' && continues_run(key[first + 1]))
            pairs.set(pair_slot(start_slot(key), start_slot(key.substr(first + 1))));
        else
            single.set(start_slot(key));
    }
};

/// The prose with line breaks and tabs as spaces (same length), so that a name or phrase
/// wrapped across lines ("North\nKorean soldiers") still matches its lexicon entry; and the
/// same lower-cased, for lexicon lookups (ASCII lowering keeps every byte offset, and a
/// case-sensitive lookup in lower-case text is several times cheaper than x3::no_case's
/// tolower per byte and key). Built once per document in one pass (grammar::prepare_prose),
/// into one allocation that nothing fills before it.
struct ClaimExtractor::Prose {
    /// NUL bytes after `lowered`: start_slot() reads four bytes at a word start, and a word may
    /// start at the last byte.
    static constexpr std::size_t padding = 3;

    std::unique_ptr<char[]> bytes; ///< `written`, `lowered`, then `padding` NUL bytes
    std::string_view written;
    std::string_view lowered;
    std::vector<grammar::WordMasks> words; ///< where the words of `lowered` are

    explicit Prose(std::string_view prose)
        : bytes(std::make_unique_for_overwrite<char[]>(2 * prose.size() + padding))
        , written(bytes.get(), prose.size())
        , lowered(bytes.get() + prose.size(), prose.size())
        , words(grammar::prepare_prose(prose, bytes.get(), bytes.get() + prose.size())) {
        std::memset(bytes.get() + 2 * prose.size(), 0, padding);
    }
};

namespace {

/// One word or punctuation mark of a sentence.
struct Token {
    Span span;
    bool word = false;
    bool capitalized = false;
    /// Words only: a joined word ("Seong-kweun", "Pyongyang's") has more word starts inside.
    bool joined = false;
    StartSlot slot = 0; ///< words only
};

/// True when the byte at `i` joins two parts of one word: inner hyphens, apostrophes and digit
/// separators ("Seong-kweun", "Pyongyang's", "1,000", "1.5").
inline bool joins_word(std::string_view text, std::size_t i, std::size_t end) {
    char c = text[i];
    if (i + 1 >= end)
        return false;
    if (c == '-' || c == '\'')
        return is_word_byte(text[i + 1]);
    return (c == ',' || c == '.') && grammar::is_digit(text[i + 1]);
}

/// What the tokenizer asks of a byte, one table lookup per byte.
enum ByteClass : unsigned char { space = 1, word_byte = 2, run_byte = 4 };
inline constexpr std::array<unsigned char, 256> byte_classes = [] {
    std::array<unsigned char, 256> table{};
    for (unsigned u = 0; u < 256; ++u) {
        char c = static_cast<char>(u);
        table[u] = (c == ' ' || c == '\t' || c == '\n' || c == '\r' ? space : 0) |
                   (grammar::word_bytes[u] ? word_byte : 0) | (continues_run(c) ? run_byte : 0);
    }
    return table;
}();
inline unsigned char byte_class(char c) {
    return byte_classes[static_cast<unsigned char>(c)];
}

/// The tokens of `sentence` into `tokens` (cleared first: one buffer serves every sentence).
/// `lowered` is the prose in lower case (for the pre-filter slots) and `words` its word masks,
/// `written` the prose as written.
void tokenize(std::string_view lowered, std::string_view written,
              const std::vector<grammar::WordMasks>& words, Span sentence,
              std::vector<Token>& tokens) {
    tokens.clear();
    const std::size_t end = sentence.end;
    for (std::size_t i = sentence.begin; i < end;) {
        const unsigned char kind = byte_class(lowered[i]);
        if (kind & space) {
            ++i;
            continue;
        }
        std::size_t start = i;
        if (kind & word_byte) {
            i = grammar::next_clear(words, &grammar::WordMasks::run, i, end);
            const std::size_t run = i - start;
            bool joined = false;
            // Most words end at a space; others go on past non-ASCII bytes and joiners.
            if (i < end && !(byte_class(lowered[i]) & space))
                for (; i < end; ++i) {
                    if (byte_class(lowered[i]) & word_byte)
                        continue;
                    if (!joins_word(lowered, i, end))
                        break;
                    joined = true;
                }
            tokens.push_back({{start, i},
                              true,
                              written[start] >= 'A' && written[start] <= 'Z',
                              joined,
                              start_slot(lowered.data() + start, run)});
        } else {
            ++i;
            while (i < end && (static_cast<unsigned char>(lowered[i]) & 0xC0) == 0x80)
                ++i; // a multi-byte punctuation mark (curly quotes, dashes) is one token
            tokens.push_back({{start, i}, false, false});
        }
    }
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
        {"disclosed by", true, false},
        {"revealed by", true, false},
        {"confirmed by", true, false},
        {"announced by", true, false},
        {"citing", true, true},
        {"following a briefing from", true, true},
        {"briefing from", true, true},
        {"briefing by", true, true},
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
        {"estimate", false, false},
        {"stating", false, false},
        {"accused", false, false},
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
    return one_of(word, std::array<std::string_view, 5>{"reportedly", "allegedly", "purportedly",
                                                        "reported", "reports"});
}

bool is_count(const Quantity& quantity) {
    return quantity.kind == QuantityKind::quantity && (quantity.value || quantity.low);
}

} // namespace

/// An x3::symbols table with a pre-filter: the start slots of its keys (see StartSlot). Most
/// words start no key, and a bit test is far cheaper than a trie walk.
template <typename Value> struct Table {
    x3::symbols<Value> symbols;
    StartSet starts;

    /// Adds `key` (any case), and files it in `filter` too.
    void add(const std::string& key, Value value, StartFilter& filter) {
        std::string lowered = lower(key);
        if (lowered.empty())
            return;
        symbols.add(lowered, value);
        starts.set(start_slot(lowered));
        filter.add(lowered);
    }
};

struct ClaimExtractor::Tables {
    struct MetricWord {
        std::size_t metric = 0;
        bool verb = false;
    };
    Table<std::size_t> entity_names; ///< lower-case name or alias -> entity index
    /// A group's name without its head noun ("north korean" from "North Korean troops"): links
    /// "North Korean casualties" and "North Korean leader" to the group, never names it.
    Table<std::size_t> group_modifiers;
    Table<MetricWord> metric_words; ///< lower-case noun or verb -> metric
    Table<std::size_t> cue_phrases; ///< lower-case cue -> index into cues()
    std::vector<EntityEntry> entities;
    std::vector<MetricEntry> metrics;
    /// Where any of the four tables may start: one bit test (filter.firsts) rejects most words
    /// for all four.
    StartFilter filter;

    /// What the linker asks of an entity's kind, decided once per lexicon.
    struct EntityRole {
        bool group = false;
        bool person = false;
        bool source = false; ///< a person, organisation or outlet: who may say a figure
        /// For a place or government: the groups that belong to it (`belongs_to`).
        std::vector<std::size_t> groups;
        /// For a group: the last words of its names, lower-case ("troops", "soldiers").
        std::vector<std::string> heads;
    };
    std::vector<EntityRole> roles; ///< parallel to `entities`

    /// The longest table entry starting at `pos` of the lower-case `text` that ends at a word
    /// boundary; `slot` is start_slot(text, pos).
    template <typename Value>
    [[gnu::always_inline]] std::optional<std::pair<Value, std::size_t>>
    match(const Table<Value>& table, std::string_view text, std::size_t pos, std::size_t limit,
          StartSlot slot) const {
        if (pos >= limit || !table.starts[slot] || (pos > 0 && is_word_byte(text[pos - 1])))
            return std::nullopt;
        return parse_entry(table, text, pos, limit);
    }

    /// Short forms of people named so far, and their entities: "Lee" after "Lee Seong-kweun";
    /// and the start slots of their lower-case forms, for the pre-scan (the linker takes a
    /// short name only as a whole word, perhaps before "'s", so a word that is one has the
    /// name's leading run). A document names few people: a small set will do.
    struct ShortNames {
        std::vector<std::pair<std::string, std::size_t>> names;
        std::bitset<1024> slots;

        void add(std::string name, std::size_t entity) {
            slots.set(start_slot(lower(name)) % 1024);
            names.emplace_back(std::move(name), entity);
        }
    };

    /// What the pre-scan finds in a sentence, in increasing order: nothing any table or short
    /// name starts, only cues, or more (a name, a group, a metric word or a short name).
    enum class Finds { nothing, cues, more };

    /// What `sentence` may name, far cheaper than tokenizing: word starts come from bit
    /// operations, nothing is kept, and most words cost one bit test of their slot. A word here
    /// starts after any byte that is no word byte, inside joined words too, so every token
    /// start is among them; a short name need only start there (a superset of the linker's
    /// whole-word test).
    Finds finds(const Prose& text, Span sentence, const ShortNames& short_names) const {
        // Most documents name no person of the lexicon: their loop has no short-name test.
        return short_names.names.empty() ? finds<false>(text, sentence, short_names)
                                         : finds<true>(text, sentence, short_names);
    }
    template <bool any_short_names>
    [[gnu::noinline]] Finds finds(const Prose& text, Span sentence,
                                  const ShortNames& short_names) const {
        const std::string_view lowered = text.lowered;
        const std::vector<grammar::WordMasks>& words = text.words;
        const std::size_t end = sentence.end;
        Finds found = Finds::nothing;
        for (std::size_t block = sentence.begin / 64; block * 64 < end; ++block) {
            const std::uint64_t word = words[block].word;
            std::uint64_t not_run = ~words[block].run;
            const std::uint64_t word_before = block > 0 ? words[block - 1].word >> 63 : 0;
            std::uint64_t starts = word & ~(word << 1 | word_before);
            // Only starts inside the sentence, and runs cut at its end.
            const std::size_t base = block * 64;
            if (sentence.begin > base)
                starts &= ~std::uint64_t(0) << (sentence.begin - base);
            if (end - base < 64) {
                starts &= (std::uint64_t(1) << (end - base)) - 1;
                not_run |= ~std::uint64_t(0) << (end - base);
            }
            for (; starts != 0; starts &= starts - 1) {
                const std::size_t offset = std::size_t(__builtin_ctzll(starts));
                const std::size_t start = base + offset;
                // The run ends in this block, as most do, or in a later one.
                const std::uint64_t rest = not_run >> offset;
                const std::size_t run_end =
                    rest != 0 ? start + std::size_t(__builtin_ctzll(rest))
                              : grammar::next_clear(words, &grammar::WordMasks::run, start, end);
                const StartSlot slot = start_slot(lowered.data() + start, run_end - start);
                // A word that starts only pair keys ("the", "have") is common: its pair is tested
                // here, and finds_at() is left for the few words that pass.
                const bool key = filter.firsts[slot] &&
                                 (filter.single[slot] || pair_follows(text, run_end, end, slot));
                const bool short_name = any_short_names && short_names.slots[slot % 1024];
                if (key || short_name) {
                    found = std::max(found, finds_at(text, start, end, slot, key, short_names));
                    if (found == Finds::more)
                        return found;
                }
            }
        }
        return found;
    }

    /// True when the word after the run of a word ending at `run_end`, with slot `slot`, may
    /// complete a key filed as a pair: one space, then a second run.
    [[gnu::always_inline]] bool pair_follows(const Prose& text, std::size_t run_end,
                                             std::size_t end, StartSlot slot) const {
        const std::string_view lowered = text.lowered;
        if (run_end + 1 >= end || lowered[run_end] != ' ' || !continues_run(lowered[run_end + 1]))
            return false;
        const std::size_t second = run_end + 1;
        const std::size_t second_end =
            grammar::next_clear(text.words, &grammar::WordMasks::run, second, end);
        const StartSlot second_slot = start_slot(lowered.data() + second, second_end - second);
        return filter.pairs[pair_slot(slot, second_slot)];
    }

    /// finds() past its filters: what starts at `start`, a word start with slot `slot`, that
    /// ends by `end`; table entries are looked up when `key`.
    [[gnu::noinline]] Finds finds_at(const Prose& text, std::size_t start, std::size_t end,
                                     StartSlot slot, bool key,
                                     const ShortNames& short_names) const {
        Finds found = key ? entry_at(text.lowered, start, end, slot) : Finds::nothing;
        if (found != Finds::more && text.written[start] >= 'A' && text.written[start] <= 'Z')
            for (const auto& [name, entity] : short_names.names)
                if (text.written.substr(start, end - start).starts_with(name))
                    return Finds::more;
        return found;
    }

    /// What table entries start at `start`, a word start of the lower-case `text` with start
    /// slot `slot`, and end by `end`.
    Finds entry_at(std::string_view text, std::size_t start, std::size_t end,
                   StartSlot slot) const {
        if (match(entity_names, text, start, end, slot) ||
            match(group_modifiers, text, start, end, slot) ||
            match(metric_words, text, start, end, slot))
            return Finds::more;
        return match(cue_phrases, text, start, end, slot) ? Finds::cues : Finds::nothing;
    }

    /// match() past its pre-filter: the trie walk, kept out of line so the filter inlines.
    template <typename Value>
    [[gnu::noinline]] static std::optional<std::pair<Value, std::size_t>>
    parse_entry(const Table<Value>& table, std::string_view text, std::size_t pos,
                std::size_t limit) {
        const char* first = text.data() + pos;
        const char* last = text.data() + limit;
        Value value{};
        // The table's own parse (a sequence parser would copy the table's shared trie pointer,
        // two atomic operations per call), then the boundary by hand: no letter, digit or '_'
        // follows, nor a hyphen and a letter or digit (x3::alnum in the C locale is ASCII).
        if (!table.symbols.parse(first, last, x3::unused, x3::unused, value))
            return std::nullopt;
        auto alnum = [](char c) { return continues_run(c) && c != '_'; };
        if (first < last &&
            (continues_run(*first) || (*first == '-' && first + 1 < last && alnum(first[1]))))
            return std::nullopt;
        return std::pair{value, std::size_t(first - text.data())};
    }
};

ClaimExtractor::ClaimExtractor(const Lexicon& lexicon)
    : tables_(std::make_unique<Tables>()) {
    Tables& tables = *tables_;
    tables.entities = lexicon.entities;
    tables.metrics = lexicon.metrics;
    for (const EntityEntry& entity : lexicon.entities) {
        const std::string& kind = entity.kind;
        bool person = kind == "person";
        tables.roles.push_back(
            {kind == "group",
             person,
             person || kind == "organisation" || kind == "organization" || kind == "outlet",
             {},
             {}});
    }
    for (std::size_t i = 0; i < lexicon.entities.size(); ++i) {
        const EntityEntry& group = lexicon.entities[i];
        for (const std::string& owner : group.belongs_to)
            for (std::size_t j = 0; j < lexicon.entities.size(); ++j)
                if (lexicon.entities[j].id == owner)
                    tables.roles[j].groups.push_back(i);
        if (!group.belongs_to.empty()) {
            std::vector<std::string> names = group.aliases;
            names.push_back(group.name);
            for (const std::string& name : names)
                tables.roles[i].heads.push_back(lower(name.substr(name.rfind(' ') + 1)));
        }
    }
    for (std::size_t i = 0; i < lexicon.entities.size(); ++i) {
        const EntityEntry& entity = lexicon.entities[i];
        for (const std::string& name : {entity.name, entity.preferred})
            if (!name.empty())
                tables.entity_names.add(name, i, tables.filter);
        for (const std::string& alias : entity.aliases)
            tables.entity_names.add(alias, i, tables.filter);
        if (entity.kind == "group")
            for (const std::string& name : entity.aliases)
                // Two words at least ("North Korean"): "Russian" or "US" alone name too much.
                if (std::size_t space = name.rfind(' ');
                    space != std::string::npos && name.find(' ') < space)
                    tables.group_modifiers.add(name.substr(0, space), i, tables.filter);
    }
    for (std::size_t i = 0; i < lexicon.metrics.size(); ++i) {
        for (const std::string& noun : lexicon.metrics[i].nouns)
            tables.metric_words.add(noun, Tables::MetricWord{i, false}, tables.filter);
        for (const std::string& verb : lexicon.metrics[i].verbs)
            tables.metric_words.add(verb, Tables::MetricWord{i, true}, tables.filter);
    }
    for (std::size_t i = 0; i < cues().size(); ++i)
        tables.cue_phrases.add(std::string(cues()[i].text), i, tables.filter);
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
    std::vector<Mention> group_hints; ///< "North Korean" before a noun the group has no alias for
    std::vector<Mention> names;       ///< every name found, in order, for find_names()
    bool report_hedge = false;

    void clear() {
        tokens.clear();
        mentions.clear();
        metric_hits.clear();
        cue_hits.clear();
        group_hints.clear();
        names.clear();
        report_hedge = false;
    }
};

} // namespace

std::vector<NameMention> ClaimExtractor::find_names(const Document& document) const {
    std::vector<NameMention> names;
    extract(document, Prose(document.prose), std::nullopt, ClaimScope::none, &names);
    return names;
}

namespace {

/// Words between a source and its backward cue that belong to neither ("officials later said").
bool is_cue_filler(std::string_view word) {
    static const std::vector<std::string_view> fillers = {
        "also",    "later", "has",  "have", "had",        "previously", "earlier",
        "further", "again", "then", "now",  "officially", "publicly",   "recently"};
    return one_of(word, fillers);
}

/// Lower-case nouns that name a source nobody named ("an unnamed U.S. official said").
bool is_source_noun(std::string_view word) {
    static const std::vector<std::string_view> nouns = {
        "official", "officials",  "spokesman", "spokeswoman", "spokesperson", "sources",
        "source",   "lawmaker",   "lawmakers", "legislator",  "legislators",  "officer",
        "ministry", "minister",   "analysts",  "analyst",     "intelligence", "unnamed",
        "military", "government", "agency",    "senior",      "and"};
    return one_of(word, nouns);
}

/// Capitalised words that are not sources even before a cue: "Reports disclosed that ...".
bool is_not_a_source(std::string_view word) {
    static const std::vector<std::string_view> words = {
        "reports", "report", "it", "this", "these", "those", "that", "they", "he",
        "she",     "we",     "i",  "you",  "there", "the",   "a",    "an",   "officials"};
    return one_of(word, words);
}

/// Head nouns a group may be the subject of: "300 soldiers", "2,700 others", "casualties".
bool is_person_noun(std::string_view word) {
    static const std::vector<std::string_view> nouns = {
        "troops",     "troop", "soldiers", "soldier", "forces", "personnel", "fighters",
        "servicemen", "men",   "people",   "others",  "more",   "members",   "recruits"};
    return one_of(word, nouns);
}

/// Starts a sentence that attributes what came before it: "This information was shared by",
/// "These figures follow a briefing from".
bool points_back(std::string_view word) {
    static const std::vector<std::string_view> words = {"this", "these", "those", "the"};
    return one_of(word, words);
}

/// A source cue's candidate attribution within one sentence.
struct Candidate {
    Span cue;
    Attribution attribution;
};

} // namespace

ClaimExtractor::Reading ClaimExtractor::read(const Document& document,
                                             std::optional<Date> reference) const {
    Reading reading;
    reading.claims = extract(document, Prose(document.prose), reference, ClaimScope::with_metric,
                             &reading.names);
    return reading;
}

std::vector<Claim> ClaimExtractor::extract(const Document& document,
                                           std::optional<Date> reference) const {
    return extract(document, Prose(document.prose), reference, ClaimScope::all, nullptr);
}

std::vector<Claim> ClaimExtractor::extract(const Document& document, const Prose& text,
                                           std::optional<Date> reference, ClaimScope scope,
                                           std::vector<NameMention>* names) const {
    const Tables& tables = *tables_;
    const std::string_view prose = text.written;
    const std::string_view lowered = text.lowered;
    std::vector<Claim> claims;

    // The last named source, for "he said" and "the agency" (news text often has one paragraph
    // per line, so it carries over a few paragraphs).
    std::optional<Attribution> last_source;
    std::size_t last_source_paragraph = 0;
    // The last group named in the current paragraph, for "300 soldiers" with no group in the
    // sentence.
    constexpr std::size_t no_group = SIZE_MAX;
    std::size_t paragraph_group = no_group;
    std::size_t paragraph_group_paragraph = SIZE_MAX;
    // Short forms of people named so far ("Lee" after "Lee Seong-kweun"): later bare mentions.
    Tables::ShortNames short_names;
    // The last person named, cue or not, for "he said".
    std::optional<Attribution> last_person;
    std::size_t last_person_paragraph = 0;

    SentenceFacts facts;          // one set of buffers for every sentence
    std::size_t names_resume = 0; // where the next name may start
    for (std::size_t s = 0; s < document.sentences.size(); ++s) {
        const Sentence& sentence = document.sentences[s];
        const bool every = scope == ClaimScope::all;
        std::vector<Quantity> quantities;
        if (every)
            quantities = find_quantities(prose, sentence.span, reference);
        if (paragraph_group_paragraph != sentence.paragraph)
            paragraph_group = no_group;
        if (!every) {
            // A sentence that names nothing the tables know, nor a person named before, changes
            // nothing: no claim the linter tracks, no name, no source. Most sentences are such.
            const Tables::Finds finds = tables.finds(text, sentence.span, short_names);
            if (finds == Tables::Finds::nothing)
                continue;
            // Nor does one whose only finds are cues ("said"), most of the rest, while no
            // source or person has been named and no claim was made in the two sentences
            // before: its numbers are not read (it names no metric), its cues find no named
            // source (a pronoun has none to point back at), so it makes no source for later
            // sentences and no attribution for earlier claims.
            if (finds == Tables::Finds::cues && !last_source && !last_person &&
                (claims.empty() || claims.back().sentence + 2 < s))
                continue;
        }

        facts.clear();
        tokenize(lowered, prose, text.words, sentence.span, facts.tokens);
        const std::size_t end = sentence.span.end;
        for (const Token& token : facts.tokens) {
            if (!token.word)
                continue;
            const std::size_t at = token.span.begin;
            if (tables.filter.firsts[token.slot]) {
                if (auto hit = tables.match(tables.entity_names, lowered, at, end, token.slot)) {
                    facts.mentions.push_back({{at, hit->second}, hit->first});
                    if (names)
                        facts.names.push_back(facts.mentions.back());
                } else if (auto hint =
                               tables.match(tables.group_modifiers, lowered, at, end, token.slot)) {
                    facts.group_hints.push_back({{at, hint->second}, hint->first});
                }
                if (auto hit = tables.match(tables.cue_phrases, lowered, at, end, token.slot))
                    facts.cue_hits.push_back({{at, hit->second}, &cues()[hit->first]});
                // Metric words only qualify figures: a sentence without any needs only the
                // names and cues that later sentences refer back to.
                if (!(every && quantities.empty()))
                    if (auto hit =
                            tables.match(tables.metric_words, lowered, at, end, token.slot)) {
                        MetricHit found{{at, hit->second}, hit->first.metric, hit->first.verb};
                        // A phrase that starts inside the one before and reaches further is
                        // the reading: "have been killed or wounded" counts casualties.
                        auto& hits = facts.metric_hits;
                        if (!hits.empty() && at < hits.back().span.end &&
                            found.span.end > hits.back().span.end)
                            hits.back() = found;
                        else
                            hits.push_back(found);
                    }
            }
            // A name may also start inside a joined word ("anti-Kim"), though no claim is
            // linked there.
            if (names && token.joined)
                for (std::size_t i = at + 1; i < token.span.end; ++i)
                    if (!is_word_byte(lowered[i - 1]) && is_word_byte(lowered[i]))
                        if (auto hit = tables.match(tables.entity_names, lowered, i, end,
                                                    start_slot(std::string_view(lowered).substr(
                                                        i, token.span.end - i))))
                            facts.names.push_back({{i, hit->second}, hit->first});
        }
        if (names)
            // A name found inside another ("Lee" in "Lee Seong-kweun") is no mention of its own.
            for (const Mention& hit : facts.names)
                if (hit.span.begin >= names_resume) {
                    const EntityEntry& entity = tables.entities[hit.entity];
                    std::string written(hit.span.in(prose));
                    const std::string& preferred =
                        entity.preferred.empty() ? entity.name : entity.preferred;
                    bool is_preferred = written == preferred;
                    names->push_back({hit.span, entity.id, std::move(written), is_preferred});
                    names_resume = hit.span.end;
                }
        if (scope == ClaimScope::none)
            continue;
        // Only a sentence that names a metric can give a tracked figure: with_metric reads the
        // numbers of no other sentence.
        const bool numbers_unread = !every && facts.metric_hits.empty();
        if (!every && !numbers_unread)
            quantities = find_quantities(prose, sentence.span, reference);
        if (!quantities.empty())
            facts.report_hedge =
                std::any_of(facts.tokens.begin(), facts.tokens.end(), [&](const Token& token) {
                    return token.word && is_report_hedge(token.span.in(prose));
                });
        // Overlapping mentions (an alias inside a longer one) keep the longest, which starts first.
        std::vector<Mention> mentions;
        for (const Mention& mention : facts.mentions)
            if (mentions.empty() || mention.span.begin >= mentions.back().span.end)
                mentions.push_back(mention);
        // Bare short names of people named earlier: "Lee said" after "Lee Seong-kweun".
        if (!short_names.names.empty()) {
            std::size_t before = mentions.size();
            for (const Token& token : facts.tokens) {
                if (!token.capitalized)
                    continue;
                bool inside =
                    std::any_of(mentions.begin(), mentions.begin() + before,
                                [&](const Mention& m) { return m.span.contains(token.span); });
                if (inside)
                    continue;
                std::string_view word = token.span.in(prose);
                if (word.ends_with("'s"))
                    word.remove_suffix(2);
                for (const auto& [name, entity] : short_names.names)
                    if (word == name) {
                        mentions.push_back(
                            {{token.span.begin, token.span.begin + word.size()}, entity});
                        break;
                    }
            }
            std::sort(mentions.begin(), mentions.end(), [](const Mention& a, const Mention& b) {
                return a.span.begin < b.span.begin;
            });
        }
        facts.mentions = std::move(mentions);

        auto is_group = [&](const Mention& mention) { return tables.roles[mention.entity].group; };
        auto is_person = [&](const Mention& mention) {
            return tables.roles[mention.entity].person;
        };
        auto is_source_kind = [&](const Mention& mention) {
            return tables.roles[mention.entity].source;
        };
        for (const Mention& mention : facts.mentions) {
            if (is_group(mention)) {
                paragraph_group = mention.entity;
                paragraph_group_paragraph = sentence.paragraph;
            }
            if (is_person(mention)) {
                std::string_view written = mention.span.in(prose);
                std::size_t space = written.find(' ');
                if (space != std::string_view::npos) {
                    std::string first(written.substr(0, space));
                    std::string last(written.substr(written.rfind(' ') + 1));
                    for (const std::string& part : {first, last})
                        if (part.size() > 2 &&
                            std::none_of(short_names.names.begin(), short_names.names.end(),
                                         [&](const auto& known) { return known.first == part; }))
                            short_names.add(part, mention.entity);
                }
            }
        }
        for (const Mention& hint : facts.group_hints)
            if (paragraph_group == no_group) {
                paragraph_group = hint.entity;
                paragraph_group_paragraph = sentence.paragraph;
            }
        auto token_at = [&](std::size_t begin) {
            return std::find_if(facts.tokens.begin(), facts.tokens.end(),
                                [&](const Token& t) { return t.span.begin >= begin; });
        };

        // --- attribution candidates of the sentence ----------------------------------------
        auto source_from = [&](const Mention& mention, std::string_view cue) {
            Attribution found;
            found.entity = tables.entities[mention.entity].id;
            found.span = mention.span;
            // Titles before a name belong to the source as written: "lawmaker Lee Sung-kwon".
            auto token = token_at(mention.span.begin);
            if (token != facts.tokens.begin() && token != facts.tokens.end()) {
                const Token& before = *(token - 1);
                std::string title = lower(before.span.in(prose));
                for (std::string_view known :
                     {"lawmaker", "minister", "spokesman", "spokeswoman", "spokesperson",
                      "president", "official", "general", "mp", "secretary", "representative",
                      "analyst", "legislator"})
                    if (title == known)
                        found.span.begin = before.span.begin;
            }
            found.source = std::string(found.span.in(prose));
            found.cue = std::string(cue);
            return found;
        };
        // A source nobody in the lexicon: the capitalised or source-noun run beside the cue
        // ("an unnamed U.S. official later indicated", "South Korea Says").
        auto unnamed_source = [&](const CueHit& hit) -> std::optional<Attribution> {
            auto cue_token = token_at(hit.span.begin);
            using Iter = std::vector<Token>::const_iterator;
            auto joins = [&](const Token& token) {
                return token.word && one_of(token.span.in(prose),
                                            std::array<std::string_view, 3>{"of", "for", "and"});
            };
            // "." only inside an initialism ("U.S."): "Gartner.More" is two sentences.
            auto accept = [&](Iter at) {
                const Token& token = *at;
                std::string_view word = token.span.in(prose);
                if (!token.word)
                    return word == "." && at != facts.tokens.begin() && (at - 1)->word &&
                           (at - 1)->span.size() == 1;
                return token.capitalized || is_source_noun(word) || joins(token);
            };
            // A run keeps neither articles, joining words nor a full stop at its edges
            // ("The ONS", "Bank of England", "analysts."); "U.S." keeps its stops.
            auto trim = [&](Iter first, Iter last) -> std::optional<Span> {
                auto edge = [&](Iter token, bool at_end) {
                    std::string_view word = token->span.in(prose);
                    if (!token->word)
                        return !(at_end && token != first && (token - 1)->span.size() == 1);
                    return joins(*token) ||
                           one_of(word, std::array<std::string_view, 3>{"the", "a", "an"});
                };
                while (first != last && edge(first, false))
                    ++first;
                while (first != last && edge(last - 1, true))
                    --last;
                if (first == last)
                    return std::nullopt;
                return Span{first->span.begin, (last - 1)->span.end};
            };
            Span run{};
            if (hit.cue->forward) {
                auto token = token_at(hit.span.end);
                while (token != facts.tokens.end() && token->word &&
                       one_of(token->span.in(prose),
                              std::array<std::string_view, 3>{"a", "an", "the"}))
                    ++token;
                auto start = token;
                while (token != facts.tokens.end() && accept(token))
                    ++token;
                auto trimmed = trim(start, token);
                if (!trimmed)
                    return std::nullopt;
                run = *trimmed;
            } else {
                auto token = cue_token;
                while (token != facts.tokens.begin() && (token - 1)->word &&
                       is_cue_filler((token - 1)->span.in(prose)))
                    --token;
                auto end = token;
                while (token != facts.tokens.begin() && accept(token - 1))
                    --token;
                while (token != end && !(token->word && token->capitalized) &&
                       !(token->word && is_source_noun(token->span.in(prose)) && !joins(*token)))
                    ++token;
                if (token == end)
                    return std::nullopt;
                std::string_view nearest = (end - 1)->span.in(prose);
                if (!(end - 1)->word || (!(end - 1)->capitalized && !is_source_noun(nearest)))
                    return std::nullopt;
                if (end - token == 1 && is_not_a_source(nearest))
                    return std::nullopt;
                auto trimmed = trim(token, end);
                if (!trimmed)
                    return std::nullopt;
                run = *trimmed;
            }
            if (std::string_view written = run.in(prose);
                is_not_a_source(written) || written.size() < 2)
                return std::nullopt;
            Attribution found;
            found.span = run;
            found.source = std::string(run.in(prose));
            found.cue = std::string(hit.cue->text);
            return found;
        };

        // The nearest source-like mention on the cue's side ("Lee said", "according to Lee").
        auto source_for = [&](const CueHit& hit, const std::vector<const Mention*>& excluded) {
            const Mention* best = nullptr;
            std::size_t best_distance = SIZE_MAX;
            for (const Mention& mention : facts.mentions) {
                if (std::find(excluded.begin(), excluded.end(), &mention) != excluded.end())
                    continue;
                bool after = mention.span.begin >= hit.span.end;
                std::size_t distance =
                    after ? mention.span.begin - hit.span.end
                          : hit.span.begin - std::min(hit.span.begin, mention.span.end);
                // Groups are sources only right beside the cue: "South Korean lawmakers said",
                // "according to a South Korean lawmaker".
                if (!is_source_kind(mention) && (!is_group(mention) || distance > 4))
                    continue;
                if (hit.cue->forward != after &&
                    !(after && !hit.cue->forward && mention.span.begin - hit.span.end <= 1))
                    continue;
                // "a Pentagon spokesman confirmed ...; an unnamed official indicated": a semicolon
                // starts another speaker's clause.
                if (!after && std::string_view(prose)
                                      .substr(mention.span.end, hit.span.begin - mention.span.end)
                                      .find(';') != std::string_view::npos)
                    continue;
                if (distance < best_distance) {
                    best = &mention;
                    best_distance = distance;
                }
            }
            // "said X" puts the source after a backward cue; accept a name right after it.
            if (!best && !hit.cue->forward)
                for (const Mention& mention : facts.mentions)
                    if (is_source_kind(mention) && mention.span.begin >= hit.span.end &&
                        mention.span.begin - hit.span.end <= 12 &&
                        std::find(excluded.begin(), excluded.end(), &mention) == excluded.end()) {
                        best = &mention;
                        break;
                    }
            // "South Korean lawmaker Lee Sung-kwon": the person the group word introduces.
            if (best && is_group(*best))
                for (const Mention& mention : facts.mentions)
                    if (is_source_kind(mention) && mention.span.begin >= best->span.end &&
                        mention.span.begin - best->span.end <= 1)
                        best = &mention;
            return best;
        };
        // Chains first: "citing the NIS", "following a briefing from the NIS" name the ultimate
        // source, which is then no candidate for "said".
        std::vector<std::pair<Span, const Mention*>> chains;
        std::vector<const Mention*> chained;
        for (const CueHit& hit : facts.cue_hits)
            if (hit.cue->chain)
                if (const Mention* via = source_for(hit, {})) {
                    chains.emplace_back(hit.span, via);
                    chained.push_back(via);
                }
        std::vector<Candidate> candidates;
        for (const CueHit& hit : facts.cue_hits) {
            if (hit.cue->chain)
                continue;
            if (const Mention* best = source_for(hit, chained)) {
                candidates.push_back({hit.span, source_from(*best, hit.cue->text)});
                continue;
            }
            // "he noted", "the agency said": the last named source (a person for he/she).
            std::optional<std::string> pronoun;
            // Only words within 40 bytes of the cue can point back: find them by position, so a
            // long sentence with many cues stays linear.
            auto near = std::lower_bound(
                facts.tokens.begin(), facts.tokens.end(),
                hit.span.begin > 40 ? hit.span.begin - 40 : 0,
                [](const Token& token, std::size_t at) { return token.span.begin < at; });
            for (auto token_it = near;
                 token_it != facts.tokens.end() && token_it->span.begin <= hit.span.begin + 40;
                 ++token_it) {
                const Token& token = *token_it;
                std::string_view word = token.span.in(prose);
                // "the agency", "the lawmaker" point back; "an unnamed official" does not.
                bool definite = token_it != facts.tokens.begin() &&
                                equals_lower((token_it - 1)->span.in(prose), "the");
                if (!(one_of(word, std::array<std::string_view, 3>{"he", "she", "they"}) ||
                      definite))
                    continue;
                if (token.word && is_pronoun(word) && token.span.end <= hit.span.begin + 40 &&
                    token.span.begin + 40 >= hit.span.begin)
                    pronoun = lower(word);
            }
            std::optional<Attribution> resolved;
            if (pronoun && (*pronoun == "he" || *pronoun == "she") && last_person &&
                last_person_paragraph + 3 >= sentence.paragraph)
                resolved = last_source && last_source->entity == last_person->entity ? *last_source
                                                                                     : *last_person;
            else if (pronoun && last_source && last_source_paragraph + 3 >= sentence.paragraph)
                resolved = *last_source;
            if (resolved) {
                resolved->cue = std::string(hit.cue->text);
                candidates.push_back({hit.span, *resolved});
            } else if (auto unnamed = unnamed_source(hit)) {
                candidates.push_back({hit.span, *unnamed});
            }
        }
        // Each chain names the ultimate source of the nearest candidate; with none in the
        // sentence, of the last source nearby; else the chained source is the source itself
        // ("revealed during a briefing from the NIS").
        for (const auto& [cue, via] : chains) {
            std::string via_id = tables.entities[via->entity].id;
            Candidate* nearest = nullptr;
            std::size_t nearest_distance = SIZE_MAX;
            for (Candidate& candidate : candidates) {
                std::size_t distance = candidate.cue.begin >= cue.end
                                           ? candidate.cue.begin - cue.end
                                           : cue.begin - std::min(cue.begin, candidate.cue.end);
                if (distance < nearest_distance && candidate.attribution.entity != via_id) {
                    nearest = &candidate;
                    nearest_distance = distance;
                }
            }
            if (nearest) {
                if (nearest->attribution.via.empty())
                    nearest->attribution.via = via_id;
            } else if (last_source && last_source_paragraph + 1 >= sentence.paragraph &&
                       last_source->entity != via_id) {
                Attribution resolved = *last_source;
                resolved.via = via_id;
                candidates.push_back({cue, resolved});
            } else {
                candidates.push_back({cue, source_from(*via, "")});
                candidates.back().attribution.cue =
                    std::string(std::string_view(prose).substr(cue.begin, cue.end - cue.begin));
            }
        }
        for (const Candidate& candidate : candidates)
            if (!candidate.attribution.entity.empty()) {
                last_source = candidate.attribution;
                last_source_paragraph = sentence.paragraph;
            }
        for (const Mention& mention : facts.mentions)
            if (is_person(mention)) {
                last_person = source_from(mention, "");
                last_person_paragraph = sentence.paragraph;
            }
        // The candidate whose cue is nearest the quantity.
        auto attribution_for = [&](Span quantity) -> std::optional<Attribution> {
            const Candidate* best = nullptr;
            std::size_t best_distance = SIZE_MAX;
            for (const Candidate& candidate : candidates) {
                std::size_t distance =
                    candidate.cue.begin >= quantity.end
                        ? candidate.cue.begin - quantity.end
                        : quantity.begin - std::min(quantity.begin, candidate.cue.end);
                if (distance < best_distance) {
                    best = &candidate;
                    best_distance = distance;
                }
            }
            return best ? std::optional<Attribution>(best->attribution) : std::nullopt;
        };

        // --- the dates the sentence gives its figures -------------------------------------
        // A date after a marker ("by December", "as of January 2025", "in early January")
        // dates the sentence's figures, the last such date winning, but not a figure before a
        // comparison that the date follows: in "600, up from 300 in January" it dates only the
        // 300 (in "In September ... rose from 2,000 to 30,000" it dates both).
        struct DatingDate {
            Span span;
            Date date;
        };
        std::vector<DatingDate> dating_dates;
        for (const Quantity& quantity : quantities) {
            if (quantity.kind != QuantityKind::date || !quantity.date)
                continue;
            // A view of `prose` itself: std::string::substr would return a temporary.
            std::string_view before = std::string_view(prose).substr(
                sentence.span.begin, quantity.span.begin - sentence.span.begin);
            std::string tail = lower(before.substr(before.size() > 24 ? before.size() - 24 : 0));
            // "by mid-January", "as of late December", "by the end of 2024": the part of the
            // period does not change which period the figures are dated by.
            for (std::string_view part : {"mid-", "early ", "late ", "the end of ", "end of ",
                                          "the middle of ", "the start of "})
                if (tail.ends_with(part))
                    tail.resize(tail.size() - part.size());
            bool dating = before.empty() || tail.ends_with("by") || tail.ends_with("as of");
            for (std::string_view marker :
                 {"by ", "as of ", "as at ", "until ", "through ", "in ", "since "})
                dating =
                    dating || tail.ends_with(marker) || tail == marker.substr(0, marker.size() - 1);
            if (dating)
                dating_dates.push_back({quantity.span, *quantity.date});
        }
        auto date_of = [&](Span figure) -> std::optional<Date> {
            std::optional<Date> found;
            for (const DatingDate& dating : dating_dates) {
                std::string between = figure.end <= dating.span.begin
                                          ? lower(std::string_view(prose).substr(
                                                figure.end, dating.span.begin - figure.end))
                                          : "";
                bool compared = false;
                for (std::string_view cue :
                     {"up from", "down from", "compared with", "compared to", "rising from",
                      "rose from", "risen from", "an earlier estimate", "a previous estimate"})
                    compared = compared || between.find(cue) != std::string::npos;
                if (!compared)
                    found = dating.date;
            }
            return found;
        };

        // --- each quantity ------------------------------------------------------------------
        std::size_t first_claim = claims.size();
        for (std::size_t q = 0; q < quantities.size(); ++q) {
            Claim claim;
            claim.quantity = quantities[q];
            claim.sentence = s;
            claim.attribution = attribution_for(claim.quantity.span);
            claim.reportedly = facts.report_hedge || claim.attribution.has_value();
            if (!is_count(claim.quantity)) {
                claims.push_back(std::move(claim));
                continue;
            }
            Span quantity_span = claim.quantity.span;
            // The clause: from the previous quantity to the next one.
            std::size_t clause_begin = q > 0 ? quantities[q - 1].span.end : sentence.span.begin;
            std::size_t clause_end =
                q + 1 < quantities.size() ? quantities[q + 1].span.begin : sentence.span.end;
            // "About 600 of the 18,000 troops have been killed": a part of a counted whole.
            // The part counts the whole's noun and takes the sentence's verb; the whole takes
            // only words of its own phrase ("the 18,000 troops sent to Russia"), never that verb.
            auto partitive = [&](std::size_t before, std::size_t after) {
                std::string gap = lower(std::string_view(prose).substr(before, after - before));
                std::erase(gap, '\n');
                while (!gap.empty() && gap.front() == ' ')
                    gap.erase(gap.begin());
                while (!gap.empty() && gap.back() == ' ')
                    gap.pop_back();
                return gap == "of" || gap == "of the" || gap == "of its" || gap == "of their" ||
                       gap == "of an estimated" || gap == "of some";
            };
            const bool part = q + 1 < quantities.size() && is_count(quantities[q + 1]) &&
                              partitive(quantity_span.end, quantities[q + 1].span.begin);
            const bool whole = q > 0 && is_count(quantities[q - 1]) &&
                               partitive(quantities[q - 1].span.end, quantity_span.begin);
            if (part)
                clause_end =
                    q + 2 < quantities.size() ? quantities[q + 2].span.begin : sentence.span.end;

            // An age ("died aged 87", "at the age of 37") counts nobody.
            std::string_view lead =
                std::string_view(prose).substr(clause_begin, quantity_span.begin - clause_begin);
            std::string lead_tail = lower(lead.substr(lead.size() > 8 ? lead.size() - 8 : 0));
            if (lead_tail.ends_with("aged ") || lead_tail.ends_with("age of ")) {
                claim.date = date_of(claim.quantity.span);
                claims.push_back(std::move(claim));
                continue;
            }
            // Subject: the noun phrase right after the number.
            auto first = token_at(part ? quantities[q + 1].span.end : quantity_span.end);
            // A closing quote between number and noun: "several hundred" casualties.
            while (first != facts.tokens.end() && !first->word && first->span.begin < clause_end &&
                   (first->span.in(prose) == "\"" || first->span.in(prose) == "\u201d" ||
                    first->span.in(prose) == "'" || first->span.in(prose) == "\u2019"))
                ++first;
            auto last = first;
            bool foreign_group = false;
            while (last != facts.tokens.end() && last->word && last - first < 6 &&
                   !ends_noun_phrase(last->span.in(prose)) && last->span.begin < clause_end) {
                if (std::any_of(facts.metric_hits.begin(), facts.metric_hits.end(),
                                [&](const MetricHit& h) {
                                    return h.span.begin == last->span.begin && h.verb;
                                }))
                    break; // "100 killed": the verb is not part of the subject
                ++last;
            }
            // Whether a metric word (a verb, when `verbs_only`) follows `from` in the clause
            // with no comma or semicolon between.
            auto metric_after = [&](std::size_t from, bool verbs_only) {
                return std::any_of(
                    facts.metric_hits.begin(), facts.metric_hits.end(), [&](const MetricHit& hit) {
                        return (hit.verb || !verbs_only) && hit.span.begin >= from &&
                               hit.span.end <= clause_end &&
                               std::string_view(prose)
                                       .substr(from, hit.span.begin - from)
                                       .find_first_of(",;") == std::string_view::npos;
                    });
            };
            // A metric word after the number, before any comma ("1,000 were wounded", "10,000
            // deployed"), says what it counts: a metric noun before it then belongs to the figure
            // before ("at least 100 killed, 1,000 were wounded").
            bool metric_follows = metric_after(quantity_span.end, false);
            if (first != last) {
                claim.subject_span = {first->span.begin, (last - 1)->span.end};
                claim.subject = std::string(claim.subject_span.in(prose));
            } else if (!metric_follows) {
                // "casualties are estimated at 4,700", "casualties ... surpassed 3,000": the
                // nearest metric noun before the number in its clause, with a group before it.
                for (auto hit = facts.metric_hits.rbegin(); hit != facts.metric_hits.rend(); ++hit)
                    if (!hit->verb && hit->span.end <= quantity_span.begin &&
                        hit->span.begin >= clause_begin) {
                        claim.subject_span = hit->span;
                        for (const auto* list : {&facts.mentions, &facts.group_hints})
                            for (const Mention& mention : *list)
                                if (mention.span.end <= hit->span.begin &&
                                    hit->span.begin - mention.span.end <= 1)
                                    claim.subject_span.begin = mention.span.begin;
                        claim.subject = std::string(claim.subject_span.in(prose));
                        break;
                    }
            }

            // Metric: a metric word in the subject, else the nearest in the clause, preferring
            // words after the number ("100 soldiers were killed"), then before ("killed 100").
            // A metric word that only qualifies the subject's noun ("2,000 wounded soldiers")
            // gives way to a metric verb after the subject ("... have been repatriated").
            const Span subject = claim.subject_span;
            bool predicate = !subject.empty() && metric_after(subject.end, true);
            const MetricHit* metric = nullptr;
            std::size_t best = SIZE_MAX;
            for (const MetricHit& hit : facts.metric_hits) {
                if (hit.span.begin < clause_begin || hit.span.end > clause_end)
                    continue;
                if (!subject.empty() && subject.contains(hit.span)) {
                    if (predicate && hit.span.end < subject.end)
                        continue;
                    metric = &hit;
                    break;
                }
                bool after = hit.span.begin >= quantity_span.end;
                std::size_t distance =
                    after ? hit.span.begin - quantity_span.end
                          : 2 * (quantity_span.begin - std::min(quantity_span.begin, hit.span.end));
                // A comma or semicolon between them: likely another clause's word.
                std::string_view between =
                    after ? std::string_view(prose).substr(quantity_span.end,
                                                           hit.span.begin - quantity_span.end)
                          : std::string_view(prose).substr(
                                std::min(hit.span.end, quantity_span.begin),
                                quantity_span.begin - std::min(hit.span.end, quantity_span.begin));
                if (between.find_first_of(",;") != std::string_view::npos)
                    distance += 1000;
                // A tie goes to the word after: "had died and 2,700 had been injured".
                if (distance < best || (distance == best && after)) {
                    best = distance;
                    metric = &hit;
                }
            }
            if (part || whole) {
                const std::size_t phrase_end = subject.empty() ? quantity_span.end : subject.end;
                const MetricHit* own = nullptr;        // a metric word of the noun phrase
                const MetricHit* verb = nullptr;       // the last metric verb after it
                const MetricHit* participle = nullptr; // "sent" right after the noun
                for (const MetricHit& hit : facts.metric_hits) {
                    if (hit.span.begin < quantity_span.end || hit.span.end > clause_end)
                        continue;
                    if (!subject.empty() && subject.contains(hit.span)) {
                        own = own ? own : &hit;
                        continue;
                    }
                    if (!hit.verb || hit.span.begin < phrase_end)
                        continue;
                    verb = &hit;
                    std::string_view gap =
                        std::string_view(prose).substr(phrase_end, hit.span.begin - phrase_end);
                    std::string_view word = hit.span.in(prose);
                    word = word.substr(0, word.find(' '));
                    if (!participle && gap.find_first_not_of(' ') == std::string_view::npos &&
                        !ends_noun_phrase(word))
                        participle = &hit;
                }
                if (part)
                    metric = verb ? verb : own ? own : metric;
                else
                    metric = own ? own : participle;
            }
            if (metric)
                claim.metric = tables.metrics[metric->metric].id;
            // The group a place or government in the sentence stands for, when the subject's
            // last word is how one of the group's names ends: "DPRK troops", "Pyongyang has
            // deployed 18,000 troops", but not "North Korea sent 1,000 workers".
            std::string head = lower(std::string_view(claim.subject)
                                         .substr(claim.subject.rfind(' ') == std::string::npos
                                                     ? 0
                                                     : claim.subject.rfind(' ') + 1));
            auto group_of = [&](const Mention& mention) -> const std::string* {
                for (std::size_t group : tables.roles[mention.entity].groups) {
                    const auto& heads = tables.roles[group].heads;
                    if (std::find(heads.begin(), heads.end(), head) != heads.end())
                        return &tables.entities[group].id;
                }
                return nullptr;
            };
            // Entity: a lexicon group named in the subject; a capitalised word in the subject
            // that is no known name ("eight Russian paramilitary fighters") means someone else.
            for (const auto* list : {&facts.mentions, &facts.group_hints}) {
                for (const Mention& mention : *list) {
                    if (!claim.entity.empty() || claim.subject_span.empty() ||
                        !claim.subject_span.contains(mention.span) || is_source_kind(mention))
                        continue;
                    if (tables.roles[mention.entity].groups.empty())
                        claim.entity = tables.entities[mention.entity].id;
                    else if (const std::string* group = group_of(mention))
                        claim.entity = *group; // a place counts no one itself
                }
            }
            if (claim.entity.empty()) {
                for (auto token = first; token != last; ++token) {
                    bool inside_mention =
                        std::any_of(facts.mentions.begin(), facts.mentions.end(),
                                    [&](const Mention& m) { return m.span.contains(token->span); });
                    // Title Case headlines capitalise plain nouns: "300 Soldiers Killed".
                    bool metric_word = std::any_of(
                        facts.metric_hits.begin(), facts.metric_hits.end(),
                        [&](const MetricHit& h) { return h.span.contains(token->span); });
                    if (token->capitalized && !inside_mention && !metric_word &&
                        !is_person_noun(token->span.in(prose)))
                        foreign_group = true;
                }
                // Only people-like subjects take the group from context: "300 soldiers",
                // "2,700 others", "casualties", none; never "two phases".
                // With no subject, only a figure of a known metric: "2,700 Injured", not "6-4".
                bool generic = claim.subject.empty() && !claim.metric.empty();
                if (!generic) {
                    std::string_view head = (last - 1)->span.in(prose);
                    generic = is_person_noun(head) ||
                              std::any_of(facts.metric_hits.begin(), facts.metric_hits.end(),
                                          [&](const MetricHit& h) {
                                              return claim.subject_span.contains(h.span);
                                          });
                }
                // "the two forces": a definite reference, not a count of the group.
                auto number_token = token_at(quantity_span.begin);
                if (number_token != facts.tokens.begin() && number_token != facts.tokens.end() &&
                    equals_lower((number_token - 1)->span.in(prose), "the"))
                    generic = false;
                if (!foreign_group && generic) {
                    // The group the sentence (else the paragraph so far) is about.
                    for (const Mention& mention : facts.mentions)
                        if (is_group(mention) &&
                            !(claim.attribution &&
                              claim.attribution->span.contains(mention.span))) {
                            claim.entity = tables.entities[mention.entity].id;
                            break;
                        }
                    for (const Mention& hint : facts.group_hints)
                        if (claim.entity.empty())
                            claim.entity = tables.entities[hint.entity].id;
                    // "Pyongyang has deployed 18,000 troops": a place or government the group
                    // belongs to, counting a noun the group's names end in (not "workers").
                    for (const Mention& mention : facts.mentions)
                        if (claim.entity.empty() &&
                            !(claim.attribution && claim.attribution->span.contains(mention.span)))
                            if (const std::string* group = group_of(mention))
                                claim.entity = *group;
                    if (claim.entity.empty() && paragraph_group != no_group &&
                        paragraph_group_paragraph == sentence.paragraph &&
                        !(claim.attribution &&
                          claim.attribution->entity == tables.entities[paragraph_group].id))
                        claim.entity = tables.entities[paragraph_group].id;
                }
            }

            claim.date = date_of(claim.quantity.span);
            claims.push_back(std::move(claim));
        }

        // "This information was shared by Lee ...", "These figures follow a briefing from the
        // NIS", "He said.": a sentence with a source and no counts of its own attributes the
        // counts before it in its paragraph (or, opening a paragraph, the previous paragraph).
        auto opener = std::find_if(facts.tokens.begin(), facts.tokens.end(),
                                   [](const Token& t) { return t.word; });
        auto has_counts = [&] {
            if (numbers_unread)
                return std::ranges::any_of(find_quantities(prose, sentence.span, reference),
                                           is_count);
            return std::any_of(claims.begin() + first_claim, claims.end(),
                               [](const Claim& c) { return is_count(c.quantity); });
        };
        if (!candidates.empty() && opener != facts.tokens.end() &&
            (points_back(opener->span.in(prose)) || is_pronoun(opener->span.in(prose))) &&
            !has_counts()) {
            const Attribution& given = candidates.back().attribution;
            std::size_t paragraph = sentence.paragraph;
            // Across a paragraph break only "This ..."/"These ..." as the very first word.
            bool opens_paragraph = (s == 0 || document.sentences[s - 1].paragraph != paragraph) &&
                                   opener == facts.tokens.begin() &&
                                   lower(opener->span.in(prose)) != "the" &&
                                   points_back(opener->span.in(prose));
            for (std::size_t c = first_claim; c-- > 0;) {
                Claim& earlier = claims[c];
                std::size_t earlier_paragraph = document.sentences[earlier.sentence].paragraph;
                // Two sentences back at most: a long paragraph of "This ..." sentences stays
                // linear.
                if ((earlier_paragraph != paragraph &&
                     !(opens_paragraph && earlier_paragraph + 1 == paragraph)) ||
                    earlier.sentence + 2 < s)
                    break;
                if (!is_count(earlier.quantity))
                    continue;
                if (!earlier.attribution) {
                    earlier.attribution = given;
                    earlier.reportedly = true;
                } else if (earlier.attribution->via.empty() && !given.via.empty() &&
                           earlier.attribution->entity == given.entity) {
                    earlier.attribution->via = given.via;
                }
            }
        }
    }
    return claims;
}

} // namespace factlint
