/// Config discovery: the `.factlint.yaml` that governs a directory, shared by the CLI, the
/// language server and the fixture driver.
#include "rules/pack.hpp"

#include <filesystem>
#include <system_error>

namespace factlint {

std::string find_config_file(const std::string& start) {
    namespace fs = std::filesystem;
    std::error_code error;
    fs::path directory = fs::absolute(start, error);
    if (error)
        return {};
    for (;;) {
        fs::path candidate = directory / ".factlint.yaml";
        if (fs::is_regular_file(candidate, error))
            return candidate.string();
        if (!directory.has_relative_path() || directory == directory.parent_path())
            return {};
        directory = directory.parent_path();
    }
}

} // namespace factlint
