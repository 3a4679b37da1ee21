/// LSP base protocol: `Content-Length: N\r\n\r\n` followed by N bytes of JSON.
#pragma once

#include <iosfwd>
#include <string>
#include <string_view>

namespace factlint::lsp {

/// One read from the stream: a message body, the end of input, or a header we cannot use.
struct Incoming {
    enum class Status { message, end_of_input, bad_header };
    Status status = Status::end_of_input;
    std::string body;  ///< the JSON text (status message)
    std::string error; ///< what was wrong (status bad_header)
};

/// Largest body accepted; a bigger Content-Length is treated as a bad header.
constexpr std::size_t max_message_size = 64 * 1024 * 1024;

/// Reads the next message. After a bad header the stream is positioned after its blank line,
/// so reading can go on.
Incoming read_message(std::istream& in);

/// The framed form of one JSON body.
std::string frame(std::string_view body);

} // namespace factlint::lsp
