#include "app/views/bar_chart_plan.h"

#include <algorithm>
#include <cmath>

#include "app/danish_format.h"

std::string reference_text(const feeds::ReferenceLine& ref, std::string_view unit,
                           std::optional<int> decimals) {
    return ref.label + ": " + format_value(ref.value, unit, decimals);
}

BarKey bar_key(const ViewStyle& s, float x, float y, ImU32 color, float th, std::string_view text, float x1) {
    const ImFont* sf = s.fonts.small;
    return {{{std::round(x), y, std::round(x) + th, y + sf->FontSize}, color},
            {sf, {x + th + s.unit * 0.6f, y, x1, y + sf->FontSize}, s.theme.text, std::string(text)}};
}

static std::string unit_caption(std::string_view unit) {
    if (unit == "procentpoint") return "Procentpoint";
    return "Antal " + std::string(unit);
}

// The label column of the side layout: what the labels need, at most 45 % of the width, and
// never so much that the track gets less than a third. Labels must fit it whole.
static float side_label_room(float width, float fixed) {
    return std::min(width * 0.45f, width * 0.67f - fixed);
}

namespace {

// What every candidate layout works from.
struct Bars {
    const ViewStyle& s;
    Rect area;
    const BarData& d;
    const feeds::ViewOptions& opt;
    bool unit_in_header = false;
    bool any_target = false;
    float gap = 0;
    float th = 0;  // target line thickness
};

// The side layout's figures and widths in one font, for the rows shown.
struct Side {
    std::vector<std::string> texts;  // per shown row
    float pos_w = 0, neg_w = 0, label_w = 0, mark_w = 0, marker_w = 0;
};

// The side layout's font and rows.
struct SideFit {
    const ImFont* font = nullptr;  // none: the labels do not sit beside their bars
    const ImFont* bold = nullptr;
    RowFit fit;
};

}  // namespace

static Side side_of(const Bars& b, const ImFont* f, const ImFont* bf, const std::vector<int>& shown) {
    Side sd;
    const float value_cap = b.area.w() * 0.3f;
    bool any_highlight = false;
    for (int i : shown) {
        const BarItem& it = b.d.items[i];
        std::string t(kNoValue);
        if (it.value) {
            t = b.unit_in_header ? bar_value_text(*it.value, it.unit, b.opt.decimals)
                                 : format_value(*it.value, it.unit, b.opt.decimals);
            // A long unit is dropped (the header or label names the thing).
            if (text_size(bf, t).x > value_cap) t = bar_value_text(*it.value, it.unit, b.opt.decimals);
            // Too long even bare: no side layout; stacked rows give figures the full width.
            if (text_size(bf, t).x > value_cap) sd.label_w = 1e9f;
            if (const auto met = target_met(*it.value, it.target))
                sd.mark_w = std::max(sd.mark_w, target_mark_width(b.s, f, *met));
        }
        const bool negative = it.value && *it.value < 0;
        float& side = negative ? sd.neg_w : sd.pos_w;
        side = std::max(side, text_size(bf, t).x);
        sd.label_w = std::max(sd.label_w, text_size(it.highlight ? bf : f, it.label).x);
        any_highlight = any_highlight || it.highlight;
        sd.texts.push_back(std::move(t));
    }
    sd.marker_w = any_highlight ? f->FontSize * 0.9f : 0;
    return sd;
}

static float side_fixed(const Bars& b, const Side& sd) {
    return sd.pos_w + (sd.neg_w > 0 ? sd.neg_w + b.gap : 0) + b.gap * 2 + sd.marker_w +
           (sd.mark_w > 0 ? sd.mark_w + b.gap : 0) + (b.any_target ? b.th : 0);
}

// The largest font in which the labels sit whole beside their bars, all wanted rows if
// possible.
static SideFit fit_side(const Bars& b, Rect rows_area, const BarPlan& p,
                        const std::vector<bool>& highlighted) {
    const ViewStyle& s = b.s;
    const int count = int(b.d.items.size()), wanted = p.wanted;
    SideFit out;
    for (auto [f, bf] :
         {std::pair{s.fonts.body, s.fonts.body_bold}, std::pair{s.fonts.small, s.fonts.small}}) {
        RowFit ft = fit_rows(rows_area.h() - (wanted < count ? hidden_note_height(s) : 0), wanted,
                             f->FontSize * 1.4f, f->FontSize * 2.4f);
        if (ft.shown < count && wanted == count)
            ft = fit_rows(rows_area.h() - hidden_note_height(s), wanted, f->FontSize * 1.4f,
                          f->FontSize * 2.4f);
        if (ft.shown <= 0) continue;
        const Side sd = side_of(b, f, bf, pick_shown(p.order, highlighted, ft.shown));
        if (sd.label_w > side_label_room(b.area.w(), side_fixed(b, sd))) continue;
        out = {f, bf, ft};
        if (ft.shown == wanted) break;
    }
    return out;
}

namespace {

// Where the side layout's columns and rows go.
// Columns: [marker][label] gap [negative figures] [track] [positive figures] [mark]
struct Columns {
    float marker_w = 0, label_x1 = 0, track_x0 = 0, track_x1 = 0, mark_x0 = 0, zero_x = 0;
    float pitch = 0, top = 0, block_h = 0, bar_h = 0, header_y0 = 0;
    BarScale scale;
    std::optional<float> ref_x;
    float ref_th = 0;
};

}  // namespace

static Columns side_columns(const Bars& b, const Side& sd, const BarScale& scale, const RowFit& fit,
                            int shown, Rect rows_area, float header_h, const ImFont* font) {
    const Rect area = b.area;
    const float gap = b.gap;
    Columns k;
    k.scale = scale;
    // (A pixel more than the widest label, so float rounding never shortens it.)
    const float label_w = std::ceil(std::min(sd.label_w, side_label_room(area.w(), side_fixed(b, sd)))) + 1;
    k.marker_w = sd.marker_w;
    k.label_x1 = area.x0 + k.marker_w + label_w;
    k.track_x0 = k.label_x1 + gap + (sd.neg_w > 0 ? sd.neg_w + gap : 0);
    k.mark_x0 = area.x1 - sd.mark_w;
    // A figure may have to step over a target line at the track's end: room for that too.
    k.track_x1 = std::max(k.track_x0 + 1, area.x1 - sd.pos_w - gap * 0.6f - (b.any_target ? b.th : 0) -
                                              (sd.mark_w > 0 ? sd.mark_w + gap : 0));
    k.zero_x = bar_x(scale, k.track_x0, k.track_x1, 0);
    // Centre the block vertically when a few thick rows leave room.
    k.pitch = fit.pitch;
    k.block_h = fit.pitch * float(shown);
    k.top = rows_area.y0 + std::max(0.0f, (rows_area.h() - k.block_h) * 0.5f);
    k.bar_h = std::min(fit.pitch * 0.62f, font->FontSize * 1.5f);
    k.header_y0 = k.top - header_h;
    if (b.opt.reference) k.ref_x = std::round(bar_x(scale, k.track_x0, k.track_x1, b.opt.reference->value));
    k.ref_th = std::round(std::max(2.0f, b.th * 0.7f));
    return k;
}

static std::optional<float> target_x(const Columns& k, const BarItem& it) {
    if (!it.target) return std::nullopt;
    return std::round(bar_x(k.scale, k.track_x0, k.track_x1, *it.target));
}

// One row: its label (and marker), bar, figure, target mark and miss.
static BarRow plan_row(const Bars& b, const Columns& k, int item, size_t at, const std::string& value_text,
                       const ImFont* font, const ImFont* bold) {
    const ViewStyle& s = b.s;
    const Rect area = b.area;
    const float gap = b.gap, th = b.th, bar_h = k.bar_h, zero_x = k.zero_x;
    const BarItem& it = b.d.items[item];
    BarRow r;
    r.item = item;
    const float cy = k.top + k.pitch * (float(at) + 0.5f);
    const ImFont* lf = it.highlight ? bold : font;
    const Rect text_row = {0, cy - font->FontSize * 0.5f, 0, cy + font->FontSize * 0.5f};
    r.label = {lf,
               {area.x0 + k.marker_w, text_row.y0, k.label_x1, text_row.y1},
               s.theme.text,
               it.label,
               Align::Right};
    const float lw = text_size(lf, ellipsize(lf, it.label, r.label.box.w())).x;  // as drawn
    if (it.highlight)
        r.marker = Rect{k.label_x1 - lw - k.marker_w, text_row.y0, k.label_x1 - lw, text_row.y1};
    if (!it.value) {
        r.no_value = TextIn{
            font, {zero_x + gap * 0.5f, text_row.y0, area.x1, text_row.y1}, s.theme.text_muted, value_text};
        return r;
    }
    const float end_x = bar_x(k.scale, k.track_x0, k.track_x1, *it.value);
    r.bar = BarMark{zero_x, end_x, cy - bar_h * 0.5f, cy + bar_h * 0.5f,
                    it.highlight ? s.theme.highlight : s.theme.bar};
    const auto ref_x = k.ref_x;
    if (ref_x && *ref_x < std::max(end_x, zero_x) && *ref_x > std::min(end_x, zero_x))
        // Over a bar the reference shows in the background colour, a notch.
        r.notch = RectMark{
            {*ref_x - k.ref_th * 0.5f, cy - bar_h * 0.5f, *ref_x + k.ref_th * 0.5f, cy + bar_h * 0.5f},
            s.theme.background};
    const float vw = text_size(bold, value_text).x;
    float vx = *it.value < 0 ? end_x - gap * 0.6f - vw : std::max(end_x, zero_x) + gap * 0.6f;
    // A target or reference line just past the bar's end would strike through the figure:
    // the figure steps over it. track_x1 keeps room for a figure after the farthest target.
    for (const auto lx : {target_x(k, it), ref_x})
        if (lx && *lx + th >= vx - gap * 0.3f && *lx - th <= vx + vw + gap * 0.3f)
            vx = *it.value < 0 ? *lx - th - gap * 0.6f - vw : *lx + th + gap * 0.6f;
    r.figure = TextAt{bold, {std::floor(vx), std::floor(text_row.y0)}, s.theme.text, value_text};
    if (const auto met = target_met(*it.value, it.target)) {
        r.met = *met;
        r.target_mark = ImVec2{k.mark_x0, text_row.y0};
    }
    // A miss: the distance still to go, outlined in the not-met colour.
    if (const auto tx = target_x(k, it); tx && !(*it.value >= *it.target) && *tx > end_x + 1)
        r.miss = Rect{end_x, cy - bar_h * 0.5f, *tx, cy + bar_h * 0.5f};
    return r;
}

// Keys: the reference over its line; targets as one labelled line when all agree, else a
// tick per bar and "│ Mål" in the header.
static void plan_keys(const Bars& b, const Columns& k, const std::vector<int>& shown,
                      const std::vector<double>& targets, BarPlan& p) {
    const ViewStyle& s = b.s;
    const Rect area = b.area;
    const auto& opt = b.opt;
    const ImFont* sf = s.fonts.small;
    float key_x = k.track_x0;
    if (k.ref_x) {
        const std::string label = reference_text(*opt.reference, p.shared_unit, opt.decimals);
        // The stroke continues the line; the words go right of it, or left when there is no room.
        const float lw = text_size(sf, label).x, pad = s.unit * 0.6f;
        const float x = *k.ref_x - k.ref_th * 0.5f;
        p.reference_stroke = RectMark{{x, k.header_y0, x + k.ref_th, k.top}, s.theme.text_muted};
        float tx = x + k.ref_th + pad;
        if (tx + lw > area.x1) tx = std::max(k.track_x0, x - pad - lw);
        p.reference_label = TextAt{sf, {std::floor(tx), k.header_y0}, s.theme.text, label};
        key_x = std::max(tx + lw, x + k.ref_th) + s.unit * 2;
    }
    if (targets.empty()) return;
    // One shared line when every bar has the same target, else a tick per bar.
    const bool same_target = std::all_of(shown.begin(), shown.end(), [&](int i) {
        return b.d.items[i].target && *b.d.items[i].target == targets.front();
    });
    if (same_target) {
        const float tx = *target_x(k, b.d.items[shown.front()]);
        p.target_line = LineMark{{tx, k.top - s.unit * 0.3f}, {tx, k.top + k.block_h}, s.theme.target, b.th};
        const std::string label = "Mål: " + bar_value_text(targets.front(), p.shared_unit, opt.decimals);
        const float w = text_size(sf, label).x;
        const float lx =
            std::clamp(tx - w * 0.5f, std::max(k.track_x0, key_x), std::max(k.track_x0, area.x1 - w));
        p.target_label =
            TextIn{sf, {lx, k.header_y0, area.x1, k.header_y0 + sf->FontSize}, s.theme.text, label};
        return;
    }
    for (size_t i = 0; i < shown.size(); ++i) {
        const BarItem& it = b.d.items[shown[i]];
        if (!it.target) continue;
        const float cy = k.top + k.pitch * (float(i) + 0.5f);
        const float tx = *target_x(k, it);
        p.target_ticks.push_back(
            {{tx, cy - k.bar_h * 0.75f}, {tx, cy + k.bar_h * 0.75f}, s.theme.target, b.th});
    }
    // The key says the figure when a single bar has a target: "│ Mål: 39 %".
    std::string key = "Mål";
    for (int i : shown)
        if (targets.size() == 1 && b.d.items[i].target)
            key += ": " + bar_value_text(*b.d.items[i].target, b.d.items[i].unit, opt.decimals);
    p.target_key = bar_key(s, key_x, k.header_y0, s.theme.target, b.th, key, area.x1);
}

// Full-width bars: headroom past the farthest bar, target or reference, so their ticks never
// sit on the track's very end.
static BarScale stacked_scale(const BarData& d, const feeds::ViewOptions& opt) {
    std::vector<double> all_values, extras;
    for (const auto& it : d.items) {
        if (it.value) all_values.push_back(*it.value);
        if (it.target) extras.push_back(*it.target);
    }
    if (opt.reference) extras.push_back(opt.reference->value);
    BarScale sc = bar_scale(all_values, extras);
    if (!extras.empty()) sc.hi = sc.hi > 0 ? sc.hi * 1.08 : sc.hi;
    return sc;
}

BarPlan plan_bar_chart(const ViewStyle& s, Rect area, const BarData& d, const feeds::ViewOptions& opt) {
    BarPlan p;
    const int count = int(d.items.size());
    if (count == 0) {
        p.empty = true;
        return p;
    }
    // One unit for every bar: said once in the header unless it reads well after each figure.
    bool one_unit = true;
    for (const auto& it : d.items) one_unit = one_unit && it.unit == d.items.front().unit;
    p.shared_unit = one_unit ? d.items.front().unit : "";
    Bars b{s,
           area,
           d,
           opt,
           one_unit && !unit_is_compact(p.shared_unit),
           false,
           s.unit,
           std::max(2.0f, s.unit * 0.3f)};
    std::vector<std::optional<double>> values;
    std::vector<bool> highlighted;
    for (const auto& it : d.items) {
        values.push_back(it.value);
        highlighted.push_back(it.highlight);
        b.any_target = b.any_target || it.target.has_value();
    }
    p.order = sorted_order(values, opt.sort);
    p.wanted = opt.limit > 0 ? std::min(opt.limit, count) : count;
    const bool any_ref = opt.reference.has_value();
    const float header_h =
        (b.unit_in_header || b.any_target || any_ref) ? s.fonts.small->FontSize + s.unit : 0;
    Rect rows_area = {area.x0, area.y0 + header_h, area.x1, area.y1};
    const SideFit side = fit_side(b, rows_area, p, highlighted);
    if (!side.font) {
        p.stacked = true;
        p.stacked_scale = stacked_scale(d, opt);
        return p;
    }
    if (side.fit.shown < count) rows_area.y1 -= hidden_note_height(s);
    const std::vector<int> shown = pick_shown(p.order, highlighted, side.fit.shown);
    p.shown = int(shown.size());
    p.total = count;
    const Side sd = side_of(b, side.font, side.bold, shown);
    std::vector<double> shown_values, targets;
    for (int i : shown) {
        if (d.items[i].value) shown_values.push_back(*d.items[i].value);
        if (d.items[i].target) targets.push_back(*d.items[i].target);
    }
    std::vector<double> scale_extras = targets;
    if (any_ref) scale_extras.push_back(opt.reference->value);
    const Columns k = side_columns(b, sd, bar_scale(shown_values, scale_extras), side.fit, int(shown.size()),
                                   rows_area, header_h, side.font);
    // The unit over the labels, or over the whole width when no key shares the header.
    if (b.unit_in_header)
        p.unit_caption = TextIn{s.fonts.small,
                                {area.x0, k.header_y0, b.any_target || any_ref ? k.track_x0 - b.gap : area.x1,
                                 k.header_y0 + s.fonts.small->FontSize},
                                s.theme.text_muted,
                                unit_caption(p.shared_unit)};
    if (k.scale.lo < 0)
        p.zero_line = LineMark{
            {k.zero_x, k.top}, {k.zero_x, k.top + k.block_h}, s.theme.grid, std::max(1.0f, s.unit * 0.15f)};
    if (k.ref_x)  // under the bars: where a bar reaches past it, the bar covers it
        p.reference_line = RectMark{{*k.ref_x - k.ref_th * 0.5f, k.top - s.unit * 0.3f,
                                     *k.ref_x + k.ref_th * 0.5f, k.top + k.block_h},
                                    s.theme.text_muted};
    for (size_t i = 0; i < shown.size(); ++i)
        p.rows.push_back(plan_row(b, k, shown[i], i, sd.texts[i], side.font, side.bold));
    p.mark_font = side.font;
    plan_keys(b, k, shown, targets, p);
    return p;
}
