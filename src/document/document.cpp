#include "document/document.hpp"

namespace factlint {

Format format_for_path(std::string_view path) {
    for (std::string_view extension : {".md", ".markdown", ".mdown"})
        if (path.ends_with(extension))
            return Format::markdown;
    return Format::plain;
}

// Placeholder: the whole text is prose, one paragraph, one sentence.
Document load_document(std::string path, std::string bytes, std::optional<Format> format) {
    Document document;
    document.format = format.value_or(format_for_path(path));
    document.path = std::move(path);
    document.text = std::move(bytes);
    document.prose = document.text;
    document.lines = std::make_unique<LineIndex>(document.text);
    document.paragraphs.push_back({0, document.text.size()});
    document.sentences.push_back({{0, document.text.size()}, 0});
    return document;
}

} // namespace factlint
