// One horizontal bar per item. Horizontal because Danish labels are long ("Lolland",
// "Guldborgsund", "Korte vejledningsforløb") and read best left of their bar, on one line.
//
//   [▶] name   ████████████ 12,3 %        a header row above holds "Mål: 600" and the unit
//      name ▐█████          8,1 %         when it is not repeated after every figure
//
// Negative values grow left from a zero line; their figures sit left of the bar end.
#include <algorithm>
#include <cmath>
#include <optional>
#include <string>
#include <vector>

#include "app/danish_format.h"
#include "app/view.h"
#include "app/views/bar_layout.h"
#include "app/views/stacked_rows.h"

namespace {

struct BarItem {
    std::string label;
    std::optional<double> value;
    std::optional<double> target;
    std::string unit;
    bool highlight = false;
};

struct BarData {
    std::vector<BarItem> items;
    std::string noun;  // for "Viser 10 af 17 kommuner"
};

}  // namespace

static BarData from_indicators(const feeds::IndicatorSet& set, const ViewInput& in) {
    const auto& opt = in.slide.options;
    BarData d;
    auto add = [&](const feeds::Indicator& it) {
        d.items.push_back({it.label, it.value, it.target, opt.unit.empty() ? it.unit : opt.unit,
                           is_highlighted(opt, in.home, {it.id, it.label})});
    };
    for (std::size_t i : feeds::picked_positions(opt.columns, item_ids(set))) add(set.items[i]);
    return d;
}

static BarData from_table(const feeds::MunicipalityTable& t, const ViewInput& in) {
    const auto& opt = in.slide.options;
    BarData d;
    d.noun = "kommuner";
    size_t col = 0;
    for (size_t i = 0; i < t.columns.size(); ++i)
        if (!opt.column.empty() && t.columns[i].id == opt.column) col = i;
    const std::string unit = !opt.unit.empty() ? opt.unit : col < t.columns.size() ? t.columns[col].unit : "";
    for (const auto& r : t.rows) {
        std::optional<double> v;
        if (col < r.values.size()) v = r.values[col];
        d.items.push_back({r.name, v, std::nullopt, unit, is_highlighted(opt, in.home, {r.code, r.name})});
    }
    return d;
}

static BarData from_series(const feeds::Series& s, const ViewInput& in) {
    const auto& opt = in.slide.options;
    BarData d;
    if (s.lines.empty()) return d;
    const std::string unit = opt.unit.empty() ? s.unit : opt.unit;
    for (const auto& p : s.lines.front().points)
        d.items.push_back({p.x, p.value, std::nullopt, unit, is_highlighted(opt, in.home, {p.x})});
    return d;
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

// A key above the chart: a short vertical stroke and "Regionen: 10 %" or "Mål: 39 %".
static void draw_key(Canvas& c, const ViewStyle& s, float x, float y, ImU32 color, float th,
                     std::string_view text, float x1) {
    const ImFont* sf = s.fonts.small;
    canvas_rect(c, {std::round(x), y, std::round(x) + th, y + sf->FontSize}, color);
    canvas_text_in(c, sf, {x + th + s.unit * 0.6f, y, x1, y + sf->FontSize}, s.theme.text, text);
}

static std::string reference_text(const feeds::ReferenceLine& ref, std::string_view unit,
                                  std::optional<int> decimals) {
    return ref.label + ": " + format_value(ref.value, unit, decimals);
}

// Labels above full-width bars: portrait screens, and labels too long to sit beside a bar.
static void draw_stacked(Canvas& c, const ViewStyle& s, Rect area, const BarData& d,
                         const feeds::ViewOptions& opt, const std::vector<int>& order, int wanted,
                         const BarScale& scale, const std::string& shared_unit) {
    std::vector<StackRow> rows;
    for (const auto& it : d.items) {
        StackRow r;
        r.label = it.label;
        r.highlight = it.highlight;
        // A figure with a target always says the target; the shorter forms only drop long units.
        if (!it.value)
            r.figures.push_back(std::string(kNoValue));
        else if (it.target)
            for (int form = 0; form < 3; ++form)
                r.figures.push_back(target_figure(*it.value, it.target, it.unit, opt.decimals, form));
        else
            r.figures = {format_value(*it.value, it.unit, opt.decimals),
                         bar_value_text(*it.value, it.unit, opt.decimals)};  // a long unit dropped
        if (it.value) {
            r.value = *it.value;
            r.met = target_met(*it.value, it.target);
            r.target = it.target;
        }
        r.scale = scale;
        if (opt.reference) r.reference = opt.reference->value;
        rows.push_back(std::move(r));
    }
    if (opt.reference) {
        const ImFont* sf = s.fonts.small;
        const float th = std::round(std::max(2.0f, s.unit * 0.3f));
        const std::string key = reference_text(*opt.reference, shared_unit, opt.decimals);
        draw_key(c, s, area.x0, area.y0, s.theme.text_muted, std::round(th * 0.7f), key, area.x1);
        area.y0 += sf->FontSize + s.unit;
    }
    const Fonts& f = s.fonts;
    draw_stacked_rows(
        c, s, area, rows, order, wanted,
        {StackFonts{f.heading, f.heading}, StackFonts{f.body, f.body_bold}, StackFonts{f.small, f.small}},
        d.noun);
}

static void draw_bars(Canvas& c, const ViewStyle& s, Rect area, const BarData& d,
                      const feeds::ViewOptions& opt) {
    const int count = int(d.items.size());
    if (count == 0) return draw_no_items(c, s, area);

    // One unit for every bar: said once in the header unless it reads well after each figure.
    bool one_unit = true;
    for (const auto& it : d.items) one_unit = one_unit && it.unit == d.items.front().unit;
    const std::string shared_unit = one_unit ? d.items.front().unit : "";
    const bool unit_in_header = one_unit && !unit_is_compact(shared_unit);

    std::vector<std::optional<double>> values;
    std::vector<bool> highlighted;
    bool any_target = false;
    for (const auto& it : d.items) {
        values.push_back(it.value);
        highlighted.push_back(it.highlight);
        any_target = any_target || it.target.has_value();
    }
    const std::vector<int> order = sorted_order(values, opt.sort);
    const int wanted = opt.limit > 0 ? std::min(opt.limit, count) : count;
    const bool any_ref = opt.reference.has_value();

    const float gap = s.unit;
    const float header_h = (unit_in_header || any_target || any_ref) ? s.fonts.small->FontSize + s.unit : 0;
    const float th = std::max(2.0f, s.unit * 0.3f);  // target line thickness

    // The side layout's figures and widths in `f`, for the rows `shown`.
    struct Side {
        std::vector<std::string> texts;  // per shown row
        float pos_w = 0, neg_w = 0, label_w = 0, mark_w = 0, marker_w = 0;
    };
    auto side_of = [&](const ImFont* f, const ImFont* b, const std::vector<int>& shown) {
        Side sd;
        const float value_cap = area.w() * 0.3f;
        bool any_highlight = false;
        for (int i : shown) {
            const BarItem& it = d.items[i];
            std::string t(kNoValue);
            if (it.value) {
                t = unit_in_header ? bar_value_text(*it.value, it.unit, opt.decimals)
                                   : format_value(*it.value, it.unit, opt.decimals);
                // A long unit is dropped (the header or label names the thing).
                if (text_size(b, t).x > value_cap) t = bar_value_text(*it.value, it.unit, opt.decimals);
                // Too long even bare: no side layout; stacked rows give figures the full width.
                if (text_size(b, t).x > value_cap) sd.label_w = 1e9f;
                if (const auto met = target_met(*it.value, it.target))
                    sd.mark_w = std::max(sd.mark_w, target_mark_width(s, f, *met));
            }
            const bool negative = it.value && *it.value < 0;
            float& side = negative ? sd.neg_w : sd.pos_w;
            side = std::max(side, text_size(b, t).x);
            sd.label_w = std::max(sd.label_w, text_size(it.highlight ? b : f, it.label).x);
            any_highlight = any_highlight || it.highlight;
            sd.texts.push_back(std::move(t));
        }
        sd.marker_w = any_highlight ? f->FontSize * 0.9f : 0;
        return sd;
    };
    auto side_fixed = [&](const Side& sd) {
        return sd.pos_w + (sd.neg_w > 0 ? sd.neg_w + gap : 0) + gap * 2 + sd.marker_w +
               (sd.mark_w > 0 ? sd.mark_w + gap : 0) + (any_target ? th : 0);
    };

    // The largest font in which the labels sit whole beside their bars, all wanted rows if
    // possible; else labels above full-width bars.
    const ImFont* font = nullptr;
    const ImFont* bold = nullptr;
    Rect rows_area = {area.x0, area.y0 + header_h, area.x1, area.y1};
    RowFit fit;
    for (auto [f, b] :
         {std::pair{s.fonts.body, s.fonts.body_bold}, std::pair{s.fonts.small, s.fonts.small}}) {
        RowFit ft = fit_rows(rows_area.h() - (wanted < count ? hidden_note_height(s) : 0), wanted,
                             f->FontSize * 1.4f, f->FontSize * 2.4f);
        if (ft.shown < count && wanted == count)
            ft = fit_rows(rows_area.h() - hidden_note_height(s), wanted, f->FontSize * 1.4f,
                          f->FontSize * 2.4f);
        if (ft.shown <= 0) continue;
        const Side sd = side_of(f, b, pick_shown(order, highlighted, ft.shown));
        if (sd.label_w > side_label_room(area.w(), side_fixed(sd))) continue;
        font = f;
        bold = b;
        fit = ft;
        if (ft.shown == wanted) break;
    }
    std::vector<double> all_values, extras;
    for (const auto& it : d.items) {
        if (it.value) all_values.push_back(*it.value);
        if (it.target) extras.push_back(*it.target);
    }
    if (any_ref) extras.push_back(opt.reference->value);
    if (!font) {
        // Full-width bars: headroom past the farthest bar, target or reference, so their ticks
        // never sit on the track's very end.
        BarScale sc = bar_scale(all_values, extras);
        if (!extras.empty()) sc.hi = sc.hi > 0 ? sc.hi * 1.08 : sc.hi;
        return draw_stacked(c, s, area, d, opt, order, wanted, sc, shared_unit);
    }

    if (fit.shown < count) rows_area.y1 -= hidden_note_height(s);
    const std::vector<int> shown = pick_shown(order, highlighted, fit.shown);
    draw_hidden_note(c, s, area, int(shown.size()), count, d.noun);
    const Side sd = side_of(font, bold, shown);
    std::vector<double> shown_values, targets;
    for (int i : shown) {
        if (d.items[i].value) shown_values.push_back(*d.items[i].value);
        if (d.items[i].target) targets.push_back(*d.items[i].target);
    }
    std::vector<double> scale_extras = targets;
    if (any_ref) scale_extras.push_back(opt.reference->value);
    const BarScale scale = bar_scale(shown_values, scale_extras);

    // Columns: [marker][label] gap [negative figures] [track] [positive figures] [mark]
    // (A pixel more than the widest label, so float rounding never shortens it.)
    const float label_w = std::ceil(std::min(sd.label_w, side_label_room(area.w(), side_fixed(sd)))) + 1;
    const float marker_w = sd.marker_w;
    const float label_x1 = area.x0 + marker_w + label_w;
    const float track_x0 = label_x1 + gap + (sd.neg_w > 0 ? sd.neg_w + gap : 0);
    const float mark_x0 = area.x1 - sd.mark_w;
    // A figure may have to step over a target line at the track's end: room for that too.
    const float track_x1 = std::max(track_x0 + 1, area.x1 - sd.pos_w - gap * 0.6f - (any_target ? th : 0) -
                                                      (sd.mark_w > 0 ? sd.mark_w + gap : 0));
    const float zero_x = bar_x(scale, track_x0, track_x1, 0);

    // Centre the block vertically when a few thick rows leave room.
    const float block_h = fit.pitch * float(shown.size());
    const float top = rows_area.y0 + std::max(0.0f, (rows_area.h() - block_h) * 0.5f);
    const float bar_h = std::min(fit.pitch * 0.62f, font->FontSize * 1.5f);

    // Header: the unit over the labels; the reference and "Mål" keys over the track.
    const float header_y0 = top - header_h;
    // The unit over the labels, or over the whole width when no key shares the header.
    if (unit_in_header)
        canvas_text_in(c, s.fonts.small,
                       {area.x0, header_y0, any_target || any_ref ? track_x0 - gap : area.x1,
                        header_y0 + s.fonts.small->FontSize},
                       s.theme.text_muted, unit_caption(shared_unit));

    if (scale.lo < 0)
        canvas_line(c, {zero_x, top}, {zero_x, top + block_h}, s.theme.grid, std::max(1.0f, s.unit * 0.15f));

    // Target lines: one shared line when every bar has the same target, else a tick per bar.
    const bool same_target = !targets.empty() && std::all_of(shown.begin(), shown.end(), [&](int i) {
        return d.items[i].target && *d.items[i].target == targets.front();
    });
    auto target_x = [&](const BarItem& it) -> std::optional<float> {
        if (!it.target) return std::nullopt;
        return std::round(bar_x(scale, track_x0, track_x1, *it.target));
    };
    const std::optional<float> ref_x =
        any_ref ? std::optional<float>(std::round(bar_x(scale, track_x0, track_x1, opt.reference->value)))
                : std::nullopt;
    const float ref_th = std::round(std::max(2.0f, th * 0.7f));
    if (ref_x)  // under the bars: where a bar reaches past it, the bar covers it
        canvas_rect(c, {*ref_x - ref_th * 0.5f, top - s.unit * 0.3f, *ref_x + ref_th * 0.5f, top + block_h},
                    s.theme.text_muted);

    for (size_t k = 0; k < shown.size(); ++k) {
        const BarItem& it = d.items[shown[k]];
        const std::string& value_text = sd.texts[k];
        const float cy = top + fit.pitch * (float(k) + 0.5f);
        const ImFont* lf = it.highlight ? bold : font;
        const Rect text_row = {0, cy - font->FontSize * 0.5f, 0, cy + font->FontSize * 0.5f};

        const float lw = canvas_text_in(c, lf, {area.x0 + marker_w, text_row.y0, label_x1, text_row.y1},
                                        s.theme.text, it.label, Align::Right);
        if (it.highlight)
            draw_row_marker(c, {label_x1 - lw - marker_w, text_row.y0, label_x1 - lw, text_row.y1},
                            s.theme.highlight);

        if (!it.value) {
            canvas_text_in(c, font, {zero_x + gap * 0.5f, text_row.y0, area.x1, text_row.y1},
                           s.theme.text_muted, value_text);
            continue;
        }
        const float end_x = bar_x(scale, track_x0, track_x1, *it.value);
        draw_bar(c, zero_x, end_x, cy - bar_h * 0.5f, cy + bar_h * 0.5f,
                 it.highlight ? s.theme.highlight : s.theme.bar);
        if (ref_x && *ref_x < std::max(end_x, zero_x) && *ref_x > std::min(end_x, zero_x))
            // Over a bar the reference shows in the background colour, a notch.
            canvas_rect(
                c, {*ref_x - ref_th * 0.5f, cy - bar_h * 0.5f, *ref_x + ref_th * 0.5f, cy + bar_h * 0.5f},
                s.theme.background);
        const float vw = text_size(bold, value_text).x;
        float vx = *it.value < 0 ? end_x - gap * 0.6f - vw : std::max(end_x, zero_x) + gap * 0.6f;
        // A target or reference line just past the bar's end would strike through the figure:
        // the figure steps over it. track_x1 keeps room for a figure after the farthest target.
        for (const auto lx : {target_x(it), ref_x})
            if (lx && *lx + th >= vx - gap * 0.3f && *lx - th <= vx + vw + gap * 0.3f)
                vx = *it.value < 0 ? *lx - th - gap * 0.6f - vw : *lx + th + gap * 0.6f;
        canvas_text(c, bold, {std::floor(vx), std::floor(text_row.y0)}, s.theme.text, value_text);
        if (const auto met = target_met(*it.value, it.target))
            draw_target_mark(c, s, font, {mark_x0, text_row.y0}, *met);
        // A miss: the distance still to go, outlined in the not-met colour.
        if (const auto tx = target_x(it); tx && !(*it.value >= *it.target) && *tx > end_x + 1)
            canvas_rect_outline(c, {end_x, cy - bar_h * 0.5f, *tx, cy + bar_h * 0.5f}, s.theme.bad, 0,
                                std::max(2.0f, s.unit * 0.2f));
    }

    // Keys: the reference over its line; targets as one labelled line when all agree, else a
    // tick per bar and "│ Mål" in the header.
    const ImFont* sf = s.fonts.small;
    float key_x = track_x0;
    if (ref_x) {
        const std::string label = reference_text(*opt.reference, shared_unit, opt.decimals);
        // The stroke continues the line; the words go right of it, or left when there is no room.
        const float lw = text_size(sf, label).x, pad = s.unit * 0.6f;
        const float x = *ref_x - ref_th * 0.5f;
        canvas_rect(c, {x, header_y0, x + ref_th, top}, s.theme.text_muted);
        float tx = x + ref_th + pad;
        if (tx + lw > area.x1) tx = std::max(track_x0, x - pad - lw);
        canvas_text(c, sf, {std::floor(tx), header_y0}, s.theme.text, label);
        key_x = std::max(tx + lw, x + ref_th) + s.unit * 2;
    }
    if (!targets.empty()) {
        if (same_target) {
            const float tx = *target_x(d.items[shown.front()]);
            canvas_line(c, {tx, top - s.unit * 0.3f}, {tx, top + block_h}, s.theme.target, th);
            const std::string label = "Mål: " + bar_value_text(targets.front(), shared_unit, opt.decimals);
            const float w = text_size(sf, label).x;
            const float lx =
                std::clamp(tx - w * 0.5f, std::max(track_x0, key_x), std::max(track_x0, area.x1 - w));
            canvas_text_in(c, sf, {lx, header_y0, area.x1, header_y0 + sf->FontSize}, s.theme.text, label);
        } else {
            for (size_t k = 0; k < shown.size(); ++k) {
                const BarItem& it = d.items[shown[k]];
                if (!it.target) continue;
                const float cy = top + fit.pitch * (float(k) + 0.5f);
                const float tx = *target_x(it);
                canvas_line(c, {tx, cy - bar_h * 0.75f}, {tx, cy + bar_h * 0.75f}, s.theme.target, th);
            }
            // The key says the figure when a single bar has a target: "│ Mål: 39 %".
            std::string key = "Mål";
            for (int i : shown)
                if (targets.size() == 1 && d.items[i].target)
                    key += ": " + bar_value_text(*d.items[i].target, d.items[i].unit, opt.decimals);
            draw_key(c, s, key_x, header_y0, s.theme.target, th, key, area.x1);
        }
    }
}

void draw_bar_chart(Canvas& c, const ViewStyle& s, Rect area, const feeds::DatasetBody& data,
                    const ViewInput& in) {
    BarData d;
    if (const auto* set = std::get_if<feeds::IndicatorSet>(&data))
        d = from_indicators(*set, in);
    else if (const auto* t = std::get_if<feeds::MunicipalityTable>(&data))
        d = from_table(*t, in);
    else if (const auto* ser = std::get_if<feeds::Series>(&data))
        d = from_series(*ser, in);
    else {
        c.notes.push_back("bar_chart cannot show this dataset type");
        return draw_no_items(c, s, area);
    }
    draw_bars(c, s, area, d, in.slide.options);
}
