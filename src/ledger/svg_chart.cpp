// The SVG step chart. Hand-written SVG 1.1 (no library): panels share one date axis so the
// metrics line up; each point carries data-* attributes and a <title> so tests and screen
// readers find the figures without reading pixels.
#include "ledger/svg_chart.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>

namespace factlint::ledger {
namespace {

constexpr double chart_width = 1000;
constexpr double margin_left = 90;
constexpr double margin_right = 250; // room for the legend and the last point's label
constexpr double panel_height = 290;
constexpr double plot_top = 40; // within a panel: title above
constexpr double plot_height = 200;
constexpr double title_height = 40;

constexpr const char* palette[] = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd",
                                   "#ff7f0e", "#8c564b", "#e377c2", "#17becf"};

/// A range or vague amount ("thousands": 2,000–9,999): drawn as its extent, never as a point.
bool is_range(const Fact& fact) {
    return (fact.qualifier == Qualifier::range || fact.qualifier == Qualifier::vague) && fact.low &&
           fact.high;
}

/// The value a single figure is drawn at: its number, or the bound of a one-sided hedge.
double plotted(const Fact& fact) {
    return fact.value ? *fact.value : fact.low ? *fact.low : fact.high.value_or(0);
}

double top_of(const Fact& fact) {
    return std::max(fact.value.value_or(0), fact.high.value_or(0));
}

/// 1, 2 or 5 times a power of ten, at least `value`.
double nice_ceiling(double value) {
    if (value <= 0)
        return 1;
    double power = std::pow(10.0, std::floor(std::log10(value)));
    for (double step : {1.0, 2.0, 5.0, 10.0})
        if (step * power >= value)
            return step * power;
    return 10 * power;
}

std::string short_number(double value) {
    if (value >= 1000 && std::fmod(value, 1000) == 0)
        return group_digits(value / 1000) + "k";
    return group_digits(value);
}

std::string display_name(const std::string& id, const std::map<std::string, std::string>& names) {
    auto it = names.find(id);
    return it == names.end() ? id : it->second;
}

std::size_t code_points(std::string_view text) {
    std::size_t count = 0;
    for (unsigned char c : text)
        count += (c & 0xC0) != 0x80;
    return count;
}

/// A placed two-line label: centre x, baseline of its lower line, width.
struct LabelBox {
    double cx;
    double base;
    double width;
};

constexpr double label_height = 27;

/// The baseline for a label at `cx` for a point at `point_y`: just above the point if free,
/// else the nearest free slot above (within the panel), else below.
double choose_label_baseline(const std::vector<LabelBox>& placed, double cx, double width,
                             double point_y, double top, double bottom) {
    auto free = [&](double base) {
        for (const LabelBox& box : placed)
            if (std::abs(box.cx - cx) < (box.width + width) / 2 &&
                std::abs(box.base - base) < label_height)
                return false;
        return true;
    };
    for (int level = 0; level < 8; ++level) {
        double base = point_y - 10 - label_height * level;
        if (base - 24 < top - 30)
            break;
        if (free(base))
            return base;
    }
    for (int level = 0; level < 8; ++level) {
        double base = point_y + 34 + label_height * level;
        if (base > bottom - 2)
            break;
        if (free(base))
            return base;
    }
    return point_y - 10;
}

/// "Jan 2025" for a month tick.
std::string month_label(const Date& date) {
    static constexpr const char* months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                             "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    return fmt::format("{} {}", months[(date.month + 11) % 12], date.year);
}

} // namespace

std::string xml_escape(std::string_view text) {
    std::string out;
    for (char c : text) {
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        case '\'':
            out += "&apos;";
            break;
        default:
            out += c;
        }
    }
    return out;
}

std::string render_svg(const std::vector<Series>& series,
                       const std::map<std::string, std::string>& names) {
    // Metrics in first-seen order (series are sorted by entity, then metric).
    std::vector<std::string> metrics;
    std::vector<std::string> entities;
    long first_day = 0, last_day = 0;
    bool any = false;
    for (const Series& s : series) {
        if (std::find(metrics.begin(), metrics.end(), s.metric) == metrics.end())
            metrics.push_back(s.metric);
        if (std::find(entities.begin(), entities.end(), s.entity) == entities.end())
            entities.push_back(s.entity);
        for (const Fact& p : s.points) {
            long day = p.as_of.days_since_epoch();
            first_day = any ? std::min(first_day, day) : day;
            last_day = any ? std::max(last_day, day) : day;
            any = true;
        }
    }
    std::sort(metrics.begin(), metrics.end());
    // Pad the date range so the first and last points sit inside the axis.
    long span = std::max(30L, last_day - first_day);
    long axis_begin = first_day - span / 12 - 1;
    long axis_end = last_day + span / 20 + 1;
    double plot_width = chart_width - margin_left - margin_right;
    auto x_of = [&](long day) {
        return margin_left + plot_width * double(day - axis_begin) / double(axis_end - axis_begin);
    };

    double height = title_height + panel_height * double(metrics.size()) + 20;
    std::string out = fmt::format(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{0}\" height=\"{1}\" "
        "viewBox=\"0 0 {0} {1}\" font-family=\"DejaVu Sans, Arial, sans-serif\" "
        "font-size=\"11\">\n"
        "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n"
        "<text x=\"{2}\" y=\"26\" font-size=\"17\" font-weight=\"bold\">How the figures "
        "evolved</text>\n",
        chart_width, height, margin_left);

    for (std::size_t m = 0; m < metrics.size(); ++m) {
        const std::string& metric = metrics[m];
        double top = title_height + panel_height * double(m) + plot_top;
        double bottom = top + plot_height;
        double y_max = 0;
        for (const Series& s : series)
            if (s.metric == metric)
                for (const Fact& p : s.points)
                    y_max = std::max(y_max, top_of(p));
        y_max = nice_ceiling(y_max * 1.15);
        auto y_of = [&](double value) { return bottom - plot_height * value / y_max; };

        out += fmt::format("<g class=\"panel\" data-metric=\"{}\">\n", xml_escape(metric));
        out +=
            fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"14\" font-weight=\"bold\">{}</text>\n",
                        margin_left, top - 14, xml_escape(metric));
        // Value axis: five ticks from 0 with light grid lines.
        for (int i = 0; i <= 5; ++i) {
            double value = y_max * i / 5;
            double y = y_of(value);
            out += fmt::format("<line x1=\"{}\" y1=\"{:.1f}\" x2=\"{}\" y2=\"{:.1f}\" "
                               "stroke=\"#e5e5e5\"/>\n",
                               margin_left, y, margin_left + plot_width, y);
            out += fmt::format("<line x1=\"{}\" y1=\"{:.1f}\" x2=\"{}\" y2=\"{:.1f}\" "
                               "stroke=\"#333\"/>\n",
                               margin_left - 5, y, margin_left, y);
            out += fmt::format("<text x=\"{}\" y=\"{:.1f}\" text-anchor=\"end\">{}</text>\n",
                               margin_left - 8, y + 4, xml_escape(short_number(value)));
        }
        // Date axis: a tick at each month start.
        Date month = Date{1970, 1, 1}.plus_days(axis_begin);
        month.day = 1;
        long months = 0;
        for (Date d = month; d.days_since_epoch() <= axis_end;
             d = d.month == 12 ? Date{d.year + 1, 1, 1} : Date{d.year, d.month + 1, 1})
            ++months;
        long every = std::max(1L, (months + 7) / 8);
        long index = 0;
        for (Date d = month; d.days_since_epoch() <= axis_end;
             d = d.month == 12 ? Date{d.year + 1, 1, 1} : Date{d.year, d.month + 1, 1}, ++index) {
            long day = d.days_since_epoch();
            if (day < axis_begin || index % every != 0)
                continue;
            double x = x_of(day);
            out += fmt::format("<line x1=\"{0:.1f}\" y1=\"{1}\" x2=\"{0:.1f}\" y2=\"{2}\" "
                               "stroke=\"#333\"/>\n",
                               x, bottom, bottom + 5);
            out += fmt::format("<text x=\"{:.1f}\" y=\"{}\" text-anchor=\"middle\">{}</text>\n", x,
                               bottom + 18, month_label(d));
        }
        out += fmt::format("<line x1=\"{0}\" y1=\"{1}\" x2=\"{0}\" y2=\"{2}\" stroke=\"#333\"/>\n",
                           margin_left, top, bottom);
        out += fmt::format("<line x1=\"{0}\" y1=\"{1}\" x2=\"{2}\" y2=\"{1}\" stroke=\"#333\"/>\n",
                           margin_left, bottom, margin_left + plot_width);

        double legend_y = top + 4;
        std::vector<LabelBox> placed;
        for (const Series& s : series) {
            if (s.metric != metric)
                continue;
            std::size_t colour_index = std::size_t(
                std::find(entities.begin(), entities.end(), s.entity) - entities.begin());
            const char* colour = palette[colour_index % std::size(palette)];
            // The step line: a figure holds until the next report replaces it. A range holds
            // as a band from its low to its high end until the next report; the line stops at
            // it and starts again after it.
            std::string path;
            bool pen_down = false;
            for (std::size_t i = 0; i < s.points.size(); ++i) {
                const Fact& p = s.points[i];
                double x = x_of(p.as_of.days_since_epoch());
                if (is_range(p)) {
                    if (pen_down)
                        path += fmt::format(" H{:.1f}", x);
                    pen_down = false;
                    double until = i + 1 < s.points.size()
                                       ? x_of(s.points[i + 1].as_of.days_since_epoch())
                                       : margin_left + plot_width;
                    out += fmt::format("<rect class=\"range-band\" x=\"{:.1f}\" y=\"{:.1f}\" "
                                       "width=\"{:.1f}\" height=\"{:.1f}\" fill=\"{}\" "
                                       "fill-opacity=\"0.12\"/>\n",
                                       x, y_of(*p.high), std::max(0.0, until - x),
                                       y_of(*p.low) - y_of(*p.high), colour);
                    continue;
                }
                double y = y_of(plotted(p));
                path += !pen_down ? fmt::format("{}M{:.1f},{:.1f}", path.empty() ? "" : " ", x, y)
                                  : fmt::format(" H{:.1f} V{:.1f}", x, y);
                pen_down = true;
            }
            if (!path.empty())
                out += fmt::format("<path class=\"step\" d=\"{}\" fill=\"none\" "
                                   "stroke=\"{}\" stroke-width=\"2\"/>\n",
                                   path, colour);
            for (const Fact& p : s.points) {
                const Fact& fact = p;
                double x = x_of(fact.as_of.days_since_epoch());
                bool range = is_range(fact);
                // A range's label sits above its high end.
                double y = y_of(range ? *fact.high : plotted(fact));
                std::string value = describe(fact, FigureStyle::symbols);
                std::string source = source_text(fact, names);
                std::string title =
                    fmt::format("{} {}: {} as of {}, {}{}", display_name(fact.entity, names),
                                fact.metric, value, fact.as_of.iso(), source,
                                p.conflict ? " (conflicts with another figure)" : "");
                std::string data = fmt::format(
                    "data-entity=\"{}\" data-metric=\"{}\" data-date=\"{}\" data-value=\"{}\" "
                    "data-source=\"{}\"",
                    xml_escape(fact.entity), xml_escape(fact.metric), fact.as_of.iso(),
                    xml_escape(value), xml_escape(fact.source));
                if (range) // a whisker from the low to the high end, capped at both
                    out += fmt::format(
                        "<g class=\"point range\" {0} data-low=\"{1}\" data-high=\"{2}\">"
                        "<title>{3}</title><line x1=\"{4:.1f}\" y1=\"{5:.1f}\" x2=\"{4:.1f}\" "
                        "y2=\"{6:.1f}\" stroke=\"{7}\" stroke-width=\"2.5\"/><line "
                        "x1=\"{8:.1f}\" y1=\"{5:.1f}\" x2=\"{9:.1f}\" y2=\"{5:.1f}\" "
                        "stroke=\"{7}\" stroke-width=\"2\"/><line x1=\"{8:.1f}\" y1=\"{6:.1f}\" "
                        "x2=\"{9:.1f}\" y2=\"{6:.1f}\" stroke=\"{7}\" stroke-width=\"2\"/></g>\n",
                        data, format_number(*fact.low), format_number(*fact.high),
                        xml_escape(title), x, y_of(*fact.low), y_of(*fact.high),
                        p.conflict ? "#d00" : colour, x - 5, x + 5);
                else
                    out += fmt::format(
                        "<circle class=\"point\" {} cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"4.5\" "
                        "fill=\"{}\" stroke=\"{}\" "
                        "stroke-width=\"{}\"><title>{}</title></circle>\n",
                        data, x, y, colour, p.conflict ? "#d00" : "white", p.conflict ? 2 : 1,
                        xml_escape(title));
                // The label: the hedged figure, and above it who said so and when (the
                // ultimate source is in the tooltip). Labels that would overlap an earlier
                // one move up (then below the point) and get a leader line.
                std::string who = fact.source.empty() ? "-" : display_name(fact.source, names);
                std::string detail = who + " · " + fact.as_of.iso();
                std::string shown = value + (p.conflict ? " !" : "");
                double width =
                    std::max(double(code_points(shown)) * 7.0, double(code_points(detail)) * 5.5) +
                    8;
                double cx = std::clamp(x, margin_left + width / 2 + 4,
                                       margin_left + plot_width + 15 - width / 2);
                double base = choose_label_baseline(placed, cx, width, y, top, bottom);
                placed.push_back({cx, base, width});
                if (std::abs(base - (y - 10)) > 1 || std::abs(cx - x) > 1)
                    out += fmt::format("<line x1=\"{:.1f}\" y1=\"{:.1f}\" x2=\"{:.1f}\" "
                                       "y2=\"{:.1f}\" stroke=\"#999\" stroke-width=\"0.7\"/>\n",
                                       x, base < y ? y - 5 : y + 5, cx,
                                       base < y ? base + 3 : base - 24);
                out += fmt::format("<text class=\"label\" x=\"{:.1f}\" y=\"{:.1f}\" "
                                   "text-anchor=\"middle\"><tspan font-weight=\"bold\">{}"
                                   "</tspan><tspan x=\"{:.1f}\" dy=\"-12\" fill=\"#555\" "
                                   "font-size=\"9.5\">{}</tspan></text>\n",
                                   cx, base, xml_escape(shown), cx, xml_escape(detail));
            }
            // Legend entry for this entity.
            double lx = margin_left + plot_width + 20;
            out += fmt::format("<line x1=\"{0}\" y1=\"{1:.1f}\" x2=\"{2}\" y2=\"{1:.1f}\" "
                               "stroke=\"{3}\" stroke-width=\"2\"/><circle cx=\"{4}\" "
                               "cy=\"{1:.1f}\" r=\"4.5\" fill=\"{3}\"/>\n",
                               lx, legend_y, lx + 24, colour, lx + 12);
            out += fmt::format("<text class=\"legend\" x=\"{}\" y=\"{:.1f}\">{}</text>\n", lx + 30,
                               legend_y + 4, xml_escape(display_name(s.entity, names)));
            legend_y += 18;
        }
        double kx = margin_left + plot_width + 20;
        out += fmt::format("<text x=\"{}\" y=\"{:.1f}\" fill=\"#555\" font-size=\"9.5\">"
                           "≈ about · ≥ at least · &gt; more than</text>\n",
                           kx, legend_y + 4);
        out += fmt::format("<text x=\"{}\" y=\"{:.1f}\" fill=\"#555\" font-size=\"9.5\">"
                           "band: a range (low–high) · ! conflict</text>\n",
                           kx, legend_y + 18);
        out += "</g>\n";
    }
    out += "</svg>\n";
    return out;
}

} // namespace factlint::ledger
