/// YAML front matter at the start of a Markdown file: only its `date:` is read.
#pragma once

#include "core/date.hpp"
#include "core/diagnostic.hpp"

#include <cstddef>
#include <optional>
#include <string_view>

namespace factlint {

struct FrontMatter {
    std::size_t end = 0;               ///< offset just after the closing `---` (or `...`) line
    std::optional<Date> date;          ///< top-level `date:` when it is a valid date
    std::optional<Diagnostic> problem; ///< invalid-front-matter: a `date:` that is not a date
};

/// Front matter between a `---` line at `begin` and the next `---` or `...` line; nothing when
/// the file does not start that way, the block is never closed, or its first line is not a
/// YAML key (`title: ...`), as between two thematic breaks. `date:` accepts YYYY-MM-DD
/// (quoted or not, optionally followed by a time as YAML timestamps have), YYYY-MM and YYYY.
std::optional<FrontMatter> read_front_matter(std::string_view text, std::size_t begin);

} // namespace factlint
