#include "app/map/draw.h"

#include <algorithm>
#include <cmath>

MapBounds map_fit_bounds(const MapGeometry& g, const std::vector<MapXY>& extra) {
    MapBounds b = g.focus_bounds;
    for (const MapXY& p : extra) b.add(p);
    const double m = std::max(b.w(), b.h()) * 0.02;  // 2 %: outlines and markers stay inside
    b.add(MapXY{b.x0 - m, b.y0 - m});
    b.add(MapXY{b.x1 + m, b.y1 + m});
    return b;
}

MapFit map_fit(const MapGeometry& g, const std::vector<MapXY>& extra, Rect r) {
    return fit_map(map_fit_bounds(g, extra), r);
}

static void fill_area(ImDrawList* dl, const MapArea& a, const MapFit& fit, ImVec2 shift, ImU32 col) {
    const MapMesh& m = a.mesh;
    if (m.indices.empty() || m.vertices.size() >= 65536) return;  // ImGui's 16-bit indices
    const ImVec2 uv = ImGui::GetFontTexUvWhitePixel();
    dl->PrimReserve(int(m.indices.size()), int(m.vertices.size()));
    const auto base = ImDrawIdx(dl->_VtxCurrentIdx);
    for (const MapXY& q : m.vertices) {
        const ImVec2 p = fit(q);
        dl->PrimWriteVtx({p.x + shift.x, p.y + shift.y}, uv, col);
    }
    for (std::uint32_t i : m.indices) dl->PrimWriteIdx(ImDrawIdx(base + i));
}

static void stroke(ImDrawList* dl, const std::vector<MapXY>& arc, const MapFit& fit, ImVec2 shift, ImU32 col,
                   float w, std::vector<ImVec2>& scratch) {
    scratch.clear();
    for (const MapXY& q : arc) {
        const ImVec2 p = fit(q);
        scratch.push_back({p.x + shift.x, p.y + shift.y});
    }
    // ImGui joins thick lines with unlimited miters, which spike at hairpin turns (a narrow
    // fjord): the line is cut there and the two parts drawn on their own.
    std::size_t start = 0;
    for (std::size_t i = 1; i + 1 < scratch.size(); ++i) {
        const ImVec2 a{scratch[i].x - scratch[i - 1].x, scratch[i].y - scratch[i - 1].y};
        const ImVec2 b{scratch[i + 1].x - scratch[i].x, scratch[i + 1].y - scratch[i].y};
        const float la = std::hypot(a.x, a.y), lb = std::hypot(b.x, b.y);
        if (la <= 0 || lb <= 0 || (a.x * b.x + a.y * b.y) / (la * lb) > -0.5f) continue;  // turn under 120°
        dl->AddPolyline(scratch.data() + start, int(i - start + 1), col, ImDrawFlags_None, w);
        start = i;
    }
    if (scratch.size() - start >= 2)
        dl->AddPolyline(scratch.data() + start, int(scratch.size() - start), col, ImDrawFlags_None, w);
}

void draw_map_base(ImDrawList* dl, const MapGeometry& g, const std::vector<std::vector<MapXY>>& arcs,
                   const MapFit& fit, ImVec2 shift, const MapPaint& p) {
    if (!dl) return;
    for (std::size_t i = 0; i < g.areas.size(); ++i) {
        const ImU32 col = i < p.fill.size() ? p.fill[i] : 0;
        if ((col >> IM_COL32_A_SHIFT) != 0) fill_area(dl, g.areas[i], fit, shift, col);
    }
    auto focus = [&](int side) { return side >= 0 && g.areas[std::size_t(side)].focus; };
    std::vector<ImVec2> scratch;
    // Context borders first, then Region Sjælland's inner borders, then its edge on top.
    for (int pass = 0; pass < 3; ++pass)
        for (std::size_t i = 0; i < g.arcs.size() && i < arcs.size(); ++i) {
            const MapArc& a = g.arcs[i];
            const int kind = focus(a.side_a) && focus(a.side_b)   ? 1
                             : focus(a.side_a) || focus(a.side_b) ? 2
                                                                  : 0;
            if (kind != pass) continue;
            const ImU32 col = kind == 1 ? p.border_inner : kind == 2 ? p.border_region : p.border_context;
            const float w = kind == 1 ? p.w_inner : kind == 2 ? p.w_region : p.w_context;
            if ((col >> IM_COL32_A_SHIFT) != 0) stroke(dl, arcs[i], fit, shift, col, w, scratch);
        }
    for (int e : p.emphasised)
        for (std::size_t i = 0; i < g.arcs.size() && i < arcs.size(); ++i)
            if (g.arcs[i].side_a == e || g.arcs[i].side_b == e)
                stroke(dl, arcs[i], fit, shift, p.emphasis, p.w_emphasis, scratch);
}

void draw_dashed_polyline(ImDrawList* dl, const std::vector<ImVec2>& pts, ImU32 color, float thickness,
                          float dash, float gap) {
    if (!dl || pts.size() < 2 || dash <= 0) return;
    bool on = true;
    float left = dash;  // of the current dash or gap
    for (std::size_t i = 0; i + 1 < pts.size(); ++i) {
        ImVec2 a = pts[i];
        const ImVec2 b = pts[i + 1];
        float seg = std::hypot(b.x - a.x, b.y - a.y);
        while (seg > 0) {
            const float step = std::min(seg, left);
            const float t = step / seg;
            const ImVec2 m{a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t};
            if (on) dl->AddLine(a, m, color, thickness);
            a = m;
            seg -= step;
            left -= step;
            if (left <= 0) {
                on = !on;
                left = on ? dash : gap;
            }
        }
    }
}

ImVec2 polyline_point_at(const std::vector<ImVec2>& pts, float fraction) {
    if (pts.empty()) return {0, 0};
    float total = 0;
    for (std::size_t i = 0; i + 1 < pts.size(); ++i)
        total += std::hypot(pts[i + 1].x - pts[i].x, pts[i + 1].y - pts[i].y);
    float want = total * std::clamp(fraction, 0.0f, 1.0f);
    for (std::size_t i = 0; i + 1 < pts.size(); ++i) {
        const float seg = std::hypot(pts[i + 1].x - pts[i].x, pts[i + 1].y - pts[i].y);
        if (want <= seg && seg > 0) {
            const float t = want / seg;
            return {pts[i].x + (pts[i + 1].x - pts[i].x) * t, pts[i].y + (pts[i + 1].y - pts[i].y) * t};
        }
        want -= seg;
    }
    return pts.back();
}
