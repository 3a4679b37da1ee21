/// The pipeline for one file: bytes -> document -> claims -> checks -> sorted diagnostics.
#pragma once

#include "checks/check.hpp"
#include "core/date.hpp"
#include "core/diagnostic.hpp"
#include "document/document.hpp"
#include "grammar/claims.hpp"
#include "rules/pack.hpp"

#include <optional>
#include <string>
#include <vector>

namespace factlint {

struct LintOptions {
    std::optional<Date> as_of; ///< overrides the front matter date and today
};

struct LintResult {
    Document document;
    std::vector<Diagnostic> diagnostics; ///< sorted; document problems included
};

/// Holds a loaded pack and its compiled extractor; lint() is safe to call from many threads.
class Linter {
public:
    explicit Linter(RulePack pack);

    LintResult lint(std::string path, std::string bytes, const LintOptions& options) const;
    /// The checks of lint() alone, on a document already read: enabled checks in registry
    /// order, each finding given its rule id and level (neither suppressed nor sorted).
    std::vector<Diagnostic> check(const Document& document, const ClaimExtractor::Reading& reading,
                                  Date as_of) const;
    const RulePack& pack() const { return pack_; }
    const ClaimExtractor& extractor() const { return extractor_; }

private:
    /// An enabled check and its setting, resolved once from the pack (not per file).
    struct EnabledCheck {
        const CheckInfo* check;
        RuleSetting setting;
    };

    RulePack pack_;
    ClaimExtractor extractor_;
    std::vector<EnabledCheck> checks_; ///< in registry order
};

} // namespace factlint
