// Timeline: dated steps along a line, with "I dag" where today falls.
//
// Landscape with room: a horizontal line, dates above, labels below, steps evenly spaced
// (the documents' dates are months and seasons, so spacing by days would claim a precision
// they do not have). Portrait, or too many steps for the width: a vertical line with dates
// left and labels right. Done steps are filled dots, coming ones hollow rings.
// timeline_plan.* decides what goes where; this file draws it.
#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "app/view.h"
#include "app/views/timeline_plan.h"
#include "app/views/view_kit.h"

namespace {

void draw_dot(Canvas& c, const Theme& t, ImVec2 p, float r, When w) {
    if (!c.dl) return;
    switch (w) {
        case When::Past:
            c.dl->AddCircleFilled(p, r, t.bar);
            break;
        case When::Current:
            c.dl->AddCircleFilled(p, r * 1.25f, t.highlight);
            c.dl->AddCircle(p, r * 1.25f + r * 0.45f, t.highlight, 0, std::max(1.5f, r * 0.2f));
            break;
        case When::Future:
            c.dl->AddCircleFilled(p, r, t.background);
            c.dl->AddCircle(p, r - r * 0.12f, t.text_muted, 0, std::max(2.0f, r * 0.24f));
            break;
    }
}

ImU32 label_color(const Theme& t, When w) {
    return w == When::Past ? t.text_muted : t.text;
}

// ---- horizontal ----------------------------------------------------------------------------

void draw_horizontal_step(Canvas& c, const ViewStyle& s, const HorizontalPlan& h, int i,
                          const feeds::TimelineEvent& e, When w, bool home) {
    const Fonts& f = s.fonts;
    const float cx = h.x_of(i), half = h.text_w * 0.5f;
    draw_dot(c, s.theme, {cx, h.line_y}, h.r, w);
    canvas_paragraph(c, f.body_bold, {cx - half, h.date_y, cx + half, h.date_y + h.date_h + 1},
                     date_color(s.theme, w), date_label(e), 2, Align::Center);
    canvas_paragraph(c, h.label_font, {cx - half, h.label_y, cx + half, h.label_y + h.label_h + 1},
                     label_color(s.theme, w), e.label, 3, Align::Center);
    if (h.note_lines[size_t(i)] > 0)
        canvas_paragraph(c, f.small, {cx - half, h.note_y, cx + half, h.note_y + h.note_h + 1},
                         s.theme.text_muted, e.note, h.note_lines[size_t(i)], Align::Center);
    if (!home) return;
    const float hy = h.label_y + h.label_h + h.gap * 0.5f;
    canvas_text_in(c, f.small, {cx - half, hy, cx + half, hy + f.small->FontSize}, s.theme.highlight,
                   "Din kommune", Align::Center);
    canvas_rect(c,
                {cx - h.text_w * 0.3f, hy + f.small->FontSize + h.gap * 0.3f, cx + h.text_w * 0.3f,
                 hy + f.small->FontSize + h.gap * 0.3f + std::max(3.0f, s.unit * 0.4f)},
                s.theme.highlight);
}

void draw_horizontal(Canvas& c, const ViewStyle& s, const TimelinePlan& p, const feeds::Timeline& data) {
    const HorizontalPlan& h = p.horizontal;
    const int n = int(data.events.size());
    // The line: solid blue through what is done, quiet grey ahead.
    canvas_line(c, {h.line_x0, h.line_y}, {h.line_x1, h.line_y}, s.theme.grid, h.thick);
    if (h.done_x > h.x_of(0))
        canvas_line(c, {h.x_of(0), h.line_y}, {h.done_x, h.line_y}, s.theme.bar, h.thick);
    for (int i = 0; i < n; ++i)
        draw_horizontal_step(c, s, h, i, data.events[size_t(i)], p.when[size_t(i)], p.home[size_t(i)]);
    if (p.mark.index < 0) return;
    // "I dag" above the current step, or between the last done step and the next one, where
    // a dashed stroke leads down to the line through the gap between the two dates.
    const ImFont* bold = s.fonts.body_bold;
    canvas_text(c, bold, {std::floor(h.mark_text_x), h.today_y}, s.theme.highlight, "I dag");
    if (p.mark.on_event) return;
    const float bottom = h.line_y - h.r;
    for (float yy = h.today_y + bold->FontSize + h.gap * 0.3f; yy < bottom; yy += s.unit * 0.9f)
        canvas_line(c, {h.mark_x, yy}, {h.mark_x, std::min(yy + s.unit * 0.5f, bottom)}, s.theme.highlight,
                    2.0f);
}

// ---- vertical ------------------------------------------------------------------------------

// The line through the shown steps, solid up to the last done one, and the "I dag" row.
void draw_vertical_line(Canvas& c, const ViewStyle& s, const TimelinePlan& p) {
    const VerticalPlan& v = p.vertical;
    const ImFont* date_font = v.today_inline ? s.fonts.small : s.fonts.body_bold;
    if (v.today_y >= 0)
        canvas_text_in(c, date_font, {v.x0, v.today_y, v.x0 + v.date_w, v.today_y + date_font->FontSize},
                       s.theme.highlight, "I dag", Align::Right);
    if (v.dot_y.size() > 1)
        canvas_line(c, {v.line_x, v.dot_y.front()}, {v.line_x, v.dot_y.back()}, s.theme.grid, v.thick);
    for (int i = p.first + 1; i < p.last; ++i)
        if (p.when[size_t(i)] != When::Future)
            canvas_line(c, {v.line_x, v.dot_y[size_t(i - p.first - 1)]},
                        {v.line_x, v.dot_y[size_t(i - p.first)]}, s.theme.bar, v.thick);
    if (v.today_y >= 0) {
        const float y = v.today_y + date_font->FontSize * 0.5f;
        // beside a note, the stroke stops short of it
        const float right = v.today_inline ? v.r : v.r * 2;
        canvas_line(c, {v.line_x - v.r * 2, y}, {v.line_x + right, y}, s.theme.highlight, 3.0f);
    }
}

void draw_vertical_step(Canvas& c, const ViewStyle& s, const TimelinePlan& p, const feeds::TimelineEvent& e,
                        int i) {
    const VerticalPlan& v = p.vertical;
    const Fonts& f = s.fonts;
    const ImFont* date_font = f.body_bold;
    const ImFont* label_font = f.body;
    const When w = p.when[size_t(i)];
    const float dot_y = v.dot_y[size_t(i - p.first)];
    const float top = dot_y - label_font->FontSize * 0.55f;
    draw_dot(c, s.theme, {v.line_x, dot_y}, v.r, w);
    canvas_text_in(c, date_font, {v.x0, top, v.x0 + v.date_w, top + date_font->FontSize},
                   date_color(s.theme, w), date_label(e), Align::Right);
    const int label_lines =
        std::max(1, int(wrap_lines(label_font, e.label, v.label_x1 - v.label_x, 3).size()));
    const float label_h = label_font->FontSize * 1.15f * (label_lines - 1) + label_font->FontSize;
    const float used = canvas_paragraph(c, label_font, {v.label_x, top, v.label_x1, top + label_h + 1},
                                        label_color(s.theme, w), e.label, 3);
    if (i == p.mark.index && p.mark.on_event) {
        // On the label's first line when it is a single line with room, else beside the date.
        const float tw = text_size(date_font, "I dag").x;
        const float lx = v.label_x + text_size(label_font, e.label).x + v.gap * 2;
        if (label_lines == 1 && lx + tw <= p.area.x1)
            canvas_text(c, date_font, {std::floor(lx), top}, s.theme.highlight, "I dag");
    }
    float below = top + used;
    if (p.home[size_t(i)]) {
        canvas_text(c, f.small, {v.label_x, std::floor(below + v.note_gap)}, s.theme.highlight,
                    "Din kommune");
        canvas_rect(c,
                    {v.x0 - v.gap * 1.5f, top, v.x0 - v.gap * 1.5f + std::max(3.0f, s.unit * 0.4f),
                     below + v.note_gap + f.small->FontSize},
                    s.theme.highlight);
        below += v.note_gap + f.small->FontSize;
    }
    if (v.note_dx[size_t(i)] > 0) {  // after a short label, level with it
        const float y = top + std::floor((label_font->FontSize - f.small->FontSize) * 0.5f);
        canvas_text(c, f.small, {v.label_x + v.note_dx[size_t(i)], y}, s.theme.text_muted, e.note);
    } else if (v.note_lines[size_t(i)] > 0 &&
               v.note_x >= 0) {  // beside the label, its first line level with it
        const float y = top + std::floor((label_font->FontSize - f.small->FontSize) * 0.5f);
        canvas_paragraph(c, f.small, {v.note_x, y, p.area.x1, top + v.h[size_t(i)] - v.row_gap + 1},
                         s.theme.text_muted, e.note, v.note_lines[size_t(i)]);
    } else if (v.note_lines[size_t(i)] > 0)
        canvas_paragraph(c, f.small,
                         {v.label_x, below + v.note_gap, v.label_x1, top + v.h[size_t(i)] - v.row_gap + 1},
                         s.theme.text_muted, e.note, v.note_lines[size_t(i)]);
}

// ---- stacked (portrait) -------------------------------------------------------------------

// Not even one step whole: the first one's date and label, as much as fits (the canvas reports
// the cut).
void draw_stacked_fallback(Canvas& c, const ViewStyle& s, const TimelinePlan& p,
                           const feeds::Timeline& data) {
    const feeds::TimelineEvent& e = data.events[size_t(p.mark.index >= 0 ? p.mark.index : 0)];
    const Rect area = draw_hidden_note(c, s, p.area, 1, int(data.events.size()), "trin");
    const float used = canvas_paragraph(c, s.fonts.body_bold, area, s.theme.text, date_label(e));
    canvas_paragraph(c, s.fonts.body, {area.x0, area.y0 + used + p.stacked.gap, area.x1, area.y1},
                     s.theme.text, e.label);
}

void draw_stacked(Canvas& c, const ViewStyle& s, const TimelinePlan& p, const feeds::Timeline& data) {
    const StackedPlan& k = p.stacked;
    if (k.fallback) return draw_stacked_fallback(c, s, p, data);
    const auto top = [&](int i) { return k.top[size_t(i - p.first)]; };
    if (k.top.size() > 1)
        canvas_line(c, {k.line_x, k.top.front() + k.dot_dy}, {k.line_x, k.top.back() + k.dot_dy},
                    s.theme.grid, k.thick);
    for (int i = p.first + 1; i < p.last; ++i)
        if (p.when[size_t(i)] != When::Future)
            canvas_line(c, {k.line_x, top(i - 1) + k.dot_dy}, {k.line_x, top(i) + k.dot_dy}, s.theme.bar,
                        k.thick);
    if (k.today_y >= 0) {
        const float ty = k.today_y + k.dot_dy;
        canvas_line(c, {k.line_x - k.r * 1.5f, ty}, {k.line_x + k.r * 1.5f, ty}, s.theme.highlight, 3.0f);
        canvas_text(c, s.fonts.body_bold, {k.x0, std::floor(k.today_y)}, s.theme.highlight, "I dag");
    }
    for (int i = p.first; i < p.last; ++i) {
        const When w = p.when[size_t(i)];
        const bool home = p.home[size_t(i)];
        const float ty = std::floor(top(i));
        if (home)
            canvas_rect(c, {p.area.x0, ty, p.area.x0 + std::max(3.0f, s.unit * 0.4f), ty + k.h[size_t(i)]},
                        s.theme.highlight);
        draw_dot(c, s.theme, {k.line_x, ty + k.dot_dy}, k.r, w);
        draw_step_block(c, s, k.x0, k.x1, ty, data.events[size_t(i)], w, i == p.mark.index && p.mark.on_event,
                        home, k.st);
    }
}

}  // namespace

void draw_timeline(Canvas& c, const ViewStyle& s, Rect area, const feeds::Timeline& data,
                   const ViewInput& in) {
    const TimelinePlan p = plan_timeline(c, s, area, data, in);
    if (p.layout == TimelinePlan::Layout::Empty) return draw_no_items(c, s, area);
    if (p.hidden) draw_hidden_note(c, s, area, p.last - p.first, int(data.events.size()), "trin");
    if (!p.problem.empty()) {
        c.notes.push_back(p.problem);
        return;
    }
    c.left_out.insert(c.left_out.end(), p.left_out.begin(), p.left_out.end());
    switch (p.layout) {
        case TimelinePlan::Layout::Horizontal:
            return draw_horizontal(c, s, p, data);
        case TimelinePlan::Layout::Vertical:
            draw_vertical_line(c, s, p);
            for (int i = p.first; i < p.last; ++i) draw_vertical_step(c, s, p, data.events[size_t(i)], i);
            return;
        case TimelinePlan::Layout::Stacked:
            return draw_stacked(c, s, p, data);
        case TimelinePlan::Layout::Empty:
            return;
    }
}
