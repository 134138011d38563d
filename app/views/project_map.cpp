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

#include "app/map_labels.h"
#include "app/view.h"
#include "app/views/map_common.h"
#include "app/views/status_badge.h"
#include "feeds/map_check.h"

namespace {

struct Shown {
    const feeds::Project* project;
    std::vector<MapXY> points;  // its places, those the map knows
    StatusLook look;
    int number;
};

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

const char* kind_word(feeds::ProjectKind k) {
    switch (k) {
        case feeds::ProjectKind::Road:
            return "Vej";
        case feeds::ProjectKind::Rail:
            return "Bane";
        case feeds::ProjectKind::Bus:
            return "Bus";
        case feeds::ProjectKind::Other:
            break;
    }
    return "Andet";
}

// One line of the legend: a status group's heading, a project's name (the first with its
// badge), or its cost as the document writes it.
struct LegendLine {
    enum Kind { Group, FirstName, Name, Cost } kind;
    std::string text;
    const Shown* shown;  // the project (for a group: its first project, for the look)
    bool gap_after = false;
};

float badge_size(const ImFont* f) {
    return std::round(f->FontSize * 1.35f);
}

void draw_badge(Canvas& c, const ViewStyle& s, const ImFont* f, Rect box, const Shown& p) {
    const ImVec2 ctr{(box.x0 + box.x1) / 2, (box.y0 + box.y1) / 2};
    if (c.dl) {
        c.dl->AddCircleFilled(ctr, box.w() / 2, s.theme.text);
        c.dl->AddCircle(ctr, box.w() / 2, p.look.color, 0, std::max(2.0f, s.unit * 0.25f));
    }
    canvas_text_in(c, f, box, s.theme.on_badge, std::to_string(p.number), Align::Center);
}

}  // namespace

void draw_project_map(Canvas& c, const ViewStyle& s, Rect area, const feeds::ProjectList& data,
                      const ViewInput& in) {
    const MapGeometry* gp = map_geometry_of(c, in);
    if (!gp) return;
    const MapGeometry& g = *gp;
    area = pixel_inner(area);
    const Rect body = pixel_inner(draw_map_attribution(c, s, area));

    std::vector<Shown> shown;
    for (const feeds::Project* p : feeds::shown_projects(in.slide, data)) {
        Shown sh{p, {}, phase_look(s.theme, p->phase), int(shown.size()) + 1};
        for (const auto& name : p->places)
            if (const MapPlace* mp = find_map_place(g, name)) sh.points.push_back(mp->at);
        shown.push_back(std::move(sh));
    }
    if (shown.empty()) return draw_empty_view(c, s, body);

    const ImFont* f = floor_font(s, c, false);
    const ImFont* fb = floor_font(s, c, true);
    const float gap = std::round(s.unit * 1.5f);
    const bool landscape = body.w() > body.h() * 1.1f;
    const float legend_w = landscape ? std::floor(body.w() * 0.46f) : body.w();

    // The legend: the kinds, then the projects grouped by status (the status said once per
    // group), each with its number, name and, where there is room, its cost.
    const float badge = badge_size(fb);
    const float text_x = badge + s.unit * 0.6f;
    const float line_h = std::round(f->FontSize * 1.15f);
    const float entry_gap = std::round(s.unit * 0.5f);
    const float max_legend_h = landscape ? body.h() : std::floor(body.h() * 0.45f);
    std::vector<LegendLine> lines;
    float legend_h = 0;
    for (int level = 0; level < 2; ++level) {
        lines.clear();
        legend_h = line_h * 1.4f;  // the kinds row
        std::vector<feeds::ProjectPhase> phases;
        for (const Shown& p : shown)
            if (std::find(phases.begin(), phases.end(), p.project->phase) == phases.end())
                phases.push_back(p.project->phase);
        for (feeds::ProjectPhase ph : phases) {
            lines.push_back({LegendLine::Group, "", nullptr});
            for (const Shown& p : shown) {
                if (p.project->phase != ph) continue;
                if (lines.back().kind == LegendLine::Group) lines.back().shown = &p;
                bool first = true;
                for (auto& l : wrap_lines(fb, p.project->name, legend_w - text_x, 0)) {
                    lines.push_back({first ? LegendLine::FirstName : LegendLine::Name, l, &p});
                    first = false;
                }
                if (level == 0 && !p.project->cost_text.empty())
                    for (auto& l : wrap_lines(f, p.project->cost_text, legend_w - text_x, 0))
                        lines.push_back({LegendLine::Cost, l, &p});
                lines.back().gap_after = true;
            }
        }
        for (const auto& l : lines) legend_h += line_h + (l.gap_after ? entry_gap : 0);
        if (legend_h <= max_legend_h) break;
    }

    // The map, fitted to Region Sjælland, Copenhagen, the airport and every place shown, and
    // centred together with the legend; names may use the whole body but not the legend.
    const MapXY cph = utm32(12.565, 55.673), airport = utm32(12.65, 55.618);
    std::vector<MapXY> extra{cph, airport};
    for (const Shown& p : shown) extra.insert(extra.end(), p.points.begin(), p.points.end());
    const MapBounds bounds = map_fit_bounds(g, extra);
    Rect fit_area = body;
    // Room east of the map for the names of Copenhagen and the airport.
    const float east = std::ceil(std::max(text_size(f, "København").x, text_size(f, "Lufthavnen").x) * 0.8f);
    if (landscape)
        fit_area.x1 = std::floor(body.x1 - legend_w - gap - east);
    else
        fit_area.y1 = std::floor(body.y1 - legend_h - gap);
    MapFit fit = fit_map(bounds, fit_area);
    Rect drawn = fitted_rect(fit, bounds);
    Rect legend;
    if (landscape) {
        const float dx =
            std::round(body.x0 + (body.w() - (drawn.w() + east + gap + legend_w)) / 2 - drawn.x0);
        fit.tx += dx;
        legend.x0 = std::floor(drawn.x1 + dx + east + gap);
        legend.y0 = std::floor(body.y0 + std::max(0.0f, (body.h() - legend_h) / 2));
    } else {
        const float dy = std::round(body.y0 + (body.h() - (drawn.h() + gap + legend_h)) / 2 - drawn.y0);
        fit.ty += dy;
        legend.x0 = body.x0;
        legend.y0 = std::floor(drawn.y1 + dy + gap);
    }
    legend.x1 = legend.x0 + legend_w;
    legend.y1 = legend.y0 + legend_h;
    drawn = fitted_rect(fit, bounds);
    const Rect map =
        pixel_inner({std::max(body.x0, std::floor(drawn.x0)), std::max(body.y0, std::floor(drawn.y0)),
                     std::min(body.x1, std::ceil(drawn.x1)), std::min(body.y1, std::ceil(drawn.y1))});
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
            const MapPlace* mp = find_map_place(g, name);
            if (!mp || std::find(named.begin(), named.end(), name) != named.end()) continue;
            named.push_back(name);
            const bool orientation = std::hypot(mp->at.x - cph.x, mp->at.y - cph.y) < 3000 ||
                                     std::hypot(mp->at.x - airport.x, mp->at.y - airport.y) < 3000;
            if (!orientation) add_name(name, fit(mp->at), 200 + int(named.size()));
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
    keep_clear.push_back(legend);
    const auto placed = place_labels(req, body, keep_clear, label_gap);
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

    // Legend: the kinds shown, then one entry per project.
    float y = legend.y0;
    {
        float x = legend.x0;
        std::vector<feeds::ProjectKind> kinds;
        for (const Shown& p : shown)
            if (p.points.size() > 1 && std::find(kinds.begin(), kinds.end(), p.project->kind) == kinds.end())
                kinds.push_back(p.project->kind);
        for (feeds::ProjectKind k : kinds) {
            const float sample = std::round(f->FontSize * 2.2f);
            const float cy = std::round(y + line_h * 0.55f);
            if (c.dl) {
                Shown fake{nullptr, {}, {"", StatusIcon::Dot, s.theme.text_muted}, 0};
                feeds::Project proj;
                proj.kind = k;
                fake.project = &proj;
                draw_project_shape(c.dl, s, fake, {{x, cy}, {x + sample, cy}});
            }
            x += sample + s.unit * 1.0f;
            const std::string w = kind_word(k);
            canvas_text_in(c, f, {x, y, x + text_size(f, w).x + 1, y + line_h}, s.theme.text_muted, w);
            x += text_size(f, w).x + gap;
        }
        y += line_h * 1.3f;
    }
    for (const LegendLine& l : lines) {
        const Shown& p = *l.shown;
        const float x = legend.x0 + text_x;
        switch (l.kind) {
            case LegendLine::Group:
                draw_status_label(c, s.theme, fb, {legend.x0, y + (line_h - fb->FontSize) / 2}, p.look,
                                  legend.x1 - legend.x0);
                break;
            case LegendLine::FirstName:
                draw_badge(c, s, fb,
                           {legend.x0, y + (line_h - badge) / 2, legend.x0 + badge, y + (line_h + badge) / 2},
                           p);
                [[fallthrough]];
            case LegendLine::Name:
                canvas_text_in(c, fb, {x, y, x + text_size(fb, l.text).x + 1, y + line_h}, s.theme.text,
                               l.text);
                break;
            case LegendLine::Cost:
                canvas_text_in(c, f, {x, y, x + text_size(f, l.text).x + 1, y + line_h}, s.theme.text_muted,
                               l.text);
                break;
        }
        y += line_h + (l.gap_after ? entry_gap : 0);
    }
}
