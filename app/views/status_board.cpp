// Status board: one row per project, read left to right as "what, where, how far, what it costs".
//
// Wide rows: [kind icon] name / places | status badge / the document's own words | cost.
// Narrow areas (portrait) stack the same things: name, badge and cost, the words, the places.
// Nothing that carries meaning is cut: text wraps and rows grow; when not every project fits,
// whole rows are left out and a note says how many. A column that says the same for every
// project (all "Forslag", no prices) is left out and said once above the board.
#include "app/views/status_board.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "app/danish_format.h"
#include "app/view.h"
#include "app/views/bar_layout.h"
#include "app/views/home_match.h"
#include "app/views/status_badge.h"

namespace {

std::string join_places(const std::vector<std::string>& places) {
    std::string out;
    for (const auto& p : places) out += (out.empty() ? "" : ", ") + p;
    return out;
}

// "ca. 1,1 mia. kr.", "25 mio. kr. om året", "del af Ring Syd"; "" when the document gives none.
// A part with its own cost text keeps it ("0,4 mia. kr. (indeholdt i 1,1 mia.)"): the feed
// is required to say there that the amount is inside the whole.
// `by_id`: each project by its id (the first with it).
std::string cost_label(const feeds::Project& p,
                       const std::unordered_map<std::string_view, const feeds::Project*>& by_id) {
    if (p.cost_basis == feeds::CostBasis::PartOf && !p.part_of.empty() && p.cost_text.empty()) {
        if (const auto it = by_id.find(p.part_of); it != by_id.end()) return "del af " + it->second->name;
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
    std::vector<std::string_view> ids;
    for (const auto& p : data.items) ids.push_back(p.id);
    std::vector<size_t> order = feeds::picked_positions(o.columns, ids);
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

bool has_digit(std::string_view text) {
    return std::any_of(text.begin(), text.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
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
            return rest.y0 + canvas_paragraph(c, small, rest, s.theme.text_muted, tail, 0, align);
        }
    }
    if (const auto lines = wrap_lines(bold, cost, box.w(), 0);
        lines_whole(lines, cost) && int(lines.size()) <= lines_in(bold, box.h()))
        return box.y0 + canvas_paragraph(c, bold, box, s.theme.text, cost, 0, align);
    return small_box.y0 + canvas_paragraph(c, small, small_box, s.theme.text, cost, 0, align);
}

std::string phase_sentence(feeds::ProjectPhase phase) {
    using feeds::ProjectPhase;
    switch (phase) {
        case ProjectPhase::Proposal:
            return "Alle er forslag";
        case ProjectPhase::Study:
            return "Alle undersøges";
        case ProjectPhase::PartlyFunded:
            return "Alle er delvist finansieret";
        case ProjectPhase::Underway:
            return "Alle er i gang";
        case ProjectPhase::InOperation:
            return "Alle er i drift";
        case ProjectPhase::Unknown:
            break;
    }
    return "Status ukendt for alle";
}

// ---- drawing ------------------------------------------------------------------------------

struct Row {
    const feeds::Project* p = nullptr;
    std::string cost;
    bool home = false;    // its places include --home: "Din kommune" in front of them
    bool marked = false;  // highlighted by the slide, or home: a bar at the left edge
};

struct Geometry {
    bool stacked = false;  // name, then badge and cost, then words and places, full width
    float pad = 0, line_gap = 0, row_gap = 0, col_gap = 0;
    float a0 = 0, a1 = 0;  // the name column; the whole inner width when stacked
    float b0 = 0, b1 = 0;  // badge and words (wide only)
    float c0 = 0, c1 = 0;  // cost (wide only, when shown)
    bool show_phase = true, show_cost = true;
    // Rows may leave out, for every project alike, first the places
    // (the home municipality's tag stays) and then the document's words, when that brings more
    // projects on screen: 2 = everything, 1 = no places, 0 = name, status and cost.
    int detail = 2;
    bool icons = false;  // some project has a kind icon: every name starts after the icon's place
};

constexpr float kOpen = 1e5f;  // the height of a box a paragraph may grow in freely

float bottom_of(const Canvas& c, size_t from, float y) {
    for (size_t i = from; i < c.texts.size(); ++i) y = std::max(y, c.texts[i].box.y1);
    return y;
}

// The name in bold with its kind icon in front, wrapped under itself (a hanging indent).
float name_indent(const ViewStyle& s, const Geometry& g) {
    return g.icons ? s.fonts.body->FontSize + std::round(s.unit * 0.8f) : 0;
}

float draw_name(Canvas& c, const ViewStyle& s, const Geometry& g, float x0, float x1, float y,
                const feeds::Project& p) {
    const float icon = s.fonts.body->FontSize;
    if (p.kind != feeds::ProjectKind::Other)
        draw_kind_icon(c, s.theme, p.kind, {x0, y, x0 + icon, y + icon}, s.theme.text_muted);
    x0 += name_indent(s, g);
    return y + canvas_paragraph(c, s.fonts.body_bold, {x0, y, x1, y + kOpen}, s.theme.text, p.name);
}

constexpr std::string_view kHomeTag = "Din kommune ·";

// The places, small and quiet; "Din kommune ·" in the accent colour in front when they
// include --home. Returns the bottom (y when there is nothing to say).
float draw_places(Canvas& c, const ViewStyle& s, float x0, float x1, float y, const Row& r, bool all = true) {
    const std::string places = join_places(r.p->places);
    if (places.empty() || (!all && !r.home)) return y;
    const ImFont* f = s.fonts.small;
    const std::string text = !all ? "Din kommune" : r.home ? std::string(kHomeTag) + " " + places : places;
    const auto lines = wrap_lines(f, text, x1 - x0, 0);
    const float lh = f->FontSize * 1.15f;
    for (size_t i = 0; i < lines.size(); ++i) {
        const std::string& l = lines[i];
        const float ly = std::floor(y + lh * float(i));
        if (i == 0 && r.home && l.size() > kHomeTag.size() && l.compare(0, kHomeTag.size(), kHomeTag) == 0) {
            canvas_text(c, f, {std::floor(x0), ly}, s.theme.highlight, kHomeTag);
            const float dx = text_size(f, std::string(kHomeTag) + " ").x;
            canvas_text(c, f, {std::floor(x0 + dx), ly}, s.theme.text_muted, l.substr(kHomeTag.size() + 1),
                        l.find("\xE2\x80\xA6") != std::string::npos);
        } else {
            const bool tag = r.home && (l == kHomeTag || !all);
            canvas_text_in(c, f, {x0, ly, x1, ly + f->FontSize}, tag ? s.theme.highlight : s.theme.text_muted,
                           l);
        }
    }
    return lines.empty() ? y : y + lh * float(lines.size() - 1) + f->FontSize;
}

// One project's content from `y` down; returns the bottom of what was drawn.
float draw_wide(Canvas& c, const ViewStyle& s, const Geometry& g, float y, const Row& r) {
    const size_t from = c.texts.size();
    const float body = s.fonts.body->FontSize, small = s.fonts.small->FontSize;
    const float name_y1 = draw_name(c, s, g, g.a0, g.a1, y, *r.p);
    draw_places(c, s, g.a0 + name_indent(s, g), g.a1, name_y1 + g.line_gap, r, g.detail >= 2);
    float words_y = y + std::floor((body - small) * 0.5f);  // small text level with the name
    if (g.show_phase) {
        draw_status_label(c, s.theme, s.fonts.body, {g.b0, y}, phase_look(s.theme, r.p->phase), g.b1 - g.b0);
        words_y = y + body + g.line_gap;
    }
    float words_x1 = g.b1;
    if (g.show_cost) {
        const float cost_y1 =
            draw_cost(c, s, {g.c0, y, g.c1, y + kOpen}, r.cost, Align::Right, s.fonts.body_bold);
        if (cost_y1 <= words_y + 0.5f) words_x1 = g.c1;  // the words run on under a one-line cost
    }
    if (!r.p->status_text.empty() && g.b1 > g.b0 && g.detail >= 1)
        canvas_paragraph(c, s.fonts.small, {g.b0, words_y, words_x1, words_y + kOpen}, s.theme.text_muted,
                         r.p->status_text);
    return bottom_of(c, from, y);
}

float draw_stacked(Canvas& c, const ViewStyle& s, const Geometry& g, float y, const Row& r) {
    const size_t from = c.texts.size();
    const Fonts& f = s.fonts;
    y = draw_name(c, s, g, g.a0, g.a1, y, *r.p) + g.line_gap;
    const ImFont* cost_font = has_digit(r.cost) ? f.body : f.small;
    const float cost_w = text_size(cost_font, r.cost.empty() ? "pris ikke oplyst" : r.cost).x;
    if (g.show_phase) {
        const StatusLook look = phase_look(s.theme, r.p->phase);
        const float badge_w = draw_status_label(c, s.theme, f.body, {0, 0}, look, 1e9f, "", true);
        draw_status_label(c, s.theme, f.body, {g.a0, y}, look, g.a1 - g.a0);
        if (g.show_cost && badge_w + g.col_gap + cost_w <= g.a1 - g.a0) {
            draw_cost(c, s, {g.a0 + badge_w + g.col_gap, y, g.a1, y + kOpen}, r.cost, Align::Right, f.body);
        } else if (g.show_cost) {
            const float cy = y + f.body->FontSize + g.line_gap;
            draw_cost(c, s, {g.a0, cy, g.a1, cy + kOpen}, r.cost, Align::Left, f.body);
        }
        y = bottom_of(c, from, y) + g.line_gap;
    } else if (g.show_cost) {
        y = draw_cost(c, s, {g.a0, y, g.a1, y + kOpen}, r.cost, Align::Left, f.body) + g.line_gap;
    }
    if (!r.p->status_text.empty() && g.detail >= 1)
        y += canvas_paragraph(c, f.small, {g.a0, y, g.a1, y + kOpen}, s.theme.text_muted, r.p->status_text) +
             g.line_gap;
    draw_places(c, s, g.a0, g.a1, y, r, g.detail >= 2);
    return bottom_of(c, from, y);
}

float draw_row_content(Canvas& c, const ViewStyle& s, const Geometry& g, float y, const Row& r) {
    return g.stacked ? draw_stacked(c, s, g, y, r) : draw_wide(c, s, g, y, r);
}

// Each row's height at `g`, padding included, and how many texts it had to cut: the rows in
// order up to the first that no longer fits in `avail` (as rows_fitting() counts them). The
// rows after it are never shown at `g`, so they are not measured: the work is bounded by the
// area, not by the length of the list.
struct Measured {
    std::vector<float> h;
    int cuts = 0;
};

Measured measure(Canvas& c, const ViewStyle& s, const Geometry& g, const std::vector<Row>& rows,
                 float avail) {
    Measured m;
    float used = 0;
    for (const Row& r : rows) {
        if (used > avail + 0.5f) break;
        Canvas scratch = measuring_canvas(c);
        const float bottom = draw_row_content(scratch, s, g, 0, r);
        m.h.push_back(std::ceil(bottom) + 2 * g.pad);
        for (const auto& t : scratch.texts) m.cuts += text_was_cut(t) ? 1 : 0;
        used += m.h.back() + (m.h.size() > 1 ? g.row_gap : 0);
        ++c.layout_steps;
    }
    return m;
}

// How many of the rows, in order, fit in `h` with their gaps.
int rows_fitting(const Measured& m, float row_gap, float h) {
    float used = 0;
    int n = 0;
    for (float rh : m.h) {
        used += rh + (n > 0 ? row_gap : 0);
        if (used > h + 0.5f) break;
        ++n;
    }
    return n;
}

// The wide geometries worth trying: the cost column as wide as its widest cost on one line (up
// to 30 %) or narrower, the name column from a quarter to three fifths, the status in between
// but never narrower than its widest badge.
std::vector<Geometry> wide_candidates(const ViewStyle& s, const Geometry& base,
                                      const std::vector<Row>& rows) {
    const float w = base.a1 - base.a0, gap = base.col_gap;
    float cost_need = text_size(s.fonts.small, "pris ikke oplyst").x, badge_need = 0;
    bool any_words = false;
    for (const Row& r : rows) {
        cost_need =
            std::max(cost_need, text_size(has_digit(r.cost) ? s.fonts.body_bold : s.fonts.small, r.cost).x);
        Canvas none;
        badge_need = std::max(badge_need, draw_status_label(none, s.theme, s.fonts.body, {0, 0},
                                                            phase_look(s.theme, r.p->phase), 1e9f, "", true));
        any_words = any_words || !r.p->status_text.empty();
    }
    const bool has_b = base.show_phase || any_words;
    std::vector<float> cost_ws;
    if (base.show_cost)
        for (float share : {1.0f, 0.75f, 0.55f})
            cost_ws.push_back(std::round(std::clamp(cost_need * share, w * 0.14f, w * 0.30f)));
    else
        cost_ws.push_back(0);
    cost_ws.erase(std::unique(cost_ws.begin(), cost_ws.end()), cost_ws.end());
    std::vector<Geometry> out;
    for (float wc : cost_ws) {
        const float c_gap = wc > 0 ? gap : 0;
        if (!has_b) {
            Geometry g = base;
            g.a1 = base.a1 - wc - c_gap;
            g.b0 = g.b1 = g.a1;
            g.c0 = base.a1 - wc, g.c1 = base.a1;
            out.push_back(g);
            continue;
        }
        for (float fa = 0.25f; fa <= 0.601f; fa += 0.05f) {
            Geometry g = base;
            g.a1 = std::round(base.a0 + w * fa);
            g.b0 = g.a1 + gap;
            g.c1 = base.a1;
            g.c0 = base.a1 - wc;
            g.b1 = g.c0 - c_gap;
            const float wb = g.b1 - g.b0;
            if (wb < w * 0.15f || (base.show_phase && wb < badge_need)) continue;
            out.push_back(g);
        }
    }
    return out;
}

}  // namespace

BoardCommon board_common(const std::vector<const feeds::Project*>& projects,
                         const std::vector<std::string>& costs) {
    BoardCommon out;
    if (projects.size() < 2 || costs.size() != projects.size()) return out;
    out.same_phase = std::all_of(projects.begin(), projects.end(),
                                 [&](const feeds::Project* p) { return p->phase == projects[0]->phase; });
    bool all_same_text = true;
    out.no_cost = true;
    for (size_t i = 0; i < projects.size(); ++i) {
        const bool names_amount = projects[i]->cost_basis == feeds::CostBasis::PartOf ||
                                  has_digit(costs[i]) || projects[i]->cost_dkk;
        if (names_amount) out.no_cost = false;
        if (costs[i] != costs[0]) all_same_text = false;
    }
    std::string cost_part;
    if (out.no_cost) cost_part = all_same_text && !costs[0].empty() ? costs[0] : "pris ikke oplyst";
    if (out.same_phase) out.line = phase_sentence(projects[0]->phase);
    if (!cost_part.empty()) out.line += out.line.empty() ? "Alle: " + cost_part : " · " + cost_part;
    return out;
}

void draw_status_board(Canvas& c, const ViewStyle& s, Rect area, const feeds::ProjectList& data,
                       const ViewInput& in) {
    if (data.items.empty()) return draw_no_items(c, s, area);
    const feeds::ViewOptions& opt = in.slide.options;
    const auto order = row_order(data, opt);
    const int total = int(order.size());
    if (total == 0) return draw_no_items(c, s, area);

    std::vector<Row> rows;
    std::vector<const feeds::Project*> projects;
    std::vector<std::string> costs;
    std::unordered_map<std::string_view, const feeds::Project*> by_id;
    for (const auto& p : data.items) by_id.emplace(p.id, &p);
    for (size_t i : order) {
        Row r;
        r.p = &data.items[i];
        r.cost = cost_label(*r.p, by_id);
        r.home = places_include_home(r.p->places, in.home);
        r.marked = r.home || is_highlighted(opt, "", {r.p->id});
        projects.push_back(r.p);
        costs.push_back(r.cost);
        rows.push_back(std::move(r));
    }
    const BoardCommon common = board_common(projects, costs);

    const Fonts& f = s.fonts;
    const float body = f.body->FontSize, small = f.small->FontSize;
    Geometry base;
    base.pad = std::round(s.unit * 0.8f);
    base.line_gap = std::round(s.unit * 0.35f);
    base.row_gap = std::max(2.0f, std::round(s.unit * 0.6f));
    base.col_gap = std::round(s.unit * 1.5f);
    base.a0 = area.x0 + base.pad;
    base.a1 = area.x1 - base.pad;
    base.show_phase = !common.same_phase;
    base.show_cost = !common.no_cost;
    base.icons = std::any_of(rows.begin(), rows.end(),
                             [](const Row& r) { return r.p->kind != feeds::ProjectKind::Other; });

    // The shared line, then (wide) the column heads, then the rows.
    float common_h = 0;
    if (!common.line.empty()) {
        Canvas scratch = measuring_canvas(c);
        const float indent = common.same_phase ? small * 0.72f + small * 0.3f : 0;
        common_h = canvas_paragraph(scratch, f.small, {area.x0 + indent, 0, area.x1, kOpen}, 0, common.line) +
                   std::round(s.unit * 0.6f);
    }
    // Column heads only when no shared line takes their place: the rows say what they hold.
    const bool heads = common.line.empty();
    const float header_h = heads ? small + 2 * base.line_gap : 0;
    const float note_h = hidden_note_height(s);

    struct Choice {
        Geometry g;
        Measured m;
        int fit = 0;
    };
    auto evaluate = [&](const Geometry& g) {
        const float avail = area.h() - common_h - (g.stacked ? 0 : header_h);
        Choice ch{g, measure(c, s, g, rows, avail), 0};
        ch.fit = rows_fitting(ch.m, g.row_gap, avail);
        if (ch.fit < total) ch.fit = rows_fitting(ch.m, g.row_gap, avail - note_h);
        if (opt.limit > 0) ch.fit = std::min(ch.fit, opt.limit);
        return ch;
    };
    auto sum = [](const Measured& m) { return std::accumulate(m.h.begin(), m.h.end(), 0.0f); };
    auto better = [&](const Choice& a, const Choice& b) {  // a better than b
        if ((a.m.cuts == 0) != (b.m.cuts == 0)) return a.m.cuts == 0;
        if (a.fit != b.fit) return a.fit > b.fit;
        if (a.g.detail != b.g.detail) return a.g.detail > b.g.detail;  // every detail that fits
        return sum(a.m) < sum(b.m) - 0.5f;
    };
    // Tighter padding only when it brings one more project on screen.
    Geometry tight = base;
    tight.pad = std::round(s.unit * 0.45f);
    tight.row_gap = std::max(2.0f, std::round(s.unit * 0.3f));
    tight.a0 = area.x0 + tight.pad;
    tight.a1 = area.x1 - tight.pad;
    std::optional<Choice> best;
    for (const Geometry& b : {base, tight}) {
        std::optional<Choice> wide, stacked;
        if (area.w() >= body * 20)
            for (int detail : {2, 1, 0})
                for (Geometry g : wide_candidates(s, b, rows)) {
                    g.detail = detail;
                    Choice ch = evaluate(g);
                    if (!wide || better(ch, *wide)) wide = std::move(ch);
                }
        // Fewer details for every row alike, when that brings more projects on screen: the
        // list of projects and their status is the slide's message, the words and places its
        // footnotes.
        for (int detail : {2, 1, 0}) {
            Geometry g = b;
            g.stacked = true;
            g.detail = detail;
            Choice ch = evaluate(g);
            if (!stacked || (ch.m.cuts == 0 && stacked->m.cuts > 0) || ch.fit > stacked->fit)
                stacked = std::move(ch);
            if (stacked->fit >= total && stacked->m.cuts == 0) break;
        }
        // Stacked only when it does strictly better: a wide board reads as a table.
        Choice pick = *stacked;
        if (wide && !((stacked->m.cuts == 0 && wide->m.cuts > 0) ||
                      ((stacked->m.cuts == 0) == (wide->m.cuts == 0) && stacked->fit > wide->fit)))
            pick = *wide;
        if (!best)
            best = pick;
        else if ((pick.m.cuts == 0) == (best->m.cuts == 0) && pick.fit > best->fit)
            best = pick;
        else if (pick.m.cuts == 0 && best->m.cuts > 0)
            best = pick;
    }
    const Geometry& g = best->g;
    const Measured& m = best->m;
    int shown = best->fit;

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
    for (int i = 0; i < shown; ++i) used += m.h[i] + g.row_gap, smallest = std::min(smallest, m.h[i]);
    const float extra = std::floor(std::clamp((area.y1 - y - used) / float(shown), 0.0f, smallest));
    for (int i = 0; i < shown; ++i) {
        const Row& r = rows[i];
        const Rect row{area.x0, y, area.x1, y + m.h[i] + extra};
        canvas_rect(c, row, s.theme.panel, s.unit * 0.5f);
        if (r.marked)  // a bar at the left edge: the one the slide is about, or the home municipality's
            canvas_rect(c, {row.x0, row.y0, row.x0 + std::max(3.0f, s.unit * 0.4f), row.y1},
                        s.theme.highlight);
        draw_row_content(c, s, g, std::floor(row.y0 + g.pad + extra * 0.5f), r);
        y = row.y1 + g.row_gap;
    }
}
