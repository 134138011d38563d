// From longitude/latitude to the screen, for the maps.
//
// Projection: transverse Mercator on the GRS80 ellipsoid with UTM zone 32's parameters
// (ETRS89 / UTM 32N, the projection Danish maps use). It is conformal, so at 55° N shapes and
// directions are kept: a town 10 km east is as far on screen as one 10 km north.
// Fit: one scale for both axes (the aspect is kept), the bounds centred in the rectangle, for
// any rectangle, portrait included.
#pragma once

#include "app/canvas.h"

struct MapXY {
    double x = 0, y = 0;  // metres: easting, northing
};

struct Ellipsoid {
    double a;  // semi-major axis, metres
    double f;  // flattening
};
inline constexpr Ellipsoid kGrs80{6378137.0, 1.0 / 298.257222101};

// Transverse Mercator (Snyder, "Map Projections: A Working Manual", eq. 8-9 to 8-11), degrees in.
MapXY transverse_mercator(double lon, double lat, const Ellipsoid& e, double lon0, double k0,
                          double false_easting, double false_northing);

// ETRS89 / UTM zone 32N.
MapXY utm32(double lon, double lat);

struct MapBounds {
    double x0 = 1e300, y0 = 1e300, x1 = -1e300, y1 = -1e300;
    bool empty() const { return x1 < x0; }
    void add(MapXY p);
    void add(const MapBounds& b);
    double w() const { return x1 - x0; }
    double h() const { return y1 - y0; }
};

// screen = (tx + x * scale, ty - y * scale): north up.
struct MapFit {
    double scale = 1;  // pixels per metre
    double tx = 0, ty = 0;
    ImVec2 operator()(MapXY p) const { return {float(tx + p.x * scale), float(ty - p.y * scale)}; }
};

// The largest scale at which `b` fits in `r`, centred. An empty or flat `b` gets scale 1.
MapFit fit_map(const MapBounds& b, Rect r);

// The rectangle `b` covers on screen under `fit`.
Rect fitted_rect(const MapFit& fit, const MapBounds& b);
