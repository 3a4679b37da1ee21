#include "checks/common.hpp"
#include "rules/figure.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <fmt/format.h>

namespace factlint {

bool is_tracked(const Claim& claim) {
    return claim.quantity.kind == QuantityKind::quantity && claim.quantity.trend == Trend::none &&
           !claim.entity.empty() && !claim.metric.empty();
}

namespace {

/// Lower-case words of three letters or more.
std::vector<std::string> words_of(std::string_view text) {
    std::vector<std::string> words;
    std::string word;
    auto flush = [&] {
        if (word.size() >= 3)
            words.push_back(word);
        word.clear();
    };
    for (char c : text) {
        if (std::isalnum(static_cast<unsigned char>(c)) || (c & 0x80))
            word += char(std::tolower(static_cast<unsigned char>(c)));
        else
            flush();
    }
    flush();
    return words;
}

/// Words that count people whatever the story: "600 people", "2,700 others".
constexpr std::array<std::string_view, 14> generic_counted{
    "people",  "others",  "more",   "men",    "women",    "personnel", "individuals",
    "members", "persons", "troops", "forces", "soldiers", "fighters",  "those"};

} // namespace

SubjectWords::SubjectWords(const RulePack& pack)
    : pack_(pack) {}

void SubjectWords::build() const {
    const RulePack& pack = pack_;
    shared_.insert(generic_counted.begin(), generic_counted.end());
    for (const MetricEntry& metric : pack.lexicon.metrics) {
        for (const std::string& noun : metric.nouns)
            for (std::string& word : words_of(noun))
                shared_.insert(std::move(word));
        for (const std::string& verb : metric.verbs)
            for (std::string& word : words_of(verb))
                shared_.insert(std::move(word));
    }
    for (const EntityEntry& entity : pack.lexicon.entities) {
        auto& words = by_entity_[entity.id];
        for (const std::string* name : {&entity.name, &entity.preferred})
            for (std::string& word : words_of(*name))
                words.insert(std::move(word));
        for (const std::string& alias : entity.aliases)
            for (std::string& word : words_of(alias))
                words.insert(std::move(word));
    }
}

bool SubjectWords::fits(const Claim& claim) const {
    if (claim.subject.empty())
        return true;
    if (!built_) {
        build();
        built_ = true;
    }
    std::vector<std::string> subject = words_of(claim.subject);
    if (subject.empty())
        return true;
    auto entity = by_entity_.find(claim.entity);
    return std::any_of(subject.begin(), subject.end(), [&](const std::string& word) {
        return shared_.contains(word) ||
               (entity != by_entity_.end() && entity->second.contains(word));
    });
}

Date judged_at(const Claim& claim, const Date& draft_as_of) {
    return claim.date && claim.date->valid() ? *claim.date : draft_as_of;
}

std::optional<double> headline_number(std::optional<double> value, std::optional<double> low) {
    return value ? value : low;
}

namespace {

/// Facts are compared with dates of mixed precision: "2025-01" counts as its last day, so a
/// fact dated "January 2025" is known to a claim dated 2025-01-31.
bool known_by(const Date& fact_date, const Date& as_of) {
    Date end = fact_date;
    if (end.month == 0)
        end.month = 12;
    if (end.day == 0)
        end.day = 31;
    Date limit = as_of;
    if (limit.month == 0)
        limit.month = 12;
    if (limit.day == 0)
        limit.day = 31;
    return end <= limit;
}

} // namespace

const Fact* newest_fact(const RulePack& pack, std::string_view entity, std::string_view metric,
                        const Date& as_of) {
    const Fact* newest = nullptr;
    for (const Fact& fact : pack.facts)
        if (fact.entity == entity && fact.metric == metric && known_by(fact.as_of, as_of) &&
            (!newest || newest->as_of <= fact.as_of))
            newest = &fact;
    return newest;
}

std::vector<const Fact*> facts_with_same_number(const RulePack& pack, const Claim& claim,
                                                const Date& as_of) {
    std::vector<const Fact*> found;
    const Quantity& q = claim.quantity;
    std::optional<double> number = headline_number(q.value, q.low);
    if (!number)
        return found;
    // A span ("10,000-12,000", "thousands") is the same figure only as the same span, not as
    // its low end ("over 10,000").
    auto span = [](std::optional<double> value, std::optional<double> low,
                   std::optional<double> high) { return !value && low && high; };
    bool claim_span = span(q.value, q.low, q.high);
    // Later in the pack first, so that of two facts of a date the later one leads.
    for (auto fact = pack.facts.rbegin(); fact != pack.facts.rend(); ++fact) {
        if (fact->entity != claim.entity || fact->metric != claim.metric ||
            !known_by(fact->as_of, as_of))
            continue;
        bool same = (claim_span || span(fact->value, fact->low, fact->high))
                        ? fact->low == q.low && fact->high == q.high && !fact->value
                        : headline_number(fact->value, fact->low) == number;
        if (same)
            found.push_back(&*fact);
    }
    std::stable_sort(found.begin(), found.end(),
                     [](const Fact* a, const Fact* b) { return b->as_of < a->as_of; });
    return found;
}

const Fact* fact_with_same_number(const RulePack& pack, const Claim& claim, const Date& as_of) {
    std::vector<const Fact*> found = facts_with_same_number(pack, claim, as_of);
    return found.empty() ? nullptr : found.front();
}

int credit(const RulePack& pack, const Fact& fact, const Attribution& said) {
    auto names_source = [&](const std::string& id) {
        if (id.empty())
            return false;
        if (id == fact.source)
            return true;
        auto member = pack.member_of.find(fact.source);
        return member != pack.member_of.end() &&
               std::find(member->second.begin(), member->second.end(), id) != member->second.end();
    };
    if (names_source(said.entity) || names_source(said.via))
        return 2;
    bool via = !fact.via.empty() && (said.entity == fact.via || said.via == fact.via);
    return via ? 1 : 0;
}

std::vector<std::string> account_of(const CheckContext& context, const Claim& claim) {
    std::vector<std::string> ids;
    auto add = [&](const std::string& id) {
        if (!id.empty())
            ids.push_back(id);
    };
    if (claim.attribution) {
        add(claim.attribution->entity);
        add(claim.attribution->via);
    }
    // A source the lexicon does not know ("an unnamed official") says nothing; the fact that
    // gives the same number may.
    if (ids.empty())
        if (const Fact* fact =
                fact_with_same_number(context.pack, claim, judged_at(claim, context.as_of))) {
            add(fact->source);
            add(fact->via);
        }
    return ids;
}

bool different_accounts(const std::vector<std::string>& a, const std::vector<std::string>& b) {
    return !a.empty() && !b.empty() && std::none_of(a.begin(), a.end(), [&](const std::string& id) {
        return std::find(b.begin(), b.end(), id) != b.end();
    });
}

std::string display_name(const RulePack& pack, std::string_view entity_id) {
    for (const EntityEntry& entity : pack.lexicon.entities)
        if (entity.id == entity_id)
            return entity.preferred.empty() ? entity.name : entity.preferred;
    return std::string(entity_id);
}

std::string describe_source(const RulePack& pack, const Fact& fact) {
    if (fact.source.empty())
        return fact.via.empty() ? "" : display_name(pack, fact.via);
    if (fact.via.empty())
        return display_name(pack, fact.source);
    return fmt::format("{} via {}", display_name(pack, fact.via), display_name(pack, fact.source));
}

void add_fact_args(const RulePack& pack, const Fact& fact, MessageArgs& args) {
    args["figure"] = describe(fact);
    args["hedge"] = std::string(hedge_text(fact.qualifier));
    args["source"] = describe_source(pack, fact);
    args["via"] = fact.via.empty() ? "" : display_name(pack, fact.via);
    args["date"] = fact.as_of.iso();
    args["citation"] = fact.citation_title;
    args["url"] = fact.url;
    args["note"] = fact.note;
}

void add_claim_args(const CheckContext& context, const Claim& claim, MessageArgs& args) {
    args["claim"] = std::string(claim.quantity.span.in(context.document.text));
    args["entity"] = display_name(context.pack, claim.entity);
    args["metric"] = claim.metric;
    args["value"] = describe(claim.quantity.qualifier, claim.quantity.value, claim.quantity.low,
                             claim.quantity.high);
}

std::string rule_message(const CheckContext& context, std::string_view fallback,
                         const MessageArgs& args) {
    std::string_view pattern =
        context.setting.message.empty() ? fallback : std::string_view(context.setting.message);
    try {
        return render_message(pattern, args);
    } catch (const fmt::format_error&) {
        // Templates are validated when the pack loads; this only guards the fallback.
        return render_message(fallback, args);
    }
}

double option(const CheckContext& context, std::string_view name, double fallback) {
    if (context.setting.numbers.empty()) // the usual case: no string built to look up
        return fallback;
    auto it = context.setting.numbers.find(std::string(name));
    return it == context.setting.numbers.end() ? fallback : it->second;
}

} // namespace factlint
