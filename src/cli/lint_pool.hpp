/// The lint command's workers: lint inputs on N threads, report the results in input order.
#pragma once

#include "cli/inputs.hpp"
#include "engine/linter.hpp"
#include "report/reporter.hpp"

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace factlint::cli {

/// An input and the pack of its file (a worker may be the one that loads it).
struct LintJob {
    Input input;
    const PackResolver::PendingLinter* linter = nullptr;
};

/// One input's outcome: what is reported of it (or its whole result, when --fix, --diff or a
/// baseline needs it), or why it could not be read.
struct LintOutcome {
    std::optional<FileReport> report;
    std::unique_ptr<LintResult> result;
    std::size_t bytes = 0;
    std::string error;
};

/// Lints inputs on up to N threads and delivers their outcomes in input order, one at a time.
///
/// Inputs come two ways. While the walk goes on, the walking thread hands them over (up to
/// `hold` of them) and N-1 workers, started as inputs come, lint them; their outcomes are held,
/// since the walk may still meet a broken pack, which stops the run before any output. When
/// the walk has ended, held outcomes are delivered, and the workers, N of them now, take the
/// inputs after the handed-over ones from `next`. So -j1 lints only after the walk, on one
/// thread, and -jN keeps N threads busy from the first input on.
///
/// Workers may finish out of order: outcomes wait in `pending_` (input k at k - delivered_);
/// the worker that finishes the next one to deliver delivers it, and those after it that are
/// finished, outside the lock, unless another thread is already doing so. So nothing wakes
/// per file (a reporter thread woken per file made futex wake-ups ~20% of the CPU samples at
/// -j1 on a 2-core VM). After the walk, workers stay at most `window_per_job` inputs per job
/// ahead of the next input to deliver, which bounds memory on large corpora (8 made a worker wait
/// for the other's long file often enough to cost 2.5% on the 1 GB corpus).
class LintPool {
public:
    /// Lints a job, on a worker thread.
    using Lint = std::function<LintOutcome(const LintJob&)>;
    /// Reports the outcome of input `index`: 0, 1, 2, ... in order, one call at a time.
    using Deliver = std::function<void(LintOutcome& outcome, std::size_t index)>;
    /// The next input after the handed-over ones, or nothing at the end; one call at a time.
    using Next = std::function<std::optional<LintJob>()>;

    /// Inputs handed over at most while the walk goes on (their outcomes are held until it ends).
    static constexpr std::size_t hold = 16384;
    /// After the walk, how far workers may run ahead of the next outcome to deliver, per job.
    static constexpr std::size_t window_per_job = 64;

    LintPool(unsigned jobs, Lint lint, Deliver deliver);
    /// Stops the workers if the walk did not end (an exception, a broken pack), then joins them.
    ~LintPool();
    LintPool(const LintPool&) = delete;
    LintPool& operator=(const LintPool&) = delete;

    /// Whether hand_over() takes inputs: with -j2 and more, until `hold` were handed over.
    bool accepting() const { return jobs_ > 1 && handed_over_count_ < hold; }
    /// During the walk, while accepting(): lints `job` as soon as a worker is free.
    void hand_over(LintJob job);
    /// How many inputs were handed over: the replay after the walk starts after them.
    std::size_t handed_over() const { return handed_over_count_; }
    /// The walk ended with every pack loaded: delivers the held outcomes, then lints the rest,
    /// taken from `next`, on up to `jobs` workers (no more than `inputs`), and returns when every
    /// outcome has been delivered.
    void finish(std::size_t inputs, Next next);
    /// The walk failed: workers stop after their current input, nothing more is delivered.
    void stop();

private:
    void work();
    /// Delivers the outcomes that are next in order and finished; `lock` is held on entry/exit.
    void deliver_ready(std::unique_lock<std::mutex>& lock);

    unsigned jobs_;
    Lint lint_;
    Deliver deliver_;
    Next next_;
    std::size_t handed_over_count_ = 0; ///< by the walking thread, which alone reads it
    std::vector<std::thread> workers_;  ///< started and joined by the walking thread

    std::mutex mutex_;
    std::condition_variable changed_; ///< an input, a free slot, the walk's end or a stop
    std::deque<LintJob> handed_over_; ///< handed over, not yet taken by a worker
    struct Pending {
        LintOutcome outcome;
        bool ready = false;
    };
    std::deque<Pending> pending_; ///< outcomes of inputs delivered_, delivered_ + 1, ...
    std::size_t taken_ = 0;       ///< inputs taken by workers so far
    std::size_t delivered_ = 0;   ///< the next input to deliver
    std::size_t waiting_ = 0;     ///< workers waiting on `changed_`
    bool walk_done_ = false;      ///< outcomes may be delivered; `next_` gives the other inputs
    bool ended_ = false;          ///< `next_` gave nothing: every input is taken
    bool stopped_ = false;
    bool delivering_ = false; ///< a thread is delivering; the others leave their outcomes to it
};

} // namespace factlint::cli
