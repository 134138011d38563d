#include "app/views/bar_layout.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "app/danish_format.h"

BarScale bar_scale(const std::vector<double>& values, const std::vector<double>& extras) {
    BarScale s{0, 0};
    auto take = [&](double v) {
        if (!std::isfinite(v)) return;
        s.lo = std::min(s.lo, v);
        s.hi = std::max(s.hi, v);
    };
    for (double v : values) take(v);
    for (double v : extras) take(v);
    if (s.hi - s.lo <= 0) s.hi = 1;  // all zero: any range draws zero-length bars
    return s;
}

float bar_x(const BarScale& s, float x0, float x1, double v) {
    if (!std::isfinite(v)) v = 0;
    // A scale from -DBL_MAX to DBL_MAX has no finite span; in halves it has (halving a
    // denormal would lose it, so halves only when needed).
    const double span = s.hi - s.lo;
    double t = std::isfinite(span) ? (v - s.lo) / span : (v * 0.5 - s.lo * 0.5) / (s.hi * 0.5 - s.lo * 0.5);
    t = std::isnan(t) ? 0 : std::clamp(t, 0.0, 1.0);
    return x0 + float(t) * (x1 - x0);
}

RowFit fit_rows(float height, int count, float min_pitch, float max_pitch) {
    RowFit f;
    if (count <= 0 || min_pitch <= 0 || height < min_pitch) return f;
    f.shown = std::min(count, int(std::floor(height / min_pitch)));
    f.pitch = std::min(max_pitch, height / float(f.shown));
    return f;
}

std::vector<int> pick_shown(const std::vector<int>& order, const std::vector<bool>& highlighted, int n) {
    if (n >= int(order.size())) return order;
    if (n <= 0) return {};
    auto hl = [&](int i) { return i >= 0 && i < int(highlighted.size()) && highlighted[i]; };
    int must = 0;
    for (int i : order) must += hl(i) ? 1 : 0;
    must = std::min(must, n);
    // Walk the order: take highlighted items while places for them remain, others only while
    // places beyond those reserved for highlighted items remain.
    std::vector<int> out;
    int free_places = n - must;
    int hl_places = must;
    for (int i : order) {
        if (hl(i) && hl_places > 0) {
            out.push_back(i);
            --hl_places;
        } else if (!hl(i) && free_places > 0) {
            out.push_back(i);
            --free_places;
        }
    }
    return out;
}

std::vector<int> sorted_order(const std::vector<std::optional<double>>& values, feeds::SortOrder sort) {
    std::vector<int> order(values.size());
    std::iota(order.begin(), order.end(), 0);
    if (sort == feeds::SortOrder::None) return order;
    auto has = [&](int i) { return values[i].has_value() && std::isfinite(*values[i]); };
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
        if (has(a) != has(b)) return has(a);
        if (!has(a)) return false;
        return sort == feeds::SortOrder::Ascending ? *values[a] < *values[b] : *values[a] > *values[b];
    });
    return order;
}

bool unit_is_compact(std::string_view unit) {
    return unit.empty() || unit == "%" || unit == "kr";
}

std::string bar_value_text(double v, std::string_view unit, std::optional<int> decimals) {
    if (unit_is_compact(unit)) return format_value(v, unit, decimals);
    return format_number_auto(v, decimals);
}

float max_text_width(const ImFont* font, const std::vector<std::string>& texts) {
    float w = 0;
    for (const auto& t : texts) w = std::max(w, text_size(font, t).x);
    return w;
}

void draw_no_items(Canvas& c, const ViewStyle& s, Rect area, std::string_view text) {
    const ImFont* f = fit_font({s.fonts.heading, s.fonts.body, s.fonts.small}, text, area.w());
    if (area.h() < f->FontSize) return;
    canvas_text_in(c, f, area, s.theme.text_muted, text, Align::Center);
}

void canvas_triangle(Canvas& c, ImVec2 a, ImVec2 b, ImVec2 d, ImU32 color) {
    if (c.dl) c.dl->AddTriangleFilled(a, b, d, color);
}

void canvas_rect_outline(Canvas& c, Rect r, ImU32 color, float rounding, float thickness) {
    // ImGui strokes centred on the edge: inset by half the thickness so it stays inside `r`.
    const float h = thickness * 0.5f;
    if (c.dl) c.dl->AddRect({r.x0 + h, r.y0 + h}, {r.x1 - h, r.y1 - h}, color, rounding, 0, thickness);
}

void draw_row_marker(Canvas& c, Rect box, ImU32 color) {
    const float size = std::min(box.h(), box.w()) * 0.7f;
    const float cy = (box.y0 + box.y1) * 0.5f;
    const float x0 = box.x0 + (box.w() - size * 0.87f) * 0.5f;
    canvas_triangle(c, {x0, cy - size * 0.5f}, {x0 + size * 0.87f, cy}, {x0, cy + size * 0.5f}, color);
}

void draw_bar(Canvas& c, float from, float to, float y0, float y1, ImU32 color) {
    if (from > to) std::swap(from, to);
    if (to - from < 1.0f) return;  // a zero value: no sliver that reads as a figure
    canvas_rect(c, {std::round(from), std::round(y0), std::round(to), std::round(y1)}, color, 0);
}

float hidden_note_height(const ViewStyle& s) {
    return s.fonts.small->FontSize + s.unit * 0.75f;
}

Rect snap_in(Rect r) {
    Rect o{std::ceil(r.x0), std::ceil(r.y0), std::floor(r.x1), std::floor(r.y1)};
    o.x1 = std::max(o.x1, o.x0);
    o.y1 = std::max(o.y1, o.y0);
    return o;
}

// ---- targets -------------------------------------------------------------------------------

std::optional<bool> target_met(double value, std::optional<double> target) {
    if (!target || !std::isfinite(*target) || !std::isfinite(value) || *target == 0) return std::nullopt;
    return value >= *target;
}

BarScale metric_scale(double value, std::optional<double> target, std::string_view unit) {
    const double t = target && std::isfinite(*target) ? *target : 0;
    const double v = std::isfinite(value) ? value : 0;
    if (unit == "%" && v >= 0 && v <= 100 && t >= 0 && t <= 100) return {0, 100};
    BarScale s = bar_scale({v}, {t});
    s.lo *= 1.1;
    s.hi *= 1.1;
    return s;
}

std::string target_figure(double value, std::optional<double> target, std::string_view unit,
                          std::optional<int> decimals, int form) {
    const bool compact = unit_is_compact(unit);
    const std::string u = compact ? "" : " " + std::string(unit);
    std::string t = bar_value_text(value, unit, decimals) + (form < 2 ? u : "");
    if (target) t += " \xC2\xB7 mål " + bar_value_text(*target, unit, decimals) + (form == 0 ? u : "");
    return t;
}

// ---- stacked rows --------------------------------------------------------------------------

static StatusLook target_look(const Theme& t, bool met) {
    return met ? StatusLook{"Nået", StatusIcon::Check, t.good}
               : StatusLook{"Ikke nået", StatusIcon::Cross, t.bad};
}

float target_mark_width(const ViewStyle& s, const ImFont* font, bool met) {
    Canvas none;
    return draw_status_label(none, s.theme, font, {0, 0}, target_look(s.theme, met), 1e9f, "", true);
}

void draw_target_mark(Canvas& c, const ViewStyle& s, const ImFont* font, ImVec2 pos, bool met) {
    draw_status_label(c, s.theme, font, {std::floor(pos.x), std::floor(pos.y)}, target_look(s.theme, met),
                      1e9f);
}

namespace {

struct StackPlan {
    std::vector<std::string> label_lines;
    std::string figure;
    bool figure_below = false;
    bool mark_below = false;  // the mark on a line of its own under the figure (narrow areas)
    bool cut = false;         // nothing fitted whole: the label is shortened (a reported problem)
    bool figure_cut = false;  // ...or the figure
    std::string figure2;      // the target part of a figure too wide for one line: "mål 1.200.000"
    int lines() const {
        return int(label_lines.size()) + (figure_below ? 1 : 0) + (mark_below ? 1 : 0) +
               (figure2.empty() ? 0 : 1);
    }
};

StackPlan make_plan(std::vector<std::string> lines, std::string figure, bool figure_below) {
    StackPlan p;
    p.label_lines = std::move(lines);
    p.figure = std::move(figure);
    p.figure_below = figure_below;
    return p;
}

struct StackMetrics {
    float size, line_h, bar_gap, bar_h, marker_w, gap;
};

StackMetrics stack_metrics(const ViewStyle& s, StackFonts f) {
    const float size = std::max(f.label->FontSize, f.figure->FontSize);
    return {size,
            size * 1.12f,
            std::round(size * 0.3f),
            std::round(std::max(size * 0.5f, s.unit * 0.9f)),
            f.label->FontSize * 0.9f,
            s.unit * 1.5f};
}

float plan_height(const StackMetrics& m, const StackRow& r, const StackPlan& p) {
    const int n = std::max(1, p.lines());
    float h = m.size + m.line_h * float(n - 1);
    if (r.value) h += m.bar_gap + m.bar_h;
    return h;
}

// The row's texts in `f` within `width`, or none when they do not fit whole.
std::optional<StackPlan> plan_row(const StackRow& r, StackFonts f, const StackMetrics& m, float width,
                                  float mark_col) {
    const float label_w = width - (r.highlight ? m.marker_w : 0);
    const float right = mark_col > 0 ? mark_col + m.gap : 0;  // the mark column at the right edge
    std::vector<std::string> forms = r.figures;
    if (forms.empty()) forms.push_back("");
    for (const auto& fig : forms) {
        const float fw = fig.empty() ? 0 : text_size(f.figure, fig).x + m.gap;
        // One line: label, figure, mark.
        if (text_size(f.label, r.label).x + fw + right <= label_w) return make_plan({r.label}, fig, false);
        // The label on one or two lines, the figure on its last line.
        if (const auto lines = wrap_whole(f.label, r.label, label_w, 2);
            lines && text_size(f.label, lines->back()).x + fw + right <= label_w)
            return make_plan(*lines, fig, false);
        // The figure and the mark on a line of their own.
        if (fw + right <= width + m.gap)
            if (const auto lines = wrap_whole(f.label, r.label, label_w, 2))
                return make_plan(*lines, fig, true);
    }
    // Narrow: the figure and the mark on lines of their own; the target part on one more.
    std::string fig = forms.back(), fig2;
    if (const size_t dot = fig.find(" \xC2\xB7 ");
        dot != std::string::npos && text_size(f.figure, fig).x > width) {
        fig2 = fig.substr(dot + 4);
        fig = fig.substr(0, dot);
    }
    if (text_size(f.figure, fig).x <= width && text_size(f.figure, fig2).x <= width && mark_col <= width)
        if (const auto lines = wrap_whole(f.label, r.label, label_w, 2)) {
            StackPlan p = make_plan(*lines, fig, true);
            p.figure2 = fig2;
            p.mark_below = r.met.has_value();
            return p;
        }
    return std::nullopt;
}

}  // namespace

void draw_stacked_rows(Canvas& c, const ViewStyle& s, Rect area, const std::vector<StackRow>& rows,
                       const std::vector<int>& order, int wanted,
                       std::initializer_list<StackFonts> candidates, std::string_view noun) {
    const int total = int(rows.size());
    if (total == 0 || candidates.size() == 0) return draw_no_items(c, s, area);
    std::vector<bool> highlighted;
    for (const auto& r : rows) highlighted.push_back(r.highlight);
    const std::vector<int> first = pick_shown(order, highlighted, std::min<int>(wanted, int(order.size())));

    auto mark_col_of = [&](StackFonts f, const std::vector<int>& idx) {
        float w = 0;
        for (int i : idx)
            if (rows[i].met) w = std::max(w, target_mark_width(s, f.figure, *rows[i].met));
        return w;
    };
    // Plans for `idx` in `f`, and the height they need with the smallest gaps; none if one does not fit.
    auto plan_all = [&](StackFonts f, const std::vector<int>& idx,
                        float& need) -> std::optional<std::vector<StackPlan>> {
        const StackMetrics m = stack_metrics(s, f);
        const float mark_col = mark_col_of(f, idx);
        std::vector<StackPlan> plans;
        need = 0;
        for (int i : idx) {
            auto p = plan_row(rows[i], f, m, area.w(), mark_col);
            if (!p) return std::nullopt;
            need += plan_height(m, rows[i], *p) + (plans.empty() ? 0 : m.size * 0.6f);
            plans.push_back(std::move(*p));
        }
        return plans;
    };

    const Rect full = area;
    if (wanted < total) area.y1 -= hidden_note_height(s);
    StackFonts font = *(candidates.end() - 1);
    std::vector<int> shown;
    std::vector<StackPlan> plans;
    for (StackFonts f : candidates) {
        float need = 0;
        auto p = plan_all(f, first, need);
        if (p && need <= area.h()) {
            font = f;
            shown = first;
            plans = std::move(*p);
            break;
        }
    }
    if (shown.empty()) {
        // The smallest type, as many rows as fit above the note; a label that cannot be whole
        // even there is shortened, and reported.
        const StackMetrics m = stack_metrics(s, font);
        Rect rest = area;
        if (wanted == total) rest.y1 -= hidden_note_height(s);
        for (int n = int(first.size()); n > 0; --n) {
            std::vector<int> idx = pick_shown(order, highlighted, n);
            float need = 0;
            const float mark_col = mark_col_of(font, idx);
            std::vector<StackPlan> ps;
            for (int i : idx) {
                auto p = plan_row(rows[i], font, m, area.w(), mark_col);
                if (!p) {
                    StackPlan cut;
                    const float lw = area.w() - (rows[i].highlight ? m.marker_w : 0);
                    if (auto whole = wrap_whole(font.label, rows[i].label, lw, 2)) {
                        cut.label_lines = std::move(*whole);
                    } else {
                        cut.label_lines = wrap_lines(font.label, rows[i].label, lw, 2);
                        cut.cut = true;
                    }
                    const std::string fig = rows[i].figures.empty() ? "" : rows[i].figures.back();
                    cut.figure = ellipsize(font.figure, fig, area.w());
                    cut.figure_cut = cut.figure != fig;
                    cut.figure_below = true;
                    cut.mark_below = rows[i].met.has_value();
                    p = cut;
                }
                need += plan_height(m, rows[i], *p) + (ps.empty() ? 0 : m.size * 0.6f);
                ps.push_back(std::move(*p));
            }
            if (need <= rest.h() || n == 1) {
                if (need > rest.h()) return;  // not even one row fits
                shown = std::move(idx);
                plans = std::move(ps);
                break;
            }
        }
        area = rest;
    }
    draw_hidden_note(c, s, full, int(shown.size()), total, noun);

    // Spread the rows over the height: the gaps grow up to 2.5 lines, then the block is centred.
    const StackMetrics m = stack_metrics(s, font);
    float body = 0;
    for (size_t k = 0; k < shown.size(); ++k) body += plan_height(m, rows[shown[k]], plans[k]);
    const float n_gaps = float(std::max<size_t>(1, shown.size()) - 1);
    float row_gap = m.size * 0.6f;
    if (n_gaps > 0) row_gap = std::clamp((area.h() - body) / (n_gaps + 1.0f), m.size * 0.6f, m.size * 2.5f);
    const float block = body + row_gap * n_gaps;
    float y = std::floor(area.y0 + std::max(0.0f, (area.h() - block) * 0.5f));
    const float mark_col = mark_col_of(font, shown);
    const float tick = std::round(std::max(2.0f, s.unit * 0.3f));

    for (size_t k = 0; k < shown.size(); ++k) {
        const StackRow& r = rows[shown[k]];
        const StackPlan& p = plans[k];
        float lx = area.x0;
        if (r.highlight) {
            draw_row_marker(c, {area.x0, y, area.x0 + m.marker_w, y + m.size}, s.theme.highlight);
            lx += m.marker_w;
        }
        const ImFont* lf = r.highlight && font.figure != font.label ? font.figure : font.label;
        float ly = y;
        for (const auto& line : p.label_lines) {
            canvas_text(c, lf, {std::floor(lx), std::floor(ly)}, s.theme.text, line, p.cut);
            ly += m.line_h;
        }
        const float fig_y = p.figure_below ? ly : ly - m.line_h;
        const float fig_x1 = area.x1 - (mark_col > 0 && !p.mark_below ? mark_col + m.gap : 0);
        if (!p.figure.empty()) {
            const float fw = text_size(font.figure, p.figure).x;
            const float fx = p.figure_below ? area.x0 : fig_x1 - fw;
            canvas_text(c, font.figure, {std::floor(fx), std::floor(fig_y)}, s.theme.text, p.figure,
                        p.figure_cut);
            if (!p.figure2.empty())
                canvas_text(c, font.figure, {std::floor(fx), std::floor(fig_y + m.line_h)}, s.theme.text,
                            p.figure2);
        }
        if (r.met)
            draw_target_mark(c, s, font.figure,
                             {p.mark_below ? area.x0 : area.x1 - mark_col,
                              fig_y + (p.mark_below ? m.line_h * (p.figure2.empty() ? 1.0f : 2.0f) : 0)},
                             *r.met);
        y += m.size + m.line_h * float(std::max(1, p.lines()) - 1);

        if (r.value) {
            y += m.bar_gap;
            const float y0 = y, y1 = y + m.bar_h;
            const float zero_x = bar_x(r.scale, area.x0, area.x1, 0);
            const float end_x = bar_x(r.scale, area.x0, area.x1, *r.value);
            canvas_rect(c, snap_in({area.x0, y0, area.x1, y1}), s.theme.panel);  // the whole scale, faint
            draw_bar(c, zero_x, end_x, y0, y1, r.highlight ? s.theme.highlight : s.theme.bar);
            if (r.reference) {
                const float rx = std::round(bar_x(r.scale, area.x0, area.x1, *r.reference));
                canvas_rect(
                    c, {rx - tick * 0.35f, y0 - m.bar_gap * 0.5f, rx + tick * 0.35f, y1 + m.bar_gap * 0.5f},
                    s.theme.text_muted);
            }
            if (r.target) {
                const float tx = std::round(bar_x(r.scale, area.x0, area.x1, *r.target));
                // A miss: the distance still to go, outlined in the not-met colour.
                if (r.met && !*r.met && tx > end_x + 1)
                    canvas_rect_outline(c, {end_x, y0, tx, y1}, s.theme.bad, 0,
                                        std::max(2.0f, s.unit * 0.2f));
                canvas_rect(
                    c, {tx - tick * 0.5f, y0 - m.bar_gap * 0.7f, tx + tick * 0.5f, y1 + m.bar_gap * 0.7f},
                    s.theme.target);
            }
            y = y1;
        }
        y += row_gap;
    }
}
