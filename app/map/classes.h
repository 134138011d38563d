// A choropleth's classes: the values cut into at most five groups of about equal count
// (quantiles, snapped to the data so a class never splits equal values), coloured on a
// colour-blind-safe sequential scale (viridis: dark blue-purple for the lowest, yellow for the
// highest; it reads in grey too). Pure.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <imgui/imgui.h>

#include <optional>

struct MapClass {
    double lo = 0, hi = 0;  // the smallest and largest value in the class
    ImU32 color = 0;
    std::string label;  // "7–8 %", "9 %": Danish numbers, en dash, the unit once
};

// Classes for `values` (any order; at least one), at most `max_classes` (1..5).
std::vector<MapClass> quantile_classes(std::vector<double> values, int max_classes, std::string_view unit,
                                       std::optional<int> decimals);

// The class holding v (the last whose lo <= v); -1 for an empty list.
int class_of(const std::vector<MapClass>& classes, double v);

// The i-th of n colours (n <= 5) of the sequential scale, spread over its whole range.
ImU32 sequential_color(int i, int n);

// "ingen data": a grey outside the scale, neither dark nor light enough to read as a value.
inline constexpr ImU32 kNoDataColor = IM_COL32(0x6B, 0x72, 0x80, 0xFF);
