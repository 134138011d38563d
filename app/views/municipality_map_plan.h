// The plan of the municipality map (municipality_map.cpp draws it): each area's fill, the
// legend's heading, rows and columns and where it goes, the map's fit, and the name + value
// labels placed without overlaps. Pure: it measures text and draws nothing.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/map/common.h"
#include "app/map/draw.h"
#include "app/map/geometry.h"
#include "app/map/projection.h"
#include "app/view.h"

struct ChoroplethLegend {
    struct Row {
        ImU32 swatch = 0;
        bool outline = false;  // the home municipality's outline, not a fill
        std::string text;
    };
    std::vector<std::string> heading;  // the column's label, wrapped
    std::vector<Row> rows;
    int cols = 1;
    float col_w = 0;
    ImVec2 at{};  // top left
    Rect box;     // what it covers
};

struct PlacedMapLabel {
    Rect box;
    MapLabel label;
};

struct MunicipalityMapPlan {
    bool empty = false;          // no value in the column: "Ingen data"
    const ImFont* f = nullptr;   // legend rows
    const ImFont* fb = nullptr;  // legend heading
    MapPaint paint;
    ChoroplethLegend legend;
    MapFit fit;
    Rect map;  // the map layer's rectangle
    std::vector<PlacedMapLabel> labels;
};

// The plan for `body` (the area less the attribution line). `c` gives the size rules only.
MunicipalityMapPlan plan_municipality_map(const Canvas& c, const ViewStyle& s, Rect body,
                                          const feeds::MunicipalityTable& t, const ViewInput& in,
                                          const MapGeometry& g);

float choropleth_row_h(const ImFont* f);
