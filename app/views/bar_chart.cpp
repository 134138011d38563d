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

// A row's texts and geometry once the font is chosen.
struct BarRow {
    const BarItem* item = nullptr;
    std::string value_text;
};

}  // namespace

static BarData from_indicators(const feeds::IndicatorSet& set, const ViewInput& in) {
    const auto& opt = in.slide.options;
    BarData d;
    auto add = [&](const feeds::Indicator& it) {
        d.items.push_back({it.label, it.value, it.target, opt.unit.empty() ? it.unit : opt.unit,
                           is_highlighted(opt, in.home, {it.id, it.label})});
    };
    if (opt.columns.empty()) {
        for (const auto& it : set.items) add(it);
    } else {
        for (const auto& id : opt.columns)
            for (const auto& it : set.items)
                if (it.id == id) add(it);
    }
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

    const float gap = s.unit;
    const float header_h = (unit_in_header || any_target) ? s.fonts.small->FontSize + s.unit : 0;

    // The largest font in which every wanted row fits; else the small one and a top N.
    const ImFont* font = s.fonts.small;
    const ImFont* bold = s.fonts.small;
    Rect rows_area = {area.x0, area.y0 + header_h, area.x1, area.y1};
    RowFit fit;
    for (auto [f, b] :
         {std::pair{s.fonts.body, s.fonts.body_bold}, std::pair{s.fonts.small, s.fonts.small}}) {
        font = f;
        bold = b;
        fit = fit_rows(rows_area.h(), wanted, f->FontSize * 1.4f, f->FontSize * 2.4f);
        if (fit.shown == wanted) break;
    }
    if (fit.shown < count) {
        // Not everything is shown: the rows make room for the note under the chart.
        rows_area.y1 -= hidden_note_height(s);
        fit = fit_rows(rows_area.h(), wanted, font->FontSize * 1.4f, font->FontSize * 2.4f);
    }
    if (fit.shown <= 0) return;

    const std::vector<int> shown = pick_shown(order, highlighted, fit.shown);
    draw_hidden_note(c, s, area, int(shown.size()), count, d.noun);
    std::vector<BarRow> rows;
    std::vector<double> shown_values, targets;
    bool any_highlight = false;
    for (int i : shown) {
        const BarItem& it = d.items[i];
        BarRow r{&it, kNoValue.data()};
        if (it.value) {
            r.value_text = unit_in_header ? bar_value_text(*it.value, it.unit, opt.decimals)
                                          : format_value(*it.value, it.unit, opt.decimals);
            shown_values.push_back(*it.value);
        }
        if (it.target) targets.push_back(*it.target);
        any_highlight = any_highlight || it.highlight;
        rows.push_back(std::move(r));
    }
    const BarScale scale = bar_scale(shown_values, targets);

    // Columns: [marker][label] gap [negative figures] [track] [positive figures]
    float pos_w = 0, neg_w = 0, label_w = 0;
    // A figure may take at most 30 % of the width: a long unit is dropped (the label still names
    // the thing), and only a figure that is too long even bare gets cut.
    const float value_cap = area.w() * 0.3f;
    for (auto& r : rows) {
        if (!r.item->value || text_size(bold, r.value_text).x <= value_cap) continue;
        r.value_text = bar_value_text(*r.item->value, r.item->unit, opt.decimals);
        if (text_size(bold, r.value_text).x > value_cap)
            r.value_text = ellipsize(bold, r.value_text, value_cap);
    }
    for (const auto& r : rows) {
        const bool negative = r.item->value && *r.item->value < 0;
        float& side = negative ? neg_w : pos_w;
        side = std::max(side, text_size(bold, r.value_text).x);
        label_w = std::max(label_w, text_size(r.item->highlight ? bold : font, r.item->label).x);
    }
    const float marker_w = any_highlight ? font->FontSize * 0.9f : 0;
    const float fixed = pos_w + (neg_w > 0 ? neg_w + gap : 0) + gap * 2 + marker_w;
    // Labels get what they need, up to 40 % of the width, but never squeeze the bars below 30 %.
    label_w = std::min({label_w, area.w() * 0.4f, std::max(area.w() * 0.18f, area.w() * 0.7f - fixed)});
    const float label_x1 = area.x0 + marker_w + label_w;
    const float track_x0 = label_x1 + gap + (neg_w > 0 ? neg_w + gap : 0);
    const float th = std::max(2.0f, s.unit * 0.3f);  // target line thickness
    // A figure may have to step over a target line at the track's end: room for that too.
    const float track_x1 = std::max(track_x0 + 1, area.x1 - pos_w - gap * 0.6f - (any_target ? th : 0));
    const float zero_x = bar_x(scale, track_x0, track_x1, 0);

    // Centre the block vertically when a few thick rows leave room.
    const float block_h = fit.pitch * float(rows.size());
    const float top = rows_area.y0 + std::max(0.0f, (rows_area.h() - block_h) * 0.5f);
    const float bar_h = std::min(fit.pitch * 0.62f, font->FontSize * 1.5f);

    // Header: the unit over the labels, "Mål" over the target line.
    const float header_y0 = top - header_h;
    if (unit_in_header)
        canvas_text_in(c, s.fonts.small,
                       {area.x0, header_y0, track_x0 - gap, header_y0 + s.fonts.small->FontSize},
                       s.theme.text_muted, unit_caption(shared_unit));

    if (scale.lo < 0)
        canvas_line(c, {zero_x, top}, {zero_x, top + block_h}, s.theme.grid, std::max(1.0f, s.unit * 0.15f));

    // Target lines: one shared line when every bar has the same target, else a tick per bar.
    const bool same_target = !targets.empty() && std::all_of(rows.begin(), rows.end(), [&](const BarRow& r) {
        return r.item->target && *r.item->target == targets.front();
    });
    auto target_x = [&](const BarItem& it) -> std::optional<float> {
        if (!it.target) return std::nullopt;
        return std::round(bar_x(scale, track_x0, track_x1, *it.target));
    };

    for (size_t k = 0; k < rows.size(); ++k) {
        const BarRow& r = rows[k];
        const BarItem& it = *r.item;
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
                           s.theme.text_muted, r.value_text);
            continue;
        }
        const float end_x = bar_x(scale, track_x0, track_x1, *it.value);
        draw_bar(c, zero_x, end_x, cy - bar_h * 0.5f, cy + bar_h * 0.5f,
                 it.highlight ? s.theme.highlight : s.theme.bar);
        const float vw = text_size(bold, r.value_text).x;
        float vx = *it.value < 0 ? end_x - gap * 0.6f - vw : std::max(end_x, zero_x) + gap * 0.6f;
        // A target line just past the bar's end would strike through the figure: the figure
        // steps over it. track_x1 keeps room for a figure after the farthest target.
        if (const auto tx = target_x(it);
            tx && *tx + th >= vx - gap * 0.3f && *tx - th <= vx + vw + gap * 0.3f)
            vx = *it.value < 0 ? *tx - th - gap * 0.6f - vw : *tx + th + gap * 0.6f;
        canvas_text(c, bold, {std::floor(vx), std::floor(text_row.y0)}, s.theme.text, r.value_text);
    }

    // Targets: one labelled line when all agree, else a tick per bar and "│ Mål" in the header.
    if (!targets.empty()) {
        // One line only when every bar shares the target; else it would claim a target for all.
        const ImFont* sf = s.fonts.small;
        if (same_target) {
            const float tx = *target_x(*rows.front().item);
            canvas_line(c, {tx, top - s.unit * 0.3f}, {tx, top + block_h}, s.theme.target, th);
            const std::string label = "Mål: " + bar_value_text(targets.front(), shared_unit, opt.decimals);
            const float w = text_size(sf, label).x;
            const float lx = std::clamp(tx - w * 0.5f, track_x0, std::max(track_x0, area.x1 - w));
            canvas_text_in(c, sf, {lx, header_y0, area.x1, header_y0 + sf->FontSize}, s.theme.text, label);
        } else {
            for (size_t k = 0; k < rows.size(); ++k) {
                if (!rows[k].item->target) continue;
                const float cy = top + fit.pitch * (float(k) + 0.5f);
                const float tx = *target_x(*rows[k].item);
                canvas_line(c, {tx, cy - bar_h * 0.75f}, {tx, cy + bar_h * 0.75f}, s.theme.target, th);
            }
            // The key says the figure when a single bar has a target: "│ Mål: 39 %".
            std::string key = "Mål";
            for (const auto& r : rows)
                if (targets.size() == 1 && r.item->target)
                    key += ": " + bar_value_text(*r.item->target, r.item->unit, opt.decimals);
            const float lx = track_x0;
            canvas_line(c, {lx + th, header_y0}, {lx + th, header_y0 + sf->FontSize}, s.theme.target, th);
            canvas_text_in(c, sf, {lx + th * 2 + s.unit * 0.5f, header_y0, area.x1, header_y0 + sf->FontSize},
                           s.theme.text, key);
        }
    }
}

void draw_bar_chart(Canvas& c, const ViewStyle& s, Rect area, const feeds::DatasetBody& data,
                    const ViewInput& in) {
    area = snap_in(area);
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
