/// --fix and --diff: applying Fix edits to a text, previewing them, writing files atomically.
#pragma once

#include "core/diagnostic.hpp"

#include <cstddef>
#include <span>
#include <string>
#include <string_view>

namespace factlint {

struct FixOutcome {
    std::string text;          ///< the text with the applied fixes
    std::size_t applied = 0;   ///< fixes applied (identical duplicates count once)
    std::size_t conflicts = 0; ///< fixes skipped because they overlap an earlier one
};

/// Applies the fixes of `diagnostics` to `text`: in position order, skipping any fix that
/// overlaps one already taken (a second run picks it up) and fixes outside the text.
FixOutcome apply_fixes(std::string_view text, std::span<const Diagnostic> diagnostics);

/// A unified diff (`--- a/path`, `+++ b/path`, hunks with `context` lines around each change)
/// between two versions of a file; empty when they are equal.
std::string unified_diff(std::string_view path, std::string_view before, std::string_view after,
                         std::size_t context = 3);

/// Replaces the file at `path` with `contents` so that a crash leaves the old file or the new
/// one, never a mix: a temporary file in the same directory is written, flushed to disk, given
/// the original's permissions, then renamed over the original (symbolic links are followed).
/// Returns an empty string on success, else the error. SIGINT, SIGTERM and SIGHUP are held back
/// in the calling thread while the temporary file exists, so an interrupted run leaves none
/// behind (call it with no other thread running that could take them: the CLI's workers have
/// ended). Test hook: FACTLINT_TEST_PAUSE_BEFORE_RENAME (milliseconds) sleeps just before the
/// rename so a test can signal the process there.
std::string write_file_atomically(const std::string& path, std::string_view contents);

/// What --fix or --diff did to one file.
struct FileFix {
    std::size_t applied = 0;
    std::size_t conflicts = 0;
    bool written = false;
    std::string diff;  ///< unified diff of the change (when asked for)
    std::string error; ///< why nothing was written, or ""
};

/// Applies the fixes among `diagnostics` (offsets into the bytes linted) to the file at `path`
/// as it is on disk now: writes it atomically when `write`, computes the diff when `want_diff`.
/// Refuses (error set) when the file no longer has `linted_size` bytes.
FileFix fix_file(const std::string& path, std::size_t linted_size,
                 std::span<const Diagnostic> diagnostics, bool write, bool want_diff);

} // namespace factlint
