/// file:// URIs and paths, as LSP clients send them.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace factlint::lsp {

/// The local path of a `file:` URI (percent-decoded), or nothing for other schemes.
std::optional<std::string> uri_to_path(std::string_view uri);
/// The `file:` URI of an absolute path (percent-encoding what RFC 3986 requires).
std::string path_to_uri(std::string_view path);

} // namespace factlint::lsp
