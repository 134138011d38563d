#include "app/views/grouped_bars_plan.h"

#include <algorithm>
#include <cmath>

#include "app/danish_format.h"
#include "app/views/bar_layout.h"

namespace {

struct GroupFonts {
    const ImFont* label;
    const ImFont* label_bold;
    const ImFont* value;
};

// The legend and the unit caption above the groups. They share the top line when both fit
// whole; else the caption gets a line of its own under the legend.
struct Header {
    const ImFont* legend_font = nullptr;
    std::string caption;
    float caption_w = 0;
    bool caption_beside = true;
    Rect legend_box;
    float caption_y = 0;  // from the area's top
    float height = 0;     // legend, caption and the air under them
};

// Two layouts: the name left of its group, wrapped into the lines the group's height allows
// ("side"), or above the group's full-width bars ("stacked": portrait, long names).
struct Layout {
    GroupFonts fonts{};
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

// What every candidate layout works from.
struct Groups {
    const ViewStyle& s;
    Rect area;
    const GroupedData& d;
    int k = 0;  // series
    std::vector<int> order;
    std::vector<bool> highlighted;
    std::vector<std::vector<std::string>> texts;  // figures per group and series
    BarScale scale;
    float gap = 0;
    bool compact_ok = false;
    long steps = 0;
};

}  // namespace

static Header plan_header(const ViewStyle& s, Rect area, const GroupedData& d, bool unit_in_header) {
    Header h;
    // The legend in the body type, or the small one when a series name is too wide for it.
    const ImFont* lf = s.fonts.body;
    for (const auto& name : d.series)
        if (text_size(lf, name).x + s.fonts.body->FontSize * 1.5f > area.w()) lf = s.fonts.small;
    h.legend_font = lf;
    const ImFont* sf = s.fonts.small;
    h.caption = unit_in_header
                    ? (d.units.front() == "procentpoint" ? "Procentpoint" : "Antal " + d.units.front())
                    : "";
    const std::string& caption = h.caption;
    h.caption_w = caption.empty() ? 0 : text_size(sf, caption).x;
    float legend_w = 0;  // the legend on one line
    for (size_t i = 0; i < d.series.size(); ++i)
        legend_w += std::round(lf->FontSize * 0.75f) + s.unit * 0.6f + text_size(lf, d.series[i]).x +
                    (i ? s.unit * 2 : 0);
    h.caption_beside = caption.empty() || legend_w + s.unit * 2 + h.caption_w <= area.w();
    h.legend_box = {area.x0, area.y0,
                    h.caption_beside ? area.x1 - h.caption_w - (caption.empty() ? 0 : s.unit * 2) : area.x1,
                    area.y1};
    float legend_h = plan_group_legend(s, h.legend_box, d.series, lf).height;
    h.caption_y = h.caption_beside ? (lf->FontSize - sf->FontSize) * 0.5f : legend_h + s.unit * 0.4f;
    if (!h.caption_beside) legend_h = h.caption_y + sf->FontSize;
    h.height = legend_h + s.unit * 1.5f;
    return h;
}

// The order, the figures and the scale of the groups.
static void plan_figures(Groups& g, bool unit_in_header, const feeds::ViewOptions& opt) {
    const GroupedData& d = g.d;
    std::vector<std::optional<double>> first;  // sorted by the first series
    for (const auto& gr : d.groups) {
        first.push_back(gr.values.empty() ? std::nullopt : gr.values.front());
        g.highlighted.push_back(gr.highlight);
    }
    g.order = sorted_order(first, opt.sort);
    g.texts.resize(d.groups.size());
    std::vector<double> values;
    for (size_t gi = 0; gi < d.groups.size(); ++gi)
        for (int l = 0; l < g.k; ++l) {
            const auto& v = d.groups[gi].values[l];
            std::string t = std::string(kNoValue);
            if (v) {
                t = unit_in_header ? bar_value_text(*v, d.units[l], opt.decimals)
                                   : format_value(*v, d.units[l], opt.decimals);
                values.push_back(*v);
            }
            g.texts[gi].push_back(std::move(t));
        }
    g.scale = bar_scale(values);
    g.gap = g.s.unit;
    g.compact_ok = g.k >= 2 && g.scale.lo >= 0;
}

// A group's figures in series order: "3.565 → 3.480" for two (the legend's order is time's
// in every bundled use), "a · b · c" for more.
static std::string joined(const Groups& g, int gi) {
    std::string out;
    for (int l = 0; l < g.k; ++l) {
        if (l > 0) out += g.k == 2 ? " \u2192 " : " \u00B7 ";
        out += g.texts[size_t(gi)][size_t(l)];
    }
    return out;
}

// The figures' widths either side of the bars, and the highlight marker's.
static void figure_widths(const Groups& g, Layout& p) {
    p.pos_w = p.neg_w = 0;
    bool any_highlight = false;
    for (int gi : p.shown) {
        any_highlight = any_highlight || g.d.groups[gi].highlight;
        if (p.compact) {
            p.pos_w = std::max(p.pos_w, text_size(p.fonts.value, joined(g, gi)).x);
            continue;
        }
        for (int l = 0; l < g.k; ++l) {
            const auto& v = g.d.groups[gi].values[l];
            float& side = v && *v < 0 ? p.neg_w : p.pos_w;
            side = std::max(side, text_size(p.fonts.value, g.texts[gi][l]).x);
        }
    }
    p.marker_w = any_highlight ? p.fonts.label->FontSize * 0.9f : 0;
}

// Lays out the first n groups in `f`, side or stacked; false when a name does not fit whole.
static bool try_layout(Groups& g, GroupFonts f, bool stacked, int n, float height, Layout& p,
                       bool compact = false) {
    const Rect area = g.area;
    p = Layout{};
    p.fonts = f;
    p.stacked = stacked;
    p.compact = compact;
    // Stacked bars may be thinner: their name is above them, not beside them.
    p.pitch = f.value->FontSize * (compact ? 0.6f : stacked ? 1.05f : 1.2f);
    p.group_gap = std::max(p.pitch * 0.7f, g.s.unit);
    // Each group is at least its bars high: more groups than that many fit are not planned
    // (a group's height to spare for rounding), so a long list costs no more than a short one.
    const float least = p.pitch * float(g.k);
    if (float(n) * least + float(n - 1) * p.group_gap > height + least) return false;
    g.steps += n;
    p.shown = pick_shown(g.order, g.highlighted, n);
    figure_widths(g, p);
    const float bars_h = p.pitch * float(g.k);
    float label_room = 0;
    if (!stacked) {
        float widest = 0;
        for (int gi : p.shown)
            widest = std::max(
                widest, text_size(g.d.groups[gi].highlight ? f.label_bold : f.label, g.d.groups[gi].label).x);
        // At most a third of the width, less when the names wrap anyway.
        // (A pixel more than the widest name, so float rounding never shortens it.)
        label_room = std::ceil(std::min(widest, area.w() * 0.34f)) + 1;
        p.label_w = label_room;
    } else {
        label_room = area.w() - p.marker_w;
    }
    // The figures either side must leave the bars some room: else the figures would spill.
    const float track_w =
        area.w() - p.marker_w - (stacked ? 0 : p.label_w + g.gap) - p.pos_w - p.neg_w - g.gap * 1.2f;
    if (track_w < g.s.unit * 3) return false;
    float used = 0;
    for (int gi : p.shown) {
        const ImFont* lf2 = g.d.groups[gi].highlight ? f.label_bold : f.label;
        const float line_h = lf2->FontSize * 1.15f;
        const int max_lines = stacked ? 2 : std::max(1, int((bars_h - lf2->FontSize) / line_h) + 1);
        const auto lines = wrap_whole(lf2, g.d.groups[gi].label, label_room, max_lines);
        if (!lines) return false;
        p.lines.push_back(*lines);
        const float text_h = lf2->FontSize + line_h * float(lines->size() - 1);
        const float gh = stacked ? text_h + g.s.unit * 0.4f + bars_h : bars_h;
        p.group_h.push_back(gh);
        used += gh + (used > 0 ? p.group_gap : 0);
    }
    p.block_h = used;
    return used <= height;
}

// The first layout in which all `wanted` groups fit `height`: full bars before compact ones,
// the body type before the small one.
static bool fits_all(Groups& g, int wanted, float height, Layout& out) {
    const ViewStyle& s = g.s;
    for (bool compact : {false, true}) {
        if (compact && !g.compact_ok) break;
        // A tall area: names above full-width bars first (the width is what is short there).
        const bool tall = g.area.h() > g.area.w() * 1.2f;
        for (bool stacked : {tall, !tall})
            for (GroupFonts f : {GroupFonts{s.fonts.body, s.fonts.body_bold, s.fonts.body_bold},
                                 GroupFonts{s.fonts.small, s.fonts.small, s.fonts.small}})
                if (try_layout(g, f, stacked, wanted, height, out, compact)) return true;
    }
    return false;
}

// The layout of as many of `wanted` groups as fit `body` (whose bottom gives room to the hidden
// note when not all fit); false when not even one group fits.
static bool choose_layout(Groups& g, int wanted, int total, Rect& body, Layout& plan) {
    const ViewStyle& s = g.s;
    if (wanted < total) body.y1 -= hidden_note_height(s);
    if (fits_all(g, wanted, body.h(), plan)) return true;
    // Not every group fits: the most that do in the small type, names whole where possible.
    if (wanted == total) body.y1 -= hidden_note_height(s);
    const GroupFonts f{s.fonts.small, s.fonts.small, s.fonts.small};
    int n = wanted;
    for (; n > 0; --n)
        if (try_layout(g, f, false, n, body.h(), plan) || try_layout(g, f, true, n, body.h(), plan) ||
            (g.compact_ok && (try_layout(g, f, false, n, body.h(), plan, true) ||
                              try_layout(g, f, true, n, body.h(), plan, true))))
            return true;
    // Even one group will not fit whole: shorten its name (a reported problem).
    plan = Layout{};
    plan.fonts = f;
    plan.shown = pick_shown(g.order, g.highlighted, 1);
    plan.pitch = f.value->FontSize * 1.2f;
    plan.group_gap = s.unit;
    figure_widths(g, plan);
    plan.label_w = g.area.w() * 0.34f;
    plan.lines.push_back(wrap_lines(f.label, g.d.groups[plan.shown[0]].label, plan.label_w, 1));
    plan.group_h.push_back(plan.pitch * float(g.k));
    plan.block_h = plan.group_h.back();
    return plan.block_h <= body.h();
}

namespace {

// Where the bars run, and how the shown groups spread over the body's height.
struct Track {
    float label_x0 = 0, x0 = 0, x1 = 0, zero_x = 0;
    float pitch = 0, group_gap = 0, block_h = 0, top = 0, shift = 0;
};

}  // namespace

static Track plan_track(const Groups& g, const Layout& plan, Rect body) {
    const Rect area = g.area;
    Track t;
    t.label_x0 = area.x0 + plan.marker_w;
    t.x0 = (plan.stacked ? area.x0 : t.label_x0 + plan.label_w + g.gap) +
           (plan.neg_w > 0 ? plan.neg_w + g.gap * 0.6f : 0);
    t.x1 = std::max(t.x0 + 1, area.x1 - plan.pos_w - g.gap * 0.6f);
    t.zero_x = bar_x(g.scale, t.x0, t.x1, 0);
    // Few groups get thicker bars, up to half as thick again, and wider gaps; the legend and the
    // groups are centred together.
    const float max_grow = area.h() > area.w() * 1.2f ? 1.6f : plan.stacked ? 1.25f : 1.5f;
    const float grow = std::clamp(body.h() / std::max(1.0f, plan.block_h), 1.0f, max_grow);
    t.pitch = plan.pitch * grow;
    const float n_gaps = float(plan.shown.size() - 1);
    float labels_h = 0;
    for (size_t i = 0; i < plan.shown.size(); ++i) labels_h += plan.group_h[i] - plan.pitch * float(g.k);
    t.group_gap = plan.group_gap * grow;
    t.block_h = labels_h + t.pitch * float(g.k) * float(plan.shown.size()) + t.group_gap * n_gaps;
    if (t.block_h > body.h()) {  // the growth is only for room that is there
        t.group_gap = plan.group_gap;
        t.block_h = labels_h + t.pitch * float(g.k) * float(plan.shown.size()) + t.group_gap * n_gaps;
    }
    t.shift = std::floor(std::max(0.0f, (body.h() - t.block_h) * 0.5f));
    t.top = body.y0 + t.shift;
    return t;
}

// The bars and figures of shown group `i`, its bars starting at y `by`.
static void plan_bars(const Groups& g, const Layout& plan, const Track& t, size_t i, float by,
                      GroupMarks& m) {
    const ViewStyle& s = g.s;
    const int gi = plan.shown[i];
    const GroupedData::Group& gr = g.d.groups[gi];
    const ImFont* vf = plan.fonts.value;
    const float pitch = t.pitch;
    const float bars_h = pitch * float(g.k);
    if (plan.compact) {  // thin bars, the figures as one text beside the longest
        float end_max = t.zero_x;
        for (int l = 0; l < g.k; ++l) {
            const auto& v = gr.values[l];
            if (!v) continue;
            const float cy = by + pitch * (float(l) + 0.5f);
            const float end_x = bar_x(g.scale, t.x0, t.x1, *v);
            end_max = std::max(end_max, end_x);
            m.series.push_back({BarMark{t.zero_x, end_x, cy - pitch * 0.4f, cy + pitch * 0.4f,
                                        s.theme.series[l % kMaxGroupSeries]},
                                std::nullopt});
        }
        const float ty = std::floor(by + (bars_h - vf->FontSize) * 0.5f);
        m.joined = TextAt{vf, {std::floor(end_max + g.gap * 0.6f), ty}, s.theme.text, joined(g, gi)};
        return;
    }
    for (int l = 0; l < g.k; ++l) {
        const float cy = by + pitch * (float(l) + 0.5f);
        const float ty = std::floor(cy - vf->FontSize * 0.5f);
        const auto& v = gr.values[l];
        const std::string& text = g.texts[gi][l];
        if (!v) {
            m.series.push_back(
                {std::nullopt,
                 TextAt{vf, {std::floor(t.zero_x + g.gap * 0.5f), ty}, s.theme.text_muted, text}});
            continue;
        }
        const float end_x = bar_x(g.scale, t.x0, t.x1, *v);
        const BarMark bar{t.zero_x, end_x, cy - pitch * 0.39f, cy + pitch * 0.39f,
                          s.theme.series[l % kMaxGroupSeries]};
        const float tw = text_size(vf, text).x;
        const float tx = *v < 0 ? end_x - g.gap * 0.6f - tw : std::max(end_x, t.zero_x) + g.gap * 0.6f;
        m.series.push_back({bar, TextAt{vf, {std::floor(tx), ty}, s.theme.text, text}});
    }
}

// Every shown group: its marker, name, bars and figures, top to bottom.
static std::vector<GroupMarks> plan_groups(const Groups& g, const Layout& plan, const Track& t) {
    const ViewStyle& s = g.s;
    const Rect area = g.area;
    std::vector<GroupMarks> out;
    float gy = t.top;
    for (size_t i = 0; i < plan.shown.size(); ++i) {
        const GroupedData::Group& gr = g.d.groups[plan.shown[i]];
        const auto& lines = plan.lines[i];
        const ImFont* f = gr.highlight ? plan.fonts.label_bold : plan.fonts.label;
        const float line_h = f->FontSize * 1.15f;
        const float text_h = f->FontSize + line_h * float(lines.size() - 1);
        const float bars_h = t.pitch * float(g.k);
        // The name: above the bars (stacked), or centred on the group left of them.
        float ly = plan.stacked ? gy : gy + (bars_h - text_h) * 0.5f;
        const float by = plan.stacked ? gy + text_h + s.unit * 0.4f : gy;
        GroupMarks m;
        if (gr.highlight)
            m.marker = RectMark{{area.x0, ly, area.x0 + plan.marker_w, ly + f->FontSize}, s.theme.highlight};
        // Stacked names start at the edge, as their bars do; only a highlighted one steps in.
        const float lx0 = plan.stacked && !gr.highlight ? area.x0 : t.label_x0;
        for (const auto& l : lines) {
            m.name.push_back({f,
                              {lx0, ly, plan.stacked ? area.x1 : t.label_x0 + plan.label_w, ly + f->FontSize},
                              s.theme.text,
                              l});
            ly += line_h;
        }
        plan_bars(g, plan, t, i, by, m);
        out.push_back(std::move(m));
        gy = by + bars_h + t.group_gap;
    }
    return out;
}

GroupedPlan plan_grouped_bars(const ViewStyle& s, Rect area, const GroupedData& d,
                              const feeds::ViewOptions& opt) {
    GroupedPlan out;
    const int total = int(d.groups.size());
    const int k = int(d.series.size());
    if (total == 0 || k == 0) {
        out.empty = true;
        return out;
    }
    bool one_unit = true;
    for (const auto& u : d.units) one_unit = one_unit && u == d.units.front();
    const bool unit_in_header = one_unit && !unit_is_compact(d.units.front());
    // The legend and caption are placed once the chart's height is known, so they sit together
    // with it in the middle of the area.
    const Header head = plan_header(s, area, d, unit_in_header);
    Rect body = {area.x0, area.y0 + head.height, area.x1, area.y1};
    Groups g{s, area, d, k, {}, {}, {}, {}, 0, false, 0};
    plan_figures(g, unit_in_header, opt);
    const int wanted = opt.limit > 0 ? std::min(opt.limit, total) : total;
    const Rect full = body;
    Layout plan;
    const bool fits = choose_layout(g, wanted, total, body, plan);
    out.layout_steps = g.steps;
    if (!fits) {
        out.nothing = true;
        return out;
    }
    out.note_area = {area.x0, area.y0, area.x1, full.y1};
    out.shown = int(plan.shown.size());
    out.total = total;
    out.noun = d.noun;
    const Track t = plan_track(g, plan, body);
    if (!head.caption.empty()) {
        const ImFont* sf = s.fonts.small;
        const float cy = area.y0 + t.shift + head.caption_y;
        if (head.caption_beside)
            out.caption = TextIn{sf,
                                 {area.x1 - head.caption_w, cy, area.x1, cy + sf->FontSize},
                                 s.theme.text_muted,
                                 head.caption,
                                 Align::Right};
        else
            out.caption =
                TextIn{sf, {area.x0, cy, area.x1, cy + sf->FontSize}, s.theme.text_muted, head.caption};
    }
    const Rect lb = head.legend_box;
    out.legend = plan_group_legend(s, {lb.x0, lb.y0 + t.shift, lb.x1, lb.y1}, d.series, head.legend_font);
    if (g.scale.lo < 0)
        out.zero_line = LineMark{
            {t.zero_x, t.top}, {t.zero_x, t.top + t.block_h}, s.theme.grid, std::max(1.0f, s.unit * 0.15f)};
    out.stacked = plan.stacked;
    out.compact = plan.compact;
    out.shown_groups = plan.shown;
    out.groups = plan_groups(g, plan, t);
    return out;
}
