// The plan of the line chart (line_chart.cpp draws it): legend, unit title, gridlines and
// their figures, x labels thinned so neighbours never collide, each line's runs and markers,
// and the last values spread apart right of the plot. Pure: it measures text, draws nothing.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/view.h"
#include "app/views/line_axis.h"
#include "app/views/marks.h"

constexpr int kMaxChartLines = 4;  // one per theme.series colour and marker shape

enum class Marker { Circle, Square, Diamond, Triangle };

struct MarkerMark {
    Marker shape = Marker::Circle;
    ImVec2 at{};
    float r = 0;
    ImU32 color = 0;
};

// A legend entry: the line's marker, its label's lines.
struct LineKey {
    MarkerMark marker;
    std::vector<TextIn> lines;
};

struct PlotLine {
    ImU32 color = 0;
    // Unbroken runs of points (a null point breaks the line); a run of one point is a marker
    // of `isolated`'s shape and size.
    std::vector<std::vector<ImVec2>> runs;
    MarkerMark isolated;
    std::vector<MarkerMark> markers;  // drawn over the runs
};

struct LineChartPlan {
    bool empty = false;        // no line with a figure: "Ingen data"
    int shown = 0, total = 0;  // lines; the hidden note when shown < total
    Rect note_area;
    std::vector<LineKey> legend;  // with more than one line
    std::string problem;          // not empty: no room for a plot (then nothing below is set)
    std::optional<TextIn> unit_title;
    Ticks ticks;
    Rect plot;  // x from the first to the last x position's band, y from the highest to the lowest tick
    std::vector<LineMark> gridlines;
    std::vector<TextIn> tick_labels;  // one per gridline
    std::vector<TextAt> x_labels;
    float thickness = 0;
    std::vector<PlotLine> lines;  // in drawing order: the first line last, on top
    std::vector<TextIn> last_values;
};

LineChartPlan plan_line_chart(const ViewStyle& s, Rect area, const feeds::Series& data,
                              const feeds::ViewOptions& opt);
