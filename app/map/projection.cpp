#include "app/map/projection.h"

#include <algorithm>
#include <cmath>

MapXY transverse_mercator(double lon, double lat, const Ellipsoid& el, double lon0, double k0,
                          double false_easting, double false_northing) {
    constexpr double kDeg = 3.14159265358979323846 / 180.0;
    const double phi = lat * kDeg, dl = (lon - lon0) * kDeg;
    const double e2 = el.f * (2 - el.f), e4 = e2 * e2, e6 = e4 * e2;
    const double ep2 = e2 / (1 - e2);
    const double s = std::sin(phi), c = std::cos(phi), t = std::tan(phi);
    const double N = el.a / std::sqrt(1 - e2 * s * s);
    const double T = t * t, C = ep2 * c * c, A = dl * c;
    const double M =
        el.a * ((1 - e2 / 4 - 3 * e4 / 64 - 5 * e6 / 256) * phi -
                (3 * e2 / 8 + 3 * e4 / 32 + 45 * e6 / 1024) * std::sin(2 * phi) +
                (15 * e4 / 256 + 45 * e6 / 1024) * std::sin(4 * phi) - (35 * e6 / 3072) * std::sin(6 * phi));
    const double A2 = A * A, A3 = A2 * A, A4 = A3 * A, A5 = A4 * A, A6 = A5 * A;
    const double x =
        k0 * N * (A + (1 - T + C) * A3 / 6 + (5 - 18 * T + T * T + 72 * C - 58 * ep2) * A5 / 120);
    const double y = k0 * (M + N * t *
                                   (A2 / 2 + (5 - T + 9 * C + 4 * C * C) * A4 / 24 +
                                    (61 - 58 * T + T * T + 600 * C - 330 * ep2) * A6 / 720));
    return {x + false_easting, y + false_northing};
}

MapXY utm32(double lon, double lat) {
    return transverse_mercator(lon, lat, kGrs80, 9.0, 0.9996, 500000.0, 0.0);
}

void MapBounds::add(MapXY p) {
    x0 = std::min(x0, p.x);
    y0 = std::min(y0, p.y);
    x1 = std::max(x1, p.x);
    y1 = std::max(y1, p.y);
}

void MapBounds::add(const MapBounds& b) {
    if (b.empty()) return;
    add(MapXY{b.x0, b.y0});
    add(MapXY{b.x1, b.y1});
}

MapFit fit_map(const MapBounds& b, Rect r) {
    MapFit f;
    if (b.empty() || b.w() <= 0 || b.h() <= 0 || r.w() <= 0 || r.h() <= 0) return f;
    f.scale = std::min(double(r.w()) / b.w(), double(r.h()) / b.h());
    const double cx = (b.x0 + b.x1) / 2, cy = (b.y0 + b.y1) / 2;
    f.tx = (r.x0 + r.x1) / 2.0 - cx * f.scale;
    f.ty = (r.y0 + r.y1) / 2.0 + cy * f.scale;
    return f;
}

Rect fitted_rect(const MapFit& fit, const MapBounds& b) {
    const ImVec2 a = fit({b.x0, b.y1}), z = fit({b.x1, b.y0});
    return {a.x, a.y, z.x, z.y};
}
