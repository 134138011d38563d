// Line chart: one or more Series lines over shared x labels.
//
// Layout, top to bottom: legend (only with more than one line), unit title, plot, x labels.
// Left of the plot the y tick labels, right of it the last value of each line, written out:
// from across a lobby the last figure is what a passer-by takes away, so it is not left to
// be read off a gridline.
#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "app/danish_format.h"
#include "app/view.h"
#include "app/views/status_badge.h"

namespace {

constexpr int kMaxLines = 4;  // one per theme.series colour and marker shape

enum class Marker { Circle, Square, Diamond, Triangle };

// The y axis: `count` gridlines at lo, lo + step, ..., hi, a whole number of steps apart.
struct Ticks {
    double lo = 0, hi = 1, step = 1;
    int count = 2;
    int decimals = 0;
    double at(int k) const { return k + 1 == count ? hi : lo + k * step; }
};

// The axis holds values within ±kAxisLimit; larger ones are drawn at its edge. That keeps every
// sum below (padding, rounding out to a whole step, the span) far from overflow, so no tick can
// become infinite, whatever finite double a feed sends.
constexpr double kAxisLimit = 1e300;
// A span this small against the values is no span: drawn as one value with room around it.
constexpr double kMinRelativeSpan = 1e-12;
constexpr double kMinSpan = 1e-300;  // and below this absolute size (denormals) likewise

// 1-2-5 steps: the only steps a reader can add up in their head.
double nice_step(double raw) {
    if (!(raw > 0) || !std::isfinite(raw)) return 1;
    const double mag = std::pow(10.0, std::floor(std::log10(raw)));
    const double f = raw / mag;
    return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * mag;
}

// At most max_ticks gridlines (one more when rounding out leaves no choice), for any finite input.
Ticks nice_ticks(double lo, double hi, int max_ticks) {
    max_ticks = std::clamp(max_ticks, 2, 12);
    lo = std::clamp(lo, -kAxisLimit, kAxisLimit);
    hi = std::clamp(hi, -kAxisLimit, kAxisLimit);
    // Start from zero when the data is on one side of it and not far from it: a line chart
    // that starts at 97 makes a 2 % change look like a cliff.
    if (lo > 0 && lo < hi * 0.6) lo = 0;
    if (hi < 0 && hi > lo * 0.6) hi = 0;
    const double size = std::max(std::abs(lo), std::abs(hi));
    if (!(hi - lo > std::max(size * kMinRelativeSpan, kMinSpan))) {  // one value, or all equal
        const double pad = lo == 0 ? 1 : std::max(std::abs(lo) * 0.1, kMinSpan);
        lo = lo >= 0 && lo - pad < 0 ? 0 : lo - pad;
        hi = hi + pad;
    }
    // Within the limits the step is a normal double, and lo / step, hi / step are whole numbers
    // well below 2^53 (the span is at least 1e-12 of the values), so the count is exact.
    auto place = [&](Ticks& t) {
        const double k0 = std::floor(lo / t.step + 1e-9), k1 = std::ceil(hi / t.step - 1e-9);
        t.lo = k0 * t.step;
        t.hi = k1 * t.step;
        return k1 - k0;
    };
    Ticks t;
    t.step = nice_step((hi - lo) / (max_ticks - 1));
    // Rounding may leave one tick too many; widen the step once (1-2-5: at least doubles it).
    if (place(t) > max_ticks - 1 + 0.5) {
        t.step = nice_step(t.step * 1.5);
        place(t);
    }
    t.count = int(std::clamp(std::round((t.hi - t.lo) / t.step), 1.0, double(max_ticks))) + 1;
    t.decimals = std::clamp(int(-std::floor(std::log10(t.step) + 1e-9)), 0, 9);
    return t;
}

bool has_value(const feeds::SeriesPoint& p) {
    return p.value && std::isfinite(*p.value);
}

// Units other than "%" and "kr" go once above the axis ("personer"), not after every tick.
bool unit_in_ticks(std::string_view unit) {
    return unit == "%" || unit == "kr";
}

std::string tick_label(double v, std::string_view unit, int decimals) {
    if (std::abs(v) < 1e-12) v = 0;
    if (unit == "%") return format_percent(v, decimals);
    if (unit == "kr") return format_money(v);
    return format_number(v, decimals);
}

void draw_marker(Canvas& c, Marker m, ImVec2 p, float r, ImU32 col) {
    if (!c.dl) return;
    switch (m) {
        case Marker::Circle:
            c.dl->AddCircleFilled(p, r, col);
            break;
        case Marker::Square: {
            const float h = r * 0.88f;
            c.dl->AddRectFilled({p.x - h, p.y - h}, {p.x + h, p.y + h}, col);
            break;
        }
        case Marker::Diamond:
            c.dl->AddQuadFilled({p.x, p.y - r * 1.2f}, {p.x + r * 1.2f, p.y}, {p.x, p.y + r * 1.2f},
                                {p.x - r * 1.2f, p.y}, col);
            break;
        case Marker::Triangle:
            c.dl->AddTriangleFilled({p.x, p.y - r * 1.15f}, {p.x + r * 1.1f, p.y + r * 0.8f},
                                    {p.x - r * 1.1f, p.y + r * 0.8f}, col);
            break;
    }
}

// Legend: marker + line label; one row when everything fits, else equal columns, as many as
// let every label show whole; in one column a label too wide for the line wraps onto two, in
// the small type if it must. Only a label that fits nowhere is shortened (a reported problem).
// Returns the height used.
float draw_legend(Canvas& c, const ViewStyle& s, Rect area, const std::vector<feeds::SeriesLine>& lines,
                  int count, float marker_r, bool measure_only) {
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
    if (measure_only) return h;
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
        draw_marker(c, Marker(i % 4), {x + marker_r, y + font->FontSize * 0.55f}, marker_r,
                    s.theme.series[i % 4]);
        for (const auto& t : text[i]) {
            canvas_text_in(c, font, {x + key_w, y, x + key_w + text_w, y + font->FontSize}, s.theme.text, t);
            y += line_h;
        }
        if (!equal) x += key_w + text_w + gap;
    }
    return h;
}

struct LastLabel {
    float y;  // desired centre
    std::string text;
    ImU32 color;
    Marker marker;
};

// Spreads the last-value labels apart vertically so none overlap, keeping them in [lo, hi].
void spread_labels(std::vector<LastLabel>& ls, float h, float lo, float hi) {
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

}  // namespace

void draw_line_chart(Canvas& c, const ViewStyle& s, Rect area, const feeds::Series& data,
                     const ViewInput& in) {
    const Theme& t = s.theme;
    const ImFont* small = s.fonts.small;
    const std::string unit = in.slide.options.unit.empty() ? data.unit : in.slide.options.unit;

    const int total_lines = int(data.lines.size());
    const int nlines = std::min(total_lines, kMaxLines);
    double vmin = INFINITY, vmax = -INFINITY;
    size_t npoints = 0;
    for (int i = 0; i < nlines; ++i) {
        npoints = std::max(npoints, data.lines[i].points.size());
        for (const auto& p : data.lines[i].points)
            if (has_value(p)) vmin = std::min(vmin, *p.value), vmax = std::max(vmax, *p.value);
    }
    if (nlines == 0 || !(vmin <= vmax)) return draw_no_items(c, s, area);
    if (total_lines > nlines) area = draw_hidden_note(c, s, area, nlines, total_lines, "linjer");

    // A plot much taller than wide steepens every slope: on a portrait screen the chart keeps
    // a landscape-ish shape and sits in the middle of the area.
    const float max_h = area.w() * 1.4f;
    if (area.h() > max_h) {
        const float cut = std::floor((area.h() - max_h) * 0.5f);
        area.y0 += cut;
        area.y1 -= cut;
    }
    const float marker_r = std::max(4.0f, s.unit * 0.55f);
    const float gap = std::round(s.unit * 0.8f);
    // The x labels come from the longest line (lines normally share them).
    const feeds::SeriesLine* xline = &data.lines[0];
    for (int i = 0; i < nlines; ++i)
        if (data.lines[i].points.size() > xline->points.size()) xline = &data.lines[i];

    // ---- vertical budget: legend, unit title, plot, x labels
    float top = area.y0;
    if (nlines > 1) {
        const float lh = draw_legend(c, s, area, data.lines, nlines, marker_r, true);
        draw_legend(c, s, {area.x0, top, area.x1, top + lh}, data.lines, nlines, marker_r, false);
        top += lh + gap;
    }
    const bool unit_title = !unit.empty() && !unit_in_ticks(unit);
    const float title_y = top;
    if (unit_title) top += small->FontSize + gap * 0.5f;
    // Tick labels are centred on their gridlines, so the plot keeps half a line clear at its top
    // and the x labels keep clear of the lowest tick label.
    const float label_gap = std::max(gap, std::ceil(small->FontSize * 0.5f) + 2);
    const Rect plot_band{area.x0, top, area.x1, area.y1 - std::ceil(small->FontSize) - label_gap};
    const float plot_y0 = plot_band.y0 + std::ceil(small->FontSize * 0.5f) + 1;
    const float plot_y1 = plot_band.y1;
    if (plot_y1 - plot_y0 < small->FontSize * 2) {
        c.notes.push_back("line chart: area too small for a plot");
        return;
    }
    const int max_ticks = std::clamp(int((plot_y1 - plot_y0) / (small->FontSize * 2.6f)) + 1, 2, 6);
    const Ticks ticks = nice_ticks(vmin, vmax, max_ticks);

    std::vector<std::string> tick_text;
    float axis_w = 0;
    for (int k = 0; k < ticks.count; ++k) {
        tick_text.push_back(tick_label(ticks.at(k), unit, ticks.decimals));
        axis_w = std::max(axis_w, text_size(small, tick_text.back()).x);
    }
    axis_w = std::min(axis_w, area.w() * 0.3f);

    // Last values, right of the plot.
    const ImFont* value_font = s.fonts.body_bold;
    std::vector<LastLabel> last;
    float last_w = 0;
    for (int i = 0; i < nlines; ++i) {
        const auto& pts = data.lines[i].points;
        for (size_t k = pts.size(); k-- > 0;)
            if (has_value(pts[k])) {
                std::string text = format_value(*pts[k].value, unit, in.slide.options.decimals);
                // A long unit ("1.207 personer") is dropped: the unit title above the plot says it.
                if (text_size(value_font, text).x > area.w() * 0.3f && unit_title)
                    text = format_number_auto(*pts[k].value, in.slide.options.decimals);
                last.push_back({0, text, t.series[i % 4], Marker(i % 4)});
                last_w = std::max(last_w, text_size(value_font, last.back().text).x);
                break;
            }
    }
    last_w = std::min(last_w, area.w() * 0.3f);

    const float px0 = area.x0 + axis_w + gap;
    const float px1 = area.x1 - last_w - gap - marker_r;
    if (px1 - px0 < s.unit * 10) {
        c.notes.push_back("line chart: area too narrow for a plot");
        return;
    }
    auto y_of = [&](double v) {
        const double f = (std::clamp(v, ticks.lo, ticks.hi) - ticks.lo) / (ticks.hi - ticks.lo);
        return float(plot_y1 - f * (plot_y1 - plot_y0));
    };

    // ---- gridlines and y ticks
    if (unit_title)
        canvas_text_in(c, small, {area.x0, title_y, px1, title_y + small->FontSize}, t.text_muted, unit);
    for (size_t k = 0; k < tick_text.size(); ++k) {
        const double v = ticks.at(int(k));
        const float y = std::round(y_of(v));
        const bool zero = std::abs(v) < ticks.step * 1e-6;
        canvas_line(c, {px0, y}, {px1, y}, zero ? t.text_muted : t.grid, zero ? 2.0f : 1.0f);
        canvas_text_in(c, small,
                       {area.x0, y - small->FontSize * 0.5f, area.x0 + axis_w, y + small->FontSize * 0.5f},
                       t.text_muted, tick_text[k], Align::Right);
    }

    // ---- x positions and labels, thinned so neighbours never collide
    const int n = int(npoints);
    float max_label_w = 0;
    for (const auto& p : xline->points) max_label_w = std::max(max_label_w, text_size(small, p.x).x);
    max_label_w = std::min(max_label_w, (px1 - px0) * 0.5f);
    const float pad = n > 1 ? std::min(max_label_w * 0.5f, (px1 - px0) * 0.12f) + marker_r : 0;
    const float slot = n > 1 ? (px1 - px0 - 2 * pad) / (n - 1) : 0;
    auto x_of = [&](size_t i) { return n > 1 ? px0 + pad + slot * float(i) : (px0 + px1) * 0.5f; };
    const int every = n > 1 ? std::max(1, int(std::ceil((max_label_w + gap) / std::max(1.0f, slot)))) : 1;
    const float label_y = plot_y1 + label_gap;
    float prev_x1 = -INFINITY;
    for (int i = 0; i < n; ++i) {
        if ((n - 1 - i) % every != 0) continue;  // anchored at the last label: the latest period
        const auto& label = xline->points[i].x;
        const std::string fitted = ellipsize(small, label, max_label_w);
        const float w = text_size(small, fitted).x;
        const float x0 = std::clamp(x_of(i) - w * 0.5f, area.x0, area.x1 - w);
        if (x0 < prev_x1 + gap * 0.5f) continue;
        canvas_text(c, small, {std::floor(x0), label_y}, t.text_muted, fitted, fitted != label);
        prev_x1 = x0 + w;
    }

    // ---- lines: a null point breaks the line; markers where there is room for them
    const float thick = std::max(2.0f, s.unit * 0.3f);
    const bool all_markers = slot >= marker_r * 4 || n == 1;
    for (int li = nlines - 1; li >= 0; --li) {  // first line drawn last, on top
        const auto& pts = data.lines[li].points;
        const ImU32 col = t.series[li % 4];
        std::vector<ImVec2> run;
        auto flush = [&] {
            if (run.size() >= 2 && c.dl) c.dl->AddPolyline(run.data(), int(run.size()), col, 0, thick);
            if (run.size() == 1) draw_marker(c, Marker(li % 4), run[0], marker_r, col);  // isolated
            run.clear();
        };
        int last_k = -1;
        for (size_t k = 0; k < pts.size(); ++k) {
            if (!has_value(pts[k])) {
                flush();
                continue;
            }
            run.push_back({x_of(k), y_of(*pts[k].value)});
            last_k = int(k);
        }
        flush();
        for (size_t k = 0; k < pts.size(); ++k)
            if (has_value(pts[k]) && (all_markers || int(k) == last_k))
                draw_marker(c, Marker(li % 4), {x_of(k), y_of(*pts[k].value)},
                            int(k) == last_k ? marker_r * 1.3f : marker_r, col);
    }

    // ---- last values, spread apart so they never overlap
    size_t li = 0;
    for (int i = 0; i < nlines && li < last.size(); ++i) {
        const auto& pts = data.lines[i].points;
        for (size_t k = pts.size(); k-- > 0;)
            if (has_value(pts[k])) {
                last[li++].y = y_of(*pts[k].value);
                break;
            }
    }
    const float vh = value_font->FontSize;
    spread_labels(last, vh, plot_band.y0, label_y);
    for (const auto& l : last) {
        if (l.y - vh * 0.5f < plot_band.y0 - 0.5f) continue;  // more labels than height: drop
        canvas_text_in(c, value_font, {px1 + marker_r + gap, l.y - vh * 0.5f, area.x1, l.y + vh * 0.5f},
                       l.color, l.text);
    }
}
