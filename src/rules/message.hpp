/// Rule message templates: named placeholders filled by checks, validated when a pack loads.
#pragma once

#include <map>
#include <span>
#include <string>
#include <string_view>

namespace factlint {

/// Placeholder name -> text, e.g. {"figure", "about 600"}.
using MessageArgs = std::map<std::string, std::string, std::less<>>;

/// Every placeholder a message template may use (any rule; unused ones expand to "").
std::span<const std::string_view> message_placeholders();
/// Formats `pattern` with `args` (missing known placeholders are ""). Throws fmt::format_error.
std::string render_message(std::string_view pattern, const MessageArgs& args);
/// Empty when `pattern` formats with every known placeholder, else fmt's complaint.
std::string validate_message(std::string_view pattern);

} // namespace factlint
