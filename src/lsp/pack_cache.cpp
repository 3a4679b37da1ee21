#include "lsp/pack_cache.hpp"

#include <exception>

namespace factlint::lsp {
namespace {

namespace fs = std::filesystem;

fs::file_time_type stamp_of(const std::string& path) {
    std::error_code error;
    fs::file_time_type time = fs::last_write_time(path, error);
    return error ? fs::file_time_type::min() : time;
}

} // namespace

PackCache::PackCache(PackLoader loader)
    : loader_(std::move(loader)) {}

bool PackCache::changed(const Entry& entry) {
    for (const auto& [file, time] : entry.stamps)
        if (stamp_of(file) != time)
            return true;
    return false;
}

PackChoice PackCache::choose(const std::string& document_path,
                             const std::string& fallback_directory) {
    fs::path directory = document_path.empty() ? fs::path(fallback_directory)
                                               : fs::path(document_path).parent_path();
    std::string config = directory.empty() ? std::string() : find_config_file(directory.string());
    if (config.empty())
        config = default_pack_path();

    std::lock_guard lock(mutex_);
    auto found = entries_.find(config);
    if (found != entries_.end() && !changed(found->second))
        return found->second.choice;

    Entry entry;
    entry.choice.config = config;
    std::vector<std::string> files{config};
    try {
        RulePack pack = loader_(config);
        files.insert(files.end(), pack.files.begin(), pack.files.end());
        entry.choice.linter = std::make_shared<const Linter>(std::move(pack));
    } catch (const ConfigError& error) {
        entry.choice.error = error;
    } catch (const std::exception& error) {
        entry.choice.error = ConfigError({config, 0, 0}, error.what());
    }
    for (const std::string& file : files)
        entry.stamps.emplace_back(file, stamp_of(file));
    entries_[config] = entry;
    return entry.choice;
}

void PackCache::invalidate() {
    std::lock_guard lock(mutex_);
    entries_.clear();
}

} // namespace factlint::lsp
