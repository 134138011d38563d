// The timeline's two layouts of one step under the other (timeline_plan.h): the vertical one
// with its date column, and the stacked blocks.
#include <algorithm>
#include <cmath>
#include <functional>
#include <string>
#include <vector>

#include "app/views/timeline_plan.h"
#include "app/views/view_kit.h"

// ---- vertical ------------------------------------------------------------------------------

namespace {

// Each step's label lines and, when they fit, its note lines: the row heights, with the gap
// below each. `beside`: a note that fits whole after a one-line label (and its "I dag") goes
// there (not on a step with "Din kommune" under it), so the row stays one line tall.
void vertical_rows(const ViewStyle& s, const feeds::Timeline& data, float label_w, int max_note_lines,
                   const TimelinePlan& p, bool beside, VerticalPlan& v) {
    const Fonts& f = s.fonts;
    const float lh = f.body->FontSize * 1.15f, small_lh = f.small->FontSize * 1.15f;
    v.h.clear();
    v.note_lines.clear();
    v.note_dx.assign(data.events.size(), 0);
    for (size_t i = 0; i < data.events.size(); ++i) {
        const auto& e = data.events[i];
        const int lines = std::max(1, int(wrap_lines(f.body, e.label, label_w, 3).size()));
        float h = lh * (lines - 1) + f.body->FontSize + v.row_gap;
        if (p.home[i]) h += v.note_gap + f.small->FontSize;  // "Din kommune"
        // After the label, and after the "I dag" that follows a current step's label.
        const bool today = p.mark.on_event && p.mark.index == int(i);
        const float dx = std::ceil(text_size(f.body, e.label).x + v.gap * 2 +
                                   (today ? text_size(f.body_bold, "I dag").x + v.gap * 2 : 0));
        if (beside && !e.note.empty() && lines == 1 && !p.home[i] &&
            dx + text_size(f.small, e.note).x <= label_w) {
            v.note_dx[i] = dx;
            v.h.push_back(h);
            v.note_lines.push_back(1);
            continue;
        }
        int notes = 0;
        // A note is shown whole or not at all: up to `max_note_lines`, never cut.
        const int need = e.note.empty() ? 0 : int(wrap_lines(f.small, e.note, label_w, 0).size());
        if (max_note_lines > 0 && need > 0 && need <= max_note_lines) {
            notes = need;
            h += v.note_gap + small_lh * (notes - 1) + f.small->FontSize;
        }
        v.h.push_back(h);
        v.note_lines.push_back(notes);
    }
}

// The label column's width: the widest label (or shown note), with room for "I dag" after the
// current step's label; at most `label_w_max`.
float label_need(const ViewStyle& s, const feeds::Timeline& data, const TimelinePlan& p, float label_w_max) {
    const Fonts& f = s.fonts;
    const auto& ev = data.events;
    float need = 0;
    for (size_t i = 0; i < ev.size(); ++i) {
        need = std::max(need, text_size(f.body, ev[i].label).x);
        if (p.vertical.note_lines[i] > 0)
            need = std::max(need, p.vertical.note_dx[i] + text_size(f.small, ev[i].note).x);
    }
    if (p.mark.on_event)
        need = std::max(need, text_size(f.body, ev[size_t(p.mark.index)].label).x + p.vertical.gap * 2 +
                                  text_size(f.body_bold, "I dag").x);
    return std::min(std::ceil(need), label_w_max);
}

bool every_note_shown(const feeds::Timeline& data, const VerticalPlan& v) {
    for (size_t i = 0; i < data.events.size(); ++i)
        if (!data.events[i].note.empty() && v.note_lines[i] == 0) return false;
    return true;
}

// The notes beside the labels, in a column right of the widest label, each whole in up to
// two lines, first line level with the label: for when under the labels not every note fits
// with every step, as a landscape screen has the width to spare. Sets the rows, the labels'
// width (`labels_w`, from label_x) and the block's (`block_w`); false, and nothing set, when a
// note or a step would not fit.
bool notes_beside(const ViewStyle& s, const feeds::Timeline& data, TimelinePlan& p, float label_w_max,
                  const std::function<float(int, int)>& height, float& labels_w, float& block_w) {
    const Fonts& f = s.fonts;
    VerticalPlan& v = p.vertical;
    const VerticalPlan saved = v;
    std::fill(v.note_lines.begin(), v.note_lines.end(), 0);
    std::fill(v.note_dx.begin(), v.note_dx.end(), 0.0f);
    const float labels = label_need(s, data, p, label_w_max), col_gap = v.gap * 2;
    float note_w = 0;
    for (const auto& e : data.events) note_w = std::max(note_w, text_size(f.small, e.note).x);
    note_w = std::min(std::ceil(note_w), label_w_max - labels - col_gap);
    const float lh = f.body->FontSize * 1.15f, small_lh = f.small->FontSize * 1.15f;
    const float dy = std::floor((f.body->FontSize - f.small->FontSize) * 0.5f);
    v.row_gap = std::round(s.unit * 0.6f);  // the notes fill the rows: less air between them
    bool fits = note_w >= f.body->FontSize * 6;
    for (size_t i = 0; fits && i < data.events.size(); ++i) {
        const auto& e = data.events[i];
        const int lines = std::max(1, int(wrap_lines(f.body, e.label, labels, 3).size()));
        float left = lh * (lines - 1) + f.body->FontSize, right = 0;
        if (p.home[i]) left += v.note_gap + f.small->FontSize;  // "Din kommune"
        if (!e.note.empty()) {
            const auto note = wrap_whole(f.small, e.note, note_w, 3);
            fits = note.has_value();
            v.note_lines[i] = note ? int(note->size()) : 0;
            right = dy + small_lh * (v.note_lines[i] - 1) + f.small->FontSize;
        }
        v.h[i] = std::max(left, right) + v.row_gap;
    }
    if (!fits || height(0, int(data.events.size())) > p.area.h()) {
        v = saved;
        return false;
    }
    v.note_x = labels + col_gap;
    labels_w = labels, block_w = labels + col_gap + note_w;
    return true;
}

// Where the shown steps' dots go, and the "I dag" row between two of them.
void place_vertical_rows(const ViewStyle& s, TimelinePlan& p, int ins, float today_h) {
    VerticalPlan& v = p.vertical;
    float y = p.area.y0, before = y;  // the previous row's top
    for (int i = p.first; i < p.last; ++i) {
        if (i == ins && i > p.first && v.today_inline) {  // level with the last note line above
            const size_t k = size_t(i - 1);
            v.today_y = before + s.fonts.body->FontSize + v.note_gap +
                        s.fonts.small->FontSize * 1.15f * float(v.note_lines[k] - 1);
        } else if (i == ins && i > p.first) {
            v.today_y = y;
            y += today_h;
        }
        before = y;
        v.dot_y.push_back(y + s.fonts.body->FontSize * 0.55f);
        y += v.h[size_t(i)];
    }
}

// Room to spare: more air between the steps (up to one line more), so a short plan does not
// huddle at the top of a big screen. `today_h`: the "I dag" row's height, grown alike.
void add_air(const ViewStyle& s, TimelinePlan& p, int ins, const std::function<float(int, int)>& height,
             float& today_h) {
    VerticalPlan& v = p.vertical;
    const int gaps = p.last - p.first - 1 + (ins > p.first && ins < p.last && !v.today_inline ? 1 : 0);
    if (gaps > 0) {
        const float extra = std::floor(
            std::min((p.area.h() * 0.92f - height(p.first, p.last)) / gaps, s.fonts.body->FontSize * 2.5f));
        if (extra > 0) {
            for (float& h : v.h) h += extra;
            if (!v.today_inline) today_h += extra;
        }
    }
}

}  // namespace

// Dates right-aligned in their column, the line, labels left; the block centred across the
// width, so a short plan on a wide screen does not hug the left edge. The steps' notes go
// under their labels when every shown step keeps all of its own.
void plan_vertical(const Canvas& c, const ViewStyle& s, const feeds::Timeline& data, TimelinePlan& p) {
    const auto& ev = data.events;
    const int n = int(ev.size());
    VerticalPlan& v = p.vertical;
    v.gap = std::round(s.unit * 0.8f);
    v.r = std::max(6.0f, s.unit * 0.8f);
    v.thick = std::max(3.0f, s.unit * 0.35f);
    const ImFont* date_font = s.fonts.body_bold;
    for (const auto& e : ev)
        v.date_w = std::min(std::max(v.date_w, text_size(date_font, date_label(e)).x), p.area.w() * 0.32f);
    // Whole pixels from the block's left edge: the labels' width is then exact, and a label
    // measured to fit on one line is not wrapped when drawn (a float's last bit did that).
    const float line_dx = std::round(v.date_w + v.gap * 1.5f + v.r);
    const float label_dx = line_dx + std::round(v.r + v.gap * 1.5f);
    const float label_w_max = p.area.w() - label_dx;
    p.layout = TimelinePlan::Layout::Vertical;
    if (label_w_max < s.unit * 8) {
        p.problem = "timeline: area too narrow";
        return;
    }
    // "I dag" gets a row of its own between two steps; on a current step it sits by the label.
    const int ins = p.mark.index < 0 || p.mark.on_event ? -1 : p.mark.index;
    float today_h = date_font->FontSize + v.row_gap;
    auto height = [&](int a, int b) {  // rows [a, b)
        float h = 0;
        for (int i = a; i < b; ++i) h += v.h[size_t(i)];
        if (ins >= 0 && ins > a && ins < b) h += today_h;  // only between shown rows
        return h - v.row_gap;
    };
    // Notes: up to two lines each under the labels when every note fits so; else in a column
    // beside the labels; else with less air, short ones after their labels; else two lines, one
    // or none under the labels, whichever first lets every step be shown.
    auto rows_fit = [&](float air, int note_lines, bool beside) {
        v.row_gap = std::round(s.unit * air);
        v.note_gap = std::round(s.unit * std::min(0.3f, air * 0.5f));
        today_h = date_font->FontSize + v.row_gap;
        vertical_rows(s, data, label_w_max, note_lines, p, beside, v);
        // A small screen: "I dag" beside the note under the step before it, when that step has
        // one under a one-line label, rather than a row of its own.
        const size_t k = size_t(std::max(ins, 1) - 1);
        v.today_inline = beside && ins > 0 && v.note_lines[k] > 0 && v.note_dx[k] == 0 && !p.home[k] &&
                         wrap_lines(s.fonts.body, data.events[k].label, label_w_max, 0).size() == 1;
        if (v.today_inline) today_h = 0;
        return height(0, n) <= p.area.h();
    };
    auto fallback = [&] {
        for (int note_lines : {2, 1, 0})
            if (rows_fit(1.2f, note_lines, false)) break;
    };
    bool all_notes = rows_fit(1.2f, 2, false) && every_note_shown(data, v);
    if (!all_notes) fallback();
    float need = label_need(s, data, p, label_w_max), block_w = need;
    if (!every_note_shown(data, v)) notes_beside(s, data, p, label_w_max, height, need, block_w);
    // Neither under nor in a column beside (800x480): less air between the steps, then each
    // short note after its own label, the rest under theirs.
    if (!every_note_shown(data, v) && v.note_x < 0) {
        for (bool beside : {false, true})
            for (float air : {0.6f, 0.3f})
                if (!all_notes) all_notes = rows_fit(air, 2, beside) && every_note_shown(data, v);
        if (!all_notes) fallback();
        need = block_w = label_need(s, data, p, label_w_max);
    }
    v.x0 = p.area.x0 + std::floor((label_w_max - block_w) * 0.5f);
    v.line_x = v.x0 + line_dx, v.label_x = v.x0 + label_dx;
    v.label_x1 = std::min(p.area.x1, v.label_x + need);
    if (v.note_x >= 0) v.note_x += v.label_x;

    // keep a little of what is done in view
    const int start = std::max(0, (p.mark.index >= 0 ? p.mark.index : 0) - 2);
    fit_window(n, start, p.area.h(), height, p.first, p.last);
    if (p.last - p.first < n) {
        p.hidden = true;
        p.area = hidden_note_space(c, s, p.area);
        fit_window(n, start, p.area.h(), height, p.first, p.last);
    }
    if (p.last <= p.first) {
        p.problem = "timeline: area too small for one step";
        return;
    }
    add_air(s, p, ins, height, today_h);
    place_vertical_rows(s, p, ins, today_h);
}

// ---- stacked -------------------------------------------------------------------------------

// Each step as a short block beside a vertical line: the date in bold, the label under it, the
// note under that, all in the full width right of the line.
float draw_step_block(Canvas& c, const ViewStyle& s, float x0, float x1, float y,
                      const feeds::TimelineEvent& e, When w, bool today_here, bool home,
                      const StackedStyle& st) {
    const Fonts& f = s.fonts;
    const float gap = std::round(s.unit * 0.3f);
    const float start = y;
    const std::string date = date_label(e);
    y += canvas_paragraph(c, f.body_bold, {x0, y, x1, y + 1e5f}, date_color(s.theme, w), date);
    if (today_here) {
        // "I dag" after a one-line date when it fits, else on a line of its own.
        const float dw = text_size(f.body_bold, date).x, tw = text_size(f.body_bold, "· I dag").x;
        const float sp = std::round(s.unit * 0.5f);
        if (fits_lines(f.body_bold, date, x1 - x0, 1) && x0 + dw + sp + tw <= x1)
            canvas_text(c, f.body_bold, {std::floor(x0 + dw + sp), std::floor(start)}, s.theme.highlight,
                        "· I dag");
        else
            y += gap + canvas_paragraph(c, f.body_bold, {x0, y + gap, x1, y + gap + 1e5f}, s.theme.highlight,
                                        "I dag");
    }
    y += gap;
    y += canvas_paragraph(c, st.label, {x0, y, x1, y + 1e5f},
                          w == When::Past ? s.theme.text_muted : s.theme.text, e.label);
    if (home) {
        y += gap;
        y += canvas_paragraph(c, f.small, {x0, y, x1, y + 1e5f}, s.theme.highlight, "Din kommune");
    }
    if (st.notes && !e.note.empty()) {
        y += gap;
        y += canvas_paragraph(c, f.small, {x0, y, x1, y + 1e5f}, s.theme.text_muted, e.note);
    }
    return y - start;
}

namespace {

// Where the shown steps' blocks go, with the room to spare between them (up to two lines'
// worth each): the plan fills the height.
void place_stacked_rows(const ViewStyle& s, TimelinePlan& p, int ins, float row_gap,
                        const std::function<float(int, int)>& height) {
    StackedPlan& k = p.stacked;
    const int gaps = p.last - p.first - 1 + (ins > p.first && ins < p.last ? 1 : 0);
    float extra = 0;
    if (gaps > 0)
        extra = std::floor(std::clamp((p.area.h() - height(p.first, p.last)) / float(gaps), 0.0f,
                                      s.fonts.body->FontSize * 2.5f));
    const float today_h = s.fonts.body_bold->FontSize;
    float y = p.area.y0;
    for (int i = p.first; i < p.last; ++i) {
        if (i == ins && i > p.first) {
            k.today_y = y;
            y += today_h + row_gap + extra;
        }
        k.top.push_back(y);
        y += k.h[size_t(i)] + row_gap + extra;
    }
}

}  // namespace

// Labels in body, else in small when a word is wider than the column. Notes only when they
// cost no step: more of the plan beats the notes.
void plan_stacked(const Canvas& c, const ViewStyle& s, const feeds::Timeline& data, TimelinePlan& p) {
    const auto& ev = data.events;
    const int n = int(ev.size());
    StackedPlan& k = p.stacked;
    p.layout = TimelinePlan::Layout::Stacked;
    k.gap = std::round(s.unit * 0.8f);
    k.r = std::max(6.0f, s.unit * 0.8f);
    k.thick = std::max(3.0f, s.unit * 0.35f);
    k.line_x = p.area.x0 + k.r * 1.6f;
    k.x0 = k.line_x + k.r * 1.6f + k.gap, k.x1 = p.area.x1;
    k.dot_dy = s.fonts.body_bold->FontSize * 0.55f;
    const int ins = p.mark.index < 0 || p.mark.on_event ? -1 : p.mark.index;  // "I dag" between steps
    float row_gap = std::round(s.unit * 0.8f);  // more goes in below when there is room
    const float today_h = s.fonts.body_bold->FontSize;
    k.h.assign(size_t(n), 0);
    auto measure = [&](const StackedStyle& style) {  // the blocks' heights; how many texts are cut
        int cuts = 0;
        for (int i = 0; i < n; ++i) {
            Canvas scratch = measuring_canvas(c);
            k.h[size_t(i)] =
                std::ceil(draw_step_block(scratch, s, k.x0, k.x1, 0, ev[size_t(i)], p.when[size_t(i)],
                                          i == p.mark.index && p.mark.on_event, p.home[size_t(i)], style));
            for (const auto& t : scratch.texts) cuts += text_was_cut(t) ? 1 : 0;
        }
        return cuts;
    };
    auto height = [&](int a, int b) {
        float sum = 0;
        for (int i = a; i < b; ++i) sum += k.h[size_t(i)] + (i > a ? row_gap : 0);
        if (ins > a && ins < b) sum += today_h + row_gap;
        return sum;
    };
    // keep a little of what is done in view
    const int start = std::max(0, (p.mark.index >= 0 ? p.mark.index : 0) - 1);
    const Rect area = p.area, note_space = hidden_note_space(c, s, area);
    auto fit = [&](const StackedStyle& style) {  // measures, picks the window; false when a text is cut
        const bool whole = measure(style) == 0;
        fit_window(n, start, area.h(), height, p.first, p.last);
        if (p.last - p.first < n) fit_window(n, start, note_space.h(), height, p.first, p.last);
        return whole;
    };
    auto choose = [&] {
        for (const ImFont* label : {s.fonts.body, s.fonts.small}) {
            if (!fit({label, false})) continue;
            const int without = p.last - p.first;
            k.st = {label, true};
            if (!fit(k.st) || p.last - p.first < without) {
                k.st = {label, false};
                fit(k.st);
            }
            return;
        }
        k.st = {s.fonts.small, false};
        fit(k.st);
    };
    choose();
    // Less air between the blocks when that brings every note on screen with every step (the
    // "I dag" row between two steps takes a line).
    auto all_shown = [&] { return k.st.notes && p.last - p.first == n; };
    if (!all_shown()) {
        const float air = row_gap;
        row_gap = std::round(s.unit * 0.3f);
        choose();
        if (!all_shown()) row_gap = air, choose();
    }
    p.hidden = p.last - p.first < n;
    if (p.hidden) p.area = note_space;
    k.fallback = p.last <= p.first;
    if (!k.fallback) place_stacked_rows(s, p, ins, row_gap, height);
}
