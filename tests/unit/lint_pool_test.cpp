// The lint command's worker pool (cli/lint_pool.hpp): outcomes come back in input order however
// the workers finish, none before the walk has ended, and none after a stop.
#include "cli/lint_pool.hpp"

#include <algorithm>
#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

using namespace factlint;
using namespace factlint::cli;

namespace {

LintJob job(std::size_t i) {
    return {Input{"f" + std::to_string(i), false}, nullptr};
}

/// Lints by naming the input in the outcome's error, after a pause that differs from input to
/// input (0-300 us), so that workers finish out of order.
LintOutcome slow_lint(const LintJob& job) {
    std::size_t i = std::stoul(job.input.path.substr(1));
    std::this_thread::sleep_for(std::chrono::microseconds((i * 7919) % 300));
    LintOutcome outcome;
    outcome.error = job.input.path;
    return outcome;
}

/// What a pool delivered: each outcome's input and index, in the order of delivery.
struct Delivered {
    std::mutex mutex;
    std::vector<std::string> inputs;
    std::vector<std::size_t> indexes;

    LintPool::Deliver deliver() {
        return [this](LintOutcome& outcome, std::size_t index) {
            std::lock_guard lock(mutex);
            inputs.push_back(outcome.error);
            indexes.push_back(index);
        };
    }
    std::size_t count() {
        std::lock_guard lock(mutex);
        return inputs.size();
    }
};

/// Inputs `from`, `from` + 1, ... up to `to`, as the walk's replay gives them.
LintPool::Next inputs_from(std::size_t from, std::size_t to) {
    auto next = std::make_shared<std::size_t>(from);
    return [next, to]() -> std::optional<LintJob> {
        if (*next == to)
            return std::nullopt;
        return job((*next)++);
    };
}

std::vector<std::string> names(std::size_t to) {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < to; ++i)
        out.push_back("f" + std::to_string(i));
    return out;
}

} // namespace

TEST_CASE("outcomes come back in input order, handed over or taken after the walk") {
    for (unsigned jobs : {1u, 2u, 3u, 8u}) {
        Delivered delivered;
        LintPool pool(jobs, slow_lint, delivered.deliver());
        std::size_t handed = 0;
        while (handed < 60 && pool.accepting())
            pool.hand_over(job(handed++));
        CHECK(pool.handed_over() == handed);
        CHECK(handed == (jobs == 1 ? 0 : 60)); // -j1 lints only after the walk
        pool.finish(200, inputs_from(handed, 200));
        CHECK(delivered.inputs == names(200));
        std::vector<std::size_t> order(200);
        for (std::size_t i = 0; i < 200; ++i)
            order[i] = i;
        CHECK(delivered.indexes == order);
    }
}

TEST_CASE("nothing is delivered until the walk has ended") {
    Delivered delivered;
    std::atomic<int> linted{0};
    LintPool pool(
        3,
        [&](const LintJob& job) {
            ++linted;
            return slow_lint(job);
        },
        delivered.deliver());
    for (std::size_t i = 0; i < 20; ++i)
        pool.hand_over(job(i));
    for (int wait = 0; wait < 1000 && linted < 20; ++wait)
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    CHECK(linted == 20); // linted during the walk, by N-1 workers
    CHECK(delivered.count() == 0);
    pool.finish(20, inputs_from(20, 20));
    CHECK(delivered.inputs == names(20));
}

TEST_CASE("after a stop nothing is delivered, and workers end") {
    Delivered delivered;
    {
        LintPool pool(4, slow_lint, delivered.deliver());
        for (std::size_t i = 0; i < 50; ++i)
            pool.hand_over(job(i));
        pool.stop();
    }
    CHECK(delivered.count() == 0);
    { // a pool left without finish() or stop(), as when the walk throws, stops in its destructor
        LintPool pool(2, slow_lint, delivered.deliver());
        for (std::size_t i = 0; i < 10; ++i)
            pool.hand_over(job(i));
    }
    CHECK(delivered.count() == 0);
}

TEST_CASE("after the walk, workers stay within a window of the next outcome to deliver") {
    // Input 0 takes 50 ms: the other workers run on to the window's end, then wait for it.
    const unsigned jobs = 3;
    const std::size_t window = LintPool::window_per_job * jobs;
    Delivered delivered;
    std::mutex mutex;
    std::size_t most_ahead = 0;
    LintPool pool(
        jobs,
        [&](const LintJob& job) {
            std::size_t i = std::stoul(job.input.path.substr(1));
            if (i == 0)
                std::this_thread::sleep_for(std::chrono::milliseconds(50));
            std::lock_guard lock(mutex);
            most_ahead = std::max(most_ahead, i - delivered.count());
            return LintOutcome{{}, {}, 0, job.input.path};
        },
        delivered.deliver());
    pool.finish(window * 4, inputs_from(0, window * 4));
    CHECK(delivered.inputs == names(window * 4));
    // The pool counts an outcome as delivered just before it calls deliver(), so this count
    // may be one behind: an input may be `window` ahead of it, never more.
    CHECK(most_ahead <= window);
    CHECK(most_ahead >= window - jobs); // they did run on while input 0 was linted
}

TEST_CASE("at most `hold` inputs are handed over; the replay gives the rest") {
    Delivered delivered;
    LintPool pool(
        2,
        [](const LintJob& job) {
            return LintOutcome{{}, {}, 0, job.input.path};
        },
        delivered.deliver());
    std::size_t handed = 0;
    while (pool.accepting())
        pool.hand_over(job(handed++));
    CHECK(handed == LintPool::hold);
    pool.finish(LintPool::hold + 5, inputs_from(handed, LintPool::hold + 5));
    CHECK(delivered.inputs == names(LintPool::hold + 5));
}
