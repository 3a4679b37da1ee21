// name-variant: a person's name written in a non-preferred spelling (Lee Sung-kwon for Lee
// Seong-kweun, Zelensky for Zelenskyy), with a fix; the first differently spelled mention is
// shown too, so mixed spellings in one document stand out. Only people: for organisations and
// groups, aliases are other names ("NIS", "North Korean soldiers"), not misspellings.
#include "checks/common.hpp"
#include "checks/rule_types.hpp"

#include <map>

namespace factlint::checks {

void name_variant(const CheckContext& context, std::vector<Diagnostic>& out) {
    std::map<std::string, const EntityEntry*> people;
    for (const EntityEntry& entity : context.pack.lexicon.entities)
        if (entity.kind == "person")
            people[entity.id] = &entity;
    std::map<std::string, const NameMention*> first_mention;
    for (const NameMention& mention : context.names) {
        auto person = people.find(mention.entity);
        if (person == people.end())
            continue;
        auto [first, inserted] = first_mention.try_emplace(mention.entity, &mention);
        if (mention.preferred)
            continue;
        const EntityEntry& entity = *person->second;
        std::string preferred = entity.preferred.empty() ? entity.name : entity.preferred;
        MessageArgs args;
        args["written"] = mention.written;
        args["preferred"] = preferred;
        args["entity"] = entity.name;
        Diagnostic diagnostic;
        diagnostic.span = mention.span;
        diagnostic.message =
            rule_message(context, "name variant: write '{preferred}', not '{written}'", args);
        diagnostic.fix = Fix{mention.span, preferred};
        if (!inserted && first->second->written != mention.written)
            diagnostic.related.push_back(
                {first->second->span, "spelled '" + first->second->written + "' here"});
        out.push_back(std::move(diagnostic));
    }
}

} // namespace factlint::checks
