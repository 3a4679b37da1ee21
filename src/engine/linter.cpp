#include "engine/linter.hpp"

#include "checks/check.hpp"
#include "engine/suppressions.hpp"

#include <utility>

namespace factlint {

Linter::Linter(RulePack pack)
    : pack_(std::move(pack))
    , extractor_(pack_.lexicon) {
    for (const CheckInfo& check : check_registry()) {
        auto configured = pack_.rules.find(std::string(check.id));
        RuleSetting setting;
        if (configured != pack_.rules.end())
            setting = configured->second;
        else
            setting.level = check.default_level;
        if (setting.enabled)
            checks_.push_back({&check, std::move(setting)});
    }
}

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
    std::vector<Diagnostic> diagnostics;
    for (const auto& [check, setting] : checks_) {
        CheckContext context{document, reading.claims, reading.names, pack_, as_of, setting};
        std::size_t first = diagnostics.size();
        check->run(context, diagnostics);
        for (std::size_t i = first; i < diagnostics.size(); ++i) {
            diagnostics[i].rule = check->id;
            diagnostics[i].level = setting.level;
        }
    }
    return diagnostics;
}

} // namespace factlint
