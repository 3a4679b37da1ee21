#include "cli/lint_pool.hpp"

#include <algorithm>

namespace factlint::cli {

LintPool::LintPool(unsigned jobs, Lint lint, Deliver deliver)
    : jobs_(std::max(1u, jobs))
    , lint_(std::move(lint))
    , deliver_(std::move(deliver)) {}

LintPool::~LintPool() {
    if (!walk_done_)
        stop();
    for (std::thread& worker : workers_)
        worker.join();
}

void LintPool::hand_over(LintJob job) {
    bool wake_worker = false;
    {
        std::lock_guard lock(mutex_);
        handed_over_.push_back(std::move(job));
        wake_worker = waiting_ > 0;
    }
    if (wake_worker)
        changed_.notify_one();
    if (workers_.size() + 1 < jobs_) // N-1 workers while the walk goes on, one per input at most
        workers_.emplace_back(&LintPool::work, this);
    ++handed_over_count_;
}

void LintPool::finish(std::size_t inputs, Next next) {
    {
        std::unique_lock lock(mutex_);
        next_ = std::move(next);
        walk_done_ = true;
        deliver_ready(lock); // what the workers finished during the walk
    }
    changed_.notify_all();
    while (workers_.size() < std::min<std::size_t>(jobs_, inputs))
        workers_.emplace_back(&LintPool::work, this);
    for (std::thread& worker : workers_)
        worker.join();
    workers_.clear();
}

void LintPool::stop() {
    {
        std::lock_guard lock(mutex_);
        stopped_ = true;
    }
    changed_.notify_all();
    for (std::thread& worker : workers_)
        worker.join();
    workers_.clear();
}

void LintPool::work() {
    const std::size_t window = window_per_job * jobs_;
    for (;;) {
        LintJob job;
        std::size_t index = 0;
        {
            std::unique_lock lock(mutex_);
            for (;;) {
                if (stopped_ || ended_)
                    return;
                bool room = taken_ < delivered_ + (walk_done_ ? window : hold);
                if (room && !handed_over_.empty()) {
                    job = std::move(handed_over_.front());
                    handed_over_.pop_front();
                    break;
                }
                if (room && walk_done_) {
                    if (std::optional<LintJob> next = next_()) {
                        job = std::move(*next);
                        break;
                    }
                    ended_ = true;
                    bool wake_workers = waiting_ > 0;
                    lock.unlock();
                    if (wake_workers)
                        changed_.notify_all();
                    return;
                }
                ++waiting_;
                changed_.wait(lock);
                --waiting_;
            }
            index = taken_++;
        }
        // The worker that lints a file also frees its document: its memory then goes back to
        // this thread's malloc arena, not to another thread's.
        LintOutcome outcome = lint_(job);
        std::unique_lock lock(mutex_);
        std::size_t slot = index - delivered_;
        if (pending_.size() <= slot)
            pending_.resize(slot + 1);
        pending_[slot] = {std::move(outcome), true};
        deliver_ready(lock);
    }
}

void LintPool::deliver_ready(std::unique_lock<std::mutex>& lock) {
    if (delivering_ || !walk_done_ || stopped_)
        return;
    delivering_ = true;
    while (!pending_.empty() && pending_.front().ready) {
        LintOutcome outcome = std::move(pending_.front().outcome);
        pending_.pop_front();
        std::size_t index = delivered_++;
        bool wake_worker = waiting_ > 0;
        lock.unlock();
        if (wake_worker) // a slot came free: one more input may be taken
            changed_.notify_one();
        deliver_(outcome, index);
        lock.lock();
    }
    delivering_ = false;
}

} // namespace factlint::cli
