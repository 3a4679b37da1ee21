// name-variant: a person's name written in a non-preferred spelling (a longer form that
// contains the preferred one, "Volodymyr Zelenskyy", is fine) (Lee Sung-kwon for Lee
// Seong-kweun, Zelensky for Zelenskyy), with a fix; the first differently spelled mention is
// shown too, so mixed spellings in one document stand out. Only people: for organisations and
// groups, aliases are other names ("NIS", "North Korean soldiers"), not misspellings.
#include "checks/common.hpp"
#include "checks/rule_types.hpp"

#include "rules/suggest.hpp"

#include <algorithm>
#include <map>
#include <span>

namespace factlint::checks {

namespace {

/// The preferred spelling first, then the display name and every alias that contains the
/// preferred spelling as a whole word run ("Volodymyr Zelenskyy" for "Zelenskyy").
std::vector<std::string> accepted_spellings(const EntityEntry& entity) {
    std::string preferred = entity.preferred.empty() ? entity.name : entity.preferred;
    std::vector<std::string> accepted{preferred};
    auto contains_preferred = [&](const std::string& spelling) {
        std::size_t at = spelling.find(preferred);
        if (at == std::string::npos)
            return false;
        std::size_t end = at + preferred.size();
        return (at == 0 || spelling[at - 1] == ' ') &&
               (end == spelling.size() || spelling[end] == ' ');
    };
    if (entity.name != preferred && contains_preferred(entity.name))
        accepted.push_back(entity.name);
    for (const std::string& alias : entity.aliases)
        if (alias != preferred && contains_preferred(alias))
            accepted.push_back(alias);
    return accepted;
}

} // namespace

void name_variant(const CheckContext& context, std::vector<Diagnostic>& out) {
    // Most documents name nobody the pack knows: nothing to index.
    if (context.names.empty())
        return;
    // Views into the pack and the mentions, which outlive this call: no id is copied.
    std::map<std::string_view, const EntityEntry*> people;
    for (const EntityEntry& entity : context.pack.lexicon.entities)
        if (entity.kind == "person")
            people.insert_or_assign(entity.id, &entity);
    std::map<std::string_view, const NameMention*> first_mention;
    // Each person's accepted spellings, worked out at their first variant only.
    std::map<const EntityEntry*, std::vector<std::string>> accepted_by_person;
    for (const NameMention& mention : context.names) {
        auto person = people.find(mention.entity);
        if (person == people.end())
            continue;
        auto [first, inserted] = first_mention.try_emplace(mention.entity, &mention);
        if (mention.preferred)
            continue;
        const EntityEntry& entity = *person->second;
        auto [known, added] = accepted_by_person.try_emplace(&entity);
        if (added)
            known->second = accepted_spellings(entity);
        const std::vector<std::string>& accepted = known->second;
        if (std::find(accepted.begin(), accepted.end(), mention.written) != accepted.end())
            continue;
        // Suggest the accepted spelling nearest to what was written, so "Volodymyr Zelensky"
        // becomes "Volodymyr Zelenskyy", not "Zelenskyy".
        // (With one accepted spelling there is nothing to measure.)
        const std::string* preferred = &accepted.front();
        if (accepted.size() > 1) {
            std::size_t preferred_distance = edit_distance(mention.written, *preferred);
            for (const std::string& spelling : std::span(accepted).subspan(1))
                if (std::size_t distance = edit_distance(mention.written, spelling);
                    distance < preferred_distance) {
                    preferred = &spelling;
                    preferred_distance = distance;
                }
        }
        MessageArgs args;
        args["written"] = mention.written;
        args["preferred"] = *preferred;
        args["entity"] = entity.name;
        Diagnostic diagnostic;
        diagnostic.span = mention.span;
        diagnostic.message =
            rule_message(context, "name variant: write '{preferred}', not '{written}'", args);
        diagnostic.fix = Fix{mention.span, *preferred};
        if (!inserted && first->second->written != mention.written)
            diagnostic.related.push_back(
                {first->second->span, "spelled '" + first->second->written + "' here"});
        out.push_back(std::move(diagnostic));
    }
}

} // namespace factlint::checks
