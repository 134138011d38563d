// Status board: one row per project, read left to right as "what, where, how far, what it costs".
//
// Landscape rows: [kind icon] name / places | status badge / the document's own words | cost.
// Narrow areas (portrait) stack the same things: name, cost + badge, places, the words.
// Every row has the same height, so the eye runs down the columns without hunting.
#include <algorithm>
#include <cmath>
#include <numeric>
#include <string>
#include <vector>

#include "app/danish_format.h"
#include "app/view.h"
#include "app/views/status_badge.h"

namespace {

struct BoardMetrics {
    float pad, row_gap, line_gap, row_h, header_h;
    int words_lines;  // lines of status_text: 2, or 1 when that lets every project be shown
    bool narrow;
};

BoardMetrics board_metrics(const ViewStyle& s, Rect area, int words_lines) {
    const float body = s.fonts.body->FontSize, small = s.fonts.small->FontSize;
    BoardMetrics m;
    m.pad = std::round(s.unit * 0.8f);
    m.row_gap = std::round(s.unit * 0.7f);
    m.line_gap = std::round(s.unit * 0.35f);
    m.narrow = area.w() < body * 32;
    m.words_lines = words_lines;
    const float words_h = small + small * 1.15f * (words_lines - 1);  // status_text in small
    if (m.narrow) {
        m.row_h = body + m.line_gap + body + m.line_gap + small + m.line_gap + words_h + 2 * m.pad;
        m.header_h = 0;
    } else {
        m.row_h = std::max(body + m.line_gap + small, body + m.line_gap + words_h) + 2 * m.pad;
        m.header_h = small + m.line_gap * 2;
    }
    return m;
}

std::string join_places(const std::vector<std::string>& places) {
    std::string out;
    for (const auto& p : places) out += (out.empty() ? "" : ", ") + p;
    return out;
}

// "ca. 1,1 mia. kr.", "25 mio. kr. om året", "del af Ring Syd"; "" when the document gives none.
std::string cost_label(const feeds::Project& p, const feeds::ProjectList& all) {
    if (p.cost_basis == feeds::CostBasis::PartOf && !p.part_of.empty()) {
        for (const auto& other : all.items)
            if (other.id == p.part_of) return "del af " + other.name;
        return "del af " + p.part_of;
    }
    std::string text = !p.cost_text.empty() ? p.cost_text : p.cost_dkk ? format_money(*p.cost_dkk) : "";
    if (!text.empty() && p.cost_basis == feeds::CostBasis::PerYear && text.find("år") == std::string::npos)
        text += " om året";
    return text;
}

// Document order, unless the slide asks for the costliest (or cheapest) first.
std::vector<size_t> row_order(const feeds::ProjectList& data, feeds::SortOrder sort) {
    std::vector<size_t> order(data.items.size());
    std::iota(order.begin(), order.end(), 0);
    if (sort == feeds::SortOrder::None) return order;
    const bool desc = sort == feeds::SortOrder::Descending;
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
        const auto& ca = data.items[a].cost_dkk;
        const auto& cb = data.items[b].cost_dkk;
        if (!ca || !cb) return ca.has_value() && !cb.has_value();  // projects without a cost last
        return desc ? *ca > *cb : *ca < *cb;
    });
    return order;
}

bool is_highlighted(const feeds::Project& p, const feeds::ViewOptions& o) {
    return std::find(o.highlight.begin(), o.highlight.end(), p.id) != o.highlight.end();
}

void draw_cost(Canvas& c, const ViewStyle& s, Rect box, const std::string& cost, Align align) {
    if (cost.empty())
        canvas_text_in(c, s.fonts.small, box, s.theme.text_muted, "pris ikke oplyst", align);
    else
        canvas_text_in(c, s.fonts.body_bold, box, s.theme.text, cost, align);
}

// Name with its kind icon in front; returns nothing, draws into `line`.
void draw_name(Canvas& c, const ViewStyle& s, Rect line, const feeds::Project& p) {
    const float icon = s.fonts.body->FontSize;
    if (p.kind != feeds::ProjectKind::Other) {
        draw_kind_icon(c, s.theme, p.kind, {line.x0, line.y0, line.x0 + icon, line.y1}, s.theme.text_muted);
        line.x0 += icon + s.unit * 0.8f;
    }
    canvas_text_in(c, s.fonts.body_bold, line, s.theme.text, p.name);
}

void draw_row_wide(Canvas& c, const ViewStyle& s, const BoardMetrics& m, Rect row, const feeds::Project& p,
                   const std::string& cost, float status_x, float cost_x) {
    const Fonts& f = s.fonts;
    const float body = f.body->FontSize, small = f.small->FontSize;
    const float y0 = row.y0 + m.pad, col_gap = s.unit * 1.5f;
    const Rect name{row.x0 + m.pad, y0, status_x - col_gap, y0 + body};
    draw_name(c, s, name, p);
    canvas_text_in(c, f.small, {name.x0, name.y1 + m.line_gap, name.x1, name.y1 + m.line_gap + small},
                   s.theme.text_muted, join_places(p.places));
    draw_status_label(c, s.theme, f.body, {status_x, y0}, phase_look(s.theme, p.phase), cost_x - col_gap - status_x);
    // The words run on under the cost column: the cost takes only the first line.
    canvas_paragraph(c, f.small, {status_x, y0 + body + m.line_gap, row.x1 - m.pad, row.y1 - m.pad + 0.5f},
                     s.theme.text_muted, p.status_text, m.words_lines);
    draw_cost(c, s, {cost_x, y0, row.x1 - m.pad, y0 + body}, cost, Align::Right);
}

void draw_row_narrow(Canvas& c, const ViewStyle& s, const BoardMetrics& m, Rect row, const feeds::Project& p,
                     const std::string& cost) {
    const Fonts& f = s.fonts;
    const float body = f.body->FontSize, small = f.small->FontSize;
    const float x0 = row.x0 + m.pad, x1 = row.x1 - m.pad;
    float y = row.y0 + m.pad;
    draw_name(c, s, {x0, y, x1, y + body}, p);
    y += body + m.line_gap;
    // Cost under the name, the badge on the same line to the right.
    const StatusLook look = phase_look(s.theme, p.phase);
    const float badge_w = std::min(draw_status_label(c, s.theme, f.body, {0, 0}, look, 1e9f, "", true),
                                   (x1 - x0) * 0.5f);
    draw_status_label(c, s.theme, f.body, {x1 - badge_w, y}, look, badge_w);
    draw_cost(c, s, {x0, y, x1 - badge_w - s.unit * 1.5f, y + body}, cost, Align::Left);
    y += body + m.line_gap;
    canvas_text_in(c, f.small, {x0, y, x1, y + small}, s.theme.text_muted, join_places(p.places));
    y += small + m.line_gap;
    canvas_paragraph(c, f.small, {x0, y, x1, row.y1 - m.pad + 0.5f}, s.theme.text_muted, p.status_text,
                     m.words_lines);
}

}  // namespace

void draw_status_board(Canvas& c, const ViewStyle& s, Rect area, const feeds::ProjectList& data,
                       const ViewInput& in) {
    area = pixel_inner(area);
    if (data.items.empty()) return draw_empty_view(c, s, area);
    const feeds::ViewOptions& opt = in.slide.options;
    const int total = int(data.items.size());
    auto rows_fitting_with = [&](const BoardMetrics& bm, Rect a) {
        return std::max(0, int((a.h() - bm.header_h + bm.row_gap) / (bm.row_h + bm.row_gap)));
    };
    // Every project on screen matters more than the second line of its status words.
    BoardMetrics m = board_metrics(s, area, 2);
    if (rows_fitting_with(m, area) < total) {
        const BoardMetrics one_line = board_metrics(s, area, 1);
        if (rows_fitting_with(one_line, area) > rows_fitting_with(m, area)) m = one_line;
    }
    auto rows_fitting = [&](Rect a) { return rows_fitting_with(m, a); };
    int shown = std::min(total, rows_fitting(area));
    if (opt.limit > 0) shown = std::min(shown, opt.limit);
    if (shown < total) {
        // Top N, and a note under the board saying how many are left out.
        shown = std::min(shown, rows_fitting(hidden_note_space(c, s, area)));
        area = draw_hidden_note(c, s, area, shown, total, "projekter");
    }
    if (shown <= 0) {
        c.notes.push_back("status board: area too small for one row");
        return;
    }

    const float col_gap = s.unit * 1.5f;
    const float inner0 = area.x0 + m.pad, inner1 = area.x1 - m.pad;
    const float status_x = inner0 + (inner1 - inner0) * 0.40f;
    const float cost_x = inner0 + (inner1 - inner0) * 0.78f;
    float y = area.y0;
    if (!m.narrow) {
        const ImFont* f = s.fonts.small;
        const float h = f->FontSize;
        canvas_text_in(c, f, {inner0, y, status_x - col_gap, y + h}, s.theme.text_muted, "Projekt");
        canvas_text_in(c, f, {status_x, y, cost_x - col_gap, y + h}, s.theme.text_muted, "Status");
        canvas_text_in(c, f, {cost_x, y, inner1, y + h}, s.theme.text_muted, "Økonomi", Align::Right);
        y += m.header_h;
    }
    const auto order = row_order(data, opt.sort);
    for (int i = 0; i < shown; ++i) {
        const feeds::Project& p = data.items[order[i]];
        const Rect row{area.x0, y, area.x1, y + m.row_h};
        canvas_rect(c, row, s.theme.panel, s.unit * 0.5f);
        if (is_highlighted(p, opt))  // a bar at the left edge: the one the slide is about
            canvas_rect(c, {row.x0, row.y0, row.x0 + std::max(3.0f, s.unit * 0.4f), row.y1}, s.theme.highlight);
        const std::string cost = cost_label(p, data);
        if (m.narrow) draw_row_narrow(c, s, m, row, p, cost);
        else draw_row_wide(c, s, m, row, p, cost, status_x, cost_x);
        y += m.row_h + m.row_gap;
    }
}
