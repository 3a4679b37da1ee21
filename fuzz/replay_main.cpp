// Replays saved fuzz inputs through one fuzz target's body in an ordinary build (gcc, no
// libFuzzer), so every crash or slow input ever found stays a test in the normal suite.
//   replay_<target> [--max-seconds=S] FILE_OR_DIRECTORY...
// Directories are read recursively, in name order. A crash fails the test by crashing; an input
// that takes longer than S seconds (default 10) fails it with exit code 1.
#include "fuzz_check.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

std::vector<fs::path> inputs_of(const fs::path& argument) {
    std::vector<fs::path> inputs;
    if (fs::is_directory(argument)) {
        for (const fs::directory_entry& entry : fs::recursive_directory_iterator(argument))
            if (entry.is_regular_file())
                inputs.push_back(entry.path());
        std::sort(inputs.begin(), inputs.end());
    } else {
        inputs.push_back(argument);
    }
    return inputs;
}

} // namespace

int main(int argc, char** argv) {
    double max_seconds = 10;
    std::vector<fs::path> inputs;
    for (int i = 1; i < argc; ++i) {
        std::string argument = argv[i];
        if (argument.starts_with("--max-seconds=")) {
            max_seconds = std::stod(argument.substr(14));
            continue;
        }
        if (!fs::exists(argument)) {
            std::fprintf(stderr, "replay: %s: no such file or directory\n", argument.c_str());
            return 2;
        }
        std::vector<fs::path> found = inputs_of(argument);
        inputs.insert(inputs.end(), found.begin(), found.end());
    }
    int slow = 0;
    for (const fs::path& input : inputs) {
        std::ifstream in(input, std::ios::binary);
        std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        std::fprintf(stderr, "replay: %s (%zu bytes)\n", input.c_str(), bytes.size());
        auto start = std::chrono::steady_clock::now();
        LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
        double seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        if (seconds > max_seconds) {
            std::fprintf(stderr, "replay: %s took %.2f s (limit %.2f s)\n", input.c_str(), seconds,
                         max_seconds);
            ++slow;
        }
    }
    std::fprintf(stderr, "replay: %zu inputs, %d too slow\n", inputs.size(), slow);
    return slow == 0 ? 0 : 1;
}
