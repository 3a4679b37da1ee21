/// The timeline as an SVG step chart: one panel per metric, one line per entity.
#pragma once

#include "ledger/timeline.hpp"

#include <map>
#include <string>
#include <vector>

namespace factlint::ledger {

/// Escapes &, <, >, " and ' for SVG text and attributes.
std::string xml_escape(std::string_view text);

/// A standalone SVG document: a panel per metric with date and value axes (ticks), a step line
/// per entity, every point labelled with its hedged value, source and date, and a legend.
/// `names` maps entity ids to display names.
std::string render_svg(const std::vector<Series>& series,
                       const std::map<std::string, std::string>& names);

} // namespace factlint::ledger
