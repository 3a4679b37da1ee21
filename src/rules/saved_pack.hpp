/// Rule packs saved after loading, so the next run skips YAML parsing.
///
/// yaml-cpp reads about 1,300 instructions per byte: the bundled pack's 17 KB were 27 M of the
/// 31 M instructions of linting one short file, more than linting three hundred articles. A
/// loaded pack is saved as JSON in the cache directory and read back (Boost.JSON, 1.8 M
/// instructions) while it is still true: same factlint binary, same working directory, and
/// every YAML file the pack read has the same bytes. Only packs that loaded without error are
/// saved, so a broken pack always reports its error. The cache is a speed-up only: when it
/// cannot be read or written the pack is loaded from YAML.
#pragma once

#include "rules/pack.hpp"

#include <optional>
#include <string>

namespace factlint {

/// The cache directory: $FACTLINT_CACHE_DIR, else $XDG_CACHE_HOME/factlint, else
/// $HOME/.cache/factlint; "" (no cache) when FACTLINT_CACHE_DIR is set but empty, or no home.
std::string pack_cache_directory();

/// load_pack(path), through the cache in `cache_directory` ("" loads from YAML, saving nothing).
/// A pack with a file written in the last two seconds is not saved (it may have changed while
/// it was read). Throws ConfigError as load_pack does.
RulePack load_pack_saved(const std::string& path, const std::string& cache_directory);

/// The saved pack for `path`, if there is one and it still holds; else nothing.
std::optional<RulePack> read_saved_pack(const std::string& path,
                                        const std::string& cache_directory);
/// Saves `pack`, loaded from `path`; returns false when it could not (never an error to report).
bool save_pack(const std::string& path, const RulePack& pack, const std::string& cache_directory);

} // namespace factlint
