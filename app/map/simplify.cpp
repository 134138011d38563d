#include "app/map/simplify.h"

#include <cmath>

namespace {

double dist_to_segment(MapXY p, MapXY a, MapXY b) {
    const double dx = b.x - a.x, dy = b.y - a.y;
    const double len2 = dx * dx + dy * dy;
    double t = len2 > 0 ? ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2 : 0;
    t = t < 0 ? 0 : (t > 1 ? 1 : t);
    const double ex = a.x + t * dx - p.x, ey = a.y + t * dy - p.y;
    return std::sqrt(ex * ex + ey * ey);
}

// Marks the points of line[i..j] to keep, with an explicit stack (arcs can be long).
void mark(const std::vector<MapXY>& line, std::size_t i, std::size_t j, double tol, std::vector<char>& keep) {
    std::vector<std::pair<std::size_t, std::size_t>> todo{{i, j}};
    while (!todo.empty()) {
        const auto [a, b] = todo.back();
        todo.pop_back();
        if (b <= a + 1) continue;
        double worst = -1;
        std::size_t at = a;
        for (std::size_t k = a + 1; k < b; ++k) {
            const double d = dist_to_segment(line[k], line[a], line[b]);
            if (d > worst) worst = d, at = k;
        }
        if (worst <= tol) continue;
        keep[at] = 1;
        todo.push_back({a, at});
        todo.push_back({at, b});
    }
}

}  // namespace

std::vector<MapXY> douglas_peucker(const std::vector<MapXY>& line, double tol, bool closed) {
    if (line.size() <= 2) return line;
    std::vector<char> keep(line.size(), 0);
    keep.front() = keep.back() = 1;
    if (closed) {
        std::size_t far = 0;
        double worst = -1;
        for (std::size_t k = 1; k < line.size(); ++k) {
            const double d = std::hypot(line[k].x - line[0].x, line[k].y - line[0].y);
            if (d > worst) worst = d, far = k;
        }
        keep[far] = 1;
        mark(line, 0, far, tol, keep);
        mark(line, far, line.size() - 1, tol, keep);
    } else {
        mark(line, 0, line.size() - 1, tol, keep);
    }
    std::vector<MapXY> out;
    for (std::size_t k = 0; k < line.size(); ++k)
        if (keep[k]) out.push_back(line[k]);
    return out;
}

std::vector<std::vector<MapXY>> simplified_arcs(const MapGeometry& g, double ppm, double tolerance_px) {
    const double tol = ppm > 0 ? tolerance_px / ppm : 0;
    std::vector<std::vector<MapXY>> out;
    out.reserve(g.arcs.size());
    for (const auto& arc : g.arcs) {
        if (!arc.closed) {
            out.push_back(douglas_peucker(arc.points, tol));
            continue;
        }
        // A closed arc: repeat the first point at the end so the stroke closes.
        std::vector<MapXY> ring = arc.points;
        ring.push_back(ring.front());
        out.push_back(douglas_peucker(ring, tol, true));
    }
    return out;
}
