#include "engine/fixes.hpp"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <pthread.h>
#include <signal.h>
#include <sstream>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>
#include <vector>

namespace factlint {
namespace {

/// Lines with their terminators, so a diff sees a changed line ending as a change.
std::vector<std::string_view> split_lines(std::string_view text) {
    std::vector<std::string_view> lines;
    std::size_t begin = 0;
    while (begin < text.size()) {
        std::size_t newline = text.find('\n', begin);
        std::size_t end = newline == std::string_view::npos ? text.size() : newline + 1;
        lines.push_back(text.substr(begin, end - begin));
        begin = end;
    }
    return lines;
}

enum class Op { equal, remove, insert };

struct Step {
    Op op;
    std::size_t old_line; ///< index into the old lines (for an insert: the line it precedes)
    std::size_t new_line; ///< index into the new lines (for a remove: the line it precedes)
};

/// Beyond this many differing lines the diff stops looking for common lines inside the changed
/// region and shows it as one replacement: Myers' trace costs O(D^2) memory.
constexpr long max_edit_distance = 2000;

/// Myers' O(ND) diff of a[ab..ae) and b[bb..be), appended to `steps`.
void myers(const std::vector<std::string_view>& a, std::size_t ab, std::size_t ae,
           const std::vector<std::string_view>& b, std::size_t bb, std::size_t be,
           std::vector<Step>& steps) {
    const long n = long(ae - ab), m = long(be - bb);
    const long limit = std::min(n + m, max_edit_distance);
    std::vector<long> v(2 * limit + 3, 0);
    const long offset = limit + 1;
    std::vector<std::vector<long>> trace; // trace[d] = v[-d..d] before step d
    long found = -1;
    for (long d = 0; d <= limit && found < 0; ++d) {
        trace.emplace_back(v.begin() + (offset - d), v.begin() + (offset + d + 1));
        for (long k = -d; k <= d; k += 2) {
            long x = (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]))
                         ? v[offset + k + 1]
                         : v[offset + k - 1] + 1;
            long y = x - k;
            while (x < n && y < m && a[ab + x] == b[bb + y])
                ++x, ++y;
            v[offset + k] = x;
            if (x >= n && y >= m) {
                found = d;
                break;
            }
        }
    }
    std::vector<Step> reversed;
    if (found < 0) { // too different: one block replaced by another
        for (long y = m; y-- > 0;)
            reversed.push_back({Op::insert, ae, bb + y});
        for (long x = n; x-- > 0;)
            reversed.push_back({Op::remove, ab + x, bb});
    } else {
        long x = n, y = m;
        for (long d = found; d >= 0; --d) {
            const std::vector<long>& before = trace[d];
            auto at = [&](long k) { return before[k + d]; };
            long k = x - y;
            long previous_k = (k == -d || (k != d && at(k - 1) < at(k + 1))) ? k + 1 : k - 1;
            long previous_x = d == 0 ? 0 : at(previous_k);
            long previous_y = previous_x - previous_k;
            if (d == 0)
                previous_x = previous_y = 0;
            while (x > previous_x && y > previous_y) {
                --x, --y;
                reversed.push_back({Op::equal, ab + x, bb + y});
            }
            if (d > 0) {
                if (x == previous_x)
                    reversed.push_back({Op::insert, ab + x, bb + previous_y});
                else
                    reversed.push_back({Op::remove, ab + previous_x, bb + y});
            }
            x = previous_x, y = previous_y;
        }
    }
    steps.insert(steps.end(), reversed.rbegin(), reversed.rend());
}

std::string hunk_range(std::size_t start, std::size_t count) {
    if (count == 1)
        return fmt::format("{}", start + 1);
    return fmt::format("{},{}", count == 0 ? start : start + 1, count);
}

void append_line(std::string& out, char mark, std::string_view line) {
    out += mark;
    out += line;
    if (!line.ends_with('\n'))
        out += "\n\\ No newline at end of file\n";
}

bool fsync_directory(const std::filesystem::path& directory) {
    int fd = ::open(directory.c_str(), O_RDONLY | O_DIRECTORY);
    if (fd < 0)
        return false;
    bool ok = ::fsync(fd) == 0;
    ::close(fd);
    return ok;
}

/// Holds back SIGINT, SIGTERM and SIGHUP in this thread while it lives; one that arrives
/// meanwhile is delivered when it ends (the default action then ends the process).
class InterruptsHeld {
public:
    InterruptsHeld() {
        sigset_t held;
        sigemptyset(&held);
        for (int signal : {SIGINT, SIGTERM, SIGHUP})
            sigaddset(&held, signal);
        pthread_sigmask(SIG_BLOCK, &held, &previous_);
    }
    ~InterruptsHeld() { pthread_sigmask(SIG_SETMASK, &previous_, nullptr); }
    InterruptsHeld(const InterruptsHeld&) = delete;
    InterruptsHeld& operator=(const InterruptsHeld&) = delete;

private:
    sigset_t previous_;
};

} // namespace

FixOutcome apply_fixes(std::string_view text, std::span<const Diagnostic> diagnostics) {
    std::vector<const Fix*> fixes;
    for (const Diagnostic& diagnostic : diagnostics)
        if (diagnostic.fix && diagnostic.fix->span.begin <= diagnostic.fix->span.end &&
            diagnostic.fix->span.end <= text.size())
            fixes.push_back(&*diagnostic.fix);
    std::sort(fixes.begin(), fixes.end(), [](const Fix* a, const Fix* b) {
        return std::tie(a->span, a->replacement) < std::tie(b->span, b->replacement);
    });

    FixOutcome outcome;
    std::size_t copied = 0;        // text[0, copied) is already in outcome.text
    const Fix* previous = nullptr; // the last fix taken
    const Fix* seen = nullptr;     // the last fix looked at, taken or not
    for (const Fix* fix : fixes) {
        bool duplicate = seen && seen->span == fix->span && seen->replacement == fix->replacement;
        seen = fix;
        if (duplicate)
            continue; // two findings proposing the same edit
        bool overlaps = previous && (fix->span.begin < previous->span.end ||
                                     (fix->span.empty() && previous->span.empty() &&
                                      fix->span.begin == previous->span.begin));
        if (overlaps) {
            ++outcome.conflicts;
            continue;
        }
        outcome.text.append(text.substr(copied, fix->span.begin - copied));
        outcome.text += fix->replacement;
        copied = fix->span.end;
        previous = fix;
        ++outcome.applied;
    }
    outcome.text.append(text.substr(copied));
    return outcome;
}

std::string unified_diff(std::string_view path, std::string_view before, std::string_view after,
                         std::size_t context) {
    if (before == after)
        return {};
    std::vector<std::string_view> a = split_lines(before), b = split_lines(after);

    // Common head and tail first: fixes touch few lines, so Myers only sees the changed middle.
    std::size_t head = 0;
    while (head < a.size() && head < b.size() && a[head] == b[head])
        ++head;
    std::size_t tail = 0;
    while (tail < a.size() - head && tail < b.size() - head &&
           a[a.size() - 1 - tail] == b[b.size() - 1 - tail])
        ++tail;
    std::vector<Step> steps;
    for (std::size_t i = 0; i < head; ++i)
        steps.push_back({Op::equal, i, i});
    myers(a, head, a.size() - tail, b, head, b.size() - tail, steps);
    for (std::size_t i = tail; i > 0; --i)
        steps.push_back({Op::equal, a.size() - i, b.size() - i});

    std::string out = fmt::format("--- a/{}\n+++ b/{}\n", path, path);
    std::size_t i = 0;
    while (i < steps.size()) {
        while (i < steps.size() && steps[i].op == Op::equal)
            ++i;
        if (i == steps.size())
            break;
        // A hunk: from `context` lines before this change to `context` lines after the last
        // change that is at most 2 * context equal lines from the previous one.
        std::size_t first = i >= context ? i - context : 0;
        std::size_t last_change = i;
        for (std::size_t j = i + 1; j < steps.size(); ++j) {
            if (steps[j].op == Op::equal)
                continue;
            if (j - last_change - 1 > 2 * context)
                break;
            last_change = j;
        }
        std::size_t end = std::min(steps.size(), last_change + 1 + context);
        std::size_t old_count = 0, new_count = 0;
        for (std::size_t j = first; j < end; ++j) {
            old_count += steps[j].op != Op::insert;
            new_count += steps[j].op != Op::remove;
        }
        out += fmt::format("@@ -{} +{} @@\n", hunk_range(steps[first].old_line, old_count),
                           hunk_range(steps[first].new_line, new_count));
        for (std::size_t j = first; j < end; ++j) {
            const Step& step = steps[j];
            if (step.op == Op::equal)
                append_line(out, ' ', a[step.old_line]);
            else if (step.op == Op::remove)
                append_line(out, '-', a[step.old_line]);
            else
                append_line(out, '+', b[step.new_line]);
        }
        i = end;
    }
    return out;
}

std::string write_file_atomically(const std::string& path, std::string_view contents) {
    namespace fs = std::filesystem;
    std::error_code error;
    // Follow a symbolic link so the link stays a link and its target gets the new text.
    fs::path target = fs::weakly_canonical(fs::path(path), error);
    if (error)
        target = path;
    fs::path directory = target.parent_path().empty() ? fs::path(".") : target.parent_path();

    struct stat original {};
    bool exists = ::stat(target.c_str(), &original) == 0;
    // From here until the temporary file is renamed or removed, Ctrl-C and kill wait: stopping
    // in between would leave the hidden file behind. Writing one file is short; SIGKILL cannot
    // wait, but even then the original is whole.
    InterruptsHeld interrupts;
    std::string temp =
        (directory / ("." + target.filename().string() + ".factlint-XXXXXX")).string();
    int fd = ::mkstemp(temp.data());
    if (fd < 0)
        return fmt::format("{}: cannot create a temporary file in {}: {}", path, directory.string(),
                           std::strerror(errno));

    auto fail = [&](std::string_view what) {
        std::string message = fmt::format("{}: {}: {}", path, what, std::strerror(errno));
        if (fd >= 0)
            ::close(fd);
        ::unlink(temp.c_str());
        return message;
    };
    for (std::size_t written = 0; written < contents.size();) {
        ssize_t n = ::write(fd, contents.data() + written, contents.size() - written);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return fail("cannot write the temporary file");
        written += std::size_t(n);
    }
    mode_t mode = 0;
    if (exists) {
        mode = original.st_mode & 07777;
        // Keeping the owner only works for root or the owner; a failure leaves ours, as editors do.
        [[maybe_unused]] int ignored = ::fchown(fd, original.st_uid, original.st_gid);
    } else {
        mode_t mask = ::umask(0);
        ::umask(mask);
        mode = 0666 & ~mask;
    }
    if (::fchmod(fd, mode) != 0)
        return fail("cannot set permissions");
    if (::fsync(fd) != 0)
        return fail("cannot flush the temporary file");
    int closed = ::close(fd);
    fd = -1;
    if (closed != 0)
        return fail("cannot close the temporary file");

    // Test-only hook (see docs/editors.md): a test kills the process while it sleeps here.
    if (const char* pause = std::getenv("FACTLINT_TEST_PAUSE_BEFORE_RENAME"))
        std::this_thread::sleep_for(std::chrono::milliseconds(std::atol(pause)));

    if (::rename(temp.c_str(), target.c_str()) != 0)
        return fail("cannot replace the file");
    fsync_directory(directory); // best effort: the rename is done either way
    return {};
}

FileFix fix_file(const std::string& path, std::size_t linted_size,
                 std::span<const Diagnostic> diagnostics, bool write, bool want_diff) {
    FileFix result;
    bool any = std::any_of(diagnostics.begin(), diagnostics.end(),
                           [](const Diagnostic& diagnostic) { return diagnostic.fix.has_value(); });
    if (!any)
        return result;
    // The original bytes, not Document::text: that one has invalid UTF-8 replaced by '?'.
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        result.error = fmt::format("{}: cannot read the file to fix it", path);
        return result;
    }
    std::ostringstream buffer;
    buffer << in.rdbuf();
    std::string before = buffer.str();
    if (before.size() != linted_size) {
        result.error = fmt::format("{}: changed while it was being linted; not fixed", path);
        return result;
    }
    FixOutcome outcome = apply_fixes(before, diagnostics);
    result.applied = outcome.applied;
    result.conflicts = outcome.conflicts;
    if (outcome.text == before)
        return result;
    if (want_diff)
        result.diff = unified_diff(path, before, outcome.text);
    if (write) {
        result.error = write_file_atomically(path, outcome.text);
        result.written = result.error.empty();
    }
    return result;
}

} // namespace factlint
