// Drawing the map's base (filled municipalities, their borders) and the line styles of the
// project map, into any ImDrawList: the map layer's own list, or the slide's when there is no
// layer. Shapes only; text goes through the Canvas (the views).
#pragma once

#include <vector>

#include <imgui/imgui.h>

#include "app/canvas.h"
#include "app/map/geometry.h"
#include "app/theme.h"

struct MapPaint {
    std::vector<ImU32> fill;   // per area of the geometry; alpha 0: not filled
    ImU32 border_inner = 0;    // between two municipalities of Region Sjælland
    ImU32 border_region = 0;   // Region Sjælland's coast and its edge with the capital region
    ImU32 border_context = 0;  // between municipalities of the capital region
    float w_inner = 1, w_region = 1.5f, w_context = 1;
    std::vector<int> emphasised;  // areas outlined on top (the home municipality)
    ImU32 emphasis = 0;
    float w_emphasis = 3;
};

// The fit of the map: Region Sjælland plus `extra` points (Copenhagen, the airport, project
// places), with a margin, into `r`.
MapFit map_fit(const MapGeometry& g, const std::vector<MapXY>& extra, Rect r);
// The bounds map_fit fits.
MapBounds map_fit_bounds(const MapGeometry& g, const std::vector<MapXY>& extra);

// Fills and strokes every area, then the emphasised outlines. `arcs` are the simplified arcs
// (simplified_arcs), index for index with g.arcs. Every point is moved by `shift`.
void draw_map_base(ImDrawList* dl, const MapGeometry& g, const std::vector<std::vector<MapXY>>& arcs,
                   const MapFit& fit, ImVec2 shift, const MapPaint& p);

// A polyline in dashes of `dash` px with `gap` px between them, along the whole path.
void draw_dashed_polyline(ImDrawList* dl, const std::vector<ImVec2>& pts, ImU32 color, float thickness,
                          float dash, float gap);

// The point half-way along a polyline (by length), and the direction there.
ImVec2 polyline_point_at(const std::vector<ImVec2>& pts, float fraction);
