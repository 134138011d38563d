#include "app/views/timeline_plan.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <string>
#include <vector>

#include "app/danish_format.h"
#include "app/views/home_match.h"
#include "app/views/view_kit.h"

// ---- dates and today -----------------------------------------------------------------------

namespace {

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

}  // namespace

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

ImU32 date_color(const Theme& t, When w) {
    return w == When::Past ? t.text_muted : w == When::Current ? t.highlight : t.text;
}

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

void fit_window(int n, int start, float avail, const std::function<float(int, int)>& height, int& first,
                int& last) {
    first = start;
    last = first;
    while (last < n && height(first, last + 1) <= avail) ++last;
    while (first > 0 && height(first - 1, last) <= avail) --first;
}

// ---- horizontal ----------------------------------------------------------------------------

namespace {

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

// Labels in body when every one fits in three lines, else in small. A word wider than the
// slot would be cut mid-word: then null, and the vertical layout, with its wide label column,
// is better.
const ImFont* horizontal_label_font(const Fonts& f, const std::vector<feeds::TimelineEvent>& ev,
                                    float text_w) {
    const ImFont* label_font = f.body;
    for (const auto& e : ev)
        if (wrap_lines(f.body, e.label, text_w, 0).size() > 3 || longest_word(f.body, e.label) > text_w)
            label_font = f.small;
    for (const auto& e : ev)
        if (longest_word(label_font, e.label) > text_w) return nullptr;
    return label_font;
}

// The line: solid blue through what is done (up to today), quiet grey ahead; "I dag" above
// the current step, or between the last done step and the next one.
void place_horizontal_marks(const ViewStyle& s, Rect area, const TimelinePlan& p, HorizontalPlan& h) {
    const int n = int(p.when.size());
    h.thick = std::max(3.0f, s.unit * 0.35f);
    h.line_x0 = n > 1 ? h.x_of(0) : h.x_of(0) - h.slot * 0.3f;
    h.line_x1 = n > 1 ? h.x_of(n - 1) : h.x_of(0) + h.slot * 0.3f;
    int done = -1;
    for (int i = 0; i < n; ++i)
        if (p.when[i] != When::Future) done = i;
    const TodayMark mark = p.mark;
    h.done_x = done >= 0 ? h.x_of(done) : h.x_of(0);
    if (mark.index > 0 && !mark.on_event) h.done_x = (h.x_of(mark.index - 1) + h.x_of(mark.index)) * 0.5f;
    if (mark.index < 0) return;
    float mx = h.x_of(mark.index);
    if (!mark.on_event)
        mx =
            mark.index > 0 ? (h.x_of(mark.index - 1) + h.x_of(mark.index)) * 0.5f : h.x_of(0) - h.slot * 0.5f;
    h.mark_x = std::clamp(mx, area.x0 + h.r, area.x1 - h.r);
    const float tw = text_size(s.fonts.body_bold, "I dag").x;
    h.mark_text_x = std::clamp(h.mark_x - tw * 0.5f, area.x0, area.x1 - tw);
}

// The notes under the labels, small, each whole in up to three lines, else two, else one:
// the most lines whose tallest note fits `room`. A note that needs more is not shown. Returns
// the notes' height (0: none shown).
float horizontal_notes(const Fonts& f, const std::vector<feeds::TimelineEvent>& ev, float room,
                       HorizontalPlan& h) {
    const float lh = f.small->FontSize * 1.15f;
    for (int max_lines : {3, 2, 1}) {
        h.note_lines.assign(ev.size(), 0);
        int tallest = 0;
        for (size_t i = 0; i < ev.size(); ++i) {
            if (ev[i].note.empty()) continue;
            if (const auto lines = wrap_whole(f.small, ev[i].note, h.text_w, max_lines)) {
                h.note_lines[i] = int(lines->size());
                tallest = std::max(tallest, h.note_lines[i]);
            }
        }
        const float note_h = tallest > 0 ? lh * float(tallest - 1) + f.small->FontSize : 0;
        if (note_h > 0 && note_h <= room) return note_h;
    }
    h.note_lines.assign(ev.size(), 0);
    return 0;
}

bool plan_horizontal(const ViewStyle& s, Rect area, const feeds::Timeline& data, TimelinePlan& p) {
    const auto& ev = data.events;
    const Fonts& f = s.fonts;
    HorizontalPlan& h = p.horizontal;
    h.x0 = area.x0;
    h.slot = area.w() / float(ev.size());
    h.gap = std::round(s.unit * 0.8f);
    h.text_w = h.slot - h.gap;
    h.r = std::max(6.0f, s.unit * 0.9f);
    h.label_font = horizontal_label_font(f, ev, h.text_w);
    if (!h.label_font) return false;
    int label_lines = 1, date_lines = 1;
    for (const auto& e : ev) {
        label_lines = std::max(label_lines, int(wrap_lines(h.label_font, e.label, h.text_w, 3).size()));
        date_lines = std::max(date_lines, int(wrap_lines(f.body_bold, date_label(e), h.text_w, 2).size()));
    }
    const float gap = h.gap, r = h.r;
    const float today_h = p.mark.index >= 0 ? f.body_bold->FontSize + gap : 0;
    const float date_lh = f.body_bold->FontSize * 1.15f, label_lh = h.label_font->FontSize * 1.15f;
    h.date_h = date_lh * (date_lines - 1) + f.body_bold->FontSize;
    h.label_h = label_lh * (label_lines - 1) + h.label_font->FontSize;
    const bool any_home = std::find(p.home.begin(), p.home.end(), true) != p.home.end();
    // "Din kommune" and an accent bar under a label
    const float home_h = any_home ? gap * 0.8f + f.small->FontSize + std::max(3.0f, s.unit * 0.4f) : 0;
    if (any_home && text_size(f.small, "Din kommune").x > h.text_w) return false;
    const float base_h = today_h + h.date_h + gap * 1.5f + 2 * r + gap * 1.5f + h.label_h + home_h;
    if (base_h > area.h()) return false;
    h.note_h = horizontal_notes(f, ev, area.h() - base_h - gap * 0.8f, h);
    const float block_h = h.note_h > 0 ? base_h + gap * 0.8f + h.note_h : base_h;

    // The block sits a little above the middle: the eye rests there, and the footer is calm.
    float y = area.y0 + std::round((area.h() - block_h) * 0.42f);
    h.today_y = y;
    y += today_h;
    h.date_y = y;
    h.line_y = std::round(h.date_y + h.date_h + gap * 1.5f + r);
    h.label_y = h.line_y + r + gap * 1.5f;
    h.note_y = h.label_y + h.label_h + home_h + gap * 0.8f;
    place_horizontal_marks(s, area, p, h);
    return true;
}

// Whether every date fits the vertical layout's date column (a third of the width) whole.
bool date_column_fits(const ViewStyle& s, Rect area, const feeds::Timeline& data) {
    for (const auto& e : data.events)
        if (text_size(s.fonts.body_bold, date_label(e)).x > area.w() * 0.32f) return false;
    return true;
}

std::string step_name(const feeds::TimelineEvent& e) {
    return "step \"" + e.label + "\"";
}

bool note_shown(const TimelinePlan& p, int i) {
    switch (p.layout) {
        case TimelinePlan::Layout::Vertical:
            return p.vertical.note_lines[size_t(i)] > 0;
        case TimelinePlan::Layout::Stacked:
            return p.stacked.st.notes && !p.stacked.fallback;
        case TimelinePlan::Layout::Horizontal:
            return p.horizontal.note_lines[size_t(i)] > 0;
        default:
            return false;
    }
}

// What the publisher wrote that the plan does not show: the steps outside the window, and
// the notes of shown steps that have no room.
std::vector<std::string> left_out(const TimelinePlan& p, const feeds::Timeline& data) {
    std::vector<std::string> out;
    const int n = int(data.events.size());
    for (int i = p.first; i < p.last; ++i) {
        const auto& e = data.events[size_t(i)];
        if (!e.note.empty() && !note_shown(p, i))
            out.push_back(step_name(e) + ": the note \"" + e.note + "\" does not fit");
    }
    for (int i = 0; i < n; ++i)
        if (i < p.first || i >= p.last)
            out.push_back(step_name(data.events[size_t(i)]) + " is not shown: " +
                          std::to_string(p.last - p.first) + " of " + std::to_string(n) + " steps fit");
    return out;
}

}  // namespace

TimelinePlan plan_timeline(const Canvas& c, const ViewStyle& s, Rect area, const feeds::Timeline& data,
                           const ViewInput& in) {
    TimelinePlan p;
    if (data.events.empty()) return p;
    const int n = int(data.events.size());
    p.mark = today_mark(data.events, in.today);
    for (const auto& e : data.events) {
        p.when.push_back(when_of(e.date, in.today));
        // Which steps name the home municipality (--home) in their label or note.
        p.home.push_back(text_names_home(e.label, in.home) || text_names_home(e.note, in.home));
    }
    p.first = 0, p.last = n;
    p.area = area;
    const float min_slot = s.fonts.body->FontSize * 6.5f;
    const bool landscape = area.w() >= area.h();
    if (landscape && area.w() / float(n) >= min_slot && plan_horizontal(s, area, data, p))
        p.layout = TimelinePlan::Layout::Horizontal;
    // Portrait stacks each step's date over its label; a landscape screen keeps the date column
    // unless a date would not fit in it.
    else if (!landscape || !date_column_fits(s, area, data))
        plan_stacked(c, s, data, p);
    else
        plan_vertical(c, s, data, p);
    if (p.problem.empty()) p.left_out = left_out(p, data);
    return p;
}
