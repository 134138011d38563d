#include "app/views/project_map_plan.h"

#include <algorithm>
#include <cmath>

#include "app/map/common.h"
#include "app/map/labels.h"
#include "app/map/projection.h"
#include "app/views/view_kit.h"
#include "feeds/map_check.h"

using namespace project_legend;

LineStyle line_style(const ViewStyle& s, feeds::ProjectKind kind) {
    const float w = std::max(3.0f, std::round(s.unit * 0.55f));
    const float casing = std::max(1.5f, std::round(s.unit * 0.2f));
    return {kind == feeds::ProjectKind::Other ? w * 0.7f : w, casing};
}

// The part of the map the projects use: their places, Copenhagen and the airport, with a
// margin. A portrait screen shows this rather than the whole region, so the map stays large.
static MapBounds project_bounds(const std::vector<Shown>& shown, const std::vector<MapXY>& orientation) {
    MapBounds b;
    for (const MapXY& q : orientation) b.add(q);
    for (const Shown& p : shown)
        for (const MapXY& q : p.points) b.add(q);
    const double m = std::max(8000.0, std::max(b.w(), b.h()) * 0.1);
    b.add(MapXY{b.x0 - m, b.y0 - m});
    b.add(MapXY{b.x1 + m, b.y1 + m});
    return b;
}

// The richest legend that fits beside (landscape) or under (portrait) a map of a useful size:
// names in bold, then in the floor font; costs, then none; the kinds' key, then none when all
// lines are of one kind. Only when none fits are projects left out (p.frame then leaves room
// for the note saying how many are shown). `east`: room east of the map for place names.
static void choose_legend(const Canvas& c, const ViewStyle& s, Rect body, float east, ProjectMapPlan& p) {
    const std::vector<Shown>& shown = p.shown;
    const float aspect = float(p.bounds.w() / std::max(1.0, p.bounds.h()));
    bool single_kind = true;
    for (const Shown& sh : shown) single_kind = single_kind && sh.project->kind == shown[0].project->kind;
    Canvas scratch = measuring_canvas(c);  // counts the layout steps
    WrapCache cache;
    bool found = false;
    for (int count = std::min(p.total, most_listed(c, s, body, p.landscape, p.gap)); count >= 1 && !found;
         --count) {
        const Rect frame = count < p.total ? pixel_inner(hidden_note_space(c, s, body)) : body;
        p.frame = frame;
        std::vector<float> widths;
        if (p.landscape) {
            const float natural = body.w() - aspect * frame.h() - east - p.gap;  // the map at full height
            for (float share : {0.0f, 0.46f, 0.52f, 0.58f, 0.64f})
                widths.push_back(std::floor(std::max(natural, frame.w() * std::max(share, 0.4f))));
        } else {
            widths.push_back(frame.w());
        }
        // The map at least 30 % of the frame's height (portrait), or three quarters of the width
        // it has at full height (landscape).
        const float min_map_h = frame.h() * 0.3f,
                    min_map_w = std::min(frame.w() * 0.3f, aspect * frame.h() * 0.75f);
        for (int level = 0; level < 6 && !found; ++level) {
            LegendPlan lp;
            lp.nf = level % 2 == 0 ? floor_font(s, c, true) : p.f;
            lp.f = p.f;
            lp.costs = level < 2;
            lp.kinds = level < 4 || !single_kind;
            if (level >= 4 && !single_kind) continue;
            lp.count = count;
            for (float w : widths) {
                lp.width = std::min(w, frame.w());
                plan_legend(scratch, s, shown, lp, cache);
                if (!lp.whole) continue;
                const bool fits =
                    p.landscape ? lp.height <= frame.h() && frame.w() - lp.width - p.gap - east >= min_map_w
                                : frame.h() - lp.height - p.gap >= min_map_h;
                if (fits) {
                    p.legend_plan = lp;
                    found = true;
                    break;
                }
            }
            if (!found && level == 5 && count == 1)
                p.legend_plan = lp;  // nothing fits: the least, still whole
        }
    }
    p.layout_steps += scratch.layout_steps;
}

// The map fitted to what the legend leaves of the frame, centred together with the legend.
static void place_map(ProjectMapPlan& p, float east) {
    const LegendPlan& plan = p.legend_plan;
    const Rect frame = p.frame;
    const float legend_w = p.landscape ? std::min(plan.width, plan.used_w) : plan.width,
                legend_h = plan.height;
    Rect fit_area = frame;
    if (p.landscape)
        fit_area.x1 = std::floor(frame.x1 - legend_w - p.gap - east);
    else
        fit_area.y1 = std::floor(frame.y1 - legend_h - p.gap);
    MapFit fit = fit_map(p.bounds, fit_area);
    Rect drawn = fitted_rect(fit, p.bounds);
    Rect legend;
    if (p.landscape) {
        const float dx =
            std::round(frame.x0 + (frame.w() - (drawn.w() + east + p.gap + legend_w)) / 2 - drawn.x0);
        fit.tx += dx;
        legend.x0 = std::floor(drawn.x1 + dx + east + p.gap);
        legend.y0 = std::floor(frame.y0 + std::max(0.0f, (frame.h() - legend_h) / 2));
    } else {
        const float dy = std::round(frame.y0 + (frame.h() - (drawn.h() + p.gap + legend_h)) / 2 - drawn.y0);
        fit.ty += dy;
        legend.x0 = frame.x0;
        legend.y0 = std::floor(drawn.y1 + dy + p.gap);
    }
    legend.x1 = legend.x0 + legend_w;
    legend.y1 = legend.y0 + legend_h;
    drawn = fitted_rect(fit, p.bounds);
    p.fit = fit;
    p.legend = legend;
    p.map = pixel_inner({std::max(frame.x0, std::floor(drawn.x0)), std::max(frame.y0, std::floor(drawn.y0)),
                         std::min(frame.x1, std::ceil(drawn.x1)), std::min(frame.y1, std::ceil(drawn.y1))});
}

// A project's places on screen.
static std::vector<ImVec2> screen_points(const MapFit& fit, const Shown& p) {
    std::vector<ImVec2> pts;
    for (const MapXY& q : p.points) {
        const ImVec2 v = fit(q);
        pts.push_back(v);
    }
    return pts;
}

// Badges on the lines, then orientation and place names, greedy without overlaps; nothing
// covers the orientation markers, a project's places or the legend.
// Where a project's place is: the feed's own coordinates for it (1.2 "places"), else the map's.
static std::optional<MapXY> project_place(const MapGeometry& g, const feeds::ProjectList& data,
                                          std::string_view name) {
    if (const feeds::PlacePoint* pp = feeds::find_feed_place(data, name)) return utm32(pp->lon, pp->lat);
    if (const MapPlace* mp = find_map_place(g, name)) return mp->at;
    return std::nullopt;
}

static void place_map_texts(const ViewStyle& s, const MapGeometry& g, const feeds::ProjectList& data,
                            ProjectMapPlan& p) {
    const MapFit& fit = p.fit;
    const ImFont* f = p.f;
    const float badge = p.legend_plan.badge, mark = p.mark;
    const float label_gap = std::max(2.0f, s.unit * 0.2f);
    std::vector<LabelRequest> req;
    std::vector<PlacedMapText> texts;
    for (const Shown& sh : p.shown) {
        if (sh.points.empty()) continue;
        const std::vector<ImVec2> pts = screen_points(fit, sh);
        // Beside the line's middle (or its marker), else further along, so the line stays in view.
        const LineStyle st = line_style(s, sh.project->kind);
        const float clear = (pts.size() == 1 ? st.width * 1.6f + st.casing : st.width) + label_gap + 1;
        LabelRequest r{pts.size() == 1 ? pts[0] : polyline_point_at(pts, 0.5f),
                       {badge, badge},
                       sh.number,
                       true,
                       clear,
                       {}};
        if (pts.size() > 1)
            for (float t : {0.35f, 0.65f, 0.2f, 0.8f}) r.more_anchors.push_back(polyline_point_at(pts, t));
        req.push_back(r);
        texts.push_back({{}, std::to_string(sh.number), &sh});
    }
    // Names beside their point.
    auto add_name = [&](const std::string& name, ImVec2 at, int prio) {
        const ImVec2 sz = text_size(f, name);
        req.push_back(
            {at, {std::ceil(sz.x) + 2, std::ceil(f->FontSize)}, prio, true, mark * 1.2f + label_gap + 1, {}});
        texts.push_back({{}, name, nullptr});
    };
    add_name("København", fit(p.cph), 100);
    add_name("Lufthavnen", fit(p.airport), 101);
    std::vector<std::string> named;
    for (const Shown& sh : p.shown)
        for (std::size_t i = 0; i < sh.project->places.size(); ++i) {
            const std::string& name = sh.project->places[i];
            const auto at = project_place(g, data, name);
            if (!at || std::find(named.begin(), named.end(), name) != named.end()) continue;
            named.push_back(name);
            const bool orientation = std::hypot(at->x - p.cph.x, at->y - p.cph.y) < 3000 ||
                                     std::hypot(at->x - p.airport.x, at->y - p.airport.y) < 3000;
            if (!orientation) add_name(name, fit(*at), 200 + int(named.size()));
        }
    std::vector<Rect> keep_clear;
    auto clear_around = [&](ImVec2 q, float r) {
        keep_clear.push_back({q.x - r, q.y - r, q.x + r, q.y + r});
    };
    clear_around(fit(p.cph), mark * 1.2f);
    clear_around(fit(p.airport), mark * 1.2f);
    for (const Shown& sh : p.shown)
        for (const ImVec2& q : screen_points(fit, sh)) clear_around(q, line_style(s, sh.project->kind).width);
    // The legend, with air on its map side so a name never seems to belong to it.
    const Rect& lg = p.legend;
    keep_clear.push_back(
        {lg.x0 - (p.landscape ? p.gap : 0), lg.y0 - (p.landscape ? 0 : p.gap * 0.5f), lg.x1, lg.y1});
    const auto placed = place_labels(req, p.frame, keep_clear, label_gap);
    for (std::size_t k = 0; k < placed.size(); ++k)
        if (placed[k]) {
            texts[k].box = *placed[k];
            p.labels.push_back(std::move(texts[k]));
        }
}

ProjectMapPlan plan_project_map(const Canvas& c, const ViewStyle& s, Rect body,
                                const feeds::ProjectList& data, const feeds::Slide& slide,
                                const MapGeometry& g) {
    ProjectMapPlan p;
    for (const feeds::Project* pr : feeds::shown_projects(slide, data)) {
        Shown sh{pr, {}, phase_look(s.theme, pr->phase), int(p.shown.size()) + 1};
        for (const auto& name : pr->places)
            if (const auto at = project_place(g, data, name)) sh.points.push_back(*at);
        p.shown.push_back(std::move(sh));
    }
    if (p.shown.empty()) {
        p.empty = true;
        return p;
    }
    p.f = floor_font(s, c, false);
    p.gap = std::round(s.unit * 1.5f);
    p.landscape = body.w() > body.h() * 1.1f;
    p.cph = utm32(12.565, 55.673);
    p.airport = utm32(12.65, 55.618);
    std::vector<MapXY> extra{p.cph, p.airport};
    for (const Shown& sh : p.shown) extra.insert(extra.end(), sh.points.begin(), sh.points.end());
    // Landscape: Region Sjælland whole, the legend beside it. Portrait: the part of it the
    // projects use, the legend under it.
    p.bounds = p.landscape ? map_fit_bounds(g, extra) : project_bounds(p.shown, {p.cph, p.airport});
    // Room east of the map for the names of Copenhagen and the airport.
    const float east =
        p.landscape
            ? std::ceil(std::max(text_size(p.f, "København").x, text_size(p.f, "Lufthavnen").x) * 0.8f)
            : 0;
    p.total = int(p.shown.size());
    p.frame = body;
    choose_legend(c, s, body, east, p);
    if (int(p.legend_plan.count) < p.total) p.shown.resize(std::size_t(p.legend_plan.count));
    place_map(p, east);
    p.mark = std::max(4.0f, std::round(s.unit * 0.55f));
    place_map_texts(s, g, data, p);
    return p;
}
