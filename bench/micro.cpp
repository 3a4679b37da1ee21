/// Microbenchmarks (Google Benchmark) for the stages of the pipeline, so a regression shows up
/// where it starts: the number grammar, document loading and sentence splitting, claim
/// linking, and the whole lint of one file with the bundled pack.
///
/// Input: the vendored seed articles (tests/data/seeds), repeated to ~1 MB; or the files of
/// FACTLINT_BENCH_CORPUS when set. Run: build/bench/micro --benchmark_counters_tabular=true
#include "engine/linter.hpp"
#include "grammar/quantity.hpp"

#include <benchmark/benchmark.h>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace fs = std::filesystem;
using namespace factlint;

namespace {

/// About a megabyte of news prose, paragraphs separated by blank lines.
const std::string& corpus() {
    static const std::string text = [] {
        const char* configured = std::getenv("FACTLINT_BENCH_CORPUS");
        fs::path root =
            configured ? fs::path(configured) : fs::path(FACTLINT_SOURCE_DIR) / "tests/data/seeds";
        std::string once;
        for (const auto& entry : fs::recursive_directory_iterator(root)) {
            if (!entry.is_regular_file() || entry.path().extension() != ".txt")
                continue;
            std::ifstream in(entry.path(), std::ios::binary);
            std::ostringstream buffer;
            buffer << in.rdbuf();
            once += buffer.str() + "\n\n";
        }
        std::string text;
        while (!once.empty() && text.size() < (1u << 20))
            text += once;
        return text;
    }();
    return text;
}

const Linter& default_linter() {
    static const Linter linter(load_pack(default_pack_path()));
    return linter;
}

void report_bytes(benchmark::State& state) {
    state.SetBytesProcessed(int64_t(state.iterations()) * int64_t(corpus().size()));
}

void BM_LoadDocument(benchmark::State& state) {
    for (auto _ : state)
        benchmark::DoNotOptimize(load_document("bench.txt", corpus()));
    report_bytes(state);
}
BENCHMARK(BM_LoadDocument)->Unit(benchmark::kMillisecond);

void BM_FindQuantities(benchmark::State& state) {
    Document document = load_document("bench.txt", corpus());
    for (auto _ : state) {
        std::size_t found = 0;
        for (const Sentence& sentence : document.sentences)
            found += find_quantities(document.prose, sentence.span).size();
        benchmark::DoNotOptimize(found);
    }
    report_bytes(state);
}
BENCHMARK(BM_FindQuantities)->Unit(benchmark::kMillisecond);

void BM_ExtractClaims(benchmark::State& state) {
    Document document = load_document("bench.txt", corpus());
    const ClaimExtractor& extractor = default_linter().extractor();
    for (auto _ : state)
        benchmark::DoNotOptimize(extractor.extract(document, Date{2025, 5, 1}));
    report_bytes(state);
}
BENCHMARK(BM_ExtractClaims)->Unit(benchmark::kMillisecond);

// What the linter reads: numbers only in sentences that name a metric, plus every name.
void BM_ReadForLint(benchmark::State& state) {
    Document document = load_document("bench.txt", corpus());
    const ClaimExtractor& extractor = default_linter().extractor();
    for (auto _ : state)
        benchmark::DoNotOptimize(extractor.read(document, Date{2025, 5, 1}));
    report_bytes(state);
}
BENCHMARK(BM_ReadForLint)->Unit(benchmark::kMillisecond);

void BM_LintFile(benchmark::State& state) {
    for (auto _ : state)
        benchmark::DoNotOptimize(default_linter().lint("bench.txt", corpus(), {Date{2025, 5, 1}}));
    report_bytes(state);
}
BENCHMARK(BM_LintFile)->Unit(benchmark::kMillisecond);

} // namespace

BENCHMARK_MAIN();
