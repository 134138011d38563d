// Status board: one row per project, read left to right as "what, where, how far, what it costs".
//
// Wide rows: [kind icon] name / places | status badge / the document's own words | cost, or,
// when the status column is too narrow for the words, the words under the name.
// Narrow areas (portrait) stack the same things: name, badge and cost, the words, the places;
// on a small screen the words go on the name's or the badge's line where they fit whole.
// Less air, and no column heads, before a project's words are left out; the places (the
// project map's field) give way first and are not reported.
// Nothing that carries meaning is cut: text wraps and rows grow; when not every project fits,
// whole rows are left out and a note says how many. A column that says the same for every
// project (all "Forslag", no prices) is left out and said once above the board.
#include "app/views/status_board.h"

#include <algorithm>
#include <cmath>

#include "app/views/bar_layout.h"
#include "app/views/status_badge.h"
#include "app/views/status_board_plan.h"

void draw_status_board(Canvas& c, const ViewStyle& s, Rect area, const feeds::ProjectList& data,
                       const ViewInput& in) {
    const BoardPlan p = plan_status_board(c, s, area, data, in.slide.options, in.home);
    c.layout_steps += p.layout_steps;
    c.left_out.insert(c.left_out.end(), p.left_out.begin(), p.left_out.end());
    if (p.empty) return draw_no_items(c, s, area);
    const Fonts& f = s.fonts;
    const float small = f.small->FontSize;
    const Geometry& g = p.g;
    const std::vector<Row>& rows = p.rows;
    const BoardCommon& common = p.common;
    const int total = p.total, shown = p.shown;
    const float common_h = p.common_h, header_h = p.header_h;
    const bool heads = p.heads;

    if (shown <= 0) {
        // Not even one project whole: its name, as much as fits (a problem the canvas reports).
        area = draw_hidden_note(c, s, area, 1, total, "projekter");
        canvas_paragraph(c, f.body_bold, area, s.theme.text, rows[0].p->name);
        return;
    }
    if (shown < total) area = draw_hidden_note(c, s, area, shown, total, "projekter");

    float y = area.y0;
    if (!common.line.empty()) {
        float x = area.x0;
        if (common.same_phase) {
            const StatusLook look = phase_look(s.theme, rows[0].p->phase);
            const float r = small * 0.36f;
            draw_status_icon(c, s.theme, look.icon, {x + r, y + small * 0.54f}, r, look.color);
            x += 2 * r + small * 0.3f;
        }
        canvas_paragraph(c, f.small, {x, y, area.x1, y + kOpen}, s.theme.text_muted, common.line);
        y += common_h;
    }
    if (!g.stacked && heads) {
        canvas_text_in(c, f.small, {g.a0, y, g.a1, y + small}, s.theme.text_muted, "Projekt");
        if (g.b1 > g.b0) canvas_text_in(c, f.small, {g.b0, y, g.b1, y + small}, s.theme.text_muted, "Status");
        if (g.show_cost)
            canvas_text_in(c, f.small, {g.c0, y, g.c1, y + small}, s.theme.text_muted, "Økonomi",
                           Align::Right);
        y += header_h;
    }
    // Room to spare goes into the rows, evenly, up to doubling each: the board fills the area.
    float used = -g.row_gap;
    float smallest = 1e9f;
    for (int i = 0; i < shown; ++i)
        used += p.heights[i] + g.row_gap, smallest = std::min(smallest, p.heights[i]);
    const float extra = std::floor(std::clamp((area.y1 - y - used) / float(shown), 0.0f, smallest));
    for (int i = 0; i < shown; ++i) {
        const Row& r = rows[i];
        const Rect row{area.x0, y, area.x1, y + p.heights[i] + extra};
        canvas_rect(c, row, s.theme.panel, s.unit * 0.5f);
        if (r.marked)  // a bar at the left edge: the one the slide is about, or the home municipality's
            canvas_rect(c, {row.x0, row.y0, row.x0 + std::max(3.0f, s.unit * 0.4f), row.y1},
                        s.theme.highlight);
        draw_row_content(c, s, g, std::floor(row.y0 + g.pad + extra * 0.5f), r);
        y = row.y1 + g.row_gap;
    }
}
