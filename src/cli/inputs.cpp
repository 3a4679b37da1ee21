#include "cli/inputs.hpp"

#include "rules/saved_pack.hpp"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fmt/core.h>
#include <iostream>
#include <set>
#include <sstream>
#include <system_error>

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

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

/// The extension as fs::path::extension() gives it ("a.TXT" -> ".TXT", ".txt" -> ""), lower-cased,
/// is one of `extensions`.
bool wanted(std::string_view name, const std::vector<std::string>& extensions) {
    std::size_t dot = name.rfind('.');
    if (dot == std::string_view::npos || dot == 0)
        return false;
    std::string extension(name.substr(dot));
    std::transform(extension.begin(), extension.end(), extension.begin(),
                   [](unsigned char c) { return std::tolower(c); });
    return std::find(extensions.begin(), extensions.end(), extension) != extensions.end();
}

/// `directory / name` spelt as fs::path's operator/ spells it (no second '/' after a trailing one).
std::string child_path(const std::string& directory, std::string_view name) {
    std::string path;
    path.reserve(directory.size() + 1 + name.size());
    path += directory;
    if (!path.empty() && path.back() != '/')
        path += '/';
    path += name;
    return path;
}

} // namespace

InputWalk::InputWalk(std::vector<std::string> paths, std::vector<std::string> extensions,
                     std::string stdin_filename)
    : paths_(std::move(paths))
    , extensions_(std::move(extensions))
    , stdin_filename_(std::move(stdin_filename)) {}

void InputWalk::enter(std::string directory) {
    std::error_code error;
    fs::path canonical = fs::canonical(directory, error);
    if (error || !visited_.insert(canonical.string()).second)
        return;
    // readdir() rather than fs::directory_iterator: an entry is its name and type, not a parsed
    // fs::path (the walk of a 488,000-file corpus took 1.8 s of CPU that way). An unreadable
    // directory is empty, as with directory_options::skip_permission_denied.
    Directory level;
    if (DIR* stream = ::opendir(directory.c_str())) {
        while (const dirent* entry = ::readdir(stream)) {
            std::string_view name = entry->d_name;
            if (name == "." || name == "..")
                continue;
            level.entries.push_back({std::string(name), entry->d_type});
        }
        ::closedir(stream);
    }
    // Entries share their parent, so comparing names orders them as fs::path compares the
    // whole paths; depth-first over sorted levels gives the order of the whole paths (compared
    // component by component, so "a/b" comes before "a-b"), which sort_inputs() also uses.
    std::sort(level.entries.begin(), level.entries.end(),
              [](const Entry& a, const Entry& b) { return a.name < b.name; });
    level.path = std::move(directory);
    stack_.push_back(std::move(level));
}

std::optional<Input> InputWalk::next(std::vector<std::string>& errors) {
    for (;;) {
        // Inside a directory argument: depth-first, each level in sorted order.
        while (!stack_.empty()) {
            Directory& top = stack_.back();
            if (top.next == top.entries.size()) {
                stack_.pop_back();
                if (stack_.empty() && found_in_path_ == 0)
                    errors.push_back(fmt_error(paths_[next_path_ - 1],
                                               "no files to lint in this directory (extensions: " +
                                                   join(extensions_) + ")"));
                continue;
            }
            const Entry& entry = top.entries[top.next++];
            std::string path = child_path(top.path, entry.name);
            // Symbolic links are followed (as fs::is_directory does); a broken one is skipped.
            unsigned char type = entry.type;
            if (type == DT_LNK || type == DT_UNKNOWN) {
                struct stat info {};
                type = ::stat(path.c_str(), &info) != 0 ? DT_UNKNOWN
                       : S_ISDIR(info.st_mode)          ? DT_DIR
                       : S_ISREG(info.st_mode)          ? DT_REG
                                                        : DT_UNKNOWN;
            }
            if (type == DT_DIR) {
                if (!entry.name.starts_with(".") && entry.name != "node_modules")
                    enter(std::move(path)); // may push a level: `top` and `entry` die here
            } else if (type == DT_REG && wanted(entry.name, extensions_)) {
                ++found_in_path_;
                return Input{std::move(path), false};
            }
        }
        if (next_path_ == paths_.size())
            return std::nullopt;
        const std::string& path = paths_[next_path_++];
        if (path == "-")
            return Input{stdin_filename_.empty() ? "<stdin>" : stdin_filename_, true};
        std::error_code error;
        fs::file_status status = fs::status(path, error);
        if (error || !fs::exists(status)) {
            errors.push_back(fmt_error(path, "no such file or directory"));
        } else if (fs::is_directory(status)) {
            found_in_path_ = 0;
            enter(path);
            if (stack_.empty()) // entered before (a loop through another argument)
                errors.push_back(fmt_error(
                    path,
                    "no files to lint in this directory (extensions: " + join(extensions_) + ")"));
        } else if (fs::is_character_file(status) || fs::is_block_file(status) ||
                   fs::is_socket(status)) {
            // /dev/zero would be read forever; pipes (`<(cmd)`) end and are read ("-" is stdin).
            errors.push_back(fmt_error(path, "not a regular file"));
        } else {
            return Input{path, false};
        }
    }
}

std::vector<Input> collect_inputs(const std::vector<std::string>& paths,
                                  const std::vector<std::string>& extensions,
                                  const std::string& stdin_filename,
                                  std::vector<std::string>& errors) {
    std::vector<Input> inputs;
    InputWalk walk(paths, extensions, stdin_filename);
    while (std::optional<Input> input = walk.next(errors))
        inputs.push_back(std::move(*input));
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

OrderedInputs::OrderedInputs(const std::vector<std::string>& paths,
                             const std::vector<std::string>& extensions,
                             const std::string& stdin_filename)
    : paths_(paths)
    , extensions_(extensions)
    , stdin_filename_(stdin_filename) {
    // Test-only hook (tests/cli/cli_test.py): a smaller limit, so a test walks past it.
    if (const char* limit = std::getenv("FACTLINT_TEST_KEPT_WALK_BYTES"))
        max_kept_bytes_ = std::strtoull(limit, nullptr, 10);
    restart();
}

void OrderedInputs::KeptWalk::add(const Input& input) {
    std::size_t slash = input.from_stdin ? 0 : input.path.rfind('/') + 1; // npos + 1 == 0
    std::string_view directory = std::string_view(input.path).substr(0, slash);
    if (input.from_stdin) {
        directory_of.push_back(standard_input);
    } else {
        if (directories.empty() || directories.back() != directory) {
            directories.emplace_back(directory);
            bytes += sizeof(std::string) + directory.size();
        }
        directory_of.push_back(std::uint32_t(directories.size() - 1));
    }
    names.append(input.path, slash).push_back('\0');
    bytes += sizeof(std::uint32_t) + input.path.size() - slash + 1;
}

Input OrderedInputs::KeptWalk::at(std::size_t index, std::size_t& offset) const {
    std::string_view name(names.data() + offset);
    offset += name.size() + 1;
    std::uint32_t directory = directory_of[index];
    if (directory == standard_input)
        return Input{std::string(name), true};
    std::string path;
    path.reserve(directories[directory].size() + name.size());
    path.append(directories[directory]).append(name);
    return Input{std::move(path), false};
}

namespace {

/// `outer` is `inner` or one of its parent directories, component by component ("docs/" holds
/// "docs/a.md"; "doc" does not hold "docs").
bool holds(const fs::path& outer, const fs::path& inner) {
    auto part = inner.begin();
    for (auto o = outer.begin(); o != outer.end(); ++o, ++part) {
        if (o->empty() && std::next(o) == outer.end())
            break; // the empty last component of a trailing '/'
        if (part == inner.end() || *o != *part)
            return false;
    }
    return true;
}

/// `paths` in the order in which walking them one after the other gives the inputs sorted as
/// sort_inputs() sorts them, or nothing when two overlap (one is, or is inside, another: as
/// written, or as absolute paths), when a walk would interleave with another or meet a file
/// twice. Sorted paths compare component by component, so whatever is under a path sorts right
/// after it and before the next path that it does not hold: checking neighbours is enough.
std::optional<std::vector<std::string>> walk_order(std::vector<std::string> paths,
                                                   const std::string& stdin_filename) {
    auto name = [&](const std::string& path) {
        return fs::path(path != "-" ? path : stdin_filename.empty() ? "<stdin>" : stdin_filename);
    };
    std::stable_sort(paths.begin(), paths.end(),
                     [&](const std::string& a, const std::string& b) { return name(a) < name(b); });
    std::vector<fs::path> absolute;
    for (std::size_t i = 0; i < paths.size(); ++i) {
        if (i > 0 && holds(name(paths[i - 1]), name(paths[i])))
            return std::nullopt;
        std::error_code error;
        if (paths[i] != "-")
            absolute.push_back(fs::absolute(paths[i], error).lexically_normal());
    }
    std::sort(absolute.begin(), absolute.end());
    for (std::size_t i = 1; i < absolute.size(); ++i)
        if (holds(absolute[i - 1], absolute[i]))
            return std::nullopt;
    return paths;
}

} // namespace

void OrderedInputs::restart() {
    next_ = 0;
    replay_offset_ = 0;
    if (kept_) { // the first walk was kept: replay it rather than walk again
        replaying_ = true;
        walk_.reset();
    }
    if (sorted_ || replaying_)
        return;
    bool first_walk = !walk_;
    // Walking the paths in sorted order streams like one path does (memory does not grow with
    // the files under them); only overlapping paths ("docs docs/a.md", "a.md ./a.md") are
    // collected and sorted, which also drops a file met twice.
    if (std::optional<std::vector<std::string>> order = walk_order(paths_, stdin_filename_)) {
        walk_.emplace(std::move(*order), extensions_, stdin_filename_);
        if (first_walk)
            kept_.emplace();
    } else {
        sorted_ = collect_inputs(paths_, extensions_, stdin_filename_, collect_errors_);
        sort_inputs(*sorted_);
    }
}

std::optional<Input> OrderedInputs::next(std::vector<std::string>* errors) {
    if (walk_) {
        std::vector<std::string> dropped;
        std::optional<Input> input = walk_->next(errors ? *errors : dropped);
        if (input && kept_) {
            kept_->add(*input);
            if (kept_->bytes > max_kept_bytes_)
                kept_.reset(); // a long walk: walked again, never held
        }
        return input;
    }
    if (replaying_) {
        if (next_ == kept_->directory_of.size())
            return std::nullopt;
        return kept_->at(next_++, replay_offset_);
    }
    if (errors) {
        errors->insert(errors->end(), collect_errors_.begin(), collect_errors_.end());
        collect_errors_.clear();
    }
    if (next_ == sorted_->size())
        return std::nullopt;
    return (*sorted_)[next_++];
}

std::optional<std::string> read_input(const Input& input, std::string& error) {
    if (input.from_stdin) {
        std::ostringstream buffer;
        buffer << std::cin.rdbuf();
        return buffer.str();
    }
    // One read() of the whole file into a buffer of its size: the size fstat() gives at open is
    // what is read (a second read() only to see the end costs a system call per file, a fifth of
    // them on a corpus of small files). Pipes, and files that report no size (/proc), are read
    // to the end in growing chunks.
    int fd = ::open(input.path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        error = fmt_error(input.path, std::error_code(errno, std::generic_category()).message());
        return std::nullopt;
    }
    struct stat info {};
    std::size_t expected = 0; // 0: read to the end
    if (::fstat(fd, &info) == 0 && S_ISREG(info.st_mode) && info.st_size > 0)
        expected = static_cast<std::size_t>(info.st_size);
    std::string bytes(expected > 0 ? expected : 64 * 1024, '\0');
    std::size_t size = 0;
    while (expected == 0 || size < expected) {
        if (size == bytes.size())
            bytes.resize(bytes.size() * 2);
        ssize_t got = ::read(fd, bytes.data() + size, bytes.size() - size);
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0) {
            ::close(fd);
            error = fmt_error(input.path, "read error");
            return std::nullopt;
        }
        if (got == 0)
            break;
        size += static_cast<std::size_t>(got);
    }
    ::close(fd);
    bytes.resize(size);
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

PackResolver::PendingLinter& PackResolver::load(const std::string& config) {
    PendingLinter& linter = linter_by_config_[config];
    if (!linter.valid()) {
        // Deferred: loaded by the first wait() or get(), which keeps a ConfigError for get().
        linter = std::async(std::launch::deferred, [config, cache = cache_directory_] {
            return std::make_shared<const Linter>(load_pack_saved(config, cache));
        });
        loading_.push_back(linter);
    }
    return linter;
}

const PackResolver::PendingLinter& PackResolver::pending(const std::string& path) {
    std::string_view directory = std::string_view(path).substr(0, path.rfind('/') + 1);
    if (last_pending_ && directory == last_directory_)
        return *last_pending_;
    last_pending_ = &load(config_for(path)); // map nodes stay where they are
    last_directory_ = directory;
    return *last_pending_;
}

void PackResolver::wait() {
    for (const PendingLinter& linter : loading_)
        linter.get();
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

namespace {

/// Reads `input`, finds its linter and visits it; false after a rule-pack error (printed).
bool visit_input(const Input& input, PackResolver& resolver, std::vector<std::string>& errors,
                 const std::function<void(const Input&, std::string, const Linter&)>& visit) {
    std::string error;
    std::optional<std::string> bytes = read_input(input, error);
    if (!bytes) {
        errors.push_back(error);
        return true;
    }
    std::shared_ptr<const Linter> linter;
    try {
        linter = resolver.linter_for(input.path);
    } catch (const ConfigError& config_error) {
        fmt::print(stderr, "{}\n", config_error.what());
        return false;
    }
    visit(input, std::move(*bytes), *linter);
    return true;
}

} // namespace

bool for_each_input(const std::vector<Input>& inputs, PackResolver& resolver,
                    std::vector<std::string>& errors,
                    const std::function<void(const Input&, std::string, const Linter&)>& visit) {
    for (const Input& input : inputs)
        if (!visit_input(input, resolver, errors, visit))
            return false;
    return true;
}

bool for_each_input(InputWalk& inputs, PackResolver& resolver, std::vector<std::string>& errors,
                    const std::function<void(const Input&, std::string, const Linter&)>& visit) {
    while (std::optional<Input> input = inputs.next(errors))
        if (!visit_input(*input, resolver, errors, visit))
            return false;
    return true;
}

} // namespace factlint::cli
