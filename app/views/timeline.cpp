// Timeline: dated steps along a line, with "I dag" where today falls.
//
// Landscape with room: a horizontal line, dates above, labels below, steps evenly spaced
// (the documents' dates are months and seasons, so spacing by days would claim a precision
// they do not have). Portrait, or too many steps for the width: a vertical line with dates
// left and labels right. Done steps are filled dots, coming ones hollow rings.
#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "app/danish_format.h"
#include "app/view.h"
#include "app/views/home_match.h"
#include "app/views/status_badge.h"
#include "app/views/status_board.h"

namespace {

enum class When { Past, Current, Future };

// A partial date as a range of day numbers. Months are counted as 31 days: only the order
// matters here.
int day_number(int y, int m, int d) {
    return y * 372 + (m - 1) * 31 + (d - 1);
}
int range_start(const feeds::PartialDate& p) {
    return day_number(p.year, p.month ? p.month : 1, p.day ? p.day : 1);
}
int range_end(const feeds::PartialDate& p) {
    return day_number(p.year, p.month ? p.month : 12, p.day ? p.day : 31);
}

When when_of(const feeds::PartialDate& event, const feeds::PartialDate& today) {
    if (today.year <= 0) return When::Future;
    const int t = range_start(today);
    if (range_end(event) < t) return When::Past;
    if (range_start(event) > t) return When::Future;
    return When::Current;  // "maj 2022" on 3 May 2022
}

std::string date_label(const feeds::TimelineEvent& e) {
    return e.date_text.empty() ? format_date(e.date) : e.date_text;
}

// Where the "I dag" marker goes: before event `index`, or on it when `on_event`. -1: no marker.
struct TodayMark {
    int index = -1;
    bool on_event = false;
};

TodayMark today_mark(const std::vector<feeds::TimelineEvent>& ev, const feeds::PartialDate& today) {
    TodayMark m;
    if (today.year <= 0 || ev.empty()) return m;
    int lo = range_start(ev[0].date), hi = range_end(ev[0].date);
    for (const auto& e : ev) lo = std::min(lo, range_start(e.date)), hi = std::max(hi, range_end(e.date));
    const int t = range_start(today);
    if (t < lo || t > hi) return m;  // today outside the plan: no marker
    for (size_t i = 0; i < ev.size(); ++i) {
        const When w = when_of(ev[i].date, today);
        if (w == When::Current) return {int(i), true};
        if (w == When::Future) return {int(i), false};
    }
    return m;
}

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

ImU32 date_color(const Theme& t, When w) {
    return w == When::Past ? t.text_muted : w == When::Current ? t.highlight : t.text;
}

float longest_word(const ImFont* font, std::string_view text) {
    float w = 0;
    size_t i = 0;
    while (i < text.size()) {
        size_t j = text.find(' ', i);
        if (j == std::string_view::npos) j = text.size();
        w = std::max(w, text_size(font, text.substr(i, j - i)).x);
        i = j + 1;
    }
    return w;
}

// Which steps name the home municipality (--home) in their label or note.
std::vector<bool> home_steps(const std::vector<feeds::TimelineEvent>& ev, std::string_view home) {
    std::vector<bool> out;
    for (const auto& e : ev) out.push_back(text_names_home(e.label, home) || text_names_home(e.note, home));
    return out;
}

// ---- horizontal ----------------------------------------------------------------------------

bool draw_horizontal(Canvas& c, const ViewStyle& s, Rect area, const feeds::Timeline& data,
                     const ViewInput& in) {
    const auto& ev = data.events;
    const Fonts& f = s.fonts;
    const int n = int(ev.size());
    const float slot = area.w() / n;
    const float gap = std::round(s.unit * 0.8f);
    const float text_w = slot - gap;
    const float r = std::max(6.0f, s.unit * 0.9f);

    // Labels in body when every one fits in three lines, else in small. A word wider than the
    // slot would be cut mid-word: then the vertical layout, with its wide label column, is better.
    const ImFont* label_font = f.body;
    for (const auto& e : ev)
        if (wrap_lines(f.body, e.label, text_w, 0).size() > 3 || longest_word(f.body, e.label) > text_w)
            label_font = f.small;
    for (const auto& e : ev)
        if (longest_word(label_font, e.label) > text_w) return false;
    int label_lines = 1, date_lines = 1;
    for (const auto& e : ev) {
        label_lines = std::max(label_lines, int(wrap_lines(label_font, e.label, text_w, 3).size()));
        date_lines = std::max(date_lines, int(wrap_lines(f.body_bold, date_label(e), text_w, 2).size()));
    }
    const TodayMark mark = today_mark(ev, in.today);
    const float today_h = mark.index >= 0 ? f.body_bold->FontSize + gap : 0;
    const float date_lh = f.body_bold->FontSize * 1.15f, label_lh = label_font->FontSize * 1.15f;
    const float date_h = date_lh * (date_lines - 1) + f.body_bold->FontSize;
    const float label_h = label_lh * (label_lines - 1) + label_font->FontSize;
    const std::vector<bool> home = home_steps(ev, in.home);
    const bool any_home = std::find(home.begin(), home.end(), true) != home.end();
    // "Din kommune" and an accent bar under a label
    const float home_h = any_home ? gap * 0.8f + f.small->FontSize + std::max(3.0f, s.unit * 0.4f) : 0;
    if (any_home && text_size(f.small, "Din kommune").x > text_w) return false;
    const float block_h = today_h + date_h + gap * 1.5f + 2 * r + gap * 1.5f + label_h + home_h;
    if (block_h > area.h()) return false;

    // The block sits a little above the middle: the eye rests there, and the footer is calm.
    float y = area.y0 + std::round((area.h() - block_h) * 0.42f);
    const float today_y = y;
    y += today_h;
    const float date_y = y;
    const float line_y = std::round(date_y + date_h + gap * 1.5f + r);
    const float label_y = line_y + r + gap * 1.5f;
    auto x_of = [&](int i) { return area.x0 + slot * (i + 0.5f); };

    // The line: solid blue through what is done, quiet grey ahead.
    const float thick = std::max(3.0f, s.unit * 0.35f);
    const float lx0 = n > 1 ? x_of(0) : x_of(0) - slot * 0.3f,
                lx1 = n > 1 ? x_of(n - 1) : x_of(0) + slot * 0.3f;
    canvas_line(c, {lx0, line_y}, {lx1, line_y}, s.theme.grid, thick);
    int done = -1;
    for (int i = 0; i < n; ++i)
        if (when_of(ev[i].date, in.today) != When::Future) done = i;
    float done_x = done >= 0 ? x_of(done) : x_of(0);
    if (mark.index > 0 && !mark.on_event)
        done_x = (x_of(mark.index - 1) + x_of(mark.index)) * 0.5f;  // up to today
    if (done_x > x_of(0)) canvas_line(c, {x_of(0), line_y}, {done_x, line_y}, s.theme.bar, thick);

    for (int i = 0; i < n; ++i) {
        const When w = when_of(ev[i].date, in.today);
        const float cx = x_of(i);
        draw_dot(c, s.theme, {cx, line_y}, r, w);
        canvas_paragraph(c, f.body_bold,
                         {cx - text_w * 0.5f, date_y, cx + text_w * 0.5f, date_y + date_h + 1},
                         date_color(s.theme, w), date_label(ev[i]), 2, Align::Center);
        canvas_paragraph(c, label_font,
                         {cx - text_w * 0.5f, label_y, cx + text_w * 0.5f, label_y + label_h + 1},
                         w == When::Past ? s.theme.text_muted : s.theme.text, ev[i].label, 3, Align::Center);
        if (home[i]) {
            const float hy = label_y + label_h + gap * 0.5f;
            canvas_text_in(c, f.small, {cx - text_w * 0.5f, hy, cx + text_w * 0.5f, hy + f.small->FontSize},
                           s.theme.highlight, "Din kommune", Align::Center);
            canvas_rect(c,
                        {cx - text_w * 0.3f, hy + f.small->FontSize + gap * 0.3f, cx + text_w * 0.3f,
                         hy + f.small->FontSize + gap * 0.3f + std::max(3.0f, s.unit * 0.4f)},
                        s.theme.highlight);
        }
    }

    if (mark.index < 0) return true;
    // "I dag" above the current step, or between the last done step and the next one, where
    // a dashed stroke leads down to the line through the gap between the two dates.
    float mx = x_of(mark.index);
    if (!mark.on_event)
        mx = mark.index > 0 ? (x_of(mark.index - 1) + x_of(mark.index)) * 0.5f : x_of(0) - slot * 0.5f;
    mx = std::clamp(mx, area.x0 + r, area.x1 - r);
    const float tw = text_size(f.body_bold, "I dag").x;
    const float tx = std::clamp(mx - tw * 0.5f, area.x0, area.x1 - tw);
    canvas_text(c, f.body_bold, {std::floor(tx), today_y}, s.theme.highlight, "I dag");
    if (!mark.on_event)
        for (float yy = today_y + f.body_bold->FontSize + gap * 0.3f; yy < line_y - r; yy += s.unit * 0.9f)
            canvas_line(c, {mx, yy}, {mx, std::min(yy + s.unit * 0.5f, line_y - r)}, s.theme.highlight, 2.0f);
    return true;
}

// ---- vertical ------------------------------------------------------------------------------

// Rows of the vertical layout: each step's label lines and, when they fit, its note lines.
struct VerticalRows {
    std::vector<float> h;         // per step, with the gap below it
    std::vector<int> note_lines;  // per step: 0 when its note is not shown
};

VerticalRows vertical_rows(const ViewStyle& s, const feeds::Timeline& data, float label_w, float row_gap,
                           int max_note_lines, const std::vector<bool>& home) {
    const Fonts& f = s.fonts;
    const float lh = f.body->FontSize * 1.15f, small_lh = f.small->FontSize * 1.15f;
    const float note_gap = std::round(s.unit * 0.3f);
    VerticalRows rows;
    for (size_t i = 0; i < data.events.size(); ++i) {
        const auto& e = data.events[i];
        const int lines = std::max(1, int(wrap_lines(f.body, e.label, label_w, 3).size()));
        float h = lh * (lines - 1) + f.body->FontSize + row_gap;
        if (home[i]) h += note_gap + f.small->FontSize;  // "Din kommune"
        int notes = 0;
        // A note is shown whole or not at all: up to `max_note_lines`, never cut.
        const int need = e.note.empty() ? 0 : int(wrap_lines(f.small, e.note, label_w, 0).size());
        if (max_note_lines > 0 && need > 0 && need <= max_note_lines) {
            notes = need;
            h += note_gap + small_lh * (notes - 1) + f.small->FontSize;
        }
        rows.h.push_back(h);
        rows.note_lines.push_back(notes);
    }
    return rows;
}

// Dates right-aligned in their column, the line, labels left; the block centred across the
// width, so a short plan on a wide screen does not hug the left edge. The steps' notes go
// under their labels when every shown step keeps all of its own.
void draw_vertical(Canvas& c, const ViewStyle& s, Rect area, const feeds::Timeline& data,
                   const ViewInput& in) {
    const auto& ev = data.events;
    const Fonts& f = s.fonts;
    const int n = int(ev.size());
    const float gap = std::round(s.unit * 0.8f);
    const float r = std::max(6.0f, s.unit * 0.8f);
    const ImFont* date_font = f.body_bold;
    const ImFont* label_font = f.body;

    float date_w = 0;
    for (const auto& e : ev)
        date_w = std::min(std::max(date_w, text_size(date_font, date_label(e)).x), area.w() * 0.32f);
    // Whole pixels from the block's left edge: the labels' width is then exact, and a label
    // measured to fit on one line is not wrapped when drawn (a float's last bit did that).
    const float line_dx = std::round(date_w + gap * 1.5f + r);
    const float label_dx = line_dx + std::round(r + gap * 1.5f);
    const float label_w_max = area.w() - label_dx;
    if (label_w_max < s.unit * 8) {
        c.notes.push_back("timeline: area too narrow");
        return;
    }
    const float row_gap = std::round(s.unit * 1.2f);
    const TodayMark mark = today_mark(ev, in.today);
    const std::vector<bool> home = home_steps(ev, in.home);
    // "I dag" gets a row of its own between two steps; on a current step it sits by the label.
    const int ins = mark.index < 0 || mark.on_event ? -1 : mark.index;
    float today_h = date_font->FontSize + row_gap;

    // Notes: two lines each, else one, else none, whichever first lets every step be shown.
    VerticalRows rows;
    auto height = [&](int a, int b) {  // rows [a, b)
        float h = 0;
        for (int i = a; i < b; ++i) h += rows.h[i];
        if (ins >= 0 && ins > a && ins < b) h += today_h;  // only between shown rows
        return h - row_gap;
    };
    for (int note_lines : {2, 1, 0}) {
        rows = vertical_rows(s, data, label_w_max, row_gap, note_lines, home);
        if (height(0, n) <= area.h()) break;
    }
    float label_need = 0;
    for (int i = 0; i < n; ++i) {
        label_need = std::max(label_need, text_size(label_font, ev[i].label).x);
        if (rows.note_lines[i] > 0) label_need = std::max(label_need, text_size(f.small, ev[i].note).x);
    }
    if (mark.on_event)  // room for "I dag" after the current step's label
        label_need = std::max(label_need, text_size(label_font, ev[mark.index].label).x + gap * 2 +
                                              text_size(date_font, "I dag").x);
    label_need = std::min(std::ceil(label_need), label_w_max);
    const float x0 = area.x0 + std::floor((label_w_max - label_need) * 0.5f);
    const float line_x = x0 + line_dx, label_x = x0 + label_dx;

    auto window = [&](Rect a, int& s0, int& e0) {
        const int focus = mark.index >= 0 ? mark.index : 0;
        s0 = std::max(0, focus - 2);  // keep a little of what is done in view
        e0 = s0;
        while (e0 < n && height(s0, e0 + 1) <= a.h()) ++e0;
        while (s0 > 0 && height(s0 - 1, e0) <= a.h()) --s0;
    };
    int first = 0, last = n;
    window(area, first, last);
    if (last - first < n) {
        window(hidden_note_space(c, s, area), first, last);
        area = draw_hidden_note(c, s, area, last - first, n, "trin");
    }
    if (last <= first) {
        c.notes.push_back("timeline: area too small for one step");
        return;
    }
    // Room to spare: more air between the steps (up to one line more), so a short plan does
    // not huddle at the top of a big screen.
    const int gaps = last - first - 1 + (ins > first && ins < last ? 1 : 0);
    if (gaps > 0) {
        const float extra = std::floor(
            std::min((area.h() * 0.92f - height(first, last)) / gaps, label_font->FontSize * 2.5f));
        if (extra > 0) {
            for (float& h : rows.h) h += extra;
            today_h += extra;
        }
    }

    const float thick = std::max(3.0f, s.unit * 0.35f);
    float y = area.y0;
    std::vector<float> dot_y;
    float today_line_y = -1;
    for (int i = first; i < last; ++i) {
        if (i == ins && i > first) {
            today_line_y = y + date_font->FontSize * 0.5f;
            canvas_text_in(c, date_font, {x0, y, x0 + date_w, y + date_font->FontSize}, s.theme.highlight,
                           "I dag", Align::Right);
            y += today_h;
        }
        dot_y.push_back(y + label_font->FontSize * 0.55f);
        y += rows.h[i];
    }
    if (dot_y.size() > 1)
        canvas_line(c, {line_x, dot_y.front()}, {line_x, dot_y.back()}, s.theme.grid, thick);
    for (int i = first; i < last; ++i)  // what is done: a solid line up to the last done step
        if (i > first && when_of(ev[i].date, in.today) != When::Future)
            canvas_line(c, {line_x, dot_y[i - first - 1]}, {line_x, dot_y[i - first]}, s.theme.bar, thick);
    if (today_line_y >= 0)
        canvas_line(c, {line_x - r * 2, today_line_y}, {line_x + r * 2, today_line_y}, s.theme.highlight,
                    3.0f);

    const float label_x1 = std::min(area.x1, label_x + label_need);
    const float note_gap = std::round(s.unit * 0.3f);
    for (int i = first; i < last; ++i) {
        const When w = when_of(ev[i].date, in.today);
        const float top = dot_y[i - first] - label_font->FontSize * 0.55f;
        draw_dot(c, s.theme, {line_x, dot_y[i - first]}, r, w);
        canvas_text_in(c, date_font, {x0, top, x0 + date_w, top + date_font->FontSize},
                       date_color(s.theme, w), date_label(ev[i]), Align::Right);
        const int label_lines =
            std::max(1, int(wrap_lines(label_font, ev[i].label, label_x1 - label_x, 3).size()));
        const float label_h = label_font->FontSize * 1.15f * (label_lines - 1) + label_font->FontSize;
        const float used =
            canvas_paragraph(c, label_font, {label_x, top, label_x1, top + label_h + 1},
                             w == When::Past ? s.theme.text_muted : s.theme.text, ev[i].label, 3);
        if (i == mark.index && mark.on_event) {
            // On the label's first line when it is a single line with room, else beside the date.
            const float tw = text_size(date_font, "I dag").x;
            const float lx = label_x + text_size(label_font, ev[i].label).x + gap * 2;
            if (label_lines == 1 && lx + tw <= area.x1)
                canvas_text(c, date_font, {std::floor(lx), top}, s.theme.highlight, "I dag");
        }
        float below = top + used;
        if (home[i]) {
            canvas_text(c, f.small, {label_x, std::floor(below + note_gap)}, s.theme.highlight,
                        "Din kommune");
            canvas_rect(c,
                        {x0 - gap * 1.5f, top, x0 - gap * 1.5f + std::max(3.0f, s.unit * 0.4f),
                         below + note_gap + f.small->FontSize},
                        s.theme.highlight);
            below += note_gap + f.small->FontSize;
        }
        if (rows.note_lines[i] > 0)
            canvas_paragraph(c, f.small, {label_x, below + note_gap, label_x1, top + rows.h[i] - row_gap + 1},
                             s.theme.text_muted, ev[i].note, rows.note_lines[i]);
    }
}

// Whether every date fits the vertical layout's date column (a third of the width) whole.
bool date_column_fits(const ViewStyle& s, Rect area, const feeds::Timeline& data) {
    for (const auto& e : data.events)
        if (text_size(s.fonts.body_bold, date_label(e)).x > area.w() * 0.32f) return false;
    return true;
}

// ---- stacked (portrait) -------------------------------------------------------------------

// Each step as a short block beside a vertical line: the date in bold, the label under it, the
// note under that, all in the full width right of the line. Used where a date column would
// squeeze the labels (portrait) or cut a date.
struct StackedStyle {
    const ImFont* label;
    bool notes;
};

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

bool draw_stacked(Canvas& c, const ViewStyle& s, Rect area, const feeds::Timeline& data, const ViewInput& in,
                  bool must) {
    const auto& ev = data.events;
    const int n = int(ev.size());
    const float gap = std::round(s.unit * 0.8f);
    const float r = std::max(6.0f, s.unit * 0.8f);
    const float line_x = area.x0 + r * 1.6f;
    const float x0 = line_x + r * 1.6f + gap, x1 = area.x1;
    const TodayMark mark = today_mark(ev, in.today);
    const int ins = mark.index < 0 || mark.on_event ? -1 : mark.index;  // "I dag" between steps
    const float row_gap = std::round(s.unit * 0.8f);  // more goes in below when there is room
    const std::vector<bool> home = home_steps(ev, in.home);

    // Heights with the labels in body (small when a word would not fit), with notes or without.
    std::vector<float> h(n);
    float today_h = 0;
    StackedStyle st{s.fonts.body, true};
    auto measure = [&](const StackedStyle& style) {
        int cuts = 0;
        for (int i = 0; i < n; ++i) {
            Canvas scratch = measuring_canvas(c);
            h[i] = std::ceil(draw_step_block(scratch, s, x0, x1, 0, ev[i], when_of(ev[i].date, in.today),
                                             i == mark.index && mark.on_event, home[i], style));
            for (const auto& t : scratch.texts) cuts += text_was_cut(t) ? 1 : 0;
        }
        today_h = s.fonts.body_bold->FontSize;
        return cuts;
    };
    auto height = [&](int a, int b) {
        float sum = 0;
        for (int i = a; i < b; ++i) sum += h[i] + (i > a ? row_gap : 0);
        if (ins > a && ins < b) sum += today_h + row_gap;
        return sum;
    };
    int first = 0, last = n;
    auto window = [&](float avail) {
        const int focus = mark.index >= 0 ? mark.index : 0;
        first = std::max(0, focus - 1);  // keep a little of what is done in view
        last = first;
        while (last < n && height(first, last + 1) <= avail) ++last;
        while (first > 0 && height(first - 1, last) <= avail) --first;
    };
    auto fit = [&](const StackedStyle& style) {  // measures, picks the window; false when a text is cut
        const bool whole = measure(style) == 0;
        window(area.h());
        if (last - first < n) window(hidden_note_space(c, s, area).h());
        return whole;
    };
    // Labels in body, else in small when a word is wider than the column. Notes only when they
    // cost no step: more of the plan beats the notes.
    bool whole = false;
    for (const ImFont* label : {s.fonts.body, s.fonts.small}) {
        if (!fit({label, false})) continue;
        const int without = last - first;
        whole = true;
        st = {label, true};
        if (!fit(st) || last - first < without) {
            st = {label, false};
            fit(st);
        }
        break;
    }
    if (!whole) {
        if (!must) return false;
        st = {s.fonts.small, false};
        fit(st);
    }
    if (last - first < n) area = draw_hidden_note(c, s, area, last - first, n, "trin");
    if (last <= first) {
        // Not even one step whole: the first one's date and label, as much as fits (the canvas
        // reports the cut).
        const feeds::TimelineEvent& e = ev[mark.index >= 0 ? mark.index : 0];
        area = draw_hidden_note(c, s, area, 1, n, "trin");
        const float used = canvas_paragraph(c, s.fonts.body_bold, area, s.theme.text, date_label(e));
        canvas_paragraph(c, s.fonts.body, {area.x0, area.y0 + used + gap, area.x1, area.y1}, s.theme.text,
                         e.label);
        return true;
    }
    // Room to spare goes between the steps (up to two lines' worth each): the plan fills the height.
    const int gaps = last - first - 1 + (ins > first && ins < last ? 1 : 0);
    float extra = 0;
    if (gaps > 0)
        extra = std::floor(
            std::clamp((area.h() - height(first, last)) / float(gaps), 0.0f, s.fonts.body->FontSize * 2.5f));
    const float thick = std::max(3.0f, s.unit * 0.35f);
    const float dot_dy = s.fonts.body_bold->FontSize * 0.55f;
    std::vector<float> top;
    float y = area.y0, today_y = -1;
    for (int i = first; i < last; ++i) {
        if (i == ins && i > first) {
            today_y = y;
            y += today_h + row_gap + extra;
        }
        top.push_back(y);
        y += h[i] + row_gap + extra;
    }
    if (top.size() > 1)
        canvas_line(c, {line_x, top.front() + dot_dy}, {line_x, top.back() + dot_dy}, s.theme.grid, thick);
    for (int i = first + 1; i < last; ++i)
        if (when_of(ev[i].date, in.today) != When::Future)
            canvas_line(c, {line_x, top[i - first - 1] + dot_dy}, {line_x, top[i - first] + dot_dy},
                        s.theme.bar, thick);
    if (today_y >= 0) {
        const float ty = today_y + dot_dy;
        canvas_line(c, {line_x - r * 1.5f, ty}, {line_x + r * 1.5f, ty}, s.theme.highlight, 3.0f);
        canvas_text(c, s.fonts.body_bold, {x0, std::floor(today_y)}, s.theme.highlight, "I dag");
    }
    for (int i = first; i < last; ++i) {
        const When w = when_of(ev[i].date, in.today);
        const float ty = std::floor(top[i - first]);
        if (home[i])
            canvas_rect(c, {area.x0, ty, area.x0 + std::max(3.0f, s.unit * 0.4f), ty + h[i]},
                        s.theme.highlight);
        draw_dot(c, s.theme, {line_x, ty + dot_dy}, r, w);
        draw_step_block(c, s, x0, x1, ty, ev[i], w, i == mark.index && mark.on_event, home[i], st);
    }
    return true;
}

}  // namespace

void draw_timeline(Canvas& c, const ViewStyle& s, Rect area, const feeds::Timeline& data,
                   const ViewInput& in) {
    if (data.events.empty()) return draw_no_items(c, s, area);
    const float min_slot = s.fonts.body->FontSize * 6.5f;
    const bool landscape = area.w() >= area.h();
    if (landscape && area.w() / float(data.events.size()) >= min_slot &&
        draw_horizontal(c, s, area, data, in))
        return;
    // Portrait stacks each step's date over its label; a landscape screen keeps the date column
    // unless a date would not fit in it.
    if (!landscape || !date_column_fits(s, area, data)) {
        draw_stacked(c, s, area, data, in, true);
        return;
    }
    draw_vertical(c, s, area, data, in);
}
