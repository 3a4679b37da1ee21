#include "lsp/uri.hpp"

#include <cctype>
#include <fmt/format.h>

namespace factlint::lsp {
namespace {

int hex_value(char c) {
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

} // namespace

std::optional<std::string> uri_to_path(std::string_view uri) {
    constexpr std::string_view scheme = "file://";
    if (uri.size() < scheme.size())
        return std::nullopt;
    for (std::size_t i = 0; i < scheme.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(uri[i])) != scheme[i])
            return std::nullopt;
    uri.remove_prefix(scheme.size());
    // file://host/path: keep the path (the host is "" or "localhost" for local files).
    std::size_t slash = uri.find('/');
    if (slash == std::string_view::npos)
        return std::nullopt;
    uri.remove_prefix(slash);
    if (std::size_t cut = uri.find_first_of("?#"); cut != std::string_view::npos)
        uri = uri.substr(0, cut);
    std::string path;
    for (std::size_t i = 0; i < uri.size(); ++i) {
        if (uri[i] == '%' && i + 2 < uri.size() && hex_value(uri[i + 1]) >= 0 &&
            hex_value(uri[i + 2]) >= 0) {
            path += char(hex_value(uri[i + 1]) * 16 + hex_value(uri[i + 2]));
            i += 2;
        } else {
            path += uri[i];
        }
    }
    return path;
}

std::string path_to_uri(std::string_view path) {
    std::string uri = "file://";
    for (char c : path) {
        auto byte = static_cast<unsigned char>(c);
        if (std::isalnum(byte) ||
            std::string_view("/-._~!$&'()*+,;=:@").find(c) != std::string_view::npos)
            uri += c;
        else
            uri += fmt::format("%{:02X}", unsigned(byte));
    }
    return uri;
}

} // namespace factlint::lsp
