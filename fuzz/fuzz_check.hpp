/// Invariant checks shared by the fuzz targets. A broken invariant aborts, which libFuzzer records
/// as a crash and the regression replay (replay_main.cpp) reports as a failed test.
#pragma once

#include "core/span.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

/// The libFuzzer entry point every fuzz_*.cpp defines.
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace factlint::fuzz {

/// Prints what broke and aborts (abort, not an exception: the code under test may catch those).
[[noreturn]] inline void fail(const char* file, int line, const std::string& what) {
    std::fprintf(stderr, "%s:%d: fuzz invariant broken: %s\n", file, line, what.c_str());
    std::fflush(stderr);
    std::abort();
}

/// True when `span` is a well-formed range inside a text of `size` bytes.
inline bool in_bounds(Span span, std::size_t size) {
    return span.begin <= span.end && span.end <= size;
}

/// The bytes as a string (the targets own their copy: the code under test may keep views).
inline std::string bytes(const std::uint8_t* data, std::size_t size) {
    return std::string(reinterpret_cast<const char*>(data), size);
}

} // namespace factlint::fuzz

#define FUZZ_CHECK(condition, what)                                                                \
    do {                                                                                           \
        if (!(condition))                                                                          \
            ::factlint::fuzz::fail(__FILE__, __LINE__, what);                                      \
    } while (false)
