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
#include "app/views/bar_chart_plan.h"
#include "app/views/bar_layout.h"
#include "app/views/stacked_rows.h"

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
        const BarKey k =
            bar_key(s, area.x0, area.y0, s.theme.text_muted, std::round(th * 0.7f), key, area.x1);
        draw_mark(c, k.stroke);
        draw_mark(c, k.text);
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
    const BarPlan p = plan_bar_chart(s, area, d, opt);
    if (p.empty) return draw_no_items(c, s, area);
    if (p.stacked) return draw_stacked(c, s, area, d, opt, p.order, p.wanted, p.stacked_scale, p.shared_unit);
    draw_hidden_note(c, s, area, p.shown, p.total, d.noun);
    if (p.unit_caption) draw_mark(c, *p.unit_caption);
    if (p.zero_line) draw_mark(c, *p.zero_line);
    if (p.reference_line) draw_mark(c, *p.reference_line);
    for (const BarRow& r : p.rows) {
        draw_mark(c, r.label);
        if (r.marker) draw_row_marker(c, *r.marker, s.theme.highlight);
        if (r.no_value) draw_mark(c, *r.no_value);
        if (r.bar) draw_mark(c, *r.bar);
        if (r.notch) draw_mark(c, *r.notch);
        if (r.figure) draw_mark(c, *r.figure);
        if (r.target_mark) draw_target_mark(c, s, p.mark_font, *r.target_mark, *r.met);
        if (r.miss) canvas_rect_outline(c, *r.miss, s.theme.bad, 0, std::max(2.0f, s.unit * 0.2f));
    }
    if (p.reference_stroke) draw_mark(c, *p.reference_stroke);
    if (p.reference_label) draw_mark(c, *p.reference_label);
    if (p.target_line) draw_mark(c, *p.target_line);
    if (p.target_label) draw_mark(c, *p.target_label);
    for (const LineMark& t : p.target_ticks) draw_mark(c, t);
    if (p.target_key) {
        draw_mark(c, p.target_key->stroke);
        draw_mark(c, p.target_key->text);
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
