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
#include "app/views/project_map_plan.h"
#include "app/views/status_badge.h"
#include "feeds/map_check.h"

using namespace project_legend;  // the legend's plan and its parts

namespace {

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

}  // namespace

// The legend: the key (kinds, and the status when all share one), then one entry per project.
static void draw_legend(Canvas& c, const ViewStyle& s, const ProjectMapPlan& p) {
    const LegendPlan& plan = p.legend_plan;
    const Rect legend = p.legend;
    const ImFont *f = p.f, *fb = plan.nf;
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
        const Shown& sh = *l.shown;
        const float x = legend.x0 + plan.text_x;
        switch (l.kind) {
            case LegendLine::Group:
                draw_status_label(c, s.theme, fb, {legend.x0, y + (l.h - fb->FontSize) / 2}, sh.look,
                                  legend.w());
                break;
            case LegendLine::FirstName:
                draw_badge(c, s, fb,
                           {legend.x0, y + (l.h - plan.badge) / 2, legend.x0 + plan.badge,
                            y + (l.h + plan.badge) / 2},
                           sh);
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

void draw_project_map(Canvas& c, const ViewStyle& s, Rect area, const feeds::ProjectList& data,
                      const ViewInput& in) {
    const MapViewStart start = start_map_view(c, s, area, in);
    if (!start.geometry) return;
    const MapGeometry& g = *start.geometry;
    const Rect body = start.body;
    const ProjectMapPlan p = plan_project_map(c, s, body, data, in.slide, g);
    c.layout_steps += p.layout_steps;
    if (p.empty) return draw_no_items(c, s, body);
    if (p.legend_plan.count < p.total)
        draw_hidden_note(c, s, body, p.legend_plan.count, p.total, "projekter");

    const MapPaint paint = base_paint(s.theme, g, s.unit);
    std::string key = "project_map|" + in.slide.id;
    for (const Shown& sh : p.shown)
        key += "|" + sh.project->id + ":" + std::to_string(int(sh.project->phase)) + ":" +
               std::to_string(sh.points.size());
    const MapFit& fit = p.fit;
    draw_map_layer(c, in, g, fit, p.map, paint, key, s.theme.background, [&](ImDrawList* dl, ImVec2 shift) {
        // Orientation: Copenhagen a square, the airport a ring.
        const ImVec2 a = fit(p.cph), b = fit(p.airport);
        const float mark = p.mark;
        dl->AddRectFilled({a.x + shift.x - mark, a.y + shift.y - mark},
                          {a.x + shift.x + mark, a.y + shift.y + mark}, s.theme.text);
        dl->AddCircle({b.x + shift.x, b.y + shift.y}, mark, s.theme.text, 0, std::max(2.0f, mark * 0.4f));
        // Lines under markers: the longest first, so short ones stay visible on top.
        std::vector<const Shown*> order;
        for (const Shown& sh : p.shown) order.push_back(&sh);
        std::stable_sort(order.begin(), order.end(),
                         [](const Shown* x, const Shown* y) { return x->points.size() > y->points.size(); });
        for (const Shown* sh : order) {
            if (sh->points.empty()) continue;
            std::vector<ImVec2> pts;
            for (const MapXY& q : sh->points) {
                const ImVec2 v = fit(q);
                pts.push_back({v.x + shift.x, v.y + shift.y});
            }
            draw_project_shape(dl, s, *sh, pts);
        }
    });

    const ImFont* f = p.f;
    for (const PlacedMapText& t : p.labels) {
        if (t.badge) {
            draw_badge(c, s, p.legend_plan.nf, t.box, *t.badge);
            continue;
        }
        const Rect& b = t.box;
        if (c.dl)  // a dark halo keeps names legible over lines and borders
            for (float dx : {-1.5f, 1.5f})
                for (float dy : {-1.5f, 1.5f})
                    c.dl->AddText(const_cast<ImFont*>(f), f->FontSize, {b.x0 + 1 + dx, b.y0 + dy},
                                  s.theme.background, t.text.c_str());
        canvas_text(c, f, {b.x0 + 1, b.y0}, s.theme.text, t.text);
    }
    draw_legend(c, s, p);
}
