/// Microbenchmarks (Google Benchmark) for the stages of the pipeline, so a regression shows up
/// where it starts: document loading, sentence splitting, the number grammar, claim linking,
/// rule evaluation, and the whole lint of each file with the bundled pack.
///
/// Input, one document per file: the vendored seed articles (tests/data/seeds) repeated to
/// ~1 MB, or the .txt files of FACTLINT_BENCH_CORPUS when set.
/// Run: build/bench/micro --benchmark_counters_tabular=true
#include "document/sentences.hpp"
#include "engine/linter.hpp"
#include "grammar/quantity.hpp"

#include <algorithm>
#include <benchmark/benchmark.h>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace fs = std::filesystem;
using namespace factlint;

namespace {

/// The corpus, one text per file as the linter sees it (per-file state, such as the people a
/// document has named, matters to the linker): the files of FACTLINT_BENCH_CORPUS, or the seed
/// articles repeated to about a megabyte.
struct File {
    std::string path;
    std::string text;
};

const std::vector<File>& corpus() {
    static const std::vector<File> files = [] {
        const char* configured = std::getenv("FACTLINT_BENCH_CORPUS");
        fs::path root =
            configured ? fs::path(configured) : fs::path(FACTLINT_SOURCE_DIR) / "tests/data/seeds";
        std::vector<File> once;
        for (const auto& entry : fs::recursive_directory_iterator(root)) {
            if (!entry.is_regular_file() || entry.path().extension() != ".txt")
                continue;
            std::ifstream in(entry.path(), std::ios::binary);
            std::ostringstream buffer;
            buffer << in.rdbuf();
            once.push_back({entry.path().string(), buffer.str()});
        }
        std::sort(once.begin(), once.end(),
                  [](const File& a, const File& b) { return a.path < b.path; });
        std::vector<File> files;
        std::size_t bytes = 0;
        while (!once.empty() && bytes < (1u << 20))
            for (const File& file : once) {
                files.push_back(file);
                bytes += file.text.size();
            }
        return files;
    }();
    return files;
}

const std::vector<Document>& documents() {
    static const std::vector<Document> loaded = [] {
        std::vector<Document> documents;
        for (const File& file : corpus())
            documents.push_back(load_document(file.path, file.text));
        return documents;
    }();
    return loaded;
}

const Linter& default_linter() {
    static const Linter linter(load_pack(default_pack_path()));
    return linter;
}

void report_bytes(benchmark::State& state) {
    std::int64_t bytes = 0;
    for (const File& file : corpus())
        bytes += std::int64_t(file.text.size());
    state.SetBytesProcessed(std::int64_t(state.iterations()) * bytes);
}

void BM_LoadDocument(benchmark::State& state) {
    for (auto _ : state)
        for (const File& file : corpus())
            benchmark::DoNotOptimize(load_document(file.path, file.text));
    report_bytes(state);
}
BENCHMARK(BM_LoadDocument)->Unit(benchmark::kMillisecond);

void BM_SplitSentences(benchmark::State& state) {
    std::vector<Sentence> sentences; // one buffer, as load_document fills one per document
    for (auto _ : state)
        for (const Document& document : documents()) {
            sentences.clear();
            for (std::size_t p = 0; p < document.paragraphs.size(); ++p)
                split_sentences(document.prose, document.paragraphs[p], p, sentences);
            benchmark::DoNotOptimize(sentences.data());
        }
    report_bytes(state);
}
BENCHMARK(BM_SplitSentences)->Unit(benchmark::kMillisecond);

// Line and column of every sentence's start and end, as reporters and the `claims` command
// locate findings (a fresh index per pass: the first question builds it).
void BM_LinePositions(benchmark::State& state) {
    for (auto _ : state)
        for (const Document& document : documents()) {
            LineIndex lines(document.text);
            std::size_t columns = 0;
            for (const Sentence& sentence : document.sentences)
                columns += lines.position(sentence.span.begin).column +
                           lines.position(sentence.span.end).column;
            benchmark::DoNotOptimize(columns);
        }
    report_bytes(state);
}
BENCHMARK(BM_LinePositions)->Unit(benchmark::kMillisecond);

void BM_FindQuantities(benchmark::State& state) {
    for (auto _ : state) {
        std::size_t found = 0;
        for (const Document& document : documents())
            for (const Sentence& sentence : document.sentences)
                found += find_quantities(document.prose, sentence.span).size();
        benchmark::DoNotOptimize(found);
    }
    report_bytes(state);
}
BENCHMARK(BM_FindQuantities)->Unit(benchmark::kMillisecond);

// Every quantity linked: the `claims` command.
void BM_ExtractClaims(benchmark::State& state) {
    const ClaimExtractor& extractor = default_linter().extractor();
    for (auto _ : state)
        for (const Document& document : documents())
            benchmark::DoNotOptimize(extractor.extract(document, Date{2025, 5, 1}));
    report_bytes(state);
}
BENCHMARK(BM_ExtractClaims)->Unit(benchmark::kMillisecond);

// What the linter reads: the claims its checks can use (those of sentences that name a
// metric), every name, and the sources they need.
void BM_ReadForLint(benchmark::State& state) {
    const ClaimExtractor& extractor = default_linter().extractor();
    for (auto _ : state)
        for (const Document& document : documents())
            benchmark::DoNotOptimize(extractor.read(document, Date{2025, 5, 1}));
    report_bytes(state);
}
BENCHMARK(BM_ReadForLint)->Unit(benchmark::kMillisecond);

// Rule evaluation alone: every check of the bundled pack on documents already read.
void BM_Checks(benchmark::State& state) {
    const Linter& linter = default_linter();
    std::vector<ClaimExtractor::Reading> readings;
    for (const Document& document : documents())
        readings.push_back(linter.extractor().read(document, Date{2025, 5, 1}));
    for (auto _ : state)
        for (std::size_t i = 0; i < documents().size(); ++i)
            benchmark::DoNotOptimize(linter.check(documents()[i], readings[i], Date{2025, 5, 1}));
    report_bytes(state);
}
BENCHMARK(BM_Checks)->Unit(benchmark::kMillisecond);

// Loading, reading and every check, file by file.
void BM_LintFiles(benchmark::State& state) {
    for (auto _ : state)
        for (const File& file : corpus())
            benchmark::DoNotOptimize(
                default_linter().lint(file.path, file.text, {Date{2025, 5, 1}}));
    report_bytes(state);
}
BENCHMARK(BM_LintFiles)->Unit(benchmark::kMillisecond);

} // namespace

BENCHMARK_MAIN();
