#include "engine/linter.hpp"

#include "checks/check.hpp"
#include "engine/suppressions.hpp"

#include <utility>

namespace factlint {

Linter::Linter(RulePack pack)
    : pack_(std::move(pack))
    , extractor_(pack_.lexicon) {}

LintResult Linter::lint(std::string path, std::string bytes, const LintOptions& options) const {
    LintResult result{load_document(std::move(path), std::move(bytes)), {}};
    const Document& document = result.document;
    result.diagnostics = document.problems;
    if (document.binary)
        return result;

    Date as_of = options.as_of.value_or(document.date.value_or(Date::today()));
    for (Diagnostic& diagnostic : check(document, extractor_.read(document, as_of), as_of))
        result.diagnostics.push_back(std::move(diagnostic));
    apply_suppressions(document, result.diagnostics);
    sort_diagnostics(result.diagnostics);
    return result;
}

std::vector<Diagnostic> Linter::check(const Document& document,
                                      const ClaimExtractor::Reading& reading, Date as_of) const {
    static const RuleSetting defaults;
    std::vector<Diagnostic> diagnostics;
    for (const CheckInfo& check : check_registry()) {
        auto configured = pack_.rules.find(std::string(check.id));
        RuleSetting setting = configured != pack_.rules.end() ? configured->second : defaults;
        if (configured == pack_.rules.end())
            setting.level = check.default_level;
        if (!setting.enabled)
            continue;
        CheckContext context{document, reading.claims, reading.names, pack_, as_of, setting};
        std::vector<Diagnostic> found;
        check.run(context, found);
        for (Diagnostic& diagnostic : found) {
            diagnostic.rule = check.id;
            diagnostic.level = setting.level;
            diagnostics.push_back(std::move(diagnostic));
        }
    }
    return diagnostics;
}

} // namespace factlint
