#include "app/views/municipality_map_plan.h"

#include <algorithm>
#include <cmath>

#include "app/danish_format.h"
#include "app/map/classes.h"
#include "app/map/labels.h"
#include "app/views/home_match.h"
#include "app/views/view_kit.h"

float choropleth_row_h(const ImFont* f) {
    return std::round(f->FontSize * 1.3f);
}

namespace {

// The shown column, and each area's row and value in it.
struct Column {
    std::string unit, label;
    std::vector<const feeds::MunicipalityRow*> row_of;  // per area
    std::vector<std::optional<double>> value_of;        // per area
    std::vector<double> values;
    int home = -1;                 // the --home area
    std::vector<int> highlighted;  // areas the slide highlights
};

}  // namespace

static Column read_column(const feeds::MunicipalityTable& t, const ViewInput& in, const MapGeometry& g) {
    const auto& opt = in.slide.options;
    Column k;
    std::size_t col = 0;
    for (std::size_t i = 0; i < t.columns.size(); ++i)
        if (!opt.column.empty() && t.columns[i].id == opt.column) col = i;
    k.unit = !opt.unit.empty() ? opt.unit : col < t.columns.size() ? t.columns[col].unit : "";
    k.label = col < t.columns.size() ? t.columns[col].label : "";
    k.row_of.assign(g.areas.size(), nullptr);
    k.value_of.resize(g.areas.size());
    for (const auto& r : t.rows) {
        const int a = area_index(g, r.code);
        if (a < 0) continue;  // not on the map: --check reports it
        k.row_of[std::size_t(a)] = &r;
        if (col < r.values.size() && r.values[col]) {
            k.value_of[std::size_t(a)] = *r.values[col];
            k.values.push_back(*r.values[col]);
        }
    }
    const feeds::ViewOptions no_options{};
    for (std::size_t i = 0; i < g.areas.size(); ++i) {
        const MapArea& a = g.areas[i];
        if (!in.home.empty() && is_highlighted(no_options, in.home, {a.code, a.name}))
            k.home = int(i);
        else if (k.row_of[i] && is_highlighted(opt, "", {a.code, a.name}))
            k.highlighted.push_back(int(i));
    }
    return k;
}

// At most how many lines the legend's heading may take so that it and `rows_h` of rows stay
// within `room`: a column label of 200 characters is shortened (a reported problem) rather
// than pushing the legend off the screen. At least one.
static int heading_lines(const ViewStyle& s, const ImFont* fb, float room, float rows_h) {
    const float lh = std::round(fb->FontSize * 1.15f);
    return std::max(1, int(std::floor((room - rows_h - s.unit * 0.3f) / std::max(1.0f, lh))));
}

static float legend_row_w(const ViewStyle& s, const ImFont* f, const ChoroplethLegend::Row& r) {
    return std::ceil(f->FontSize * 1.2f + s.unit * 0.6f + text_size(f, r.text).x);
}

// Map and legend side by side (landscape) or stacked (portrait), centred together; the map
// as large as the rest leaves it.
static void place_map_and_legend(const ViewStyle& s, Rect body, const MapGeometry& g,
                                 const std::string& label, MunicipalityMapPlan& p) {
    const ImFont *f = p.f, *fb = p.fb;
    ChoroplethLegend& legend = p.legend;
    float row_w = 0;
    for (const auto& r : legend.rows) row_w = std::max(row_w, legend_row_w(s, f, r));
    const float gap = std::round(s.unit * 1.5f);
    const MapXY cph = utm32(12.565, 55.673), airport = utm32(12.65, 55.618);
    const MapBounds bounds = map_fit_bounds(g, {cph, airport});
    const bool landscape = body.w() > body.h() * 1.1f;
    legend.col_w = row_w + gap;
    float legend_w = 0, legend_h = 0;
    Rect fit_area = body;
    if (landscape) {
        const float lw = std::min(std::max(row_w, body.w() * 0.22f), body.w() * 0.4f);
        legend.heading = wrap_lines(fb, label, lw,
                                    heading_lines(s, fb, body.h(), legend.rows.size() * choropleth_row_h(f)));
        float head_w = 0;
        for (const auto& l : legend.heading) head_w = std::max(head_w, text_size(fb, l).x);
        legend_w = std::ceil(std::max(row_w, head_w));
        legend_h = float(legend.heading.size()) * std::round(fb->FontSize * 1.15f) + s.unit * 0.3f +
                   float(legend.rows.size()) * choropleth_row_h(f);
        fit_area.x1 = std::floor(body.x1 - legend_w - gap);
    } else {
        int cols = std::max(1, std::min(int(legend.rows.size()), int((body.w() + gap) / legend.col_w)));
        const int per_col = int((legend.rows.size() + std::size_t(cols) - 1) / std::size_t(cols));
        legend.cols = int((legend.rows.size() + std::size_t(per_col) - 1) / std::size_t(per_col));
        // The heading takes at most half the body, so the map keeps room beside it.
        legend.heading = wrap_lines(fb, label, body.w(),
                                    heading_lines(s, fb, body.h() * 0.5f, per_col * choropleth_row_h(f)));
        float head_w = 0;
        for (const auto& l : legend.heading) head_w = std::max(head_w, text_size(fb, l).x);
        legend_w = std::max(head_w, float(legend.cols) * legend.col_w - gap);
        legend_h = float(legend.heading.size()) * std::round(fb->FontSize * 1.15f) + s.unit * 0.3f +
                   float(per_col) * choropleth_row_h(f);
        fit_area.y1 = std::floor(body.y1 - legend_h - gap);
    }
    MapFit fit = fit_map(bounds, fit_area);
    Rect drawn = fitted_rect(fit, bounds);
    if (landscape) {
        const float dx = std::round(body.x0 + (body.w() - (drawn.w() + gap + legend_w)) / 2 - drawn.x0);
        fit.tx += dx;
        legend.at = {std::floor(drawn.x1 + dx + gap), std::floor(body.y0 + (body.h() - legend_h) / 2)};
    } else {
        const float dy = std::round(body.y0 + (body.h() - (drawn.h() + gap + legend_h)) / 2 - drawn.y0);
        fit.ty += dy;
        legend.at = {std::floor(body.x0 + (body.w() - legend_w) / 2), std::floor(drawn.y1 + dy + gap)};
    }
    drawn = fitted_rect(fit, bounds);
    p.fit = fit;
    p.map = pixel_inner({std::max(body.x0, std::floor(drawn.x0)), std::max(body.y0, std::floor(drawn.y0)),
                         std::min(body.x1, std::ceil(drawn.x1)), std::min(body.y1, std::ceil(drawn.y1))});
    legend.box = {legend.at.x, legend.at.y, legend.at.x + legend_w, legend.at.y + legend_h};
}

// Labels: name and value, greedy by priority: home, highlighted, the highest, the lowest, then
// the largest areas. Labels may use the whole body, but not the legend.
static void place_area_labels(const Canvas& c, const ViewStyle& s, Rect body, const MapGeometry& g,
                              const Column& k, const feeds::ViewOptions& opt, MunicipalityMapPlan& p) {
    std::vector<LabelRequest> req;
    std::vector<MapLabel> labels;
    double vmax = -INFINITY, vmin = INFINITY;
    for (double v : k.values) vmax = std::max(vmax, v), vmin = std::min(vmin, v);
    bool max_done = false, min_done = false;
    std::vector<std::size_t> by_size;
    for (std::size_t i = 0; i < g.areas.size(); ++i)
        if (k.row_of[i]) by_size.push_back(i);
    std::stable_sort(by_size.begin(), by_size.end(),
                     [&](std::size_t a, std::size_t b) { return g.areas[a].area > g.areas[b].area; });
    for (std::size_t rank = 0; rank < by_size.size(); ++rank) {
        const std::size_t i = by_size[rank];
        const MapArea& a = g.areas[i];
        const auto& v = k.value_of[i];
        MapLabel l{a.name, v ? format_value(*v, k.unit, opt.decimals) : "ingen data", int(i) == k.home};
        int prio = 100 + int(rank);
        if (int(i) == k.home)
            prio = 0;
        else if (std::find(k.highlighted.begin(), k.highlighted.end(), int(i)) != k.highlighted.end())
            prio = 1;
        else if (v && *v == vmax && !max_done)
            prio = 2, max_done = true;
        else if (v && *v == vmin && !min_done)
            prio = 3, min_done = true;
        req.push_back({p.fit(a.label), map_label_size(s, c, l), prio, false, 0, {}});
        labels.push_back(std::move(l));
    }
    const auto placed = place_labels(req, body, {p.legend.box}, std::max(2.0f, s.unit * 0.2f));
    for (std::size_t i = 0; i < placed.size(); ++i)
        if (placed[i]) p.labels.push_back({*placed[i], std::move(labels[i])});
}

MunicipalityMapPlan plan_municipality_map(const Canvas& c, const ViewStyle& s, Rect body,
                                          const feeds::MunicipalityTable& t, const ViewInput& in,
                                          const MapGeometry& g) {
    MunicipalityMapPlan p;
    const Column k = read_column(t, in, g);
    if (k.values.empty()) {
        p.empty = true;
        return p;
    }
    const std::vector<MapClass> classes = quantile_classes(k.values, 5, k.unit, in.slide.options.decimals);
    p.paint = base_paint(s.theme, g, s.unit);
    bool any_missing = false;
    for (std::size_t i = 0; i < g.areas.size(); ++i) {
        if (k.value_of[i])
            p.paint.fill[i] = classes[std::size_t(class_of(classes, *k.value_of[i]))].color;
        else if (g.areas[i].focus || k.row_of[i]) {
            p.paint.fill[i] = kNoDataColor;
            any_missing = true;
        }
    }
    if (k.home >= 0) p.paint.emphasised.push_back(k.home);
    for (int h : k.highlighted) p.paint.emphasised.push_back(h);
    p.f = floor_font(s, c, false);
    p.fb = floor_font(s, c, true);
    for (auto it = classes.rbegin(); it != classes.rend(); ++it)
        p.legend.rows.push_back({it->color, false, it->label});
    if (any_missing) p.legend.rows.push_back({kNoDataColor, false, "ingen data"});
    if (k.home >= 0) p.legend.rows.push_back({s.theme.text, true, g.areas[std::size_t(k.home)].name});
    place_map_and_legend(s, body, g, k.label, p);
    place_area_labels(c, s, body, g, k, in.slide.options, p);
    return p;
}
