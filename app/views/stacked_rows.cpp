#include "app/views/stacked_rows.h"

#include <algorithm>
#include <cmath>

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
    // The label on at most two whole lines, wrapped once however often it is asked for.
    std::optional<std::optional<std::vector<std::string>>> two;
    auto two_lines = [&]() -> const std::optional<std::vector<std::string>>& {
        if (!two) two = wrap_whole(f.label, r.label, label_w, 2);
        return *two;
    };
    const float label_one = text_size(f.label, r.label).x;
    for (const auto& fig : forms) {
        const float fw = fig.empty() ? 0 : text_size(f.figure, fig).x + m.gap;
        // One line: label, figure, mark.
        if (label_one + fw + right <= label_w) return make_plan({r.label}, fig, false);
        // The label on one or two lines, the figure on its last line.
        if (const auto& lines = two_lines();
            lines && text_size(f.label, lines->back()).x + fw + right <= label_w)
            return make_plan(*lines, fig, false);
        // The figure and the mark on a line of their own.
        if (fw + right <= width + m.gap)
            if (const auto& lines = two_lines()) return make_plan(*lines, fig, true);
    }
    // Narrow: the figure and the mark on lines of their own; the target part on one more.
    std::string fig = forms.back(), fig2;
    if (const size_t dot = fig.find(" \xC2\xB7 ");
        dot != std::string::npos && text_size(f.figure, fig).x > width) {
        fig2 = fig.substr(dot + 4);
        fig = fig.substr(0, dot);
    }
    if (text_size(f.figure, fig).x <= width && text_size(f.figure, fig2).x <= width && mark_col <= width)
        if (const auto& lines = two_lines()) {
            StackPlan p = make_plan(*lines, fig, true);
            p.figure2 = fig2;
            p.mark_below = r.met.has_value();
            return p;
        }
    return std::nullopt;
}

// A row that fits no way whole in the smallest type: the label on two lines, shortened when it
// must be (a reported problem), the figure and the mark under it.
StackPlan cut_plan(const StackRow& r, StackFonts font, const StackMetrics& m, float width) {
    StackPlan cut;
    const float lw = width - (r.highlight ? m.marker_w : 0);
    if (auto whole = wrap_whole(font.label, r.label, lw, 2)) {
        cut.label_lines = std::move(*whole);
    } else {
        cut.label_lines = wrap_lines(font.label, r.label, lw, 2);
        cut.cut = true;
    }
    const std::string fig = r.figures.empty() ? "" : r.figures.back();
    cut.figure = ellipsize(font.figure, fig, width);
    cut.figure_cut = cut.figure != fig;
    cut.figure_below = true;
    cut.mark_below = r.met.has_value();
    return cut;
}

// Plans rows in one font: each row once for a given mark column (the plan depends on nothing
// else), every plan counted in the canvas's layout_steps.
struct RowPlanner {
    const std::vector<StackRow>& rows;
    StackFonts font;
    StackMetrics m;
    float width;
    float met_w, missed_w;  // the mark's width, met and not met
    long& steps;
    float cached_col = -1;
    std::vector<std::optional<std::optional<StackPlan>>> cache;

    RowPlanner(const ViewStyle& s, const std::vector<StackRow>& r, StackFonts f, float w, long& counter)
        : rows(r),
          font(f),
          m(stack_metrics(s, f)),
          width(w),
          met_w(target_mark_width(s, f.figure, true)),
          missed_w(target_mark_width(s, f.figure, false)),
          steps(counter) {}

    // The mark column: as wide as the widest mark of the rows `idx`.
    float mark_col(const std::vector<int>& idx) const {
        float w = 0;
        for (int i : idx)
            if (rows[i].met) w = std::max(w, *rows[i].met ? met_w : missed_w);
        return w;
    }
    const std::optional<StackPlan>& plan(int i, float col) {
        if (col != cached_col) cache.assign(rows.size(), std::nullopt), cached_col = col;
        if (!cache[i]) ++steps, cache[i] = plan_row(rows[i], font, m, width, col);
        return *cache[i];
    }
};

// The plans of rows `idx` in order, and the height they need with the smallest gaps. Stops as
// soon as that passes `room` (after the first row): the caller sees need > room. None when a
// row fits no way whole, unless `cut` gives it a cut plan instead.
std::optional<std::vector<StackPlan>> plan_rows(RowPlanner& pl, const std::vector<int>& idx, float room,
                                                bool cut, float& need) {
    const float col = pl.mark_col(idx);
    std::vector<StackPlan> plans;
    need = 0;
    for (int i : idx) {
        if (!plans.empty() && need > room) break;
        const std::optional<StackPlan>& p = pl.plan(i, col);
        if (!p && !cut) return std::nullopt;
        if (!p) ++pl.steps;
        plans.push_back(p ? *p : cut_plan(pl.rows[i], pl.font, pl.m, pl.width));
        need += plan_height(pl.m, pl.rows[i], plans.back()) + (plans.size() == 1 ? 0 : pl.m.size * 0.6f);
    }
    return plans;
}

// At most how many rows could fit `room`: each is at least one line high, with a gap between.
int most_rows(const StackMetrics& m, float room) {
    const float gap = m.size * 0.6f;
    return std::max(1, int(std::floor((room + gap) / (m.size + gap))) + 1);
}

// One row from `y` down: marker, label lines, figure, mark, then its bar. Returns the y under it.
float draw_stack_row(Canvas& c, const ViewStyle& s, Rect area, StackFonts font, const StackMetrics& m,
                     const StackRow& r, const StackPlan& p, float y, float mark_col) {
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
    if (!r.value) return y;

    y += m.bar_gap;
    const float y0 = y, y1 = y + m.bar_h;
    const float tick = std::round(std::max(2.0f, s.unit * 0.3f));
    const float zero_x = bar_x(r.scale, area.x0, area.x1, 0);
    const float end_x = bar_x(r.scale, area.x0, area.x1, *r.value);
    canvas_rect(c, pixel_inner({area.x0, y0, area.x1, y1}), s.theme.panel);  // the whole scale, faint
    draw_bar(c, zero_x, end_x, y0, y1, r.highlight ? s.theme.highlight : s.theme.bar);
    if (r.reference) {
        const float rx = std::round(bar_x(r.scale, area.x0, area.x1, *r.reference));
        canvas_rect(c, {rx - tick * 0.35f, y0 - m.bar_gap * 0.5f, rx + tick * 0.35f, y1 + m.bar_gap * 0.5f},
                    s.theme.text_muted);
    }
    if (r.target) {
        const float tx = std::round(bar_x(r.scale, area.x0, area.x1, *r.target));
        // A miss: the distance still to go, outlined in the not-met colour.
        if (r.met && !*r.met && tx > end_x + 1)
            canvas_rect_outline(c, {end_x, y0, tx, y1}, s.theme.bad, 0, std::max(2.0f, s.unit * 0.2f));
        canvas_rect(c, {tx - tick * 0.5f, y0 - m.bar_gap * 0.7f, tx + tick * 0.5f, y1 + m.bar_gap * 0.7f},
                    s.theme.target);
    }
    return y1;
}

// What draw_stacked_rows shows: the rows, their plans, in which font, in which area.
struct StackChoice {
    StackFonts font;
    std::vector<int> shown;
    std::vector<StackPlan> plans;
    Rect area;
};

// The largest font in which all `first` rows fit whole; else the smallest, as many rows as fit
// above the note (cut where they must be). No rows: not even one fits.
StackChoice choose_stack(Canvas& c, const ViewStyle& s, Rect area, const std::vector<StackRow>& rows,
                         const std::vector<int>& order, const std::vector<bool>& highlighted,
                         const std::vector<int>& first, bool all_wanted,
                         std::initializer_list<StackFonts> candidates) {
    for (StackFonts f : candidates) {
        RowPlanner pl(s, rows, f, area.w(), c.layout_steps);
        float need = 0;
        auto p = plan_rows(pl, first, area.h(), false, need);
        if (p && need <= area.h()) return {f, first, std::move(*p), area};
    }
    // The smallest type, as many rows as fit above the note; a label that cannot be whole even
    // there is shortened, and reported. More rows than most_rows() never fit: not tried.
    const StackFonts font = *(candidates.end() - 1);
    RowPlanner pl(s, rows, font, area.w(), c.layout_steps);
    Rect rest = area;
    if (all_wanted) rest.y1 -= hidden_note_height(s);
    for (int n = std::min(int(first.size()), most_rows(pl.m, rest.h())); n > 0; --n) {
        std::vector<int> idx = pick_shown(order, highlighted, n);
        float need = 0;
        std::vector<StackPlan> ps = *plan_rows(pl, idx, rest.h(), true, need);
        if (need <= rest.h()) return {font, std::move(idx), std::move(ps), rest};
    }
    return {font, {}, {}, rest};
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

    const Rect full = area;
    if (wanted < total) area.y1 -= hidden_note_height(s);
    StackChoice ch = choose_stack(c, s, area, rows, order, highlighted, first, wanted == total, candidates);
    if (ch.shown.empty()) return;  // not even one row fits
    draw_hidden_note(c, s, full, int(ch.shown.size()), total, noun);

    // Spread the rows over the height: the gaps grow up to 2.5 lines, then the block is centred.
    const StackMetrics m = stack_metrics(s, ch.font);
    area = ch.area;
    float body = 0;
    for (size_t k = 0; k < ch.shown.size(); ++k) body += plan_height(m, rows[ch.shown[k]], ch.plans[k]);
    const float n_gaps = float(std::max<size_t>(1, ch.shown.size()) - 1);
    float row_gap = m.size * 0.6f;
    if (n_gaps > 0) row_gap = std::clamp((area.h() - body) / (n_gaps + 1.0f), m.size * 0.6f, m.size * 2.5f);
    const float block = body + row_gap * n_gaps;
    float y = std::floor(area.y0 + std::max(0.0f, (area.h() - block) * 0.5f));
    const float mark_col = RowPlanner(s, rows, ch.font, area.w(), c.layout_steps).mark_col(ch.shown);
    for (size_t k = 0; k < ch.shown.size(); ++k)
        y = draw_stack_row(c, s, area, ch.font, m, rows[ch.shown[k]], ch.plans[k], y, mark_col) + row_gap;
}
