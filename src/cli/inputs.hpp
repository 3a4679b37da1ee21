/// What the CLI is asked to read: paths walked into files, stdin, and each file's rule pack.
#pragma once

#include "engine/linter.hpp"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <future>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace factlint::cli {

/// One file to read; `from_stdin` when it is standard input (then `path` is the name to report).
struct Input {
    std::string path;
    bool from_stdin = false;
};

/// Expands PATHS one input at a time: files as given, directories walked recursively (sorted,
/// symlink loops and hidden directories skipped) keeping files whose extension is in
/// `extensions`, "-" for stdin. Holds only the entries of the directories on the current path of
/// the walk, never the list of files, so memory does not grow with the size of a corpus.
class InputWalk {
public:
    InputWalk(std::vector<std::string> paths, std::vector<std::string> extensions,
              std::string stdin_filename);

    /// The next input in walk order, or nothing when every path is done. Problems (missing
    /// path, directory without matching files) are appended to `errors` when met.
    std::optional<Input> next(std::vector<std::string>& errors);

private:
    struct Entry {
        std::string name;
        unsigned char type; ///< dirent's d_type (DT_DIR, DT_REG, DT_LNK, DT_UNKNOWN, ...)
    };
    /// A directory being walked: its path, its entries sorted by name, the next one to visit.
    struct Directory {
        std::string path;
        std::vector<Entry> entries;
        std::size_t next = 0;
    };
    /// Pushes `directory` unless it was entered before (symlink loops).
    void enter(std::string directory);

    std::vector<std::string> paths_;
    std::vector<std::string> extensions_;
    std::string stdin_filename_;
    std::size_t next_path_ = 0;
    std::vector<Directory> stack_;  ///< the walk of the current directory argument
    std::size_t found_in_path_ = 0; ///< files the current directory argument gave so far
    std::set<std::string> visited_; ///< canonical directories entered, over all paths
};

/// Every input InputWalk gives, in its order (for commands that need the whole list).
std::vector<Input> collect_inputs(const std::vector<std::string>& paths,
                                  const std::vector<std::string>& extensions,
                                  const std::string& stdin_filename,
                                  std::vector<std::string>& errors);

/// Sorts inputs by path (the output order) and drops a file named twice ("a.md ./a.md", or a
/// file given and also found in a given directory).
void sort_inputs(std::vector<Input>& inputs);

/// The lint command's inputs in output order (sorted by path, each file once). Paths are walked
/// lazily, one after the other in sorted order (a walk is already in that order), so memory
/// does not grow with the files under them. Paths that overlap (one is, or is inside, another,
/// as "docs docs/a.md" or "a.md ./a.md") are collected and sorted instead, since a file of one
/// may sort between files of another, or be named twice. Problems of the walk ("no such file")
/// come in that order too. restart() goes back to the first input: the first walk is replayed
/// then, not walked again (a second walk was 4% of a lint of the BBC corpus and ~0.5 s of the
/// 1 GB corpus, most of it under the workers' lock), when it was kept: a walk is kept, each
/// file as its name, while that takes under 16 MiB (about a million files; 6 MB for the 1 GB
/// corpus's 488,430). A longer walk is walked again.
class OrderedInputs {
public:
    OrderedInputs(const std::vector<std::string>& paths, const std::vector<std::string>& extensions,
                  const std::string& stdin_filename);

    /// The next input, or nothing at the end; problems met go to `errors` (nullptr: dropped).
    std::optional<Input> next(std::vector<std::string>* errors);
    /// Starts again from the first input (replaying a kept walk, else walking again).
    void restart();

private:
    std::vector<std::string> paths_;
    std::vector<std::string> extensions_;
    std::string stdin_filename_;
    std::optional<InputWalk> walk_;            ///< paths that do not overlap, in sorted order
    std::optional<std::vector<Input>> sorted_; ///< paths that overlap, collected and sorted
    std::size_t next_ = 0;
    /// A walk's inputs, compactly: files found one after another in a directory share its path,
    /// and a file is its name and a 4-byte index (~12 bytes a file on the 1 GB corpus, against
    /// ~120 as Input objects).
    struct KeptWalk {
        static constexpr std::uint32_t standard_input = UINT32_MAX;
        std::vector<std::string> directories;    ///< each path up to its last '/', in walk order
        std::string names;                       ///< what follows it, each name ending in '\0'
        std::vector<std::uint32_t> directory_of; ///< per input, or `standard_input`
        std::size_t bytes = 0;                   ///< about what all of it takes

        void add(const Input& input);
        /// The input whose name starts at names[offset]; offset moves to the next one.
        Input at(std::size_t index, std::size_t& offset) const;
    };
    std::optional<KeptWalk> kept_; ///< the first walk so far, while it is kept
    bool replaying_ = false;       ///< next() gives the kept walk
    std::size_t replay_offset_ = 0;
    std::size_t max_kept_bytes_ = 16 << 20;
    std::vector<std::string> collect_errors_; ///< from collecting several paths, given once
};

/// The default extensions linted when walking directories.
inline const std::vector<std::string> default_extensions{".md", ".markdown", ".txt"};
/// "md,.txt" -> {".md", ".txt"}: the value of --ext.
std::vector<std::string> split_extensions(std::string_view list);

/// The whole file (or stdin); nothing and `error` set when it cannot be read.
std::optional<std::string> read_input(const Input& input, std::string& error);

/// Finds each file's pack: `--config` when given, else the nearest `.factlint.yaml` above the
/// file, else the bundled default pack. Each pack is loaded once (ConfigError propagates),
/// through the saved packs in `cache_directory` when one is given (rules/saved_pack.hpp).
class PackResolver {
public:
    explicit PackResolver(std::string config_override, std::string cache_directory = {})
        : override_(std::move(config_override))
        , cache_directory_(std::move(cache_directory)) {}

    /// A pack being loaded: the first get() or wait() on it loads it, on the thread that calls
    /// it (others wait), and keeps a ConfigError for every later one.
    using PendingLinter = std::shared_future<std::shared_ptr<const Linter>>;

    /// The pack of the file at `path` (relative paths resolve from the working directory), not
    /// loaded yet: a walk goes on past a broken pack, so every missing path is listed before
    /// its error. The reference stays valid as long as the resolver.
    const PendingLinter& pending(const std::string& path);
    /// The linter for a file at `path`; throws its pack's ConfigError.
    std::shared_ptr<const Linter> linter_for(const std::string& path) {
        return pending(path).get();
    }
    /// Loads every pack pending() gave, in that order (those not loaded yet, on this thread);
    /// throws the ConfigError of the first that failed.
    void wait();

private:
    std::string config_for(const std::string& path);
    PendingLinter& load(const std::string& config);

    std::string override_;
    std::string cache_directory_;
    std::map<std::string, std::string> config_by_directory_;
    std::map<std::string, PendingLinter> linter_by_config_;
    std::vector<PendingLinter> loading_; ///< in the order pending() first gave them
    // The last directory as written and its pack: a walk hands out a directory's files
    // together, and resolving each one (an absolute path, a getcwd call) is then skipped.
    std::string last_directory_;
    const PendingLinter* last_pending_ = nullptr;
};

/// Reads each input in order and hands its bytes and its file's linter to `visit`. Unreadable
/// inputs go to `errors`; a rule-pack error is printed and stops the walk (returns false).
bool for_each_input(const std::vector<Input>& inputs, PackResolver& resolver,
                    std::vector<std::string>& errors,
                    const std::function<void(const Input&, std::string, const Linter&)>& visit);
/// The same, reading each input as the walk reaches it (problems of the walk go to `errors`).
bool for_each_input(InputWalk& inputs, PackResolver& resolver, std::vector<std::string>& errors,
                    const std::function<void(const Input&, std::string, const Linter&)>& visit);

} // namespace factlint::cli
