/// Test support: files as bytes, and scratch directories to write them in.
#pragma once

#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <unistd.h>

namespace factlint::test {

/// The whole file as bytes, "" when it cannot be read.
inline std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

inline void write_file(const std::filesystem::path& path, std::string_view bytes) {
    std::ofstream(path, std::ios::binary) << bytes;
}

/// A fresh empty directory under the system temp directory, named for the test and process.
inline std::filesystem::path scratch_directory(std::string_view name) {
    namespace fs = std::filesystem;
    fs::path directory =
        fs::temp_directory_path() / fmt::format("factlint-{}-{}", name, ::getpid());
    fs::remove_all(directory);
    fs::create_directories(directory);
    return directory;
}

} // namespace factlint::test
