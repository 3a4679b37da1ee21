// The YAML rule pack loader on arbitrary bytes. The input is split into up to three files at
// lines reading `#=next-file` (a YAML comment, so seeds stay valid YAML): main.yaml, a.yaml and
// b.yaml in a private temporary directory, so imports between them (and circular ones) are
// reachable. load_pack may only throw ConfigError, whose location must name a real place.
#include "fuzz_check.hpp"

#include "rules/pack.hpp"

#include <exception>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <typeinfo>
#include <unistd.h>

namespace {

namespace fs = std::filesystem;
using namespace factlint;

/// A directory of our own, removed when the process ends.
struct WorkDirectory {
    fs::path path = fs::temp_directory_path() / fmt::format("factlint-fuzz-pack-{}", getpid());
    WorkDirectory() { fs::create_directories(path); }
    ~WorkDirectory() {
        std::error_code ignored;
        fs::remove_all(path, ignored);
    }
};

const fs::path& work_directory() {
    static const WorkDirectory directory;
    return directory.path;
}

void write_file(const fs::path& path, std::string_view bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), std::streamsize(bytes.size()));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string input = factlint::fuzz::bytes(data, size);
    const fs::path& directory = work_directory();
    constexpr std::string_view separator = "\n#=next-file\n";
    const char* names[] = {"main.yaml", "a.yaml", "b.yaml"};
    std::size_t begin = 0;
    for (std::size_t k = 0; k < 3; ++k) {
        std::error_code ignored;
        fs::remove(directory / names[k], ignored);
        if (begin > input.size())
            continue;
        std::size_t end = k < 2 ? input.find(separator, begin) : std::string::npos;
        std::size_t stop = end == std::string::npos ? input.size() : end;
        write_file(directory / names[k], std::string_view(input).substr(begin, stop - begin));
        begin = end == std::string::npos ? input.size() + 1 : end + separator.size();
    }

    std::string main_file = (directory / "main.yaml").string();
    try {
        RulePack pack = load_pack(main_file);
        std::error_code ignored;
        FUZZ_CHECK(pack.files.empty() || pack.files.front() == main_file ||
                       fs::equivalent(pack.files.front(), main_file, ignored),
                   "the first file read is not the pack file");
        for (const Fact& fact : pack.facts)
            FUZZ_CHECK(fact.as_of.valid(), "a fact with an impossible date: " + fact.as_of.iso());
    } catch (const ConfigError& error) {
        const SourceLocation& location = error.location();
        FUZZ_CHECK(!location.file.empty(),
                   fmt::format("ConfigError without a file: {}", error.what()));
        FUZZ_CHECK(std::string_view(error.what()).find(": ") != std::string_view::npos,
                   "ConfigError without a message");
    } catch (const std::exception& error) {
        FUZZ_CHECK(false, fmt::format("load_pack let a {} escape: {}", typeid(error).name(),
                                      error.what()));
    }
    return 0;
}
