// The plan of the timeline (timeline.cpp draws it): which of the three layouts the steps take
// (a horizontal line; a date column beside a vertical line; stacked blocks), which steps and
// notes fit, where each goes, and what the publisher wrote that is left out. Pure: it measures
// text and draws nothing (the stacked blocks are measured by drawing them into measuring
// canvases, as status_board_plan.cpp does its rows).
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "app/view.h"

enum class When { Past, Current, Future };

// Where `event` lies against `today` (no today: everything is ahead).
When when_of(const feeds::PartialDate& event, const feeds::PartialDate& today);

// The date as the document writes it ("Sommer 2023"), else formatted.
std::string date_label(const feeds::TimelineEvent& e);

// Where the "I dag" marker goes: before event `index`, or on it when `on_event`. -1: no marker.
struct TodayMark {
    int index = -1;
    bool on_event = false;
};

// Horizontal: steps evenly spaced along a line, dates above, labels below.
struct HorizontalPlan {
    const ImFont* label_font = nullptr;
    float x0 = 0, slot = 0, gap = 0, text_w = 0, r = 0, thick = 0;
    float today_y = 0, date_y = 0, date_h = 0, line_y = 0, label_y = 0, label_h = 0;
    float line_x0 = 0, line_x1 = 0, done_x = 0;  // the grey line; the blue one up to done_x
    float mark_x = 0, mark_text_x = 0;           // "I dag": the dashed stroke, the word's left
    float note_y = 0, note_h = 0;                // the notes, under the labels (and "Din kommune")
    std::vector<int> note_lines;                 // per step: 0 when its note is not shown
    float x_of(int i) const { return x0 + slot * (i + 0.5f); }
};

// Vertical: dates right-aligned in their column, the line, labels (and notes) left of it.
struct VerticalPlan {
    float gap = 0, r = 0, thick = 0, row_gap = 0, note_gap = 0;
    float x0 = 0, date_w = 0, line_x = 0, label_x = 0, label_x1 = 0;
    std::vector<float> h;         // per step, with the gap below it (and the air added)
    std::vector<int> note_lines;  // per step: 0 when its note is not shown
    std::vector<float> note_dx;   // per step: > 0, its one-line note on the label's line, from label_x
    float note_x = -1;            // the notes beside the labels from here; -1: under them
    float today_y = -1;           // the "I dag" row between two steps; -1: none
    bool today_inline = false;    // "I dag" small, beside the step before's last note line: no row
    std::vector<float> dot_y;     // per shown step
};

// Stacked: each step a block (date, label, note) right of a vertical line.
struct StackedStyle {
    const ImFont* label = nullptr;
    bool notes = false;
};

struct StackedPlan {
    float r = 0, thick = 0, line_x = 0, x0 = 0, x1 = 0, gap = 0, dot_dy = 0;
    StackedStyle st;
    std::vector<float> h;    // per step: the block's height
    bool fallback = false;   // not even one step whole: the first one's date and label, cut
    float today_y = -1;      // the "I dag" row between two steps; -1: none
    std::vector<float> top;  // per shown step
};

struct TimelinePlan {
    enum class Layout { Empty, Horizontal, Vertical, Stacked } layout = Layout::Empty;
    TodayMark mark;
    std::vector<When> when;   // per step
    std::vector<bool> home;   // per step: names --home in its label or note
    int first = 0, last = 0;  // the steps shown: [first, last)
    bool hidden = false;      // not every step shown: the note "Viser k af n trin" under the steps
    Rect area;                // where the steps go (above the note when hidden)
    std::string problem;      // for Canvas::notes: the area cannot hold the layout
    HorizontalPlan horizontal;
    VerticalPlan vertical;
    StackedPlan stacked;
    std::vector<std::string> left_out;  // what the publisher wrote that is not shown (Canvas::left_out)
};

// `c` gives the size rules only.
TimelinePlan plan_timeline(const Canvas& c, const ViewStyle& s, Rect area, const feeds::Timeline& data,
                           const ViewInput& in);

// One stacked step from `y` down between x0 and x1 (into a measuring canvas to measure it);
// returns its height.
float draw_step_block(Canvas& c, const ViewStyle& s, float x0, float x1, float y,
                      const feeds::TimelineEvent& e, When w, bool today_here, bool home,
                      const StackedStyle& st);

// The colour of a step's date.
ImU32 date_color(const Theme& t, When w);

// ---- shared by the plan's files (timeline_plan.cpp, timeline_plan_rows.cpp) ----------------

TodayMark today_mark(const std::vector<feeds::TimelineEvent>& ev, const feeds::PartialDate& today);

// The steps [first, last) that fit `avail` by `height(a, b)`: from `start` on as many as fit,
// then earlier ones while they still fit.
void fit_window(int n, int start, float avail, const std::function<float(int, int)>& height, int& first,
                int& last);

// The vertical and the stacked plans, into `p` (p.area, p.mark, p.when and p.home set).
void plan_vertical(const Canvas& c, const ViewStyle& s, const feeds::Timeline& data, TimelinePlan& p);
void plan_stacked(const Canvas& c, const ViewStyle& s, const feeds::Timeline& data, TimelinePlan& p);
