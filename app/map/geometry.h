// The map's geometry, loaded once from the embedded boundary file (assets/geo) and kept while
// the program runs: every municipality projected to UTM 32N, tessellated for filling, and its
// boundaries cut into arcs (stretches between the points where three or more areas meet), each
// stored once, so a border shared by two municipalities is simplified and stroked once and the
// two sides can never drift apart.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/map/projection.h"
#include "app/map/tessellate.h"
#include "feeds/geo_reference.h"

struct MapArea {
    std::string code;                                       // "259"
    std::string name;                                       // "Køge"
    bool focus = false;                                     // Region Sjælland
    std::vector<std::vector<std::vector<MapXY>>> polygons;  // polygon -> rings (first the outline)
    MapMesh mesh;                                           // the fill
    double area = 0;                                        // m²: outlines minus holes
    MapXY label;  // where its label goes (municipalities.json's point for the 17)
    MapBounds bounds;
};

// A stretch of boundary, with the areas on its two sides (-1: the sea, or outside the file).
struct MapArc {
    std::vector<MapXY> points;
    bool closed = false;  // a whole ring with no junction (an island's coast)
    int side_a = -1, side_b = -1;
};

struct MapPlace {
    std::string name;
    MapXY at;
};

struct MapGeometry {
    std::vector<MapArea> areas;
    std::vector<MapArc> arcs;
    std::vector<MapPlace> places;  // feeds::GeoReference::places, projected
    MapBounds focus_bounds;        // Region Sjælland
    int vertex_count = 0;          // of all rings, as read
};

// Builds the geometry from the embedded files. Errors name the file and the reason.
struct MapGeometryResult {
    std::optional<MapGeometry> geometry;
    std::string error;
};
MapGeometryResult load_map_geometry();

// Builds the geometry from a GeoJSON text and the reference names (tests give their own).
// Features whose code is not in `ref` are left out.
MapGeometryResult build_map_geometry(std::string_view geojson, const feeds::GeoReference& ref);

const MapArea* find_area(const MapGeometry& g, std::string_view code);
const MapPlace* find_map_place(const MapGeometry& g, std::string_view name);
// An area whose code or name is `key` ("259" or "Køge"); -1 when none.
int area_index(const MapGeometry& g, std::string_view key);
