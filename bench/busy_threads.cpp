/// A perfectly parallel job, the yardstick for factlint's -j2 speed-up (bench/run builds and
/// runs it): `busy_threads THREADS ITERATIONS` shares ITERATIONS steps of a busy loop (no memory,
/// no I/O, nothing shared) among THREADS threads of one process, as factlint shares files among
/// its workers. One thread against two, for as long as factlint -j1 takes, is the most -j2 can
/// gain on the machine.
#include <cstdint>
#include <cstdlib>
#include <thread>
#include <vector>

int main(int argc, char** argv) {
    if (argc != 3)
        return 2;
    unsigned threads = static_cast<unsigned>(std::strtoul(argv[1], nullptr, 10));
    std::uint64_t iterations = std::strtoull(argv[2], nullptr, 10);
    std::vector<std::thread> workers;
    std::vector<std::uint64_t> sums(threads);
    for (unsigned t = 0; t < threads; ++t)
        workers.emplace_back([&sums, t, share = iterations / threads] {
            std::uint64_t x = t + 1;
            for (std::uint64_t i = 0; i < share; ++i)
                x = x * 6364136223846793005u + 1442695040888963407u; // one dependent step
            sums[t] = x;
        });
    for (std::thread& worker : workers)
        worker.join();
    std::uint64_t all = 0;
    for (std::uint64_t sum : sums)
        all ^= sum;
    return all == 42 ? 1 : 0; // uses the result, so the loop is not optimised away
}
