#include "lsp/framing.hpp"

#include <cctype>
#include <charconv>
#include <istream>

namespace factlint::lsp {

Incoming read_message(std::istream& in) {
    Incoming incoming;
    std::size_t length = 0;
    bool have_length = false;
    bool any_header = false;
    std::string line;
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        if (line.empty()) {
            if (!any_header)
                continue; // stray blank lines between messages
            break;
        }
        any_header = true;
        std::size_t colon = line.find(':');
        if (colon == std::string::npos) {
            incoming.error = "header line without ':'";
            continue;
        }
        std::string_view name(line.data(), colon);
        std::string_view value(line.data() + colon + 1, line.size() - colon - 1);
        while (!value.empty() && value.front() == ' ')
            value.remove_prefix(1);
        // Header names are case-insensitive in practice (HTTP heritage).
        bool is_length = name.size() == 14;
        for (std::size_t i = 0; is_length && i < name.size(); ++i)
            is_length = std::tolower(static_cast<unsigned char>(name[i])) ==
                        std::string_view("content-length")[i];
        if (!is_length)
            continue; // Content-Type and unknown headers are ignored
        auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), length);
        have_length = error == std::errc() && end == value.data() + value.size();
        if (!have_length)
            incoming.error = "Content-Length is not a number";
    }
    if (!any_header) {
        incoming.status = Incoming::Status::end_of_input;
        return incoming;
    }
    if (!in && !have_length) {
        incoming.status = Incoming::Status::end_of_input;
        return incoming;
    }
    if (!have_length || length > max_message_size) {
        incoming.status = Incoming::Status::bad_header;
        if (incoming.error.empty())
            incoming.error = have_length ? "Content-Length too large" : "no Content-Length header";
        return incoming;
    }
    incoming.body.resize(length);
    in.read(incoming.body.data(), std::streamsize(length));
    if (std::size_t(in.gcount()) != length) {
        incoming.status = Incoming::Status::end_of_input;
        return incoming;
    }
    incoming.status = Incoming::Status::message;
    incoming.error.clear();
    return incoming;
}

std::string frame(std::string_view body) {
    std::string out = "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n";
    out += body;
    return out;
}

} // namespace factlint::lsp
