/// Which rule pack lints a document, found and reloaded the way the CLI finds it: the nearest
/// `.factlint.yaml` above the document, else the bundled default pack.
#pragma once

#include "engine/linter.hpp"
#include "rules/pack.hpp"

#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace factlint::lsp {

/// Loads a pack file; the server uses load_pack, tests substitute their own packs.
using PackLoader = std::function<RulePack(const std::string& path)>;

/// The linter for a document, or why there is none.
struct PackChoice {
    std::shared_ptr<const Linter> linter; ///< null when the pack failed to load
    std::string config;                   ///< the pack file used (or that failed)
    std::optional<ConfigError> error;
};

/// Caches one Linter per pack file and reloads it when any file it read changes on disk.
/// Safe to use from several threads.
class PackCache {
public:
    explicit PackCache(PackLoader loader);

    /// The pack for a document at `document_path` ("" when it has no path: `fallback_directory`
    /// is searched instead).
    PackChoice choose(const std::string& document_path, const std::string& fallback_directory);
    /// Forgets every loaded pack (a watched YAML file changed).
    void invalidate();

private:
    struct Entry {
        PackChoice choice;
        std::vector<std::pair<std::string, std::filesystem::file_time_type>> stamps;
    };
    static bool changed(const Entry& entry);

    PackLoader loader_;
    std::mutex mutex_;
    std::map<std::string, Entry> entries_; ///< by pack file
};

} // namespace factlint::lsp
