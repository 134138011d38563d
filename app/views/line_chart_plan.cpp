#include "app/views/line_chart_plan.h"

#include <algorithm>
#include <cmath>

#include "app/danish_format.h"
#include "app/views/view_kit.h"

static bool has_value(const feeds::SeriesPoint& p) {
    return p.value && std::isfinite(*p.value);
}

// Legend: marker + line label; one row when everything fits, else equal columns, as many as
// let every label show whole; in one column a label too wide for the line wraps onto two, in
// the small type if it must. Only a label that fits nowhere is shortened (a reported problem).
// Returns the height used.
static float plan_legend(const ViewStyle& s, Rect area, const std::vector<feeds::SeriesLine>& lines,
                         int count, float marker_r, std::vector<LineKey>& out) {
    const float gap = s.unit * 2, key_w = marker_r * 2 + s.unit * 0.8f;
    const ImFont* font = s.fonts.body;
    float natural = 0, widest = 0;
    for (int i = 0; i < count; ++i) {
        natural += key_w + text_size(font, lines[i].label).x + (i ? gap : 0);
        widest = std::max(widest, text_size(font, lines[i].label).x);
    }
    int cols = count;
    const bool equal = natural > area.w();  // equal columns: the most in which every label fits
    std::vector<std::vector<std::string>> text(count);
    if (equal) {
        for (cols = count - 1; cols > 1; --cols)
            if ((area.w() - gap * (cols - 1)) / cols - key_w >= widest) break;
        cols = std::max(cols, 1);
    }
    const float col_w = (area.w() - gap * (cols - 1)) / cols;
    if (cols == 1 && widest > col_w - key_w) {
        // One column and still too wide: two lines each, in the body type or else the small one.
        for (const ImFont* f : {s.fonts.body, s.fonts.small}) {
            font = f;
            bool all = true;
            for (int i = 0; i < count && all; ++i) {
                auto w = wrap_whole(f, lines[i].label, col_w - key_w, 2);
                all = w.has_value();
                if (w) text[i] = std::move(*w);
            }
            if (all) break;
            for (auto& t : text) t.clear();
        }
    }
    for (int i = 0; i < count; ++i)
        if (text[i].empty()) text[i] = {lines[i].label};
    const float line_h = font->FontSize * 1.1f;
    const float row_h = font->FontSize * 1.25f;
    // Rows are as tall as their tallest entry.
    std::vector<float> row_y;
    float h = 0;
    for (int i = 0; i < count; i += cols) {
        int n = 1;
        for (int j = i; j < std::min(count, i + cols); ++j) n = std::max(n, int(text[j].size()));
        row_y.push_back(h);
        h += row_h + line_h * float(n - 1);
    }
    float x = area.x0;
    for (int i = 0; i < count; ++i) {
        const int row = i / cols, col = i % cols;
        if (equal)
            x = area.x0 + col * (col_w + gap);
        else if (i == 0)
            x = area.x0;
        float y = area.y0 + row_y[row];
        // (A pixel of slack: the columns were chosen so labels fit; float rounding must not cut them.)
        const float text_w =
            std::min((equal ? col_w - key_w : text_size(font, lines[i].label).x) + 1, area.x1 - x - key_w);
        LineKey key{
            {Marker(i % 4), {x + marker_r, y + font->FontSize * 0.55f}, marker_r, s.theme.series[i % 4]}, {}};
        for (const auto& t : text[i]) {
            key.lines.push_back(
                {font, {x + key_w, y, x + key_w + text_w, y + font->FontSize}, s.theme.text, t});
            y += line_h;
        }
        out.push_back(std::move(key));
        if (!equal) x += key_w + text_w + gap;
    }
    return h;
}

namespace {

struct LastLabel {
    float y;  // desired centre
    std::string text;
    ImU32 color;
    Marker marker;
};

}  // namespace

// Spreads the last-value labels apart vertically so none overlap, keeping them in [lo, hi].
static void spread_labels(std::vector<LastLabel>& ls, float h, float lo, float hi) {
    std::sort(ls.begin(), ls.end(), [](const LastLabel& a, const LastLabel& b) { return a.y < b.y; });
    for (size_t i = 0; i < ls.size(); ++i) {
        ls[i].y = std::clamp(ls[i].y, lo + h * 0.5f, hi - h * 0.5f);
        if (i > 0) ls[i].y = std::max(ls[i].y, ls[i - 1].y + h);
    }
    for (size_t i = ls.size(); i-- > 0;) {
        if (i + 1 < ls.size())
            ls[i].y = std::min(ls[i].y, ls[i + 1].y - h);
        else
            ls[i].y = std::min(ls[i].y, hi - h * 0.5f);
    }
}

namespace {

// Where the plot is and how values and points map onto it.
struct Plot {
    Rect area;
    Ticks ticks;
    float px0 = 0, px1 = 0, plot_y0 = 0, plot_y1 = 0;
    float gap = 0, marker_r = 0, label_gap = 0;
    int n = 0;  // points on the x axis
    float pad = 0, slot = 0;
    float y_of(double v) const {
        const double f = (std::clamp(v, ticks.lo, ticks.hi) - ticks.lo) / (ticks.hi - ticks.lo);
        return float(plot_y1 - f * (plot_y1 - plot_y0));
    }
    float x_of(size_t i) const { return n > 1 ? px0 + pad + slot * float(i) : (px0 + px1) * 0.5f; }
};

}  // namespace

// Gridlines and their figures.
static void plan_grid(const ViewStyle& s, const Plot& p, const std::vector<std::string>& tick_text,
                      float axis_w, LineChartPlan& out) {
    const Theme& t = s.theme;
    const ImFont* small = s.fonts.small;
    for (size_t k = 0; k < tick_text.size(); ++k) {
        const double v = p.ticks.at(int(k));
        const float y = std::round(p.y_of(v));
        const bool zero = std::abs(v) < p.ticks.step * 1e-6;
        out.gridlines.push_back({{p.px0, y}, {p.px1, y}, zero ? t.text_muted : t.grid, zero ? 2.0f : 1.0f});
        out.tick_labels.push_back(
            {small,
             {p.area.x0, y - small->FontSize * 0.5f, p.area.x0 + axis_w, y + small->FontSize * 0.5f},
             t.text_muted,
             tick_text[k],
             Align::Right});
    }
}

// The x positions' band, and the x labels, thinned so neighbours never collide.
static void plan_x_labels(const ViewStyle& s, const feeds::SeriesLine& xline, Plot& p, LineChartPlan& out) {
    const ImFont* small = s.fonts.small;
    const int n = p.n;
    const float px0 = p.px0, px1 = p.px1, gap = p.gap;
    float max_label_w = 0;
    for (const auto& pt : xline.points) max_label_w = std::max(max_label_w, text_size(small, pt.x).x);
    max_label_w = std::min(max_label_w, (px1 - px0) * 0.5f);
    p.pad = n > 1 ? std::min(max_label_w * 0.5f, (px1 - px0) * 0.12f) + p.marker_r : 0;
    p.slot = n > 1 ? (px1 - px0 - 2 * p.pad) / (n - 1) : 0;
    const int every = n > 1 ? std::max(1, int(std::ceil((max_label_w + gap) / std::max(1.0f, p.slot)))) : 1;
    const float label_y = p.plot_y1 + p.label_gap;
    float prev_x1 = -INFINITY;
    for (int i = 0; i < n; ++i) {
        if ((n - 1 - i) % every != 0) continue;  // anchored at the last label: the latest period
        const auto& label = xline.points[i].x;
        const std::string fitted = ellipsize(small, label, max_label_w);
        const float w = text_size(small, fitted).x;
        const float x0 = std::clamp(p.x_of(i) - w * 0.5f, p.area.x0, p.area.x1 - w);
        if (x0 < prev_x1 + gap * 0.5f) continue;
        out.x_labels.push_back(
            {small, {std::floor(x0), label_y}, s.theme.text_muted, fitted, fitted != label});
        prev_x1 = x0 + w;
    }
}

// Each line's runs (a null point breaks the line) and its markers, where there is room for them.
static void plan_lines(const ViewStyle& s, const Plot& p, const feeds::Series& data, int nlines,
                       LineChartPlan& out) {
    out.thickness = std::max(2.0f, s.unit * 0.3f);
    const bool all_markers = p.slot >= p.marker_r * 4 || p.n == 1;
    for (int li = nlines - 1; li >= 0; --li) {  // first line drawn last, on top
        const auto& pts = data.lines[li].points;
        PlotLine line;
        line.color = s.theme.series[li % 4];
        line.isolated = {Marker(li % 4), {}, p.marker_r, line.color};
        std::vector<ImVec2> run;
        auto flush = [&] {
            if (!run.empty()) line.runs.push_back(run);
            run.clear();
        };
        int last_k = -1;
        for (size_t k = 0; k < pts.size(); ++k) {
            if (!has_value(pts[k])) {
                flush();
                continue;
            }
            run.push_back({p.x_of(k), p.y_of(*pts[k].value)});
            last_k = int(k);
        }
        flush();
        for (size_t k = 0; k < pts.size(); ++k)
            if (has_value(pts[k]) && (all_markers || int(k) == last_k))
                line.markers.push_back({Marker(li % 4),
                                        {p.x_of(k), p.y_of(*pts[k].value)},
                                        int(k) == last_k ? p.marker_r * 1.3f : p.marker_r,
                                        line.color});
        out.lines.push_back(std::move(line));
    }
}

// The last values right of the plot, spread apart so they never overlap.
static void plan_last_values(const ViewStyle& s, const Plot& p, const feeds::Series& data, int nlines,
                             std::vector<LastLabel> last, float band_y0, LineChartPlan& out) {
    const ImFont* value_font = s.fonts.body_bold;
    size_t li = 0;
    for (int i = 0; i < nlines && li < last.size(); ++i) {
        const auto& pts = data.lines[i].points;
        for (size_t k = pts.size(); k-- > 0;)
            if (has_value(pts[k])) {
                last[li++].y = p.y_of(*pts[k].value);
                break;
            }
    }
    const float vh = value_font->FontSize;
    spread_labels(last, vh, band_y0, p.plot_y1 + p.label_gap);
    for (const auto& l : last) {
        if (l.y - vh * 0.5f < band_y0 - 0.5f) continue;  // more labels than height: drop
        out.last_values.push_back({value_font,
                                   {p.px1 + p.marker_r + p.gap, l.y - vh * 0.5f, p.area.x1, l.y + vh * 0.5f},
                                   l.color,
                                   l.text});
    }
}

// The gridlines' figures; `width` gets the widest, at most `max_w`.
static std::vector<std::string> tick_texts(const ImFont* f, const Ticks& ticks, const std::string& unit,
                                           float max_w, float& width) {
    std::vector<std::string> out;
    float w = 0;
    for (int k = 0; k < ticks.count; ++k) {
        out.push_back(tick_label(ticks.at(k), unit, ticks.decimals));
        w = std::max(w, text_size(f, out.back()).x);
    }
    width = std::min(w, max_w);
    return out;
}

// Each line's last figure, in the value font; `width` gets the widest (at most 30 % of the area).
static std::vector<LastLabel> last_labels(const ViewStyle& s, Rect area, const feeds::Series& data,
                                          int nlines, const std::string& unit, bool unit_title,
                                          const feeds::ViewOptions& opt, float& width) {
    const ImFont* value_font = s.fonts.body_bold;
    std::vector<LastLabel> last;
    float last_w = 0;
    for (int i = 0; i < nlines; ++i) {
        const auto& pts = data.lines[i].points;
        for (size_t k = pts.size(); k-- > 0;)
            if (has_value(pts[k])) {
                std::string text = format_value(*pts[k].value, unit, opt.decimals);
                // A long unit ("1.207 personer") is dropped: the unit title above the plot says it.
                if (text_size(value_font, text).x > area.w() * 0.3f && unit_title)
                    text = format_number_auto(*pts[k].value, opt.decimals);
                last.push_back({0, text, s.theme.series[i % 4], Marker(i % 4)});
                last_w = std::max(last_w, text_size(value_font, last.back().text).x);
                break;
            }
    }
    width = std::min(last_w, area.w() * 0.3f);
    return last;
}

LineChartPlan plan_line_chart(const ViewStyle& s, Rect area, const feeds::Series& data,
                              const feeds::ViewOptions& opt) {
    LineChartPlan out;
    const ImFont* small = s.fonts.small;
    const std::string unit = opt.unit.empty() ? data.unit : opt.unit;
    const int total_lines = int(data.lines.size());
    const int nlines = std::min(total_lines, kMaxChartLines);
    double vmin = INFINITY, vmax = -INFINITY;
    size_t npoints = 0;
    for (int i = 0; i < nlines; ++i) {
        npoints = std::max(npoints, data.lines[i].points.size());
        for (const auto& p : data.lines[i].points)
            if (has_value(p)) vmin = std::min(vmin, *p.value), vmax = std::max(vmax, *p.value);
    }
    if (nlines == 0 || !(vmin <= vmax)) {
        out.empty = true;
        return out;
    }
    out.shown = nlines;
    out.total = total_lines;
    out.note_area = area;
    if (total_lines > nlines) area = hidden_note_space(Canvas{}, s, area);
    // A plot much taller than wide steepens every slope: on a portrait screen the chart keeps
    // a landscape-ish shape and sits in the middle of the area.
    const float max_h = area.w() * 1.4f;
    if (area.h() > max_h) {
        const float cut = std::floor((area.h() - max_h) * 0.5f);
        area.y0 += cut;
        area.y1 -= cut;
    }
    Plot p;
    p.area = area;
    p.marker_r = std::max(4.0f, s.unit * 0.55f);
    p.gap = std::round(s.unit * 0.8f);
    const float gap = p.gap;
    // ---- vertical budget: legend, unit title, plot, x labels
    float top = area.y0;
    if (nlines > 1) top += plan_legend(s, area, data.lines, nlines, p.marker_r, out.legend) + gap;
    const bool unit_title = !unit.empty() && !unit_in_ticks(unit);
    const float title_y = top;
    if (unit_title) top += small->FontSize + gap * 0.5f;
    // Tick labels are centred on their gridlines, so the plot keeps half a line clear at its top
    // and the x labels keep clear of the lowest tick label.
    p.label_gap = std::max(gap, std::ceil(small->FontSize * 0.5f) + 2);
    const Rect plot_band{area.x0, top, area.x1, area.y1 - std::ceil(small->FontSize) - p.label_gap};
    p.plot_y0 = plot_band.y0 + std::ceil(small->FontSize * 0.5f) + 1;
    p.plot_y1 = plot_band.y1;
    if (p.plot_y1 - p.plot_y0 < small->FontSize * 2) {
        out.problem = "line chart: area too small for a plot";
        return out;
    }
    const int max_ticks = std::clamp(int((p.plot_y1 - p.plot_y0) / (small->FontSize * 2.6f)) + 1, 2, 6);
    p.ticks = nice_ticks(vmin, vmax, max_ticks);
    float axis_w = 0;
    const std::vector<std::string> tick_text = tick_texts(small, p.ticks, unit, area.w() * 0.3f, axis_w);
    float last_w = 0;  // last values, right of the plot
    std::vector<LastLabel> last = last_labels(s, area, data, nlines, unit, unit_title, opt, last_w);
    p.px0 = area.x0 + axis_w + gap;
    p.px1 = area.x1 - last_w - gap - p.marker_r;
    if (p.px1 - p.px0 < s.unit * 10) {
        out.problem = "line chart: area too narrow for a plot";
        return out;
    }
    out.ticks = p.ticks;
    out.plot = {p.px0, p.plot_y0, p.px1, p.plot_y1};
    if (unit_title)
        out.unit_title =
            TextIn{small, {area.x0, title_y, p.px1, title_y + small->FontSize}, s.theme.text_muted, unit};
    plan_grid(s, p, tick_text, axis_w, out);
    // The x labels come from the longest line (lines normally share them).
    const feeds::SeriesLine* xline = &data.lines[0];
    for (int i = 0; i < nlines; ++i)
        if (data.lines[i].points.size() > xline->points.size()) xline = &data.lines[i];
    p.n = int(npoints);
    plan_x_labels(s, *xline, p, out);
    plan_lines(s, p, data, nlines, out);
    plan_last_values(s, p, data, nlines, std::move(last), plot_band.y0, out);
    return out;
}
