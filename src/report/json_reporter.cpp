/// The JSON output, version 1 (docs/output-schema.md), written straight into a buffer: building
/// Boost.JSON values for every finding and serializing them cost more than linting a file. The
/// bytes are those Boost.JSON writes for the same document (keys in the same order, no
/// whitespace, the same escapes); tests/unit/report_test.cpp compares the two.
#include "report/reporter.hpp"

#include <array>
#include <charconv>
#include <ostream>
#include <string>

namespace factlint {
namespace {

/// Appends `text` as a JSON string escaped as Boost.JSON escapes it: `"` and `\`, the short
/// escapes \b \t \n \f \r, other control characters as \u00xx; every other byte as it is
/// (non-ASCII included: the document's bytes pass through).
void append_string(std::string& out, std::string_view text) {
    static constexpr char hex[] = "0123456789abcdef";
    static constexpr std::array<bool, 256> escaped = [] {
        std::array<bool, 256> table{};
        for (int c = 0; c < 0x20; ++c)
            table[c] = true;
        table['"'] = table['\\'] = true;
        return table;
    }();
    out += '"';
    std::size_t plain = 0; // start of the run of bytes that need no escape
    for (std::size_t i = 0; i < text.size(); ++i) {
        auto c = static_cast<unsigned char>(text[i]);
        if (!escaped[c])
            continue;
        out.append(text, plain, i - plain);
        plain = i + 1;
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\b':
            out += "\\b";
            break;
        case '\t':
            out += "\\t";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\f':
            out += "\\f";
            break;
        case '\r':
            out += "\\r";
            break;
        default:
            out += "\\u00";
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    out.append(text, plain);
    out += '"';
}

void append_number(std::string& out, std::size_t number) {
    char digits[24];
    auto [end, error] = std::to_chars(digits, digits + sizeof digits, number);
    out.append(digits, end);
}

/// {"line":..,"column":..,"offset":..}, then the message of a related place when given.
void append_position(std::string& out, Position at, std::size_t offset,
                     const std::string* message = nullptr) {
    out += "{\"line\":";
    append_number(out, at.line);
    out += ",\"column\":";
    append_number(out, at.column);
    out += ",\"offset\":";
    append_number(out, offset);
    if (message) {
        out += ",\"message\":";
        append_string(out, *message);
    }
    out += '}';
}

void append_diagnostic(std::string& out, const LocatedDiagnostic& located) {
    const Diagnostic& diagnostic = located.diagnostic;
    out += "{\"rule\":";
    append_string(out, diagnostic.rule);
    out += ",\"level\":";
    append_string(out, to_string(diagnostic.level));
    out += ",\"message\":";
    append_string(out, diagnostic.message);
    out += ",\"start\":";
    append_position(out, located.start, diagnostic.span.begin);
    out += ",\"end\":";
    append_position(out, located.end, diagnostic.span.end);
    out += ",\"text\":";
    if (located.excerpt)
        append_string(out, *located.excerpt);
    else
        out += "null";
    out += ",\"related\":[";
    for (std::size_t i = 0; i < diagnostic.related.size() && i < located.related.size(); ++i) {
        if (i > 0)
            out += ',';
        append_position(out, located.related[i], diagnostic.related[i].span.begin,
                        &diagnostic.related[i].message);
    }
    out += ']';
    out += ",\"fix\":";
    if (diagnostic.fix) {
        out += "{\"start_offset\":";
        append_number(out, diagnostic.fix->span.begin);
        out += ",\"end_offset\":";
        append_number(out, diagnostic.fix->span.end);
        out += ",\"replacement\":";
        append_string(out, diagnostic.fix->replacement);
        out += '}';
    } else {
        out += "null";
    }
    out += '}';
}

/// Streams the document: the head when the first file arrives, each file as it comes, the
/// summary in finish(), so a run over a large corpus holds one file's findings at a time.
class JsonReporter : public Reporter {
public:
    explicit JsonReporter(std::ostream& out)
        : out_(out) {}

    void file(const FileReport& report) override {
        buffer_.clear(); // keeps its capacity from file to file
        if (files_ == 0)
            append_head(buffer_);
        else
            buffer_ += ',';
        buffer_ += "{\"path\":";
        append_string(buffer_, report.path);
        buffer_ += ",\"diagnostics\":[";
        for (const LocatedDiagnostic& located : report.diagnostics) {
            if (&located != &report.diagnostics.front())
                buffer_ += ',';
            ++counts_[static_cast<int>(located.diagnostic.level)];
            append_diagnostic(buffer_, located);
        }
        buffer_ += "]}";
        out_ << buffer_;
        ++files_;
    }

    void finish() override {
        buffer_.clear();
        if (files_ == 0)
            append_head(buffer_);
        buffer_ += "],\"summary\":{\"files\":";
        append_number(buffer_, files_);
        buffer_ += ",\"errors\":";
        append_number(buffer_, counts_[static_cast<int>(Level::error)]);
        buffer_ += ",\"warnings\":";
        append_number(buffer_, counts_[static_cast<int>(Level::warning)]);
        buffer_ += ",\"info\":";
        append_number(buffer_, counts_[static_cast<int>(Level::info)]);
        buffer_ += "}}\n";
        out_ << buffer_;
        out_.flush();
    }

private:
    /// Everything before the first file: `{"version":1,"tool":{...},"files":[`.
    static void append_head(std::string& out) {
        out += "{\"version\":1,\"tool\":{\"name\":\"factlint\",\"version\":";
        append_string(out, FACTLINT_VERSION);
        out += "},\"files\":[";
    }

    std::ostream& out_;
    std::string buffer_;
    std::size_t files_ = 0;
    std::size_t counts_[3] = {0, 0, 0};
};

} // namespace

std::unique_ptr<Reporter> make_json_reporter(std::ostream& out) {
    return std::make_unique<JsonReporter>(out);
}

} // namespace factlint
