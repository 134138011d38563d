#include "app/views/status_board_plan.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "app/danish_format.h"
#include "app/views/bar_layout.h"
#include "app/views/home_match.h"
#include "app/views/status_badge.h"

namespace {

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
        if (any_words && base.show_phase) {
            // The words under the name, the badge alone as narrow as it can be: the name column
            // takes the rest, so the words wrap least.
            Geometry g = base;
            g.words_under_name = true;
            g.c1 = base.a1;
            g.c0 = base.a1 - wc;
            g.b1 = g.c0 - c_gap;
            g.b0 = std::floor(g.b1 - badge_need);
            g.a1 = g.b0 - gap;
            if (g.a1 - g.a0 >= w * 0.25f) out.push_back(g);
        }
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
            if (any_words) {  // the words under the name
                g.words_under_name = true;
                out.push_back(g);
            }
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

namespace {

struct Choice {
    Geometry g;
    Measured m;
    int fit = 0;
};

// What every candidate geometry is measured against.
struct Board {
    Canvas& counter;  // a measuring canvas: counts the layout steps
    const ViewStyle& s;
    Rect area;
    const std::vector<Row>& rows;
    int total = 0;
    int limit = 0;
    float common_h = 0, header_h = 0, note_h = 0;
};

}  // namespace

static Choice evaluate(const Board& b, const Geometry& g) {
    const float avail = b.area.h() - b.common_h - (g.stacked ? 0 : b.header_h);
    Choice ch{g, measure(b.counter, b.s, g, b.rows, avail), 0};
    ch.fit = rows_fitting(ch.m, g.row_gap, avail);
    if (ch.fit < b.total) ch.fit = rows_fitting(ch.m, g.row_gap, avail - b.note_h);
    if (b.limit > 0) ch.fit = std::min(ch.fit, b.limit);
    return ch;
}

static bool better(const Choice& a, const Choice& b) {  // a better than b
    auto sum = [](const Measured& m) { return std::accumulate(m.h.begin(), m.h.end(), 0.0f); };
    if ((a.m.cuts == 0) != (b.m.cuts == 0)) return a.m.cuts == 0;
    if (a.fit != b.fit) return a.fit > b.fit;
    if (a.g.detail != b.g.detail) return a.g.detail > b.g.detail;  // every detail that fits
    return sum(a.m) < sum(b.m) - 0.5f;
}

// Whether the rows show the document's words (the board's message; the places are not).
static bool shows_words(const Choice& ch) {
    return ch.g.detail >= 1;
}

// Whether `a` shows more projects than `b`, or as many and their words where `b` does not.
static bool more_or_words(const Choice& a, const Choice& b) {
    return a.fit > b.fit || (a.fit == b.fit && shows_words(a) && !shows_words(b));
}

// The best geometry from `base`: wide columns, or stacked rows when they do strictly better.
static Choice pick_for(const Board& b, const Geometry& base) {
    std::optional<Choice> wide, stacked;
    if (b.area.w() >= b.s.fonts.body->FontSize * 20)
        for (int detail : {2, 1, 0})
            for (Geometry g : wide_candidates(b.s, base, b.rows)) {
                g.detail = detail;
                Choice ch = evaluate(b, g);
                if (!wide || better(ch, *wide)) wide = std::move(ch);
            }
    // Fewer details for every row alike, when that brings more projects on screen: the
    // list of projects and their status is the slide's message, the words and places its
    // footnotes.
    for (int detail : {2, 1, 0}) {
        Geometry g = base;
        g.stacked = true;
        g.detail = detail;
        Choice ch = evaluate(b, g);
        if (!stacked || (ch.m.cuts == 0 && stacked->m.cuts > 0) || ch.fit > stacked->fit)
            stacked = std::move(ch);
        g.words_inline = true;  // the words on the name's or the badge's line: only when that does better
        if (detail >= 1)
            if (Choice in = evaluate(b, g); in.m.cuts == 0 && in.fit > stacked->fit) stacked = std::move(in);
        if (stacked->fit >= b.total && stacked->m.cuts == 0) break;
    }
    // Stacked only when it does strictly better (more projects, or their words): a wide board
    // reads as a table.
    Choice pick = *stacked;
    if (wide && !((stacked->m.cuts == 0 && wide->m.cuts > 0) ||
                  ((stacked->m.cuts == 0) == (wide->m.cuts == 0) && more_or_words(*stacked, *wide))))
        pick = *wide;
    return pick;
}

// The base geometry; tighter padding is tried too, and taken only when it brings one more
// project on screen, or the words.
static Choice choose_geometry(const Board& b, const Geometry& base) {
    const ViewStyle& s = b.s;
    Geometry tight = base;
    tight.pad = std::round(s.unit * 0.45f);
    tight.row_gap = std::max(2.0f, std::round(s.unit * 0.3f));
    tight.a0 = b.area.x0 + tight.pad;
    tight.a1 = b.area.x1 - tight.pad;
    // Tightest: the least air that still parts the rows, for a board whose words would not
    // fit otherwise (five projects with words at 1920x1080).
    Geometry tightest = tight;
    tightest.pad = std::round(s.unit * 0.25f);
    tightest.line_gap = std::round(s.unit * 0.15f);
    tightest.row_gap = std::max(1.0f, std::round(s.unit * 0.15f));
    tightest.a0 = b.area.x0 + tightest.pad;
    tightest.a1 = b.area.x1 - tightest.pad;
    std::optional<Choice> best;
    for (const Geometry& g : {base, tight, tightest}) {
        Choice pick = pick_for(b, g);
        if (!best)
            best = pick;
        else if ((pick.m.cuts == 0) == (best->m.cuts == 0) && more_or_words(pick, *best))
            best = pick;
        else if (pick.m.cuts == 0 && best->m.cuts > 0)
            best = pick;
    }
    return *best;
}

// The rows in order, and what they share.
static void plan_rows(const feeds::ProjectList& data, const feeds::ViewOptions& opt, std::string_view home,
                      const std::vector<size_t>& order, BoardPlan& p) {
    std::vector<const feeds::Project*> projects;
    std::vector<std::string> costs;
    std::unordered_map<std::string_view, const feeds::Project*> by_id;
    for (const auto& pr : data.items) by_id.emplace(pr.id, &pr);
    for (size_t i : order) {
        Row r;
        r.p = &data.items[i];
        r.cost = cost_label(*r.p, by_id);
        r.home = places_include_home(r.p->places, home);
        r.marked = r.home || is_highlighted(opt, "", {r.p->id});
        projects.push_back(r.p);
        costs.push_back(r.cost);
        p.rows.push_back(std::move(r));
    }
    p.common = board_common(projects, costs);
}

// What the publisher wrote that the board leaves out: a shown project's own words when the
// rows leave them out, and the projects past those that fit, up to the `meant` (a
// limit the publisher set is meant).
static std::vector<std::string> left_out(const BoardPlan& p, int meant) {
    std::vector<std::string> out;
    const bool no_words = p.g.detail < 1 || (!p.g.stacked && !p.g.words_under_name && p.g.b1 <= p.g.b0);
    for (int i = 0; i < p.shown; ++i) {
        const feeds::Project& pr = *p.rows[size_t(i)].p;
        const std::string project = "project \"" + pr.id + "\": ";
        if (!pr.status_text.empty() && no_words)
            out.push_back(project + "the status text \"" + pr.status_text + "\" does not fit");
        // The places are the project map's field; the board shows them only when it has room
        // (FORMAT.md), so leaving them out is not reported.
    }
    for (int i = std::max(p.shown, 0); i < meant && i < p.total; ++i)
        out.push_back("project \"" + p.rows[size_t(i)].p->id + "\" is not shown: " + std::to_string(p.shown) +
                      " of " + std::to_string(meant) + " projects fit");
    return out;
}

BoardPlan plan_status_board(const Canvas& c, const ViewStyle& s, Rect area, const feeds::ProjectList& data,
                            const feeds::ViewOptions& opt, std::string_view home) {
    BoardPlan p;
    const auto order = data.items.empty() ? std::vector<size_t>{} : row_order(data, opt);
    p.total = int(order.size());
    if (p.total == 0) {
        p.empty = true;
        return p;
    }
    plan_rows(data, opt, home, order, p);
    const float small = s.fonts.small->FontSize;
    Geometry base;
    base.pad = std::round(s.unit * 0.8f);
    base.line_gap = std::round(s.unit * 0.35f);
    base.row_gap = std::max(2.0f, std::round(s.unit * 0.6f));
    base.col_gap = std::round(s.unit * 1.5f);
    base.a0 = area.x0 + base.pad;
    base.a1 = area.x1 - base.pad;
    base.show_phase = !p.common.same_phase;
    base.show_cost = !p.common.no_cost;
    base.icons = std::any_of(p.rows.begin(), p.rows.end(),
                             [](const Row& r) { return r.p->kind != feeds::ProjectKind::Other; });
    // The shared line, then (wide) the column heads, then the rows.
    Canvas counter = measuring_canvas(c);
    if (!p.common.line.empty()) {
        Canvas scratch = measuring_canvas(c);
        const float indent = p.common.same_phase ? small * 0.72f + small * 0.3f : 0;
        p.common_h = canvas_paragraph(scratch, s.fonts.small, {area.x0 + indent, 0, area.x1, kOpen}, 0,
                                      p.common.line) +
                     std::round(s.unit * 0.6f);
    }
    // Column heads only when no shared line takes their place: the rows say what they hold.
    p.heads = p.common.line.empty();
    p.header_h = p.heads ? small + 2 * base.line_gap : 0;
    const Board b{
        counter, s, area, p.rows, p.total, opt.limit, p.common_h, p.header_h, hidden_note_height(s)};
    Choice best = choose_geometry(b, base);
    // The column heads give way when the rows need their room (the words of five projects at
    // 1280x720): the rows say what they hold.
    if (p.heads && !best.g.stacked && (best.fit < p.total || !shows_words(best))) {
        Board bare = b;
        bare.header_h = 0;
        Choice without = choose_geometry(bare, base);
        if (without.m.cuts == 0 && more_or_words(without, best)) {
            best = std::move(without);
            p.heads = false;
            p.header_h = 0;
        }
    }
    p.g = best.g;
    p.heights = best.m.h;
    p.shown = best.fit;
    p.layout_steps = counter.layout_steps;
    p.left_out = left_out(p, opt.limit > 0 ? std::min(opt.limit, p.total) : p.total);
    return p;
}
