// The map geometry for tests, loaded once per test binary.
#pragma once

#include <doctest/doctest.h>

#include "app/map/geometry.h"

inline const MapGeometry& geometry() {
    static const MapGeometryResult r = load_map_geometry();  // tests only: load once
    REQUIRE_MESSAGE(r.geometry, r.error);
    return *r.geometry;
}
