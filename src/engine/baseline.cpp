#include "engine/baseline.hpp"

#include "engine/fixes.hpp"

#include <algorithm>
#include <boost/json.hpp>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <map>
#include <sstream>
#include <tuple>

namespace factlint {
namespace {

namespace fs = std::filesystem;
namespace json = boost::json;

using Key = std::tuple<std::string, std::string, std::string, std::string>;

/// `file` as the baseline stores it: relative to the baseline's directory, '/'-separated, so
/// the same tree linted from another working directory matches.
std::string relative_file(const std::string& file, const std::string& baseline_path) {
    if (file.empty() || file == "-")
        return file;
    std::error_code error;
    fs::path absolute = fs::absolute(fs::path(file), error);
    fs::path base = fs::absolute(fs::path(baseline_path), error).parent_path();
    if (error)
        return fs::path(file).lexically_normal().generic_string();
    fs::path relative = absolute.lexically_normal().lexically_relative(base.lexically_normal());
    return relative.empty() ? absolute.generic_string() : relative.generic_string();
}

std::string_view trim(std::string_view text) {
    std::size_t begin = text.find_first_not_of(" \t\r\n");
    if (begin == std::string_view::npos)
        return {};
    std::size_t end = text.find_last_not_of(" \t\r\n");
    return text.substr(begin, end + 1 - begin);
}

Key key_of(const LintResult& result, const Diagnostic& diagnostic, const std::string& file) {
    const Document& document = result.document;
    std::size_t begin = std::min(diagnostic.span.begin, document.text.size());
    std::size_t end = std::clamp(diagnostic.span.end, begin, document.text.size());
    std::string_view line;
    if (document.lines)
        line = document.lines->line_text(document.lines->position(begin, ColumnUnit::bytes).line);
    return {file, diagnostic.rule, document.text.substr(begin, end - begin),
            std::string(trim(line))};
}

std::string json_string(std::string_view text) {
    return json::serialize(json::string_view(text.data(), text.size()));
}

} // namespace

Baseline make_baseline(std::span<const LintResult> results, const std::string& baseline_path,
                       Level min_level) {
    std::map<Key, std::size_t> counts;
    for (const LintResult& result : results) {
        std::string file = relative_file(result.document.path, baseline_path);
        for (const Diagnostic& diagnostic : result.diagnostics)
            if (diagnostic.level >= min_level)
                ++counts[key_of(result, diagnostic, file)];
    }
    Baseline baseline;
    for (const auto& [key, count] : counts) {
        const auto& [file, rule, text, line] = key;
        baseline.entries.push_back({file, rule, text, line, count});
    }
    return baseline;
}

std::string baseline_to_json(const Baseline& baseline) {
    std::string out = "{\n  \"version\": 1,\n  \"tool\": \"factlint\",\n  \"findings\": [";
    for (std::size_t i = 0; i < baseline.entries.size(); ++i) {
        const BaselineEntry& entry = baseline.entries[i];
        out += fmt::format("{}\n    {{\"file\": {}, \"rule\": {}, \"text\": {}, \"line\": {}, "
                           "\"count\": {}}}",
                           i == 0 ? "" : ",", json_string(entry.file), json_string(entry.rule),
                           json_string(entry.text), json_string(entry.line), entry.count);
    }
    out += baseline.entries.empty() ? "]\n}\n" : "\n  ]\n}\n";
    return out;
}

std::optional<Baseline> parse_baseline(std::string_view text, std::string& error) {
    boost::system::error_code code;
    json::value root = json::parse(json::string_view(text.data(), text.size()), code);
    if (code) {
        error = fmt::format("not valid JSON: {}", code.message());
        return std::nullopt;
    }
    const json::object* object = root.if_object();
    const json::value* version = object ? object->if_contains("version") : nullptr;
    if (!version || !version->is_int64() || version->as_int64() != 1) {
        error = "not a factlint baseline (expected an object with \"version\": 1)";
        return std::nullopt;
    }
    const json::value* findings = object->if_contains("findings");
    if (!findings || !findings->is_array()) {
        error = "\"findings\" must be an array";
        return std::nullopt;
    }
    Baseline baseline;
    std::size_t index = 0;
    for (const json::value& item : findings->get_array()) {
        const json::object* finding = item.if_object();
        BaselineEntry entry;
        auto read = [&](std::string_view name, std::string& into) {
            const json::value* field = finding ? finding->if_contains(name) : nullptr;
            if (!field || !field->is_string())
                return false;
            into = field->get_string();
            return true;
        };
        const json::value* count = finding ? finding->if_contains("count") : nullptr;
        bool count_ok = !count || (count->is_int64() && count->as_int64() > 0);
        if (!read("file", entry.file) || !read("rule", entry.rule) || !read("text", entry.text) ||
            !read("line", entry.line) || !count_ok) {
            error = fmt::format("finding {} must have string fields file, rule, text and line "
                                "and an optional positive count",
                                index);
            return std::nullopt;
        }
        if (count)
            entry.count = std::size_t(count->as_int64());
        baseline.entries.push_back(std::move(entry));
        ++index;
    }
    return baseline;
}

std::optional<Baseline> read_baseline(const std::string& path, std::string& error) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        error = fmt::format("{}: cannot read the baseline file", path);
        return std::nullopt;
    }
    std::ostringstream text;
    text << in.rdbuf();
    std::optional<Baseline> baseline = parse_baseline(text.str(), error);
    if (!baseline)
        error = fmt::format("{}: {}", path, error);
    return baseline;
}

std::string write_baseline(const std::string& path, const Baseline& baseline) {
    return write_file_atomically(path, baseline_to_json(baseline));
}

std::size_t remove_baselined(const Baseline& baseline, std::span<LintResult> results,
                             const std::string& baseline_path) {
    std::map<Key, std::size_t> remaining;
    for (const BaselineEntry& entry : baseline.entries)
        remaining[{entry.file, entry.rule, entry.text, entry.line}] += entry.count;
    std::size_t removed = 0;
    for (LintResult& result : results) {
        std::string file = relative_file(result.document.path, baseline_path);
        std::erase_if(result.diagnostics, [&](const Diagnostic& diagnostic) {
            auto it = remaining.find(key_of(result, diagnostic, file));
            if (it == remaining.end() || it->second == 0)
                return false;
            --it->second;
            ++removed;
            return true;
        });
    }
    return removed;
}

} // namespace factlint
