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
#include "app/views/status_badge.h"

namespace {

struct LegendRow {
    ImU32 swatch = 0;
    bool outline = false;  // the home municipality's outline, not a fill
    std::string text;
};

struct Legend {
    std::vector<std::string> heading;  // the column's label, wrapped
    std::vector<LegendRow> rows;
};

float legend_row_h(const ImFont* f) {
    return std::round(f->FontSize * 1.3f);
}

// At most how many lines the legend's heading may take so that it and `rows_h` of rows stay
// within `room`: a column label of 200 characters is shortened (a reported problem) rather
// than pushing the legend off the screen. At least one.
int heading_lines(const ViewStyle& s, const ImFont* fb, float room, float rows_h) {
    const float lh = std::round(fb->FontSize * 1.15f);
    return std::max(1, int(std::floor((room - rows_h - s.unit * 0.3f) / std::max(1.0f, lh))));
}

float legend_row_w(const ViewStyle& s, const ImFont* f, const LegendRow& r) {
    return std::ceil(f->FontSize * 1.2f + s.unit * 0.6f + text_size(f, r.text).x);
}

void draw_legend_row(Canvas& c, const ViewStyle& s, const ImFont* f, ImVec2 at, const LegendRow& r) {
    const float sw = std::round(f->FontSize * 1.2f), h = legend_row_h(f);
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

// Heading lines then rows, in `cols` columns of `col_w`, from `at`.
void draw_legend(Canvas& c, const ViewStyle& s, const ImFont* f, const ImFont* fb, ImVec2 at, const Legend& l,
                 int cols, float col_w) {
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
        draw_legend_row(c, s, f, {at.x + float(col) * col_w, y + float(row) * legend_row_h(f)}, l.rows[i]);
    }
}

}  // namespace

void draw_municipality_map(Canvas& c, const ViewStyle& s, Rect area, const feeds::MunicipalityTable& t,
                           const ViewInput& in) {
    const MapGeometry* gp = map_geometry_of(c, in);
    if (!gp) return;
    const MapGeometry& g = *gp;
    const auto& opt = in.slide.options;
    const Rect body = pixel_inner(draw_map_attribution(c, s, area));

    std::size_t col = 0;
    for (std::size_t i = 0; i < t.columns.size(); ++i)
        if (!opt.column.empty() && t.columns[i].id == opt.column) col = i;
    const std::string unit = !opt.unit.empty() ? opt.unit : col < t.columns.size() ? t.columns[col].unit : "";
    const std::string label = col < t.columns.size() ? t.columns[col].label : "";

    // Each area's row and value.
    std::vector<const feeds::MunicipalityRow*> row_of(g.areas.size(), nullptr);
    std::vector<std::optional<double>> value_of(g.areas.size());
    std::vector<double> values;
    for (const auto& r : t.rows) {
        const int a = area_index(g, r.code);
        if (a < 0) continue;  // not on the map: --check reports it
        row_of[std::size_t(a)] = &r;
        if (col < r.values.size() && r.values[col]) {
            value_of[std::size_t(a)] = *r.values[col];
            values.push_back(*r.values[col]);
        }
    }
    if (values.empty()) return draw_no_items(c, s, body);
    const std::vector<MapClass> classes = quantile_classes(values, 5, unit, opt.decimals);

    const feeds::ViewOptions no_options{};
    int home = -1;
    std::vector<int> highlighted;
    for (std::size_t i = 0; i < g.areas.size(); ++i) {
        const MapArea& a = g.areas[i];
        if (!in.home.empty() && is_highlighted(no_options, in.home, {a.code, a.name}))
            home = int(i);
        else if (row_of[i] && is_highlighted(opt, "", {a.code, a.name}))
            highlighted.push_back(int(i));
    }

    MapPaint paint = base_paint(s.theme, g, s.unit);
    bool any_missing = false;
    for (std::size_t i = 0; i < g.areas.size(); ++i) {
        if (value_of[i])
            paint.fill[i] = classes[std::size_t(class_of(classes, *value_of[i]))].color;
        else if (g.areas[i].focus || row_of[i]) {
            paint.fill[i] = kNoDataColor;
            any_missing = true;
        }
    }
    if (home >= 0) paint.emphasised.push_back(home);
    for (int h : highlighted) paint.emphasised.push_back(h);

    // The legend.
    const ImFont* f = floor_font(s, c, false);
    const ImFont* fb = floor_font(s, c, true);
    Legend legend;
    for (auto it = classes.rbegin(); it != classes.rend(); ++it)
        legend.rows.push_back({it->color, false, it->label});
    if (any_missing) legend.rows.push_back({kNoDataColor, false, "ingen data"});
    if (home >= 0) legend.rows.push_back({s.theme.text, true, g.areas[std::size_t(home)].name});
    float row_w = 0;
    for (const auto& r : legend.rows) row_w = std::max(row_w, legend_row_w(s, f, r));
    const float gap = std::round(s.unit * 1.5f);

    // Map and legend side by side (landscape) or stacked (portrait), centred together; the map
    // as large as the rest leaves it. Labels may use the whole body, but not the legend.
    const MapXY cph = utm32(12.565, 55.673), airport = utm32(12.65, 55.618);
    const MapBounds bounds = map_fit_bounds(g, {cph, airport});
    const bool landscape = body.w() > body.h() * 1.1f;
    int cols = 1;
    const float col_w = row_w + gap;
    float legend_w = 0, legend_h = 0;
    Rect fit_area = body;
    if (landscape) {
        const float lw = std::min(std::max(row_w, body.w() * 0.22f), body.w() * 0.4f);
        legend.heading =
            wrap_lines(fb, label, lw, heading_lines(s, fb, body.h(), legend.rows.size() * legend_row_h(f)));
        float head_w = 0;
        for (const auto& l : legend.heading) head_w = std::max(head_w, text_size(fb, l).x);
        legend_w = std::ceil(std::max(row_w, head_w));
        legend_h = float(legend.heading.size()) * std::round(fb->FontSize * 1.15f) + s.unit * 0.3f +
                   float(legend.rows.size()) * legend_row_h(f);
        fit_area.x1 = std::floor(body.x1 - legend_w - gap);
    } else {
        cols = std::max(1, std::min(int(legend.rows.size()), int((body.w() + gap) / col_w)));
        const int per_col = int((legend.rows.size() + std::size_t(cols) - 1) / std::size_t(cols));
        cols = int((legend.rows.size() + std::size_t(per_col) - 1) / std::size_t(per_col));
        // The heading takes at most half the body, so the map keeps room beside it.
        legend.heading =
            wrap_lines(fb, label, body.w(), heading_lines(s, fb, body.h() * 0.5f, per_col * legend_row_h(f)));
        float head_w = 0;
        for (const auto& l : legend.heading) head_w = std::max(head_w, text_size(fb, l).x);
        legend_w = std::max(head_w, float(cols) * col_w - gap);
        legend_h = float(legend.heading.size()) * std::round(fb->FontSize * 1.15f) + s.unit * 0.3f +
                   float(per_col) * legend_row_h(f);
        fit_area.y1 = std::floor(body.y1 - legend_h - gap);
    }
    MapFit fit = fit_map(bounds, fit_area);
    Rect drawn = fitted_rect(fit, bounds);
    ImVec2 legend_at;
    if (landscape) {
        const float dx = std::round(body.x0 + (body.w() - (drawn.w() + gap + legend_w)) / 2 - drawn.x0);
        fit.tx += dx;
        legend_at = {std::floor(drawn.x1 + dx + gap), std::floor(body.y0 + (body.h() - legend_h) / 2)};
    } else {
        const float dy = std::round(body.y0 + (body.h() - (drawn.h() + gap + legend_h)) / 2 - drawn.y0);
        fit.ty += dy;
        legend_at = {std::floor(body.x0 + (body.w() - legend_w) / 2), std::floor(drawn.y1 + dy + gap)};
    }
    drawn = fitted_rect(fit, bounds);
    const Rect map =
        pixel_inner({std::max(body.x0, std::floor(drawn.x0)), std::max(body.y0, std::floor(drawn.y0)),
                     std::min(body.x1, std::ceil(drawn.x1)), std::min(body.y1, std::ceil(drawn.y1))});
    const Rect legend_box{legend_at.x, legend_at.y, legend_at.x + legend_w, legend_at.y + legend_h};
    draw_legend(c, s, f, fb, legend_at, legend, cols, col_w);
    draw_map_layer(c, in, g, fit, map, paint, "municipality_map|" + in.slide.id, s.theme.background);

    // Labels: name and value, greedy by priority.
    std::vector<LabelRequest> req;
    std::vector<MapLabel> labels;
    std::vector<int> order;  // area of each request
    double vmax = -INFINITY, vmin = INFINITY;
    for (double v : values) vmax = std::max(vmax, v), vmin = std::min(vmin, v);
    bool max_done = false, min_done = false;
    std::vector<std::size_t> by_size;
    for (std::size_t i = 0; i < g.areas.size(); ++i)
        if (row_of[i]) by_size.push_back(i);
    std::stable_sort(by_size.begin(), by_size.end(),
                     [&](std::size_t a, std::size_t b) { return g.areas[a].area > g.areas[b].area; });
    for (std::size_t rank = 0; rank < by_size.size(); ++rank) {
        const std::size_t i = by_size[rank];
        const MapArea& a = g.areas[i];
        MapLabel l{a.name, value_of[i] ? format_value(*value_of[i], unit, opt.decimals) : "ingen data",
                   int(i) == home};
        int prio = 100 + int(rank);
        if (int(i) == home)
            prio = 0;
        else if (std::find(highlighted.begin(), highlighted.end(), int(i)) != highlighted.end())
            prio = 1;
        else if (value_of[i] && *value_of[i] == vmax && !max_done)
            prio = 2, max_done = true;
        else if (value_of[i] && *value_of[i] == vmin && !min_done)
            prio = 3, min_done = true;
        req.push_back({fit(a.label), map_label_size(s, c, l), prio, false, 0, {}});
        labels.push_back(std::move(l));
        order.push_back(int(i));
    }
    const auto placed = place_labels(req, body, {legend_box}, std::max(2.0f, s.unit * 0.2f));
    for (std::size_t k = 0; k < placed.size(); ++k)
        if (placed[k]) draw_map_label(c, s, *placed[k], labels[k]);
}
