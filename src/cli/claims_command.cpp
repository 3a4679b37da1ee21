/// `factlint claims`: every numeric claim found, one record per quantity (docs/claims-schema.md).
#include "cli/commands.hpp"
#include "cli/inputs.hpp"

#include <boost/json.hpp>
#include <cmath>
#include <fmt/core.h>
#include <iostream>

namespace factlint::cli {
namespace {

namespace json = boost::json;

constexpr std::string_view usage = R"(usage: factlint claims [OPTIONS] PATHS...

Prints every quantity found in the prose with its interval, hedge, subject, entity, metric,
date and attribution (schema: docs/claims-schema.md).

options:
  --format FORMAT   jsonl (default: one record per line), json (one array) or text
  --as-of DATE      resolve relative dates against DATE (default: front matter date:, else today)
  --config FILE     rule pack whose lexicons link claims (default: nearest .factlint.yaml, else bundled)
  --ext LIST        file extensions to read in directories (default: .md,.markdown,.txt)
)";

/// JSON has no infinity: a figure beyond double range ("1e400") is null; `text` keeps it.
/// Whole numbers print as integers (100, not 1E2), the way people write them.
json::value number_or_null(const std::optional<double>& value) {
    if (!value || !std::isfinite(*value))
        return nullptr;
    if (std::trunc(*value) == *value && std::fabs(*value) < 9007199254740992.0)
        return static_cast<std::int64_t>(*value);
    return *value;
}

json::value string_or_null(const std::string& text, const json::storage_ptr& storage) {
    return text.empty() ? json::value(nullptr) : json::value(text, storage);
}

/// The record of one claim, its strings and tables in `storage`.
json::object to_json(const Document& document, const Claim& claim,
                     const json::storage_ptr& storage) {
    const Quantity& quantity = claim.quantity;
    Position start = document.lines->position(quantity.span.begin);
    Position end = document.lines->position(quantity.span.end);
    json::value attribution = nullptr;
    if (claim.attribution) {
        Position at = document.lines->position(claim.attribution->span.begin);
        attribution = json::object({{"source", claim.attribution->source},
                                    {"entity", string_or_null(claim.attribution->entity, storage)},
                                    {"cue", claim.attribution->cue},
                                    {"via", string_or_null(claim.attribution->via, storage)},
                                    {"line", at.line},
                                    {"column", at.column}},
                                   storage);
    }
    std::optional<Date> date = quantity.kind == QuantityKind::date ? quantity.date : claim.date;
    return json::object(
        {{"file", document.path},
         {"line", start.line},
         {"column", start.column},
         {"end_line", end.line},
         {"end_column", end.column},
         {"text", quantity.span.in(document.text)},
         {"kind", to_string(quantity.kind)},
         {"value", number_or_null(quantity.value)},
         {"low", number_or_null(quantity.low)},
         {"high", number_or_null(quantity.high)},
         {"qualifier", to_string(quantity.qualifier)},
         {"trend", quantity.trend == Trend::none ? json::value(nullptr)
                                                 : json::value(to_string(quantity.trend))},
         {"unit", string_or_null(quantity.unit, storage)},
         {"subject", string_or_null(claim.subject, storage)},
         {"entity", string_or_null(claim.entity, storage)},
         {"metric", string_or_null(claim.metric, storage)},
         {"date", date ? json::value(date->iso()) : json::value(nullptr)},
         {"attribution", attribution}},
        storage);
}

std::string text_line(const json::object& record) {
    auto field = [&](std::string_view key) {
        const json::value& value = record.at(key);
        return value.is_null()     ? std::string("-")
               : value.is_string() ? std::string(value.get_string())
                                   : json::serialize(value);
    };
    std::string source = "-";
    if (!record.at("attribution").is_null())
        source = std::string(record.at("attribution").at("source").get_string());
    return fmt::format("{}:{}:{}: {} {} [{}] value={} low={} high={} entity={} metric={} "
                       "date={} source={}",
                       field("file"), field("line"), field("column"), field("kind"), field("text"),
                       field("qualifier"), field("value"), field("low"), field("high"),
                       field("entity"), field("metric"), field("date"), source);
}

} // namespace

int run_claims(std::span<const std::string> args) {
    std::string format = "jsonl";
    std::string config;
    std::optional<Date> as_of;
    std::vector<std::string> paths;
    std::vector<std::string> extensions = default_extensions;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        bool has_value = i + 1 < args.size();
        if (arg == "-h" || arg == "--help") {
            fmt::print("{}", usage);
            return exit_clean;
        } else if (arg == "--format" && has_value) {
            format = args[++i];
            if (format != "jsonl" && format != "json" && format != "text") {
                fmt::print(stderr, "factlint claims: --format must be jsonl, json or text\n");
                return exit_error;
            }
        } else if (arg == "--as-of" && has_value) {
            as_of = Date::parse_iso(args[++i]);
            if (!as_of || as_of->day == 0) {
                fmt::print(stderr, "factlint claims: --as-of needs a date like 2025-05-01\n");
                return exit_error;
            }
        } else if (arg == "--config" && has_value) {
            config = args[++i];
        } else if (arg == "--ext" && has_value) {
            extensions = split_extensions(args[++i]);
        } else if (arg.starts_with("-") && arg != "-") {
            fmt::print(stderr, "factlint claims: unknown or incomplete option '{}' (try --help)\n",
                       arg);
            return exit_error;
        } else {
            paths.push_back(arg);
        }
    }
    if (paths.empty()) {
        fmt::print(stderr, "factlint claims: no paths given (try --help)\n");
        return exit_error;
    }

    // Inputs are read as the walk reaches them: nothing is held per file (but --format json
    // holds its records until the array is printed).
    std::vector<std::string> errors;
    InputWalk inputs(paths, extensions, "");
    PackResolver resolver(config);
    json::array all;
    bool packs_loaded = for_each_input(
        inputs, resolver, errors, [&](const Input& input, std::string bytes, const Linter& linter) {
            Document document = load_document(input.path, std::move(bytes));
            std::optional<Date> reference = as_of ? as_of : document.date;
            for (const Claim& claim : linter.extractor().extract(document, reference)) {
                // A record printed at once lives in a scratch buffer: no heap per string.
                unsigned char buffer[4096];
                json::monotonic_resource scratch(buffer, sizeof buffer);
                json::object record =
                    to_json(document, claim,
                            format == "json" ? json::storage_ptr() : json::storage_ptr(&scratch));
                if (format == "json")
                    all.push_back(std::move(record));
                else if (format == "jsonl")
                    std::cout << json::serialize(record) << '\n';
                else
                    std::cout << text_line(record) << '\n';
            }
        });
    if (!packs_loaded)
        return exit_error;
    if (format == "json")
        std::cout << json::serialize(all) << '\n';
    std::cout.flush();
    for (const std::string& error : errors)
        fmt::print(stderr, "factlint claims: error: {}\n", error);
    return errors.empty() ? exit_clean : exit_error;
}

} // namespace factlint::cli
