#include "app/views/kpi_tiles_plan.h"

#include <algorithm>
#include <cmath>

#include "app/danish_format.h"
#include "app/views/bar_layout.h"

// What leaving out a part costs when choosing a grid, against 100 per pixel of figure size: a
// figure's own period (without it the figure reads as of "Data pr.") and a target are worth
// more than any figure size, a change more than a step or two, a note (the title usually says
// it) less than a step.
constexpr int kPeriodWeight = 2000, kTargetWeight = 1000, kChangeWeight = 100, kNoteWeight = 10;

float kpi_line_h(const ImFont* f) {
    return f->FontSize * 1.15f;
}

std::string kpi_period_shown(const feeds::Indicator& it, std::string_view as_of, std::string_view caption) {
    const std::string_view period = it.period;
    if (period.empty() || (period.substr(0, 4) == "pr. " && period.substr(4) == as_of)) return {};
    // Said already where the figure is read: "15–17-årige frem mod 2030", under the title, or
    // in the footer ("Data pr. 2022 (forventning til 2030)" for "2030").
    for (std::string_view said : {std::string_view(it.label), std::string_view(it.note), caption, as_of})
        if (said.find(period) != std::string_view::npos) return {};
    return it.period;
}

// The tile grid for `n` tiles with `cols` columns. Tiles are never taller than wide; only a
// lone tile is kept from becoming a banner (at most 1.8 x as wide as tall).
static Grid grid_for(int n, int cols, float w, float h, float gap) {
    const int rows = (n + cols - 1) / cols;
    const float tw = (w - gap * float(cols - 1)) / float(cols);
    const float th = (h - gap * float(rows - 1)) / float(rows);
    if (tw <= 0 || th <= 0) return {};
    return {cols, rows, n == 1 ? std::min(tw, th * 1.8f) : tw, std::min(th, tw)};
}

// One slide, one message: more key figures than this are a table, not tiles.
constexpr int kMaxTiles = 12;

static std::string change_text(const feeds::Indicator& it, std::optional<int> decimals, int& dir) {
    if (!it.previous) return {};
    // A change in a rate is told in percentage points (34,8 % -> 34 % is "-0,8 procentpoint");
    // "-2,3 %" would read as a change of the rate itself. Counts change relatively.
    const ChangeStyle style = it.unit == "%" ? ChangeStyle::Difference : ChangeStyle::Relative;
    std::string t = format_change(it.value, *it.previous, style, it.unit, decimals);
    if (t.empty()) t = format_change(it.value, *it.previous, ChangeStyle::Difference, it.unit, decimals);
    if (t.empty()) return {};
    dir = t.rfind("±", 0) == 0 ? 0 : it.value > *it.previous ? 1 : it.value < *it.previous ? -1 : 0;
    if (!it.previous_period.empty()) t += " siden " + it.previous_period;
    return t;
}

// The optional parts of a tile, most important first, each only if it fits whole in the
// height left: the change and the target in `font`, the note in the small font. What does not
// fit is counted in p.dropped. Returns the height used.
static float plan_optional_parts(TilePlan& p, const feeds::Indicator& it, const std::string& unit,
                                 std::optional<int> decimals, const ImFont* font, float w, float h,
                                 float used, float gap, const Fonts& f) {
    p.part_font = font;
    auto take = [&](float need) {
        if (used + need > h) return false;
        used += need;
        return true;
    };
    if (!p.period.empty()) {  // right under the figure it dates, small: "2021"
        auto lines = wrap_whole(f.small, p.period, w, 2);
        if (lines) p.period_lines = std::move(*lines);
        if (!lines || !take(kpi_line_h(f.small) * float(p.period_lines.size()))) {
            p.period_lines.clear();
            p.dropped += kPeriodWeight;
        }
    }
    p.change = change_text(it, decimals, p.change_dir);
    if (!p.change.empty()) {
        const float arrow_w = font->FontSize * 0.9f;
        auto lines = wrap_whole(font, p.change, w - arrow_w, 2);
        if (lines) p.change_lines = std::move(*lines);
        if (!lines || !take(gap + kpi_line_h(font) * float(p.change_lines.size()))) {
            p.change_lines.clear();
            p.dropped += kChangeWeight;
        }
    }
    if (it.target) {
        p.target = "Mål: " + bar_value_text(*it.target, unit, decimals);
        if (text_size(font, p.target).x > w || !take(kpi_line_h(font))) {
            p.target.clear();
            p.dropped += kTargetWeight;
        }
    }
    if (!it.note.empty()) {
        auto lines = wrap_whole(f.small, it.note, w, 3);
        if (lines) p.note_lines = std::move(*lines);
        if (!lines || !take(gap * 0.5f + kpi_line_h(f.small) * float(p.note_lines.size()))) {
            p.note_lines.clear();
            p.dropped += kNoteWeight;
        }
    }
    return used;
}

// A tile's figure as words: "5,0 %" whole, or "ca. 95.700" with "personer" beside it.
static TilePlan start_tile(const feeds::Indicator& it, const std::string& unit, std::optional<int> decimals,
                           const std::string& period) {
    TilePlan p;
    p.item = &it;
    p.period = period;
    if (unit_is_compact(unit)) {
        p.number = format_value(it.value, unit, decimals);
    } else {
        p.number = format_number_auto(it.value, decimals);
        p.unit = unit;
    }
    if (!it.qualifier.empty()) p.number = it.qualifier + " " + p.number;  // "ca. 95.700"
    return p;
}

// Fills in what fits in a tile of inner size w x h.
// `max_big` caps the number's font size, so all tiles can share one.
static TilePlan plan_tile(const ViewStyle& s, const feeds::Indicator& it, const std::string& unit,
                          std::optional<int> decimals, float w, float h, float max_big,
                          const std::string& period) {
    const Fonts& f = s.fonts;
    TilePlan p = start_tile(it, unit, decimals, period);
    const float gap = s.unit * 0.6f;
    const float unit_gap = f.body->FontSize * 0.3f;
    const float unit_w = p.unit.empty() ? 0 : text_size(f.body, p.unit).x + unit_gap;

    // The label whole: up to two body lines, else up to three small ones.
    p.label_font = f.body;
    if (auto body = wrap_whole(f.body, it.label, w, 2)) {
        p.label_lines = std::move(*body);
    } else if (auto small = wrap_whole(f.small, it.label, w, 3)) {
        p.label_font = f.small;
        p.label_lines = std::move(*small);
    } else {
        p.label_font = f.small;
        p.whole = false;
        p.label_lines = wrap_lines(f.small, it.label, w, 3);
    }
    const float label_h = kpi_line_h(p.label_font) * float(p.label_lines.size());

    // The largest number font that fits the width, with its unit beside it or below it.
    for (const ImFont* big : {f.display, f.heading, f.body_bold}) {
        p.big = big;
        if (big->FontSize > max_big && big != f.body_bold) continue;
        const float nw = text_size(big, p.number).x;
        if (nw > w) continue;
        p.unit_below = !p.unit.empty() && nw + unit_w + 1 > w;  // a pixel spare for rounding
        const float value_h = big->FontSize + (p.unit_below ? kpi_line_h(f.body) : 0);
        if (label_h + gap + value_h <= h) break;
    }
    if (text_size(p.big, p.number).x > w) p.whole = false;
    p.unit_font = f.body;
    if (p.unit_below && text_size(f.body, p.unit).x > w) p.unit_font = f.small;
    if (p.unit_below && text_size(p.unit_font, p.unit).x > w) p.whole = false;
    float used = label_h + gap + p.big->FontSize + (p.unit_below ? kpi_line_h(f.body) : 0);
    if (used > h) p.whole = false;

    used = plan_optional_parts(p, it, unit, decimals, f.body, w, h, used, s.unit * 0.6f, f);
    p.height = used;
    return p;
}

// A wide, low tile (a portrait screen's full-width row): the figure at the left, its label
// and the optional parts in a column beside it, so a short tile still shows everything.
static TilePlan plan_side_tile(const ViewStyle& s, const feeds::Indicator& it, const std::string& unit,
                               std::optional<int> decimals, float w, float h, float max_big, float min_text_x,
                               const std::string& period) {
    const Fonts& f = s.fonts;
    TilePlan p = start_tile(it, unit, decimals, period);
    p.side = true;
    const float gap = s.unit * 0.6f;
    const float col_gap = s.unit * 2.0f;
    // The figure takes at most 55 % of the width; the text column the rest.
    float num_w = 0;
    for (const ImFont* big : {f.display, f.heading, f.body_bold}) {
        p.big = big;
        if (big->FontSize > max_big && big != f.body_bold) continue;
        num_w = text_size(big, p.number).x;
        if (num_w <= w * 0.55f && big->FontSize <= h) break;
    }
    p.unit_font = f.body;
    if (!p.unit.empty()) {
        p.unit_below = true;
        if (text_size(f.body, p.unit).x > num_w) p.unit_font = f.small;
        num_w = std::max(num_w, text_size(p.unit_font, p.unit).x);
    }
    p.text_x = std::max(num_w + col_gap, min_text_x);  // one text column for all rows
    p.label_font = f.body;
    const float lw = w - p.text_x;
    if (lw < f.body->FontSize * 4 || num_w > w) {
        p.whole = false;
        p.height = h + 1;
        return p;
    }
    const float left_h = p.big->FontSize + (p.unit.empty() ? 0 : kpi_line_h(p.unit_font));
    // The label whole in the height there is: the body font if it fits, else the small one.
    p.label_lines = wrap_lines(f.small, it.label, lw, 3);
    p.label_font = f.small;
    bool label_whole = false;
    for (const ImFont* font : {f.body, f.small}) {
        const auto lines = wrap_whole(font, it.label, lw, 3);
        if (lines && kpi_line_h(font) * float(lines->size()) <= h) {
            p.label_font = font;
            p.label_lines = *lines;
            label_whole = true;
            break;
        }
    }
    if (!label_whole) p.whole = false;
    float used = kpi_line_h(p.label_font) * float(p.label_lines.size());
    if (used > h || left_h > h) p.whole = false;
    used = plan_optional_parts(p, it, unit, decimals, f.small, lw, h, used, gap, f);
    p.height = std::max(used, left_h);
    return p;
}

namespace {

// Every tile planned for one grid.
struct GridPlan {
    Grid g;
    std::vector<TilePlan> plans;
    std::vector<float> row_h;  // each row's height: the rows that fit_rows() sized to their tiles
    float pad_y = 0;           // and their padding above and below
    float block_h = 0;
    double score = -1;
};

struct Tiles {
    const ViewStyle& s;
    Rect area;  // where the tiles go: less the note line once not all fit
    const std::vector<const feeds::Indicator*>& items;
    const feeds::ViewOptions& opt;
    std::string_view as_of;  // the footer's "Data pr." words: a figure of another period says so
    float gap = 0;
};

}  // namespace

// Tile `i` planned with inner size iw x ih.
static TilePlan plan_one(const Tiles& t, int i, bool side, float iw, float ih, float max_big, float text_x) {
    const feeds::Indicator& it = *t.items[std::size_t(i)];
    const std::string unit = t.opt.unit.empty() ? it.unit : t.opt.unit;
    const std::string period = kpi_period_shown(it, t.as_of, t.opt.caption);
    TilePlan p = side ? plan_side_tile(t.s, it, unit, t.opt.decimals, iw, ih, max_big, text_x, period)
                      : plan_tile(t.s, it, unit, t.opt.decimals, iw, ih, max_big, period);
    if (p.height > ih) p.whole = false;
    p.highlight = is_highlighted(t.opt, "", {it.id});
    return p;
}

static int dropped_of(const std::vector<TilePlan>& plans) {
    int dropped = 0;
    for (const auto& p : plans) dropped += p.dropped;
    return dropped;
}

// When a grid of equal rows leaves parts out, rows as tall as their tiles need (and an equal
// share of the rest) may keep them: a portrait column whose first tile has a note, a 2x2 grid
// whose top row does. Columns and figure size stay; the rows stay within the area, their
// padding above and below down to a side tile's if need be.
static void fit_rows(const Tiles& t, GridPlan& gp, int n, float max_big) {
    const Grid& g = gp.g;
    const float iw = g.tile_w - t.s.unit * kTilePad * 2;
    std::vector<float> content(std::size_t(g.rows), 0.0f);
    for (int i = 0; i < n; ++i) {
        const TilePlan p = plan_one(t, i, false, iw, t.area.h(), max_big, 0);
        if (p.big != gp.plans[std::size_t(i)].big) return;  // a taller tile would change the figure size
        float& row = content[std::size_t(i / g.cols)];
        row = std::max(row, p.height);
    }
    float sum = 0;
    for (float h : content) sum += h;
    const float room = t.area.h() - t.gap * float(g.rows - 1);
    float pad_y = t.s.unit * kTilePad;
    if (sum + pad_y * 2 * float(g.rows) > room) pad_y = t.s.unit * kSidePad;
    sum += pad_y * 2 * float(g.rows);
    if (sum > room) return;
    // The grid's own height when that holds every row, else the area's.
    const float total = std::max(sum, std::min(room, g.tile_h * float(g.rows)));
    std::vector<float> rows;
    for (float h : content) rows.push_back(std::floor(h + pad_y * 2 + (total - sum) / float(g.rows)));
    std::vector<TilePlan> plans;
    for (int i = 0; i < n; ++i)
        plans.push_back(plan_one(t, i, false, iw, rows[std::size_t(i / g.cols)] - pad_y * 2, max_big, 0));
    if (dropped_of(plans) >= dropped_of(gp.plans)) return;
    gp.plans = std::move(plans);
    gp.row_h = std::move(rows);
    gp.pad_y = pad_y;
}

// Plans every tile for one grid, then again with the smallest number size any of them needed:
// figures of one size compare at a glance.
static GridPlan plan_grid(const Tiles& t, const Grid& g, bool side, int n) {
    const ViewStyle& s = t.s;
    const float tp = side ? kSidePad * s.unit : s.unit * kTilePad;
    const float iw = g.tile_w - tp * 2, ih = g.tile_h - tp * 2;
    GridPlan gp;
    gp.g = g;
    float max_big = s.fonts.display->FontSize;
    float text_x = 0;  // side tiles: the widest figure's text column, shared
    for (int pass = 0; pass < 3; ++pass) {
        gp.plans.clear();
        float smallest = s.fonts.display->FontSize;
        for (int i = 0; i < n; ++i) {
            gp.plans.push_back(plan_one(t, i, side, iw, ih, max_big, text_x));
            smallest = std::min(smallest, gp.plans.back().big->FontSize);
        }
        float widest_x = 0;
        for (const auto& p : gp.plans) widest_x = std::max(widest_x, p.text_x);
        const bool aligned = !side || widest_x <= text_x + 0.5f;
        if (smallest >= max_big && aligned) break;
        max_big = smallest;
        text_x = widest_x;
    }
    if (!side && dropped_of(gp.plans) > 0) fit_rows(t, gp, n, max_big);
    gp.block_h = 0;
    for (const auto& p : gp.plans) gp.block_h = std::max(gp.block_h, p.height);
    // Whole text first, then every part shown, then the biggest figures, then tile size.
    int whole = 0;
    for (const auto& p : gp.plans) whole += p.whole ? 1 : 0;
    // On a tall screen, full-width rows over a squeezed grid when the figures are as big.
    const bool rows_on_tall = g.cols == 1 && t.area.h() > t.area.w() * 1.2f;
    gp.score = double(whole) * 1e7 - double(dropped_of(gp.plans)) * 1e2 + double(max_big) * 100 +
               (rows_on_tall ? 50.0 : 0.0) + double(std::min(g.tile_w / 1.4f, g.tile_h)) * 0.01;
    return gp;
}

// The best grid for `count` tiles in `a`.
static GridPlan best_for(const Tiles& t, int count, Rect a) {
    GridPlan best;
    for (int cols = 1; cols <= count; ++cols) {
        const Grid g = grid_for(count, cols, a.w(), a.h(), t.gap);
        if (g.cols == 0) continue;
        for (bool side : {false, true}) {
            if (side && g.tile_w < g.tile_h * 2.0f) continue;  // only wide, low tiles
            GridPlan gp = plan_grid(t, g, side, count);
            if (gp.score > best.score) best = std::move(gp);
        }
    }
    return best;
}

static bool all_whole(const GridPlan& gp) {
    if (gp.g.cols == 0) return false;
    for (const auto& p : gp.plans)
        if (!p.whole) return false;
    return true;
}
// What the publisher wrote that the chosen tiles leave out: a part of a tile, or a tile past
// the `shown` that fit of the `meant` (a limit the publisher set is meant).
static std::vector<std::string> left_out(const std::vector<TilePlan>& plans,
                                         const std::vector<const feeds::Indicator*>& items, int shown,
                                         int meant) {
    std::vector<std::string> out;
    for (const auto& p : plans) {
        const std::string tile = "tile \"" + p.item->id + "\": ";
        if (!p.change.empty() && p.change_lines.empty())
            out.push_back(tile + "the change \"" + p.change + "\" does not fit");
        if (p.item->target && p.target.empty()) out.push_back(tile + "the target does not fit");
        if (!p.item->note.empty() && p.note_lines.empty())
            out.push_back(tile + "the note \"" + p.item->note + "\" does not fit");
        if (!p.period.empty() && p.period_lines.empty())
            out.push_back(tile + "the period \"" + p.period + "\" does not fit");
    }
    for (int i = shown; i < meant && i < int(items.size()); ++i)
        out.push_back("tile \"" + items[std::size_t(i)]->id + "\" is not shown: " + std::to_string(shown) +
                      " of " + std::to_string(meant) + " tiles fit");
    return out;
}

// Where each of out.shown tiles goes: the grid in the middle of `area`, a short last row
// centred too; and the height each tile's contents are centred on (TilePlan::block).
static void place_tiles(KpiPlan& out, GridPlan& best, Rect area, float gap, float pad) {
    const Grid& g = best.g;
    const bool fitted = !best.row_h.empty();
    float grid_h = g.tile_h * float(g.rows) + gap * float(g.rows - 1);
    if (fitted) grid_h = gap * float(g.rows - 1);
    for (float h : best.row_h) grid_h += h;
    const float top = area.y0 + (area.h() - grid_h) * 0.5f;
    float y = top;
    for (int i = 0; i < out.shown; ++i) {
        const int row = i / g.cols, col = i % g.cols;
        const int in_row = std::min(g.cols, out.shown - row * g.cols);
        const float row_w = g.tile_w * float(in_row) + gap * float(in_row - 1);
        const float x = area.x0 + (area.w() - row_w) * 0.5f + float(col) * (g.tile_w + gap);
        if (fitted && col == 0 && row > 0) y += best.row_h[std::size_t(row - 1)] + gap;
        if (!fitted) y = top + float(row) * (g.tile_h + gap);
        const float h = fitted ? best.row_h[std::size_t(row)] : g.tile_h;
        out.tiles.push_back({std::round(x), std::round(y), std::round(x + g.tile_w), std::round(y + h)});
        // Tiles side by side line up; rows sized to their tiles centre each row's own contents.
        float block = best.block_h;
        if (fitted) {
            block = 0;
            for (int j = row * g.cols; j < row * g.cols + in_row; ++j)
                block = std::max(block, best.plans[std::size_t(j)].height);
        }
        const float pad_y = fitted ? best.pad_y : pad;
        best.plans[std::size_t(i)].pad_y = pad_y;
        best.plans[std::size_t(i)].block = std::min(block, h - pad_y * 2);
    }
}

KpiPlan plan_kpi_tiles(const ViewStyle& s, Rect area, const feeds::IndicatorSet& data,
                       const feeds::ViewOptions& opt, std::string_view as_of) {
    KpiPlan out;
    std::vector<const feeds::Indicator*> items;
    for (std::size_t i : feeds::picked_positions(opt.columns, item_ids(data)))
        items.push_back(&data.items[i]);
    const int total = int(items.size());
    out.total = total;
    if (total == 0) {
        out.empty = true;
        return out;
    }
    Tiles t{s, area, items, opt, as_of, s.unit * 1.5f};  // t.area follows `area` (as it loses the note line)
    const int wanted = std::min(kMaxTiles, opt.limit > 0 ? std::min(opt.limit, total) : total);
    int n = wanted;
    // The most tiles that show whole; when not all do, the rest are left out and counted.
    GridPlan best = n == total ? best_for(t, n, area) : GridPlan{};
    if (!all_whole(best)) {
        out.note = true;
        out.note_area = area;
        area.y1 -= hidden_note_height(s);
        t.area = area;
        for (n = std::min(wanted, total - 1); n >= 1; --n) {
            best = best_for(t, n, area);
            if (all_whole(best)) break;
        }
        if (n < 1) {  // not even one tile whole: show the first as well as it goes
            n = 1;
            best = best_for(t, 1, area);
        }
    }
    out.shown = n;
    out.grid = best.g;
    if (best.g.cols == 0) return out;
    place_tiles(out, best, area, t.gap, s.unit * kTilePad);
    out.plans = std::move(best.plans);
    out.block_h = best.block_h;
    out.left_out = left_out(out.plans, items, n, opt.limit > 0 ? wanted : total);
    return out;
}
