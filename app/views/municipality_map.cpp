// A choropleth of one table column: every municipality of Region Sjælland coloured by its
// class, the capital region in grey for context, a legend of the classes in Danish numbers
// with the unit ("ingen data" when a municipality has no value), and name + value labels for
// as many municipalities as fit without overlapping: the home municipality (--home) first,
// always, and outlined; then highlighted ones, the highest and the lowest, then the largest.
//
//   landscape:  [ map ............ ] [ legend ]      portrait:  [ map    ]
//                                                               [ legend ]
//   attribution (small, right-aligned) along the bottom of both.
#include <algorithm>
#include <cmath>
#include <optional>
#include <string>
#include <vector>

#include "app/danish_format.h"
#include "app/map/classes.h"
#include "app/map/common.h"
#include "app/map/labels.h"
#include "app/view.h"
#include "app/views/bar_layout.h"
#include "app/views/municipality_map_plan.h"
#include "app/views/status_badge.h"

namespace {

void draw_legend_row(Canvas& c, const ViewStyle& s, const ImFont* f, ImVec2 at,
                     const ChoroplethLegend::Row& r) {
    const float sw = std::round(f->FontSize * 1.2f), h = choropleth_row_h(f);
    const float y = at.y + (h - sw) / 2;
    if (c.dl) {
        if (r.outline) {
            c.dl->AddRectFilled({at.x, y}, {at.x + sw, y + sw}, IM_COL32(0x33, 0x42, 0x5C, 0xFF));
            const float t = std::max(2.0f, s.unit * 0.4f);
            c.dl->AddRect({at.x + t / 2, y + t / 2}, {at.x + sw - t / 2, y + sw - t / 2}, r.swatch, 0, 0, t);
        } else {
            c.dl->AddRectFilled({at.x, y}, {at.x + sw, y + sw}, r.swatch);
        }
    }
    const float x = at.x + sw + s.unit * 0.6f;
    canvas_text_in(c, f, {x, at.y, x + text_size(f, r.text).x + 1, at.y + h}, s.theme.text, r.text);
}

// Heading lines then rows, in the legend's columns, from its top left.
void draw_legend(Canvas& c, const ViewStyle& s, const ImFont* f, const ImFont* fb,
                 const ChoroplethLegend& l) {
    const ImVec2 at = l.at;
    const int cols = l.cols;
    float y = at.y;
    for (const auto& line : l.heading) {
        canvas_text_in(c, fb, {at.x, y, at.x + text_size(fb, line).x + 1, y + fb->FontSize}, s.theme.text,
                       line);
        y += std::round(fb->FontSize * 1.15f);
    }
    y += std::round(s.unit * 0.3f);
    const int per_col = int((l.rows.size() + std::size_t(cols) - 1) / std::size_t(std::max(cols, 1)));
    for (std::size_t i = 0; i < l.rows.size(); ++i) {
        const int col = int(i) / std::max(per_col, 1), row = int(i) % std::max(per_col, 1);
        draw_legend_row(c, s, f, {at.x + float(col) * l.col_w, y + float(row) * choropleth_row_h(f)},
                        l.rows[i]);
    }
}

}  // namespace

void draw_municipality_map(Canvas& c, const ViewStyle& s, Rect area, const feeds::MunicipalityTable& t,
                           const ViewInput& in) {
    const MapViewStart start = start_map_view(c, s, area, in);
    if (!start.geometry) return;
    const MapGeometry& g = *start.geometry;
    const Rect body = start.body;
    const MunicipalityMapPlan p = plan_municipality_map(c, s, body, t, in, g);
    if (p.empty) return draw_no_items(c, s, body);
    draw_legend(c, s, p.f, p.fb, p.legend);
    draw_map_layer(c, in, g, p.fit, p.map, p.paint, "municipality_map|" + in.slide.id, s.theme.background);
    for (const PlacedMapLabel& l : p.labels) draw_map_label(c, s, l.box, l.label);
}
