// The plan of the grouped bars view (grouped_bars.cpp draws it): which groups are shown, in
// which layout and type, and where every swatch, name, bar and figure goes. Pure: it measures
// text in the view's fonts and draws nothing.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/view.h"
#include "app/views/marks.h"

// Two to four figures per category, in the legend's order.
struct GroupedData {
    struct Group {
        std::string label;
        std::vector<std::optional<double>> values;  // one per series
        bool highlight = false;
    };
    std::vector<std::string> series;  // legend labels
    std::vector<std::string> units;   // one per series
    std::vector<Group> groups;
    std::string noun;  // "kommuner" in "Viser 6 af 17 kommuner"
};

constexpr int kMaxGroupSeries = 4;  // the palette's size; more lines than this are not readable anyway

// The legend: a swatch and a label per series, flowing left to right; a label wider than the
// box wraps onto lines of its own, whole.
struct GroupLegend {
    struct Item {
        RectMark swatch;
        std::vector<TextAt> lines;
    };
    std::vector<Item> items;
    float height = 0;
};
GroupLegend plan_group_legend(const ViewStyle& s, Rect box, const std::vector<std::string>& series,
                              const ImFont* f);

// One shown group: its marker, its name's lines, then per series its bar and its figure (a
// compact group has one figure for all its bars, `joined`).
struct GroupMarks {
    std::optional<RectMark> marker;  // a highlighted group: the row marker's box and colour
    std::vector<TextIn> name;
    struct Series {
        std::optional<BarMark> bar;    // none without a figure
        std::optional<TextAt> figure;  // none in a compact group
    };
    std::vector<Series> series;
    std::optional<TextAt> joined;  // "3.565 → 3.480" beside a compact group's longest bar
};

struct GroupedPlan {
    bool empty = false;    // no groups or no series: "Ingen data"
    bool nothing = false;  // not even one group fits: nothing is drawn
    long layout_steps = 0;
    // The hidden-items note: drawn in `note_area` when shown < total.
    Rect note_area;
    int shown = 0, total = 0;
    std::string noun;
    std::optional<TextIn> caption;  // "Antal personer", when all series share a unit
    GroupLegend legend;
    std::optional<LineMark> zero_line;  // with negative values
    bool stacked = false;               // names above their bars, not left of them
    bool compact = false;               // thin bars and one figure text per group
    std::vector<int> shown_groups;      // indices into GroupedData::groups, top to bottom
    std::vector<GroupMarks> groups;     // one per shown group
};

GroupedPlan plan_grouped_bars(const ViewStyle& s, Rect area, const GroupedData& d,
                              const feeds::ViewOptions& opt);
