#include "rules/message.hpp"

#include <algorithm>
#include <array>
#include <fmt/args.h>
#include <fmt/format.h>

namespace factlint {

namespace {

constexpr std::array<std::string_view, 17> placeholders{
    "claim", "entity", "metric",   "figure",  "hedge",     "source",   "via",   "date", "citation",
    "url",   "other",  "relation", "written", "preferred", "expected", "value", "note"};

} // namespace

std::span<const std::string_view> message_placeholders() {
    return placeholders;
}

std::string render_message(std::string_view pattern, const MessageArgs& args) {
    fmt::dynamic_format_arg_store<fmt::format_context> store;
    for (std::string_view name : placeholders) {
        auto it = args.find(name);
        // The store keeps pointers to names and views: the names are literals and the views
        // point into `args`, which outlive the call.
        store.push_back(fmt::arg(name.data(), it == args.end() ? std::string_view()
                                                               : std::string_view(it->second)));
    }
    return fmt::vformat(pattern, store);
}

std::string validate_message(std::string_view pattern) {
    // fmt only says "argument not found": name the placeholder first.
    for (std::size_t open = pattern.find('{'); open != std::string_view::npos;
         open = pattern.find('{', open + 1)) {
        if (open + 1 < pattern.size() && pattern[open + 1] == '{') {
            ++open; // "{{" is a literal brace
            continue;
        }
        std::size_t end = pattern.find_first_of("}:", open);
        if (end == std::string_view::npos)
            break;
        std::string_view name = pattern.substr(open + 1, end - open - 1);
        if (std::find(placeholders.begin(), placeholders.end(), name) == placeholders.end())
            return fmt::format("unknown placeholder '{{{}}}'", name);
    }
    try {
        render_message(pattern, {});
        return {};
    } catch (const fmt::format_error& error) {
        return error.what();
    }
}

} // namespace factlint
