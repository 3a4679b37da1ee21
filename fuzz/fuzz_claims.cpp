// Claim extraction on arbitrary bytes read as a Markdown document, with the bundled lexicon:
// every claim and name mention must point into the document, at a real sentence, and the
// linter's reading must keep every tracked claim and name of the full one.
#include "fuzz_check.hpp"
#include "fuzz_rule_pack.hpp"

#include "checks/common.hpp"
#include "document/document.hpp"
#include "grammar/claims.hpp"

#include <fmt/format.h>

using factlint::fuzz::in_bounds;

namespace {

using namespace factlint;

const ClaimExtractor& extractor() {
    static const ClaimExtractor instance(fuzz::rule_pack().lexicon);
    return instance;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    Document document = load_document("fuzz-input.md", factlint::fuzz::bytes(data, size));
    const std::size_t text_size = document.text.size();
    std::vector<Claim> claims = extractor().extract(document, Date{2025, 5, 1});
    for (std::size_t k = 0; k < claims.size(); ++k) {
        const Claim& claim = claims[k];
        std::string where = fmt::format("claim {} at [{}, {})", k, claim.quantity.span.begin,
                                        claim.quantity.span.end);
        FUZZ_CHECK(in_bounds(claim.quantity.span, text_size) && !claim.quantity.span.empty(),
                   where + ": empty or outside the text");
        FUZZ_CHECK(
            claim.sentence < document.sentences.size(),
            where + fmt::format(": sentence {} of {}", claim.sentence, document.sentences.size()));
        FUZZ_CHECK(document.sentences[claim.sentence].span.contains(claim.quantity.span),
                   where + ": outside its sentence");
        FUZZ_CHECK(in_bounds(claim.subject_span, text_size), where + ": subject outside the text");
        if (claim.attribution)
            FUZZ_CHECK(in_bounds(claim.attribution->span, text_size),
                       where + ": attribution outside the text");
        if (claim.date)
            FUZZ_CHECK(claim.date->valid(), where + ": impossible date " + claim.date->iso());
    }
    // What the linter reads (read(): sentences its pre-scan finds nothing in are skipped) must
    // keep every tracked claim of the full reading, linked alike, and every name.
    auto key = [](const Claim& claim) {
        const Attribution none;
        const Attribution& given = claim.attribution ? *claim.attribution : none;
        return fmt::format("{}-{} {} {} {} {} {}/{} {}", claim.quantity.span.begin,
                           claim.quantity.span.end, claim.entity, claim.metric, claim.subject,
                           claim.date ? claim.date->iso() : "", given.entity, given.via,
                           claim.reportedly);
    };
    std::vector<std::string> full, linted;
    for (const Claim& claim : claims)
        if (is_tracked(claim))
            full.push_back(key(claim));
    ClaimExtractor::Reading reading = extractor().read(document, Date{2025, 5, 1});
    for (const Claim& claim : reading.claims)
        if (is_tracked(claim))
            linted.push_back(key(claim));
    FUZZ_CHECK(full == linted,
               fmt::format("read() kept {} tracked claims of {}", linted.size(), full.size()));
    std::vector<NameMention> names = extractor().find_names(document);
    FUZZ_CHECK(
        names.size() == reading.names.size(),
        fmt::format("read() found {} names, find_names() {}", reading.names.size(), names.size()));
    for (std::size_t k = 0; k < names.size(); ++k) {
        FUZZ_CHECK(in_bounds(names[k].span, text_size) && !names[k].span.empty(),
                   fmt::format("name {} at [{}, {}) empty or outside the text", k,
                               names[k].span.begin, names[k].span.end));
        FUZZ_CHECK(k == 0 || names[k - 1].span.begin <= names[k].span.begin,
                   fmt::format("name {} out of order", k));
        FUZZ_CHECK(!names[k].entity.empty(), fmt::format("name {} without an entity", k));
    }
    return 0;
}
