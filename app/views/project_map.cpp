// Transport projects on the map: each a line through its places in order (a marker when it
// has one place), styled by kind (road solid, rail dashed, bus dotted) over a dark casing and
// coloured by status; a numbered badge on each line; Copenhagen and the airport marked for
// orientation; a legend listing every project with its number, name, status (icon + word, so
// colour is never alone) and cost as the document writes it.
//
//   landscape:  [ map ....... ] [ legend: kinds, then 1 name / status · cost ... ]
//   portrait:   [ map ] over [ legend ]
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

#include "app/map/common.h"
#include "app/map/labels.h"
#include "app/view.h"
#include "app/views/project_legend.h"
#include "app/views/status_badge.h"
#include "feeds/map_check.h"

using namespace project_legend;  // the legend's plan and its parts

namespace {

struct LineStyle {
    float width;
    float casing;
};

LineStyle line_style(const ViewStyle& s, feeds::ProjectKind kind) {
    const float w = std::max(3.0f, std::round(s.unit * 0.55f));
    const float casing = std::max(1.5f, std::round(s.unit * 0.2f));
    return {kind == feeds::ProjectKind::Other ? w * 0.7f : w, casing};
}

// One project's line (or marker) in its kind's style.
void draw_project_shape(ImDrawList* dl, const ViewStyle& s, const Shown& p, const std::vector<ImVec2>& pts) {
    const LineStyle st = line_style(s, p.project->kind);
    const ImU32 col = p.look.color, dark = s.theme.background;
    if (pts.size() == 1) {
        const float r = st.width * 1.6f;
        dl->AddCircleFilled(pts[0], r + st.casing, dark);
        dl->AddCircleFilled(pts[0], r, col);
        return;
    }
    dl->AddPolyline(pts.data(), int(pts.size()), dark, ImDrawFlags_None, st.width + 2 * st.casing);
    switch (p.project->kind) {
        case feeds::ProjectKind::Rail:
            draw_dashed_polyline(dl, pts, col, st.width, st.width * 2.2f, st.width * 1.4f);
            break;
        case feeds::ProjectKind::Bus:
            draw_dashed_polyline(dl, pts, col, st.width, st.width * 0.9f, st.width * 0.9f);
            break;
        default:
            dl->AddPolyline(pts.data(), int(pts.size()), col, ImDrawFlags_None, st.width);
    }
    for (const ImVec2& q : pts) dl->AddCircleFilled(q, st.width * 0.9f, col);  // stops
}

void draw_badge(Canvas& c, const ViewStyle& s, const ImFont* f, Rect box, const Shown& p) {
    const ImVec2 ctr{(box.x0 + box.x1) / 2, (box.y0 + box.y1) / 2};
    canvas_disc(c, ctr, box.w() / 2, s.theme.text);
    if (c.dl) c.dl->AddCircle(ctr, box.w() / 2, p.look.color, 0, std::max(2.0f, s.unit * 0.25f));
    canvas_text_in(c, f, box, s.theme.on_badge, std::to_string(p.number), Align::Center);
}

// Where a project's place is: the feed's own coordinates for it (1.2 "places"), else the map's.
std::optional<MapXY> project_place(const MapGeometry& g, const feeds::ProjectList& data,
                                   std::string_view name) {
    if (const feeds::PlacePoint* p = feeds::find_feed_place(data, name)) return utm32(p->lon, p->lat);
    if (const MapPlace* mp = find_map_place(g, name)) return mp->at;
    return std::nullopt;
}

// The part of the map the projects use: their places, Copenhagen and the airport, with a
// margin. A portrait screen shows this rather than the whole region, so the map stays large.
MapBounds project_bounds(const std::vector<Shown>& shown, const std::vector<MapXY>& orientation) {
    MapBounds b;
    for (const MapXY& q : orientation) b.add(q);
    for (const Shown& p : shown)
        for (const MapXY& q : p.points) b.add(q);
    const double m = std::max(8000.0, std::max(b.w(), b.h()) * 0.1);
    b.add(MapXY{b.x0 - m, b.y0 - m});
    b.add(MapXY{b.x1 + m, b.y1 + m});
    return b;
}

}  // namespace

void draw_project_map(Canvas& c, const ViewStyle& s, Rect area, const feeds::ProjectList& data,
                      const ViewInput& in) {
    const MapGeometry* gp = map_geometry_of(c, in);
    if (!gp) return;
    const MapGeometry& g = *gp;
    const Rect body = pixel_inner(draw_map_attribution(c, s, area));

    std::vector<Shown> shown;
    for (const feeds::Project* p : feeds::shown_projects(in.slide, data)) {
        Shown sh{p, {}, phase_look(s.theme, p->phase), int(shown.size()) + 1};
        for (const auto& name : p->places)
            if (const auto at = project_place(g, data, name)) sh.points.push_back(*at);
        shown.push_back(std::move(sh));
    }
    if (shown.empty()) return draw_no_items(c, s, body);

    const ImFont* f = floor_font(s, c, false);
    const float gap = std::round(s.unit * 1.5f);
    const bool landscape = body.w() > body.h() * 1.1f;
    const MapXY cph = utm32(12.565, 55.673), airport = utm32(12.65, 55.618);
    std::vector<MapXY> extra{cph, airport};
    for (const Shown& p : shown) extra.insert(extra.end(), p.points.begin(), p.points.end());
    // Landscape: Region Sjælland whole, the legend beside it. Portrait: the part of it the
    // projects use, the legend under it.
    const MapBounds bounds = landscape ? map_fit_bounds(g, extra) : project_bounds(shown, {cph, airport});
    // Room east of the map for the names of Copenhagen and the airport.
    const float east =
        landscape ? std::ceil(std::max(text_size(f, "København").x, text_size(f, "Lufthavnen").x) * 0.8f) : 0;
    const float aspect = float(bounds.w() / std::max(1.0, bounds.h()));

    // The richest legend that fits beside (landscape) or under (portrait) a map of a useful
    // size: names in bold, then in the floor font; costs, then none; the kinds' key, then
    // none when all lines are of one kind. Only when none fits are projects left out, and
    // a note says how many are shown.
    bool single_kind = true;
    for (const Shown& p : shown) single_kind = single_kind && p.project->kind == shown[0].project->kind;
    const int total = int(shown.size());
    LegendPlan plan;
    Rect frame = body;  // the map and the legend; less a note line when projects are left out
    bool found = false;
    WrapCache cache;
    for (int count = std::min(total, most_listed(c, s, body, landscape, gap)); count >= 1 && !found;
         --count) {
        frame = count < total ? pixel_inner(hidden_note_space(c, s, body)) : body;
        std::vector<float> widths;
        if (landscape) {
            const float natural = body.w() - aspect * frame.h() - east - gap;  // the map at full height
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
            LegendPlan p;
            p.nf = level % 2 == 0 ? floor_font(s, c, true) : f;
            p.f = f;
            p.costs = level < 2;
            p.kinds = level < 4 || !single_kind;
            if (level >= 4 && !single_kind) continue;
            p.count = count;
            for (float w : widths) {
                p.width = std::min(w, frame.w());
                plan_legend(c, s, shown, p, cache);
                if (!p.whole) continue;
                const bool fits = landscape
                                      ? p.height <= frame.h() && frame.w() - p.width - gap - east >= min_map_w
                                      : frame.h() - p.height - gap >= min_map_h;
                if (fits) {
                    plan = p;
                    found = true;
                    break;
                }
            }
            if (!found && level == 5 && count == 1) plan = p;  // nothing fits: the least, still whole
        }
    }
    if (int(plan.count) < total) {
        draw_hidden_note(c, s, body, plan.count, total, "projekter");
        shown.resize(std::size_t(plan.count));
    }
    const ImFont* fb = plan.nf;
    const float badge = plan.badge;
    const float legend_w = landscape ? std::min(plan.width, plan.used_w) : plan.width, legend_h = plan.height;

    // The map, fitted to what is left and centred together with the legend; names may use
    // the whole frame but not the legend.
    Rect fit_area = frame;
    if (landscape)
        fit_area.x1 = std::floor(frame.x1 - legend_w - gap - east);
    else
        fit_area.y1 = std::floor(frame.y1 - legend_h - gap);
    MapFit fit = fit_map(bounds, fit_area);
    Rect drawn = fitted_rect(fit, bounds);
    Rect legend;
    if (landscape) {
        const float dx =
            std::round(frame.x0 + (frame.w() - (drawn.w() + east + gap + legend_w)) / 2 - drawn.x0);
        fit.tx += dx;
        legend.x0 = std::floor(drawn.x1 + dx + east + gap);
        legend.y0 = std::floor(frame.y0 + std::max(0.0f, (frame.h() - legend_h) / 2));
    } else {
        const float dy = std::round(frame.y0 + (frame.h() - (drawn.h() + gap + legend_h)) / 2 - drawn.y0);
        fit.ty += dy;
        legend.x0 = frame.x0;
        legend.y0 = std::floor(drawn.y1 + dy + gap);
    }
    legend.x1 = legend.x0 + legend_w;
    legend.y1 = legend.y0 + legend_h;
    drawn = fitted_rect(fit, bounds);
    const Rect map =
        pixel_inner({std::max(frame.x0, std::floor(drawn.x0)), std::max(frame.y0, std::floor(drawn.y0)),
                     std::min(frame.x1, std::ceil(drawn.x1)), std::min(frame.y1, std::ceil(drawn.y1))});
    auto screen_points = [&](const Shown& p, ImVec2 shift) {
        std::vector<ImVec2> pts;
        for (const MapXY& q : p.points) {
            const ImVec2 v = fit(q);
            pts.push_back({v.x + shift.x, v.y + shift.y});
        }
        return pts;
    };
    const MapPaint paint = base_paint(s.theme, g, s.unit);
    std::string key = "project_map|" + in.slide.id;
    for (const Shown& p : shown)
        key += "|" + p.project->id + ":" + std::to_string(int(p.project->phase)) + ":" +
               std::to_string(p.points.size());
    const float mark = std::max(4.0f, std::round(s.unit * 0.55f));
    draw_map_layer(c, in, g, fit, map, paint, key, s.theme.background, [&](ImDrawList* dl, ImVec2 shift) {
        // Orientation: Copenhagen a square, the airport a ring.
        const ImVec2 a = fit(cph), b = fit(airport);
        dl->AddRectFilled({a.x + shift.x - mark, a.y + shift.y - mark},
                          {a.x + shift.x + mark, a.y + shift.y + mark}, s.theme.text);
        dl->AddCircle({b.x + shift.x, b.y + shift.y}, mark, s.theme.text, 0, std::max(2.0f, mark * 0.4f));
        // Lines under markers: the longest first, so short ones stay visible on top.
        std::vector<const Shown*> order;
        for (const Shown& p : shown) order.push_back(&p);
        std::stable_sort(order.begin(), order.end(),
                         [](const Shown* x, const Shown* y) { return x->points.size() > y->points.size(); });
        for (const Shown* p : order)
            if (!p->points.empty()) draw_project_shape(dl, s, *p, screen_points(*p, shift));
    });

    // Badges on the lines, then orientation and place names, greedy without overlaps.
    const float label_gap = std::max(2.0f, s.unit * 0.2f);
    std::vector<LabelRequest> req;
    struct Text {
        std::string text;
        const Shown* badge;
    };
    std::vector<Text> texts;
    for (const Shown& p : shown) {
        if (p.points.empty()) continue;
        const std::vector<ImVec2> pts = screen_points(p, {0, 0});
        // Beside the line's middle (or its marker), else further along, so the line stays in view.
        const LineStyle st = line_style(s, p.project->kind);
        const float clear = (pts.size() == 1 ? st.width * 1.6f + st.casing : st.width) + label_gap + 1;
        LabelRequest r{pts.size() == 1 ? pts[0] : polyline_point_at(pts, 0.5f),
                       {badge, badge},
                       p.number,
                       true,
                       clear,
                       {}};
        if (pts.size() > 1)
            for (float t : {0.35f, 0.65f, 0.2f, 0.8f}) r.more_anchors.push_back(polyline_point_at(pts, t));
        req.push_back(r);
        texts.push_back({std::to_string(p.number), &p});
    }
    // Names beside their point.
    auto add_name = [&](const std::string& name, ImVec2 at, int prio) {
        const ImVec2 sz = text_size(f, name);
        req.push_back(
            {at, {std::ceil(sz.x) + 2, std::ceil(f->FontSize)}, prio, true, mark * 1.2f + label_gap + 1, {}});
        texts.push_back({name, nullptr});
    };
    add_name("København", fit(cph), 100);
    add_name("Lufthavnen", fit(airport), 101);
    std::vector<std::string> named;
    for (const Shown& p : shown)
        for (std::size_t i = 0; i < p.project->places.size(); ++i) {
            const std::string& name = p.project->places[i];
            const auto at = project_place(g, data, name);
            if (!at || std::find(named.begin(), named.end(), name) != named.end()) continue;
            named.push_back(name);
            const bool orientation = std::hypot(at->x - cph.x, at->y - cph.y) < 3000 ||
                                     std::hypot(at->x - airport.x, at->y - airport.y) < 3000;
            if (!orientation) add_name(name, fit(*at), 200 + int(named.size()));
        }
    // Nothing covers the orientation markers or a project's places.
    std::vector<Rect> keep_clear;
    auto clear_around = [&](ImVec2 p, float r) {
        keep_clear.push_back({p.x - r, p.y - r, p.x + r, p.y + r});
    };
    clear_around(fit(cph), mark * 1.2f);
    clear_around(fit(airport), mark * 1.2f);
    for (const Shown& p : shown)
        for (const ImVec2& q : screen_points(p, {0, 0}))
            clear_around(q, line_style(s, p.project->kind).width);
    // The legend, with air on its map side so a name never seems to belong to it.
    keep_clear.push_back(
        {legend.x0 - (landscape ? gap : 0), legend.y0 - (landscape ? 0 : gap * 0.5f), legend.x1, legend.y1});
    const auto placed = place_labels(req, frame, keep_clear, label_gap);
    for (std::size_t k = 0; k < placed.size(); ++k) {
        if (!placed[k]) continue;
        if (texts[k].badge) {
            draw_badge(c, s, fb, *placed[k], *texts[k].badge);
            continue;
        }
        const Rect& b = *placed[k];
        if (c.dl)  // a dark halo keeps names legible over lines and borders
            for (float dx : {-1.5f, 1.5f})
                for (float dy : {-1.5f, 1.5f})
                    c.dl->AddText(const_cast<ImFont*>(f), f->FontSize, {b.x0 + 1 + dx, b.y0 + dy},
                                  s.theme.background, texts[k].text.c_str());
        canvas_text(c, f, {b.x0 + 1, b.y0}, s.theme.text, texts[k].text);
    }

    // Legend: the key (kinds, and the status when all share one), then one entry per project.
    for (const KeyItem& k : plan.key) {
        const float x = legend.x0 + k.x, y = legend.y0 + k.y;
        if (!k.is_kind) {
            draw_status_label(c, s.theme, fb, {x, y + (plan.line_h - fb->FontSize) / 2}, k.shown->look,
                              k.w + 1);
            continue;
        }
        const float sample = kind_sample_w(f);
        const float cy = std::round(y + plan.line_h * 0.5f);
        if (c.dl) {
            feeds::Project proj;
            proj.kind = k.kind;
            const Shown fake{&proj, {}, {"", StatusIcon::Dot, s.theme.text_muted}, 0};
            draw_project_shape(c.dl, s, fake, {{x + s.unit * 0.3f, cy}, {x + sample - s.unit * 0.3f, cy}});
        }
        const std::string w = kind_word(k.kind);
        const float tx = x + sample + s.unit;
        canvas_text_in(c, f, {tx, y, tx + text_size(f, w).x + 1, y + plan.line_h}, s.theme.text_muted, w);
    }
    float y = legend.y0 + plan.key_h;
    for (const LegendLine& l : plan.lines) {
        const Shown& p = *l.shown;
        const float x = legend.x0 + plan.text_x;
        switch (l.kind) {
            case LegendLine::Group:
                draw_status_label(c, s.theme, fb, {legend.x0, y + (l.h - fb->FontSize) / 2}, p.look,
                                  legend.w());
                break;
            case LegendLine::FirstName:
                draw_badge(c, s, fb,
                           {legend.x0, y + (l.h - badge) / 2, legend.x0 + badge, y + (l.h + badge) / 2}, p);
                [[fallthrough]];
            case LegendLine::Name:
                canvas_text_in(c, fb, {x, y, x + text_size(fb, l.text).x + 1, y + l.h}, s.theme.text, l.text);
                break;
            case LegendLine::Cost:
                canvas_text_in(c, f, {x, y, x + text_size(f, l.text).x + 1, y + l.h}, s.theme.text_muted,
                               l.text);
                break;
        }
        y += l.h + (l.gap_after ? plan.entry_gap : 0);
    }
}
