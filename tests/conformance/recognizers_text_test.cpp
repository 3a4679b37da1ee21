// Conformance with the Recognizers-Text English specs (MIT, vendored in
// tests/data/recognizers-text): every case of NumberModel, NumberRangeModel and PercentModel goes
// through find_quantities. How results are compared, per model:
//
// - NumberModel: quantities of kind quantity, money, duration and year (not ordinal, date,
//   percent or vague) are compared by their `number` span (the numeral without currency, hedge
//   or unit) and value. "$20" is therefore the number "20", as the spec expects.
// - NumberRangeModel: quantities with a bound (more_than "(x,)", at_least "[x,)", less_than
//   "(,x)", at_most "(,x]"), ranges, and exact values with a hedge ("equal to 20" = "[20,20]"),
//   compared by `span` (or `span` cut at the end of the numeral, as the spec has no units:
//   "more than thirty" in "more than thirty years") and bounds. One-sided bounds must match
//   open/closed exactly. Two-sided ranges compare the bounds only: factlint's range is the interval
//   the words state, while the spec's "[20,30)" for "between 20 and 30" is its own convention.
// - PercentModel: quantities of kind percent, by `span` and value ("null" = no value).
//
// A case passes when the lists match one to one, in order, with the same UTF-16 Start/End and
// values within 1e-9 relative. Known deviations are listed with reasons in deviations.md; they
// still count as failures in the printed rate.
#include "grammar/quantity.hpp"
#include "tests/test_files.hpp"

#include <boost/json.hpp>

#include <catch2/catch.hpp>

#include <cmath>
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

using namespace factlint;

namespace {

/// UTF-16 code units before byte `pos` (the spec's Start/End count UTF-16 units).
std::size_t utf16_offset(std::string_view text, std::size_t pos) {
    std::size_t units = 0;
    for (std::size_t i = 0; i < pos && i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if ((c & 0xC0) == 0x80)
            continue;
        units += c >= 0xF0 ? 2 : 1;
    }
    return units;
}

bool same_number(double a, double b) {
    return std::fabs(a - b) <= 1e-9 * std::max(1.0, std::fabs(b));
}

/// One result in the spec's terms.
struct Result {
    std::size_t start = 0;
    std::size_t end = 0;         // inclusive, as the spec writes it
    std::size_t numeral_end = 0; // range model: the end of the numeral, before any unit
    std::optional<double> value;
    std::optional<double> low;
    std::optional<double> high;
    char low_bracket = 0; // '(' or '[' for one-sided bounds; 0 = not compared
    char high_bracket = 0;
    std::string text;
};

std::optional<double> number_or_empty(std::string_view s) {
    if (s.empty() || s == "null")
        return std::nullopt;
    return std::stod(std::string(s));
}

enum class Model { number, range, percent };

std::vector<Result> expected_results(const boost::json::array& results, Model model) {
    std::vector<Result> out;
    for (const auto& item : results) {
        const auto& r = item.as_object();
        Result e;
        e.start = static_cast<std::size_t>(r.at("Start").to_number<double>());
        e.end = static_cast<std::size_t>(r.at("End").to_number<double>());
        e.text = std::string(r.at("Text").as_string());
        std::string value;
        const auto& resolution = r.at("Resolution").as_object();
        if (auto v = resolution.if_contains("value"); v && v->is_string())
            value = std::string(v->as_string());
        if (model == Model::range) {
            // "(20,35]", "[3965,)", "(,100]"
            const auto comma = value.find(',');
            e.low_bracket = value.front();
            e.high_bracket = value.back();
            e.low = number_or_empty(std::string_view(value).substr(1, comma - 1));
            e.high = number_or_empty(
                std::string_view(value).substr(comma + 1, value.size() - comma - 2));
        } else if (model == Model::percent) {
            if (!value.empty() && value.back() == '%')
                value.pop_back();
            e.value = number_or_empty(value);
        } else {
            e.value = number_or_empty(value);
        }
        out.push_back(e);
    }
    return out;
}

std::vector<Result> actual_results(std::string_view input, Model model) {
    std::vector<Result> out;
    for (const Quantity& q : find_quantities(input, {0, input.size()})) {
        Result a;
        Span span = q.span;
        if (model == Model::number) {
            if (q.kind != QuantityKind::quantity && q.kind != QuantityKind::money &&
                q.kind != QuantityKind::duration && q.kind != QuantityKind::year)
                continue;
            if (q.qualifier == Qualifier::vague || q.qualifier == Qualifier::range)
                continue;
            span = q.number;
            a.value = q.value;
        } else if (model == Model::range) {
            switch (q.qualifier) {
            case Qualifier::more_than:
                a.low = q.value;
                a.low_bracket = '(';
                break;
            case Qualifier::at_least:
                a.low = q.value;
                a.low_bracket = '[';
                break;
            case Qualifier::less_than:
                a.high = q.value;
                a.high_bracket = ')';
                break;
            case Qualifier::at_most:
                a.high = q.value;
                a.high_bracket = ']';
                break;
            case Qualifier::range:
                a.low = q.low;
                a.high = q.high;
                break;
            case Qualifier::exact:
                if (q.span.begin == q.number.begin || !q.value)
                    continue;
                a.low = a.high = q.value;
                a.low_bracket = '[';
                a.high_bracket = ']';
                break;
            default:
                continue;
            }
        } else {
            if (q.kind != QuantityKind::percent)
                continue;
            a.value = q.value;
        }
        a.start = utf16_offset(input, span.begin);
        a.end = utf16_offset(input, span.end) - 1;
        a.numeral_end = utf16_offset(input, q.number.end) - 1;
        a.text = std::string(span.in(input));
        out.push_back(a);
    }
    return out;
}

bool same_optional(const std::optional<double>& a, const std::optional<double>& b) {
    if (a.has_value() != b.has_value())
        return false;
    return !a || same_number(*a, *b);
}

bool matches(const Result& e, const Result& a, Model model) {
    // The range spec has no units: "more than thirty" in "more than thirty years" may end at
    // the numeral even though factlint's span takes the unit.
    if (e.start != a.start ||
        (e.end != a.end && !(model == Model::range && e.end == a.numeral_end)))
        return false;
    if (model != Model::range)
        return same_optional(e.value, a.value);
    if (!same_optional(e.low, a.low) || !same_optional(e.high, a.high))
        return false;
    const bool one_sided = !e.low || !e.high || (e.low && e.high && *e.low == *e.high);
    if (one_sided) {
        if (e.low && e.low_bracket != a.low_bracket)
            return false;
        if (e.high && e.high_bracket != a.high_bracket)
            return false;
    }
    return true;
}

std::string describe(const std::vector<Result>& results) {
    std::string out;
    for (const auto& r : results) {
        out += " [" + r.text + "] " + std::to_string(r.start) + "-" + std::to_string(r.end);
        auto num = [](const std::optional<double>& v) {
            if (!v)
                return std::string("_");
            std::ostringstream s;
            s.precision(15);
            s << *v;
            return s.str();
        };
        if (r.value || (!r.low && !r.high))
            out += " v=" + num(r.value);
        if (r.low || r.high)
            out += std::string(" ") + (r.low_bracket ? r.low_bracket : '{') + num(r.low) + "," +
                   num(r.high) + (r.high_bracket ? r.high_bracket : '}');
    }
    return out.empty() ? " (none)" : out;
}

/// Inputs listed in deviations.md under `- Model: \`input\` — reason`.
std::set<std::string> deviations(std::string_view model) {
    std::set<std::string> out;
    std::istringstream in(test::read_file(FACTLINT_TEST_DATA_DIR "/conformance/deviations.md"));
    std::string line;
    const std::string prefix = "- " + std::string(model) + ": `";
    while (std::getline(in, line)) {
        if (line.rfind(prefix, 0) != 0)
            continue;
        const auto close = line.find("` ", prefix.size());
        if (close != std::string::npos)
            out.insert(line.substr(prefix.size(), close - prefix.size()));
    }
    return out;
}

/// Runs one spec file; returns the pass rate in percent.
double run_model(const std::string& name, Model model) {
    const std::string path = FACTLINT_TEST_DATA_DIR "/data/recognizers-text/" + name + ".json";
    const auto json = boost::json::parse(test::read_file(path));
    const auto known = deviations(name);
    std::size_t passed = 0, total = 0, deviated = 0;
    for (const auto& item : json.as_array()) {
        const auto& c = item.as_object();
        const std::string input(c.at("Input").as_string());
        const auto expected = expected_results(c.at("Results").as_array(), model);
        const auto actual = actual_results(input, model);
        bool ok = expected.size() == actual.size();
        for (std::size_t i = 0; ok && i < expected.size(); ++i)
            ok = matches(expected[i], actual[i], model);
        ++total;
        if (ok) {
            ++passed;
            if (known.count(input))
                std::cout << name << ": listed deviation now passes: " << input << "\n";
        } else if (known.count(input)) {
            ++deviated;
        } else {
            std::cout << name << " FAIL: \"" << input << "\"\n  expected:" << describe(expected)
                      << "\n  actual:  " << describe(actual) << "\n";
        }
    }
    const double rate =
        total ? 100.0 * static_cast<double>(passed) / static_cast<double>(total) : 0;
    std::cout << name << ": " << passed << "/" << total << " passed (" << rate << "%), " << deviated
              << " documented deviations, " << (total - passed - deviated) << " other failures\n";
    return rate;
}

} // namespace

TEST_CASE("Recognizers-Text NumberModel conformance >= 95%", "[conformance]") {
    CHECK(run_model("NumberModel", Model::number) >= 95.0);
}

TEST_CASE("Recognizers-Text NumberRangeModel conformance >= 90%", "[conformance]") {
    CHECK(run_model("NumberRangeModel", Model::range) >= 90.0);
}

TEST_CASE("Recognizers-Text PercentModel conformance >= 95%", "[conformance]") {
    CHECK(run_model("PercentModel", Model::percent) >= 95.0);
}
