/// What the CLI is asked to read: paths walked into files, stdin, and each file's rule pack.
#pragma once

#include "engine/linter.hpp"

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace factlint::cli {

/// One file to read; `from_stdin` when it is standard input (then `path` is the name to report).
struct Input {
    std::string path;
    bool from_stdin = false;
};

/// Expands PATHS: files as given, directories walked recursively (sorted, symlink loops and
/// hidden directories skipped) keeping files whose extension is in `extensions`, "-" for stdin.
/// Problems (missing path, directory without matching files) go to `errors`.
std::vector<Input> collect_inputs(const std::vector<std::string>& paths,
                                  const std::vector<std::string>& extensions,
                                  const std::string& stdin_filename,
                                  std::vector<std::string>& errors);

/// Sorts inputs by path (the output order) and drops a file named twice ("a.md ./a.md", or a
/// file given and also found in a given directory).
void sort_inputs(std::vector<Input>& inputs);

/// The default extensions linted when walking directories.
inline const std::vector<std::string> default_extensions{".md", ".markdown", ".txt"};
/// "md,.txt" -> {".md", ".txt"}: the value of --ext.
std::vector<std::string> split_extensions(std::string_view list);

/// The whole file (or stdin); nothing and `error` set when it cannot be read.
std::optional<std::string> read_input(const Input& input, std::string& error);

/// Finds each file's pack: `--config` when given, else the nearest `.factlint.yaml` above the
/// file, else the bundled default pack. Each pack is loaded once (ConfigError propagates).
class PackResolver {
public:
    explicit PackResolver(std::string config_override)
        : override_(std::move(config_override)) {}

    /// The linter for a file at `path` (relative paths resolve from the working directory).
    std::shared_ptr<const Linter> linter_for(const std::string& path);

private:
    std::string config_for(const std::string& path);

    std::string override_;
    std::map<std::string, std::string> config_by_directory_;
    std::map<std::string, std::shared_ptr<const Linter>> linter_by_config_;
};

/// Reads each input in order and hands its bytes and its file's linter to `visit`. Unreadable
/// inputs go to `errors`; a rule-pack error is printed and stops the walk (returns false).
bool for_each_input(const std::vector<Input>& inputs, PackResolver& resolver,
                    std::vector<std::string>& errors,
                    const std::function<void(const Input&, std::string, const Linter&)>& visit);

} // namespace factlint::cli
