// The whole per-file pipeline on arbitrary bytes read as Markdown: document, claims, every
// registered check, suppressions, then fixes and a baseline round trip on what it found.
// Diagnostics must be sorted and point into the text; fixes must apply without throwing.
#include "fuzz_check.hpp"
#include "fuzz_rule_pack.hpp"

#include "engine/baseline.hpp"
#include "engine/fixes.hpp"
#include "engine/linter.hpp"

#include <fmt/format.h>

using factlint::fuzz::in_bounds;

namespace {

using namespace factlint;

const Linter& linter() {
    static const Linter instance(fuzz::rule_pack());
    return instance;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::vector<LintResult> results;
    results.push_back(linter().lint("fuzz-input.md", factlint::fuzz::bytes(data, size),
                                    LintOptions{Date{2025, 5, 1}}));
    const LintResult& result = results.front();
    const std::string& text = result.document.text;
    for (std::size_t k = 0; k < result.diagnostics.size(); ++k) {
        const Diagnostic& diagnostic = result.diagnostics[k];
        std::string where = fmt::format("{} at [{}, {})", diagnostic.rule, diagnostic.span.begin,
                                        diagnostic.span.end);
        FUZZ_CHECK(in_bounds(diagnostic.span, text.size()), where + ": outside the text");
        FUZZ_CHECK(!diagnostic.rule.empty() && !diagnostic.message.empty(),
                   where + ": no rule id or no message");
        FUZZ_CHECK(k == 0 || result.diagnostics[k - 1].span.begin <= diagnostic.span.begin,
                   where + ": not sorted");
        for (const Related& related : diagnostic.related)
            FUZZ_CHECK(in_bounds(related.span, text.size()), where + ": related outside the text");
        if (diagnostic.fix)
            FUZZ_CHECK(in_bounds(diagnostic.fix->span, text.size()),
                       where + ": fix outside the text");
    }
    FixOutcome fixed = apply_fixes(text, result.diagnostics);
    FUZZ_CHECK(fixed.applied > 0 || fixed.text == text, "no fix applied but the text changed");

    Baseline baseline = make_baseline(results, "/nonexistent-factlint/baseline.json");
    std::string error;
    std::optional<Baseline> reread = parse_baseline(baseline_to_json(baseline), error);
    FUZZ_CHECK(reread && reread->entries == baseline.entries,
               "a baseline does not read back as written: " + error);
    // A baseline made from a lint accepts every finding of that lint.
    std::size_t found = result.diagnostics.size();
    FUZZ_CHECK(remove_baselined(baseline, results, "/nonexistent-factlint/baseline.json") == found,
               "a baseline does not absorb the findings it was made from");
    return 0;
}
