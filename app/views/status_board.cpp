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

// `compact` trims the padding and the gaps between rows: one more project on screen is
// worth more than the air around each.
BoardMetrics board_metrics(const ViewStyle& s, Rect area, int words_lines, bool compact = false) {
    const float body = s.fonts.body->FontSize, small = s.fonts.small->FontSize;
    BoardMetrics m;
    m.pad = std::round(s.unit * (compact ? 0.55f : 0.8f));
    m.row_gap = std::max(2.0f, std::round(s.unit * (compact ? 0.3f : 0.7f)));
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
// A part with its own cost text keeps it ("0,4 mia. kr. (indeholdt i 1,1 mia.)"): the feed
// is required to say there that the amount is inside the whole.
std::string cost_label(const feeds::Project& p, const feeds::ProjectList& all) {
    if (p.cost_basis == feeds::CostBasis::PartOf && !p.part_of.empty() && p.cost_text.empty()) {
        for (const auto& other : all.items)
            if (other.id == p.part_of) return "del af " + other.name;
        return "del af " + p.part_of;
    }
    std::string text = !p.cost_text.empty() ? p.cost_text : p.cost_dkk ? format_money(*p.cost_dkk) : "";
    if (!text.empty() && p.cost_basis == feeds::CostBasis::PerYear && text.find("år") == std::string::npos)
        text += " om året";
    return text;
}

// The projects a slide shows: those its `columns` option names, in that order (so one long
// list can fill two slides), else all in document order; the costliest (or cheapest) first
// when the slide sorts.
std::vector<size_t> row_order(const feeds::ProjectList& data, const feeds::ViewOptions& o) {
    std::vector<size_t> order;
    if (o.columns.empty()) {
        order.resize(data.items.size());
        std::iota(order.begin(), order.end(), 0);
    }
    for (const std::string& id : o.columns)
        for (size_t i = 0; i < data.items.size(); ++i)
            if (data.items[i].id == id) order.push_back(i);
    if (o.sort == feeds::SortOrder::None) return order;
    const bool desc = o.sort == feeds::SortOrder::Descending;
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

bool has_digit(std::string_view text) {
    return std::any_of(text.begin(), text.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
}

// Whether `lines` hold all of `text`: nothing ellipsized, nothing left over.
bool holds_all(const std::vector<std::string>& lines, std::string_view text) {
    std::string joined;
    for (const auto& l : lines) joined += (joined.empty() ? "" : " ") + l;
    return joined == text;
}

// Lines of `font` that fit `h`, at the paragraph pitch of canvas_paragraph().
int lines_in(const ImFont* font, float h) {
    return h < font->FontSize ? 0 : 1 + int((h - font->FontSize) / (font->FontSize * 1.15f));
}

// The cost, right-aligned from the top of `box` (its first line level with the name). A figure
// is bold; a long one wraps rather than being cut ("50 mio. kr. til" / "driftsforsøg"), and
// when even that is too long the figure stays bold and the rest follows small ("10 mio. kr."
// / "til opstart i DOT; parkering derudover"). Words without a figure are a remark, drawn
// quietly. `bold` is the figure's font: bold in its own column, regular when stacked under the
// (bold) name, where a bold cost would read as the name's second line. Returns the bottom of
// what was drawn.
float draw_cost(Canvas& c, const ViewStyle& s, Rect box, const std::string& cost, Align align,
                const ImFont* bold) {
    const ImFont* small = s.fonts.small;
    const float body = bold->FontSize;
    const Rect first{box.x0, box.y0, box.x1, box.y0 + body};
    // Small text starts where it sits centred on the first (body) line.
    const Rect small_box{box.x0, box.y0 + std::floor((body - small->FontSize) * 0.5f), box.x1, box.y1};
    if (cost.empty()) {
        canvas_text_in(c, small, first, s.theme.text_muted, "pris ikke oplyst", align);
        return first.y1;
    }
    if (!has_digit(cost))
        return small_box.y0 + canvas_paragraph(c, small, small_box, s.theme.text_muted, cost, 0, align);
    if (text_size(bold, cost).x <= box.w()) {
        canvas_text_in(c, bold, first, s.theme.text, cost, align);
        return first.y1;
    }
    if (holds_all(wrap_lines(bold, cost, box.w(), 0), cost) &&
        int(wrap_lines(bold, cost, box.w(), 0).size()) <= lines_in(bold, box.h()))
        return box.y0 + canvas_paragraph(c, bold, box, s.theme.text, cost, 0, align);
    // The figure: up to and including the first "kr.".
    const size_t kr = cost.find("kr.");
    if (kr != std::string::npos && kr + 3 < cost.size()) {
        const std::string head = cost.substr(0, kr + 3);
        std::string_view tail = std::string_view(cost).substr(kr + 3);
        while (!tail.empty() && (tail.front() == ' ' || tail.front() == ';' || tail.front() == ','))
            tail.remove_prefix(1);
        const float gap = std::round(s.unit * 0.3f);
        const Rect rest{box.x0, first.y1 + gap, box.x1, box.y1};
        if (text_size(bold, head).x <= box.w() && lines_in(small, rest.h()) >= 1) {
            canvas_text_in(c, bold, first, s.theme.text, head, align);
            return rest.y0 + canvas_paragraph(c, small, rest, s.theme.text, tail, 0, align);
        }
    }
    return small_box.y0 + canvas_paragraph(c, small, small_box, s.theme.text, cost, 0, align);
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
    draw_status_label(c, s.theme, f.body, {status_x, y0}, phase_look(s.theme, p.phase),
                      cost_x - col_gap - status_x);
    const float cost_y1 = draw_cost(c, s, {cost_x, y0, row.x1 - m.pad, row.y1 - m.pad + 0.5f}, cost,
                                    Align::Right, s.fonts.body_bold);
    // The words run on under a one-line cost; beside a wrapped one they keep to their column.
    const float words_y = y0 + body + m.line_gap;
    const float words_x1 = cost_y1 <= words_y ? row.x1 - m.pad : cost_x - col_gap;
    canvas_paragraph(c, f.small, {status_x, words_y, words_x1, row.y1 - m.pad + 0.5f}, s.theme.text_muted,
                     p.status_text, m.words_lines);
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
    const float badge_w =
        std::min(draw_status_label(c, s.theme, f.body, {0, 0}, look, 1e9f, "", true), (x1 - x0) * 0.5f);
    draw_status_label(c, s.theme, f.body, {x1 - badge_w, y}, look, badge_w);
    draw_cost(c, s, {x0, y, x1 - badge_w - s.unit * 1.5f, y + body}, cost, Align::Left, f.body);
    y += body + m.line_gap;
    canvas_text_in(c, f.small, {x0, y, x1, y + small}, s.theme.text_muted, join_places(p.places));
    y += small + m.line_gap;
    canvas_paragraph(c, f.small, {x0, y, x1, row.y1 - m.pad + 0.5f}, s.theme.text_muted, p.status_text,
                     m.words_lines);
}

struct Columns {
    float name_w, cost_w;  // the status column takes what is left between them
};

float name_width(const ViewStyle& s, const feeds::Project& p) {
    const float icon = p.kind != feeds::ProjectKind::Other ? s.fonts.body->FontSize + s.unit * 0.8f : 0;
    return icon + text_size(s.fonts.body_bold, p.name).x;
}

// The cost column is as wide as its widest one-line cost, up to 30 % (longer costs wrap). The
// names come next, as wide as the longest needs: a cut name is the worst cut on the board.
// The status keeps room for its widest badge, and its words run on under short costs.
Columns board_columns(Canvas& cv, const ViewStyle& s, float inner_w, float col_gap,
                      const std::vector<const feeds::Project*>& rows, const std::vector<std::string>& costs) {
    float cost_need = text_size(s.fonts.small, "pris ikke oplyst").x, name_need = 0, badge_need = 0;
    for (const auto& cost : costs)
        cost_need =
            std::max(cost_need, text_size(has_digit(cost) ? s.fonts.body_bold : s.fonts.small, cost).x);
    for (const feeds::Project* p : rows) {
        name_need = std::max(name_need, name_width(s, *p));
        badge_need = std::max(badge_need, draw_status_label(cv, s.theme, s.fonts.body, {0, 0},
                                                            phase_look(s.theme, p->phase), 1e9f, "", true));
    }
    Columns c;
    c.cost_w = std::clamp(cost_need, inner_w * 0.16f, inner_w * 0.30f);
    const float status_w = std::max(badge_need, inner_w * 0.22f);
    c.name_w = std::clamp(name_need, inner_w * 0.30f,
                          std::max(inner_w * 0.30f, inner_w - c.cost_w - status_w - 2 * col_gap));
    return c;
}

}  // namespace

void draw_status_board(Canvas& c, const ViewStyle& s, Rect area, const feeds::ProjectList& data,
                       const ViewInput& in) {
    area = pixel_inner(area);
    if (data.items.empty()) return draw_empty_view(c, s, area);
    const feeds::ViewOptions& opt = in.slide.options;
    const auto order = row_order(data, opt);
    const int total = int(order.size());
    auto rows_fitting_with = [&](const BoardMetrics& bm, Rect a) {
        return std::max(0, int((a.h() - bm.header_h + bm.row_gap) / (bm.row_h + bm.row_gap)));
    };
    // Every project on screen matters more than the second line of its status words, and
    // more than the air between the rows.
    BoardMetrics m = board_metrics(s, area, 2);
    for (const BoardMetrics& tighter : {board_metrics(s, area, 1), board_metrics(s, area, 1, true)})
        if (rows_fitting_with(m, area) < total &&
            rows_fitting_with(tighter, area) > rows_fitting_with(m, area))
            m = tighter;
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
    std::vector<std::string> costs(shown);
    std::vector<const feeds::Project*> rows(shown);
    for (int i = 0; i < shown; ++i) rows[i] = &data.items[order[i]], costs[i] = cost_label(*rows[i], data);
    const Columns col = board_columns(c, s, inner1 - inner0, col_gap, rows, costs);
    const float status_x = inner0 + col.name_w + col_gap;
    const float cost_x = inner1 - col.cost_w;
    float y = area.y0;
    if (!m.narrow) {
        const ImFont* f = s.fonts.small;
        const float h = f->FontSize;
        canvas_text_in(c, f, {inner0, y, status_x - col_gap, y + h}, s.theme.text_muted, "Projekt");
        canvas_text_in(c, f, {status_x, y, cost_x - col_gap, y + h}, s.theme.text_muted, "Status");
        canvas_text_in(c, f, {cost_x, y, inner1, y + h}, s.theme.text_muted, "Økonomi", Align::Right);
        y += m.header_h;
    }
    for (int i = 0; i < shown; ++i) {
        const feeds::Project& p = data.items[order[i]];
        const Rect row{area.x0, y, area.x1, y + m.row_h};
        canvas_rect(c, row, s.theme.panel, s.unit * 0.5f);
        if (is_highlighted(p, opt))  // a bar at the left edge: the one the slide is about
            canvas_rect(c, {row.x0, row.y0, row.x0 + std::max(3.0f, s.unit * 0.4f), row.y1},
                        s.theme.highlight);
        const std::string& cost = costs[i];
        if (m.narrow)
            draw_row_narrow(c, s, m, row, p, cost);
        else
            draw_row_wide(c, s, m, row, p, cost, status_x, cost_x);
        y += m.row_h + m.row_gap;
    }
}
