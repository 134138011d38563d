// The plan of the bar chart (bar_chart.cpp draws it): the side layout (a label left of each
// bar, figures beside the bars, a header with the unit and the keys), every mark placed; or,
// when labels do not sit whole beside their bars, the word to draw stacked rows instead.
// Pure: it measures text and draws nothing.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/view.h"
#include "app/views/bar_layout.h"
#include "app/views/marks.h"

struct BarItem {
    std::string label;
    std::optional<double> value;
    std::optional<double> target;
    std::string unit;
    bool highlight = false;
};

struct BarData {
    std::vector<BarItem> items;
    std::string noun;  // for "Viser 10 af 17 kommuner"
};

// One row of the side layout, in drawing order.
struct BarRow {
    int item = 0;                    // index into BarData::items
    TextIn label;                    // right-aligned against the track
    std::optional<Rect> marker;      // a highlighted row: the row marker's box
    std::optional<TextIn> no_value;  // "–" where there is no figure (then nothing below)
    std::optional<BarMark> bar;
    std::optional<RectMark> notch;  // the reference line over the bar, in the background colour
    std::optional<TextAt> figure;
    std::optional<ImVec2> target_mark;  // where the met / not-met mark goes
    std::optional<bool> met;
    std::optional<Rect> miss;  // a missed target: the distance to go, outlined
};

// A key in the header: a short vertical stroke and "Mål: 39 %" beside it.
struct BarKey {
    RectMark stroke;
    TextIn text;
};

struct BarPlan {
    bool empty = false;    // no items: "Ingen data"
    bool stacked = false;  // labels above full-width bars (stacked_rows.h) on `stacked_scale`
    BarScale stacked_scale;
    std::vector<int> order;   // all items in display order
    int wanted = 0;           // items the options ask for
    std::string shared_unit;  // the unit every item has; empty when they differ
    // The side layout.
    int shown = 0, total = 0;
    std::optional<TextIn> unit_caption;      // "Antal personer" over the labels
    std::optional<LineMark> zero_line;       // with negative values
    std::optional<RectMark> reference_line;  // under the bars
    std::vector<BarRow> rows;
    std::optional<RectMark> reference_stroke;  // the reference's stroke into the header
    std::optional<TextAt> reference_label;     // "Regionen: 10 %"
    std::optional<LineMark> target_line;       // one target for all bars
    std::optional<TextIn> target_label;        // "Mål: 600" over it
    std::vector<LineMark> target_ticks;        // else a tick per bar with a target
    std::optional<BarKey> target_key;          // and "│ Mål" in the header
    const ImFont* mark_font = nullptr;         // the target marks' font
};

BarPlan plan_bar_chart(const ViewStyle& s, Rect area, const BarData& d, const feeds::ViewOptions& opt);

// "Regionen: 10 %".
std::string reference_text(const feeds::ReferenceLine& ref, std::string_view unit,
                           std::optional<int> decimals);
// The key's stroke and text: at x, y, up to x1.
BarKey bar_key(const ViewStyle& s, float x, float y, ImU32 color, float th, std::string_view text, float x1);
