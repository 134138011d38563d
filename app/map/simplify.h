// Outlines simplified to what a screen can show: Douglas-Peucker on each arc of the map's
// geometry with a tolerance of about half a pixel at the map's scale, so a 480x272 panel strokes
// a few hundred points and a 1920x1080 screen a few thousand. Arcs are shared by the areas on
// both sides (app/map/geometry.h), so neighbours stay joined at every size.
#pragma once

#include <vector>

#include "app/map/geometry.h"

// Points of `line` kept by Douglas-Peucker with `tolerance` (same units as the points). The
// first and last points are always kept. For a closed ring (last point joins the first), the
// point farthest from the first is kept too, so a ring never collapses to a line.
std::vector<MapXY> douglas_peucker(const std::vector<MapXY>& line, double tolerance, bool closed = false);

// Every arc of `g`, simplified for `pixels_per_metre` with `tolerance_px` (default half a pixel).
std::vector<std::vector<MapXY>> simplified_arcs(const MapGeometry& g, double pixels_per_metre,
                                                double tolerance_px = 0.5);
