// What the two map views share: the text-size floor, label boxes, legend rows, the
// attribution line and the base map's colours.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "app/map/draw.h"
#include "app/map/layer.h"
#include "app/view.h"

// The smallest screen font whose capitals are at least 1/40 of the screen's height, the floor
// for any text that carries meaning (labels, legends). `bold`: its bold cut where there is one.
const ImFont* floor_font(const ViewStyle& s, const Canvas& c, bool bold = false);

// "Kommunegrænser: Geodatastyrelsen og Danske Kommuner (DAGI)" in the fine print at the bottom of
// `area`; returns the area left above it.
Rect draw_map_attribution(Canvas& c, const ViewStyle& s, Rect area);

// A label of one or two centred lines (bold first line) with a dark halo, at `box`.
struct MapLabel {
    std::string first, second;
    bool emphasised = false;  // the home municipality: an orange edge
};
ImVec2 map_label_size(const ViewStyle& s, const Canvas& c, const MapLabel& l);
// Text with a dark halo around its glyphs, legible over any fill; only the text is recorded.
float label_halo(const ImFont* f);
void draw_halo_text(Canvas& c, const ImFont* f, ImVec2 pos, ImU32 color, ImU32 halo_color, float halo,
                    std::string_view text);
void draw_map_label(Canvas& c, const ViewStyle& s, Rect box, const MapLabel& l);

// The base colours: land of Region Sjælland, the capital region for context, the borders.
MapPaint base_paint(const Theme& t, const MapGeometry& g, float unit);

// The base (fills and borders) of `paint` in `map`: from the layer texture when the view has
// one, else drawn straight onto the slide (clipped to `map`).
void draw_map_layer(Canvas& c, const ViewInput& in, const MapGeometry& g, const MapFit& fit, Rect map,
                    const MapPaint& paint, const std::string& key, ImU32 background,
                    const MapDrawFn& extra = {});

// A fingerprint of a paint, for layer keys.
std::string paint_key(const MapPaint& p);

// The map's geometry, or a note on the canvas and null when it is missing.
const MapGeometry* map_geometry_of(Canvas& c, const ViewInput& in);

// What both map views open with: the map's geometry (map_geometry_of: null, and nothing drawn,
// when it is missing), then the attribution line, and the body left above it in whole pixels.
struct MapViewStart {
    const MapGeometry* geometry = nullptr;
    Rect body;
};
MapViewStart start_map_view(Canvas& c, const ViewStyle& s, Rect area, const ViewInput& in);
