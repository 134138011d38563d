// Two to four figures per category side by side: youth groups in 2017 against 2021, or two
// columns of a municipality table. Horizontal, so long category names ("Unge på
// uddannelseshjælp") wrap left of their group instead of being cut under a column:
//
//   ■ 2017   ■ 2021                               Antal personer
//   Ledige 16-29 år      ████████████████ 3.120
//                        ███████████ 2.250
//   Unge uden uddannelse ██████████████████████ 5.400
//                        ████████████████████ 4.980
//
// Bars keep the legend's order in every group, so position repeats what colour says.
#include <algorithm>
#include <cmath>
#include <string>
#include <unordered_map>
#include <vector>

#include "app/danish_format.h"
#include "app/view.h"
#include "app/views/bar_layout.h"

namespace {

constexpr int kMaxSeries = 4;  // the palette's size; more lines than this are not readable anyway

struct Group {
    std::string label;
    std::vector<std::optional<double>> values;  // one per series
    bool highlight = false;
};

struct GroupedData {
    std::vector<std::string> series;  // legend labels
    std::vector<std::string> units;   // one per series
    std::vector<Group> groups;
    std::string noun;
};

struct GroupFonts {
    const ImFont* label;
    const ImFont* label_bold;
    const ImFont* value;
};

}  // namespace

static GroupedData from_series(const feeds::Series& s, const ViewInput& in) {
    const auto& opt = in.slide.options;
    GroupedData d;
    const size_t n = std::min<size_t>(s.lines.size(), kMaxSeries);
    std::unordered_map<std::string_view, size_t> group_of;  // x label -> group
    for (size_t l = 0; l < n; ++l) {
        d.series.push_back(s.lines[l].label);
        d.units.push_back(opt.unit.empty() ? s.unit : opt.unit);
        for (const auto& p : s.lines[l].points) {
            // The group of this x label: the first with it (a map, not a search of every group).
            const auto [at, added] = group_of.emplace(p.x, d.groups.size());
            if (added)
                d.groups.push_back(
                    {p.x, std::vector<std::optional<double>>(n), is_highlighted(opt, in.home, {p.x})});
            d.groups[at->second].values[l] = p.value;
        }
    }
    return d;
}

static GroupedData from_table(const feeds::MunicipalityTable& t, const ViewInput& in) {
    const auto& opt = in.slide.options;
    GroupedData d;
    d.noun = "kommuner";
    std::vector<std::string_view> ids;
    for (const auto& col : t.columns) ids.push_back(col.id);
    std::vector<size_t> cols = feeds::picked_positions(opt.columns, ids);
    if (cols.size() > kMaxSeries) cols.resize(kMaxSeries);
    for (size_t i : cols) {
        d.series.push_back(t.columns[i].label);
        d.units.push_back(opt.unit.empty() ? t.columns[i].unit : opt.unit);
    }
    for (const auto& r : t.rows) {
        Group g{r.name, {}, is_highlighted(opt, in.home, {r.code, r.name})};
        for (size_t i : cols) g.values.push_back(i < r.values.size() ? r.values[i] : std::nullopt);
        d.groups.push_back(std::move(g));
    }
    return d;
}

// The legend: a swatch and a label per series, flowing left to right; a label wider than the
// box wraps onto lines of its own, whole: a series without its name is a colour nobody can read.
// Returns the height used; with `draw` false it only measures.
static float draw_legend(Canvas& c, const ViewStyle& s, Rect box, const GroupedData& d, const ImFont* f,
                         bool draw) {
    const float sw = std::round(f->FontSize * 0.75f);
    const float item_gap = s.unit * 2;
    const float lh = f->FontSize * 1.3f;
    const float text_dx = sw + s.unit * 0.6f;
    float x = box.x0, y = box.y0;
    for (size_t i = 0; i < d.series.size(); ++i) {
        const float max_w = std::max(1.0f, box.w() - text_dx);
        std::vector<std::string> lines{d.series[i]};
        if (text_size(f, d.series[i]).x > max_w) lines = wrap_lines(f, d.series[i], max_w, 0);
        float w = 0;
        for (const auto& l : lines) w = std::max(w, text_dx + text_size(f, l).x);
        if (x > box.x0 && (x + w > box.x1 || lines.size() > 1)) {
            x = box.x0;
            y += lh;
        }
        const float sy = y + (f->FontSize - sw) * 0.5f;
        if (draw) {
            canvas_rect(c, {x, sy, x + sw, sy + sw}, s.theme.series[i % kMaxSeries], 2);
            for (size_t k = 0; k < lines.size(); ++k)
                canvas_text(c, f, {std::floor(x + text_dx), std::floor(y + lh * float(k))}, s.theme.text,
                            lines[k]);
        }
        if (lines.size() > 1) {  // a wrapped label ends its line
            y += lh * float(lines.size() - 1);
            x = box.x1;
        } else {
            x += w + item_gap;
        }
    }
    return y - box.y0 + f->FontSize;
}

static void draw_groups(Canvas& c, const ViewStyle& s, Rect area, const GroupedData& d,
                        const feeds::ViewOptions& opt) {
    const int total = int(d.groups.size());
    const int k = int(d.series.size());
    if (total == 0 || k == 0) return draw_no_items(c, s, area);

    bool one_unit = true;
    for (const auto& u : d.units) one_unit = one_unit && u == d.units.front();
    const bool unit_in_header = one_unit && !unit_is_compact(d.units.front());

    // Legend and unit caption share the top line when both fit whole; else the caption gets a
    // line of its own under the legend. They are drawn once the chart's height is known, so
    // they sit together with it in the middle of the area.
    // The legend in the body type, or the small one when a series name is too wide for it.
    const ImFont* lf = s.fonts.body;
    for (const auto& name : d.series)
        if (text_size(lf, name).x + s.fonts.body->FontSize * 1.5f > area.w()) lf = s.fonts.small;
    const ImFont* sf = s.fonts.small;
    const std::string caption =
        unit_in_header ? (d.units.front() == "procentpoint" ? "Procentpoint" : "Antal " + d.units.front())
                       : "";
    const float cap_w = caption.empty() ? 0 : text_size(sf, caption).x;
    float legend_w = 0;  // the legend on one line
    for (size_t i = 0; i < d.series.size(); ++i)
        legend_w += std::round(lf->FontSize * 0.75f) + s.unit * 0.6f + text_size(lf, d.series[i]).x +
                    (i ? s.unit * 2 : 0);
    const bool caption_beside = caption.empty() || legend_w + s.unit * 2 + cap_w <= area.w();
    const Rect legend_box = {area.x0, area.y0,
                             caption_beside ? area.x1 - cap_w - (caption.empty() ? 0 : s.unit * 2) : area.x1,
                             area.y1};
    float legend_h = draw_legend(c, s, legend_box, d, lf, false);
    const float caption_y = caption_beside ? (lf->FontSize - sf->FontSize) * 0.5f : legend_h + s.unit * 0.4f;
    if (!caption_beside) legend_h = caption_y + sf->FontSize;
    legend_h += s.unit * 1.5f;
    Rect body = {area.x0, area.y0 + legend_h, area.x1, area.y1};

    // Sorted by the first series.
    std::vector<std::optional<double>> first;
    std::vector<bool> highlighted;
    for (const auto& g : d.groups) {
        first.push_back(g.values.empty() ? std::nullopt : g.values.front());
        highlighted.push_back(g.highlight);
    }
    const std::vector<int> order = sorted_order(first, opt.sort);
    const int wanted = opt.limit > 0 ? std::min(opt.limit, total) : total;

    // Figures per group and series, and the widths they claim either side of the bars.
    std::vector<std::vector<std::string>> texts(d.groups.size());
    std::vector<double> values;
    for (size_t gi = 0; gi < d.groups.size(); ++gi)
        for (int l = 0; l < k; ++l) {
            const auto& v = d.groups[gi].values[l];
            std::string t = std::string(kNoValue);
            if (v) {
                t = unit_in_header ? bar_value_text(*v, d.units[l], opt.decimals)
                                   : format_value(*v, d.units[l], opt.decimals);
                values.push_back(*v);
            }
            texts[gi].push_back(std::move(t));
        }
    const BarScale scale = bar_scale(values);
    const float gap = s.unit;
    // A group's figures in series order: "3.565 → 3.480" for two (the legend's order is time's
    // in every bundled use), "a · b · c" for more.
    auto joined = [&](int gi) {
        std::string out;
        for (int l = 0; l < k; ++l) {
            if (l > 0) out += k == 2 ? " \u2192 " : " \u00B7 ";
            out += texts[size_t(gi)][size_t(l)];
        }
        return out;
    };
    const bool compact_ok = k >= 2 && scale.lo >= 0;

    // Two layouts: the name left of its group, wrapped into the lines the group's height allows
    // ("side"), or above the group's full-width bars ("stacked": portrait, long names).
    struct Plan {
        GroupFonts fonts;
        bool stacked = false;
        // Compact: thin bars, a group's figures as one text beside them ("3.565 → 3.480"),
        // so a group needs one text line, not one per series: how six groups of two fit.
        bool compact = false;
        std::vector<int> shown;
        std::vector<std::vector<std::string>> lines;  // per shown group
        float pitch = 0, group_gap = 0, label_w = 0, marker_w = 0, pos_w = 0, neg_w = 0;
        float block_h = 0;
        std::vector<float> group_h;
    };
    auto widths = [&](Plan& p) {
        p.pos_w = p.neg_w = 0;
        bool any_highlight = false;
        for (int gi : p.shown) {
            any_highlight = any_highlight || d.groups[gi].highlight;
            if (p.compact) {
                p.pos_w = std::max(p.pos_w, text_size(p.fonts.value, joined(gi)).x);
                continue;
            }
            for (int l = 0; l < k; ++l) {
                const auto& v = d.groups[gi].values[l];
                float& side = v && *v < 0 ? p.neg_w : p.pos_w;
                side = std::max(side, text_size(p.fonts.value, texts[gi][l]).x);
            }
        }
        p.marker_w = any_highlight ? p.fonts.label->FontSize * 0.9f : 0;
    };
    // Lays out the first n groups in `f`, side or stacked; false when a name does not fit whole.
    auto try_plan = [&](GroupFonts f, bool stacked, int n, float height, Plan& p, bool compact = false) {
        p = Plan{};
        p.fonts = f;
        p.stacked = stacked;
        p.compact = compact;
        // Stacked bars may be thinner: their name is above them, not beside them.
        p.pitch = f.value->FontSize * (compact ? 0.6f : stacked ? 1.05f : 1.2f);
        p.group_gap = std::max(p.pitch * 0.7f, s.unit);
        // Each group is at least its bars high: more groups than that many fit are not planned
        // (a group's height to spare for rounding), so a long list costs no more than a short one.
        const float least = p.pitch * float(k);
        if (float(n) * least + float(n - 1) * p.group_gap > height + least) return false;
        c.layout_steps += n;
        p.shown = pick_shown(order, highlighted, n);
        widths(p);
        const float bars_h = p.pitch * float(k);
        float label_room = 0;
        if (!stacked) {
            float widest = 0;
            for (int gi : p.shown)
                widest = std::max(
                    widest, text_size(d.groups[gi].highlight ? f.label_bold : f.label, d.groups[gi].label).x);
            // At most a third of the width, less when the names wrap anyway.
            // (A pixel more than the widest name, so float rounding never shortens it.)
            label_room = std::ceil(std::min(widest, area.w() * 0.34f)) + 1;
            p.label_w = label_room;
        } else {
            label_room = area.w() - p.marker_w;
        }
        // The figures either side must leave the bars some room: else the figures would spill.
        const float track_w =
            area.w() - p.marker_w - (stacked ? 0 : p.label_w + gap) - p.pos_w - p.neg_w - gap * 1.2f;
        if (track_w < s.unit * 3) return false;
        float used = 0;
        for (int gi : p.shown) {
            const ImFont* lf2 = d.groups[gi].highlight ? f.label_bold : f.label;
            const float line_h = lf2->FontSize * 1.15f;
            const int max_lines = stacked ? 2 : std::max(1, int((bars_h - lf2->FontSize) / line_h) + 1);
            const auto lines = wrap_whole(lf2, d.groups[gi].label, label_room, max_lines);
            if (!lines) return false;
            p.lines.push_back(*lines);
            const float text_h = lf2->FontSize + line_h * float(lines->size() - 1);
            const float gh = stacked ? text_h + s.unit * 0.4f + bars_h : bars_h;
            p.group_h.push_back(gh);
            used += gh + (used > 0 ? p.group_gap : 0);
        }
        p.block_h = used;
        return used <= height;
    };
    auto fits = [&](float height, Plan& out) {
        for (bool compact : {false, true}) {
            if (compact && !compact_ok) break;
            // A tall area: names above full-width bars first (the width is what is short there).
            const bool tall = area.h() > area.w() * 1.2f;
            for (bool stacked : {tall, !tall})
                for (GroupFonts f : {GroupFonts{s.fonts.body, s.fonts.body_bold, s.fonts.body_bold},
                                     GroupFonts{s.fonts.small, s.fonts.small, s.fonts.small}})
                    if (try_plan(f, stacked, wanted, height, out, compact)) return true;
        }
        return false;
    };
    Plan plan;
    const Rect full = body;
    if (wanted < total) body.y1 -= hidden_note_height(s);
    if (!fits(body.h(), plan)) {
        // Not every group fits: the most that do in the small type, names whole where possible.
        if (wanted == total) body.y1 -= hidden_note_height(s);
        const GroupFonts f{s.fonts.small, s.fonts.small, s.fonts.small};
        int n = wanted;
        for (; n > 0; --n)
            if (try_plan(f, false, n, body.h(), plan) || try_plan(f, true, n, body.h(), plan) ||
                (compact_ok &&
                 (try_plan(f, false, n, body.h(), plan, true) || try_plan(f, true, n, body.h(), plan, true))))
                break;
        if (n == 0) {
            // Even one group will not fit whole: shorten its name (a reported problem).
            plan = Plan{};
            plan.fonts = f;
            plan.shown = pick_shown(order, highlighted, 1);
            plan.pitch = f.value->FontSize * 1.2f;
            plan.group_gap = s.unit;
            widths(plan);
            plan.label_w = area.w() * 0.34f;
            plan.lines.push_back(wrap_lines(f.label, d.groups[plan.shown[0]].label, plan.label_w, 1));
            plan.group_h.push_back(plan.pitch * float(k));
            plan.block_h = plan.group_h.back();
            if (plan.block_h > body.h()) return;
        }
    }
    draw_hidden_note(c, s, {area.x0, area.y0, area.x1, full.y1}, int(plan.shown.size()), total, d.noun);

    const GroupFonts& fonts = plan.fonts;
    const float label_x0 = area.x0 + plan.marker_w;
    const float track_x0 = (plan.stacked ? area.x0 : label_x0 + plan.label_w + gap) +
                           (plan.neg_w > 0 ? plan.neg_w + gap * 0.6f : 0);
    const float track_x1 = std::max(track_x0 + 1, area.x1 - plan.pos_w - gap * 0.6f);
    const float zero_x = bar_x(scale, track_x0, track_x1, 0);

    // Few groups get thicker bars, up to half as thick again, and wider gaps; the legend and the
    // groups are centred together.
    const float max_grow = area.h() > area.w() * 1.2f ? 1.6f : plan.stacked ? 1.25f : 1.5f;
    const float grow = std::clamp(body.h() / std::max(1.0f, plan.block_h), 1.0f, max_grow);
    const float pitch = plan.pitch * grow;
    const float n_gaps = float(plan.shown.size() - 1);
    float labels_h = 0;
    for (size_t i = 0; i < plan.shown.size(); ++i) labels_h += plan.group_h[i] - plan.pitch * float(k);
    float gg = plan.group_gap * grow;
    float block_h = labels_h + pitch * float(k) * float(plan.shown.size()) + gg * n_gaps;
    if (block_h > body.h()) {  // the growth is only for room that is there
        gg = plan.group_gap;
        block_h = labels_h + pitch * float(k) * float(plan.shown.size()) + gg * n_gaps;
    }
    const float shift = std::floor(std::max(0.0f, (body.h() - block_h) * 0.5f));
    const float top = body.y0 + shift;
    if (!caption.empty()) {
        const float cy = area.y0 + shift + caption_y;
        if (caption_beside)
            canvas_text_in(c, sf, {area.x1 - cap_w, cy, area.x1, cy + sf->FontSize}, s.theme.text_muted,
                           caption, Align::Right);
        else
            canvas_text_in(c, sf, {area.x0, cy, area.x1, cy + sf->FontSize}, s.theme.text_muted, caption);
    }
    draw_legend(c, s, {legend_box.x0, legend_box.y0 + shift, legend_box.x1, legend_box.y1}, d, lf, true);
    if (scale.lo < 0)
        canvas_line(c, {zero_x, top}, {zero_x, top + block_h}, s.theme.grid, std::max(1.0f, s.unit * 0.15f));

    float gy = top;
    for (size_t gi = 0; gi < plan.shown.size(); ++gi) {
        const Group& g = d.groups[plan.shown[gi]];
        const auto& lines = plan.lines[gi];
        const ImFont* f = g.highlight ? fonts.label_bold : fonts.label;
        const float line_h = f->FontSize * 1.15f;
        const float text_h = f->FontSize + line_h * float(lines.size() - 1);
        const float bars_h = pitch * float(k);
        // The name: above the bars (stacked), or centred on the group left of them.
        float ly = plan.stacked ? gy : gy + (bars_h - text_h) * 0.5f;
        const float by = plan.stacked ? gy + text_h + s.unit * 0.4f : gy;
        if (g.highlight)
            draw_row_marker(c, {area.x0, ly, area.x0 + plan.marker_w, ly + f->FontSize}, s.theme.highlight);
        // Stacked names start at the edge, as their bars do; only a highlighted one steps in.
        const float lx0 = plan.stacked && !g.highlight ? area.x0 : label_x0;
        for (const auto& l : lines) {
            canvas_text_in(c, f,
                           {lx0, ly, plan.stacked ? area.x1 : label_x0 + plan.label_w, ly + f->FontSize},
                           s.theme.text, l);
            ly += line_h;
        }
        if (plan.compact) {  // thin bars, the figures as one text beside the longest
            float end_max = zero_x;
            for (int l = 0; l < k; ++l) {
                const auto& v = g.values[l];
                if (!v) continue;
                const float cy = by + pitch * (float(l) + 0.5f);
                const float end_x = bar_x(scale, track_x0, track_x1, *v);
                end_max = std::max(end_max, end_x);
                draw_bar(c, zero_x, end_x, cy - pitch * 0.4f, cy + pitch * 0.4f,
                         s.theme.series[l % kMaxSeries]);
            }
            const float ty = std::floor(by + (bars_h - fonts.value->FontSize) * 0.5f);
            canvas_text(c, fonts.value, {std::floor(end_max + gap * 0.6f), ty}, s.theme.text,
                        joined(plan.shown[gi]));
            gy = by + bars_h + gg;
            continue;
        }
        for (int l = 0; l < k; ++l) {
            const float cy = by + pitch * (float(l) + 0.5f);
            const float ty = std::floor(cy - fonts.value->FontSize * 0.5f);
            const auto& v = g.values[l];
            const std::string& t = texts[plan.shown[gi]][l];
            if (!v) {
                canvas_text(c, fonts.value, {std::floor(zero_x + gap * 0.5f), ty}, s.theme.text_muted, t);
                continue;
            }
            const float end_x = bar_x(scale, track_x0, track_x1, *v);
            draw_bar(c, zero_x, end_x, cy - pitch * 0.39f, cy + pitch * 0.39f,
                     s.theme.series[l % kMaxSeries]);
            const float tw = text_size(fonts.value, t).x;
            const float tx = *v < 0 ? end_x - gap * 0.6f - tw : std::max(end_x, zero_x) + gap * 0.6f;
            canvas_text(c, fonts.value, {std::floor(tx), ty}, s.theme.text, t);
        }
        gy = by + bars_h + gg;
    }
}

void draw_grouped_bars(Canvas& c, const ViewStyle& s, Rect area, const feeds::DatasetBody& data,
                       const ViewInput& in) {
    GroupedData d;
    if (const auto* ser = std::get_if<feeds::Series>(&data))
        d = from_series(*ser, in);
    else if (const auto* t = std::get_if<feeds::MunicipalityTable>(&data))
        d = from_table(*t, in);
    else {
        c.notes.push_back("grouped_bars cannot show this dataset type");
        return draw_no_items(c, s, area);
    }
    draw_groups(c, s, area, d, in.slide.options);
}
