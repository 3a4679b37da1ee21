#include "cli/inputs.hpp"

#include <algorithm>
#include <filesystem>
#include <fmt/core.h>
#include <fstream>
#include <iostream>
#include <iterator>
#include <set>
#include <sstream>
#include <system_error>

namespace factlint::cli {
namespace fs = std::filesystem;

namespace {

std::string fmt_error(const std::string& path, const std::string& message) {
    return path + ": " + message;
}

std::string join(const std::vector<std::string>& items) {
    std::string out;
    for (const std::string& item : items)
        out += (out.empty() ? "" : " ") + item;
    return out;
}

bool wanted(const fs::path& path, const std::vector<std::string>& extensions) {
    std::string extension = path.extension().string();
    std::transform(extension.begin(), extension.end(), extension.begin(),
                   [](unsigned char c) { return std::tolower(c); });
    return std::find(extensions.begin(), extensions.end(), extension) != extensions.end();
}

/// Walks `directory` depth-first in sorted order; `visited` holds canonical directories so a
/// symlink loop is entered once.
void walk(const fs::path& directory, const std::vector<std::string>& extensions,
          std::set<fs::path>& visited, std::vector<Input>& out) {
    std::error_code error;
    fs::path canonical = fs::canonical(directory, error);
    if (error || !visited.insert(canonical).second)
        return;
    std::vector<fs::directory_entry> entries;
    for (fs::directory_iterator it(directory, fs::directory_options::skip_permission_denied, error);
         !error && it != fs::directory_iterator(); it.increment(error))
        entries.push_back(*it);
    std::sort(entries.begin(), entries.end(),
              [](const auto& a, const auto& b) { return a.path() < b.path(); });
    for (const fs::directory_entry& entry : entries) {
        std::string name = entry.path().filename().string();
        if (entry.is_directory(error)) {
            if (!name.starts_with(".") && name != "node_modules")
                walk(entry.path(), extensions, visited, out);
        } else if (entry.is_regular_file(error) && wanted(entry.path(), extensions)) {
            out.push_back({entry.path().string(), false});
        }
    }
}

} // namespace

std::vector<Input> collect_inputs(const std::vector<std::string>& paths,
                                  const std::vector<std::string>& extensions,
                                  const std::string& stdin_filename,
                                  std::vector<std::string>& errors) {
    std::vector<Input> inputs;
    std::set<fs::path> visited;
    for (const std::string& path : paths) {
        if (path == "-") {
            inputs.push_back({stdin_filename.empty() ? "<stdin>" : stdin_filename, true});
            continue;
        }
        std::error_code error;
        fs::file_status status = fs::status(path, error);
        if (error || !fs::exists(status)) {
            errors.push_back(fmt_error(path, "no such file or directory"));
            continue;
        }
        if (fs::is_directory(status)) {
            std::size_t before = inputs.size();
            walk(path, extensions, visited, inputs);
            if (inputs.size() == before)
                errors.push_back(fmt_error(
                    path,
                    "no files to lint in this directory (extensions: " + join(extensions) + ")"));
        } else if (fs::is_character_file(status) || fs::is_block_file(status) ||
                   fs::is_socket(status)) {
            // /dev/zero would be read forever; pipes (`<(cmd)`) end and are read ("-" is stdin).
            errors.push_back(fmt_error(path, "not a regular file"));
        } else {
            inputs.push_back({path, false});
        }
    }
    return inputs;
}

void sort_inputs(std::vector<Input>& inputs) {
    // The first spelling of a file wins ("a.md ./a.md" keeps "a.md").
    std::set<std::string> seen;
    std::vector<std::pair<fs::path, Input>> keyed;
    keyed.reserve(inputs.size());
    for (Input& input : inputs) {
        std::error_code error;
        std::string key = input.from_stdin
                              ? "\n<stdin>"
                              : fs::absolute(input.path, error).lexically_normal().string();
        if (seen.insert(key).second)
            keyed.emplace_back(fs::path(input.path), std::move(input));
    }
    // Compared as paths (component by component), the order walk() produces: "a/b" < "a-b".
    std::stable_sort(keyed.begin(), keyed.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    inputs.clear();
    for (auto& entry : keyed)
        inputs.push_back(std::move(entry.second));
}

std::optional<std::string> read_input(const Input& input, std::string& error) {
    if (input.from_stdin) {
        std::ostringstream buffer;
        buffer << std::cin.rdbuf();
        return buffer.str();
    }
    std::ifstream file(input.path, std::ios::binary);
    if (!file) {
        error = fmt_error(input.path, std::error_code(errno, std::generic_category()).message());
        return std::nullopt;
    }
    std::string bytes{std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>()};
    if (file.bad()) {
        error = fmt_error(input.path, "read error");
        return std::nullopt;
    }
    return bytes;
}

std::string PackResolver::config_for(const std::string& path) {
    if (!override_.empty())
        return override_;
    std::error_code error;
    fs::path directory = fs::absolute(fs::path(path), error).parent_path();
    std::string key = directory.string();
    auto found = config_by_directory_.find(key);
    if (found != config_by_directory_.end())
        return found->second;
    std::string config = find_config_file(directory.string());
    if (config.empty())
        config = default_pack_path();
    return config_by_directory_[key] = config;
}

std::shared_ptr<const Linter> PackResolver::linter_for(const std::string& path) {
    std::string config = config_for(path);
    auto& linter = linter_by_config_[config];
    if (!linter)
        linter = std::make_shared<const Linter>(load_pack(config));
    return linter;
}

std::vector<std::string> split_extensions(std::string_view list) {
    std::vector<std::string> out;
    while (!list.empty()) {
        std::size_t comma = list.find(',');
        std::string item(list.substr(0, comma));
        if (!item.empty())
            out.push_back(item.starts_with('.') ? item : "." + item);
        list = comma == std::string_view::npos ? std::string_view() : list.substr(comma + 1);
    }
    return out;
}

bool for_each_input(const std::vector<Input>& inputs, PackResolver& resolver,
                    std::vector<std::string>& errors,
                    const std::function<void(const Input&, std::string, const Linter&)>& visit) {
    for (const Input& input : inputs) {
        std::string error;
        std::optional<std::string> bytes = read_input(input, error);
        if (!bytes) {
            errors.push_back(error);
            continue;
        }
        std::shared_ptr<const Linter> linter;
        try {
            linter = resolver.linter_for(input.path);
        } catch (const ConfigError& config_error) {
            fmt::print(stderr, "{}\n", config_error.what());
            return false;
        }
        visit(input, std::move(*bytes), *linter);
    }
    return true;
}

} // namespace factlint::cli
