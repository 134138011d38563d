#include "app/box_grid.h"

#include <algorithm>
#include <cmath>

BoxGrid::BoxGrid(Rect a, float cell_size, float reach_px) : area(a), reach(reach_px) {
    constexpr int kMaxSide = 128;  // at most this many cells a side, however large the area
    if (!std::isfinite(a.x0) || !std::isfinite(a.y0) || !std::isfinite(a.w()) || !std::isfinite(a.h()))
        area = {0, 0, 1, 1};  // one cell: still correct, only slower
    const float w = std::max(1.0f, area.w()), h = std::max(1.0f, area.h());
    cell = std::max({cell_size, w / kMaxSide, h / kMaxSide, 1.0f});
    cols = std::clamp(int(std::ceil(w / cell)), 1, kMaxSide);
    rows = std::clamp(int(std::ceil(h / cell)), 1, kMaxSide);
    cells.resize(std::size_t(cols) * std::size_t(rows));
}

// The cell index of coordinate `v` from `origin`, clamped to [0, n - 1] before it becomes an int.
static int cell_of(float v, float origin, float cell, int n) {
    const float k = std::floor((v - origin) / cell);
    return int(std::clamp(k, 0.0f, float(n - 1)));
}

bool BoxGrid::span(const Rect& b, float grow, int& c0, int& r0, int& c1, int& r1) const {
    if (std::isnan(b.x0) || std::isnan(b.y0) || std::isnan(b.x1) || std::isnan(b.y1)) return false;
    c0 = cell_of(std::min(b.x0, b.x1) - grow, area.x0, cell, cols);
    c1 = cell_of(std::max(b.x0, b.x1) + grow, area.x0, cell, cols);
    r0 = cell_of(std::min(b.y0, b.y1) - grow, area.y0, cell, rows);
    r1 = cell_of(std::max(b.y0, b.y1) + grow, area.y0, cell, rows);
    return true;
}

void BoxGrid::add(int id, const Rect& box) {
    int c0, r0, c1, r1;
    if (!span(box, reach, c0, r0, c1, r1)) return;
    for (int r = r0; r <= r1; ++r)
        for (int c = c0; c <= c1; ++c)
            cells[std::size_t(r) * std::size_t(cols) + std::size_t(c)].push_back(id);
}
