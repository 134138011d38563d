// Filled polygons as triangles, by GLU's tessellator (gluTess*, libglu1-mesa-dev). It needs no
// GL context, takes concave rings, holes and self-touching outlines, and is run once when the
// map's geometry loads, never per frame.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "app/map/projection.h"

struct MapMesh {
    std::vector<MapXY> vertices;
    std::vector<std::uint32_t> indices;  // three per triangle
};

// Triangles covering the polygon made of `rings` under the odd winding rule (the first ring the
// outline, further rings holes; their orientation does not matter). Appends to `out`. Returns an
// error text when GLU reports one.
std::string tessellate(const std::vector<std::vector<MapXY>>& rings, MapMesh& out);

// Shoelace area of a ring, positive when counter-clockwise (x east, y north).
double signed_area(const std::vector<MapXY>& ring);

// Sum of the triangles' areas.
double mesh_area(const MapMesh& mesh);
