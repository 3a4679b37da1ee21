// The number grammar on arbitrary bytes: find_quantities must not crash, must finish quickly,
// and must return quantities inside the span it was given, in order, shaped as
// grammar/quantity.hpp promises.
#include "fuzz_check.hpp"

#include "grammar/quantity.hpp"

#include <cmath>
#include <fmt/format.h>

using factlint::fuzz::in_bounds;

namespace {

using namespace factlint;

void check(std::string_view prose, Span span, std::optional<Date> reference) {
    std::vector<Quantity> quantities = find_quantities(prose, span, reference);
    for (std::size_t k = 0; k < quantities.size(); ++k) {
        const Quantity& quantity = quantities[k];
        std::string where =
            fmt::format("quantity {} at [{}, {}) of [{}, {})", k, quantity.span.begin,
                        quantity.span.end, span.begin, span.end);
        FUZZ_CHECK(!quantity.span.empty() && in_bounds(quantity.span, prose.size()) &&
                       span.contains(quantity.span),
                   where + ": empty or outside the span");
        FUZZ_CHECK(quantity.number.empty() || quantity.span.contains(quantity.number),
                   where + fmt::format(": numeral [{}, {}) outside the expression",
                                       quantity.number.begin, quantity.number.end));
        FUZZ_CHECK(k == 0 || quantities[k - 1].span.begin <= quantity.span.begin,
                   where + ": out of order");
        for (const std::optional<double>& number : {quantity.value, quantity.low, quantity.high})
            FUZZ_CHECK(!number || !std::isnan(*number), where + ": a value is NaN");
        switch (quantity.qualifier) {
        case Qualifier::range:
        case Qualifier::vague:
            FUZZ_CHECK(quantity.low && quantity.high && !quantity.value,
                       where + ": a range needs low and high and no value");
            FUZZ_CHECK(!(*quantity.low > *quantity.high), where + ": low above high");
            break;
        case Qualifier::at_least:
        case Qualifier::more_than:
            FUZZ_CHECK(quantity.low, where + ": a lower bound hedge without low");
            break;
        case Qualifier::at_most:
        case Qualifier::less_than:
            FUZZ_CHECK(quantity.high, where + ": an upper bound hedge without high");
            break;
        case Qualifier::exact:
        case Qualifier::about:
            break;
        }
        if (quantity.date)
            FUZZ_CHECK(quantity.date->valid(), where + ": impossible date " + quantity.date->iso());
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string prose = factlint::fuzz::bytes(data, size);
    check(prose, {0, size}, Date{2025, 5, 1});
    // A span that starts mid-text, as sentences do, and no reference date.
    check(prose, {size / 3, size}, std::nullopt);
    return 0;
}
