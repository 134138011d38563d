// Indicators against their targets, one horizontal bar each, all on one scale in percent of
// target, so the "Mål" marks line up in one column:
//
//   Korte vejledningsforløb                         1.207 af 600
//   ██████████████████████████│███████████████████████   201 %
//   Virksomhedspraktik for unge                       430 af 500
//   ███████████████████████   │                           86 %
//                            Mål
//
// (The target is drawn as a tick across each bar rather than one long line, so it never
// crosses a label.) The scale reaches past 100 % when a target is overshot: 1.207 of 600 is drawn twice as
// long as the target, never clipped. Items without a target (or with a target of 0, where a percentage means
// nothing) show just their figure.
#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "app/danish_format.h"
#include "app/view.h"
#include "app/views/bar_layout.h"

namespace {

struct ProgressRow {
    const feeds::Indicator* item = nullptr;
    std::string unit;
    std::optional<double> pct;  // value / target in percent; none without a usable target
    bool highlight = false;
    std::string figure;    // "1.207 af 600", "152 virksomheder"
    std::string pct_text;  // "201 %"
};

struct ProgressFonts {
    const ImFont* label;
    const ImFont* figure;
    const ImFont* pct;  // beside the bar, so no taller than it
    bool stacked;       // the figure on its own line under the label (narrow screens, big type)
};

}  // namespace

static std::string figure_text(const feeds::Indicator& it, const std::string& unit, std::optional<int> dec,
                               bool with_unit) {
    const bool compact = unit_is_compact(unit);
    std::string t = compact ? format_value(it.value, unit, dec) : format_number_auto(it.value, dec);
    if (it.target) {
        t += *it.target == 0 ? " (mål: " : " af ";
        t += compact ? format_value(*it.target, unit, dec) : format_number_auto(*it.target, dec);
        if (*it.target == 0) t += ")";
    }
    if (!compact && with_unit) t += " " + unit;
    return t;
}

static float bar_thickness(const ViewStyle& s, const ProgressFonts& f) {
    return std::round(std::max({f.label->FontSize * 0.7f, s.unit * 1.2f, f.pct->FontSize}));
}

// A row's height: the text line, and under it the bar when there is one.
static float row_height(const ViewStyle& s, const ProgressRow& r, const ProgressFonts& f) {
    float h = f.label->FontSize;
    if (f.stacked) h += s.unit * 0.25f + f.figure->FontSize;
    if (r.pct) h += s.unit * 0.5f + bar_thickness(s, f);
    return h;
}

void draw_progress(Canvas& c, const ViewStyle& s, Rect area, const feeds::IndicatorSet& data,
                   const ViewInput& in) {
    area = snap_in(area);
    const auto& opt = in.slide.options;
    std::vector<ProgressRow> all;
    auto add = [&](const feeds::Indicator& it) {
        ProgressRow r;
        r.item = &it;
        r.unit = opt.unit.empty() ? it.unit : opt.unit;
        if (it.target && *it.target != 0 && std::isfinite(it.value)) r.pct = it.value / *it.target * 100.0;
        r.highlight = is_highlighted(opt, "", {it.id, it.label});
        all.push_back(std::move(r));
    };
    if (opt.columns.empty()) {
        for (const auto& it : data.items) add(it);
    } else {
        for (const auto& id : opt.columns)
            for (const auto& it : data.items)
                if (it.id == id) add(it);
    }
    const int total = int(all.size());
    if (total == 0) return draw_no_items(c, s, area);

    std::vector<std::optional<double>> pcts;
    std::vector<bool> highlighted;
    for (const auto& r : all) {
        pcts.push_back(r.pct);
        highlighted.push_back(r.highlight);
    }
    const std::vector<int> order = sorted_order(pcts, opt.sort);
    const int wanted = opt.limit > 0 ? std::min(opt.limit, total) : total;

    // The largest type in which the wanted rows fit; else the small type and the first rows.
    const float target_label_h = s.fonts.small->FontSize + s.unit * 0.5f;
    auto rows_fitting = [&](const ProgressFonts& f, float height) {
        const float gap = f.label->FontSize * 0.9f;
        float used = target_label_h;
        int n = 0;
        for (int i : order) {
            if (n == wanted) break;
            const float h = row_height(s, all[i], f) + (n > 0 ? gap : 0);
            if (used + h > height) break;
            used += h;
            ++n;
        }
        return n;
    };
    const Fonts& sf = s.fonts;
    ProgressFonts fonts{sf.small, sf.small, sf.small, false};
    int n = 0;
    for (ProgressFonts f : {ProgressFonts{sf.heading, sf.heading, sf.body_bold, false},
                            ProgressFonts{sf.heading, sf.heading, sf.body_bold, true},
                            ProgressFonts{sf.body, sf.body_bold, sf.small, false},
                            ProgressFonts{sf.small, sf.small, sf.small, false}}) {
        fonts = f;
        n = rows_fitting(f, area.h());
        if (n < wanted) continue;
        // Heading type only when the figures fit whole: beside the label in under half the line,
        // or on a line of their own.
        if (f.label == s.fonts.heading) {
            bool roomy = true;
            for (int k = 0; k < n; ++k)
                roomy = roomy && text_size(f.figure, figure_text(*all[order[k]].item, all[order[k]].unit,
                                                                 opt.decimals, true))
                                         .x < area.w() * (f.stacked ? 1.0f : 0.45f);
            if (!roomy) continue;
        }
        break;
    }
    Rect rows_area = area;
    if (n < total) {
        rows_area.y1 -= hidden_note_height(s);
        n = rows_fitting(fonts, rows_area.h());
    }
    if (n <= 0) return;
    const std::vector<int> shown = pick_shown(order, highlighted, n);
    draw_hidden_note(c, s, area, int(shown.size()), total, "nøgletal");

    // Texts, and the widths they claim.
    const float gap = s.unit;
    float pct_w = 0;
    std::vector<double> scale_values;
    for (int i : shown) {
        ProgressRow& r = all[i];
        r.figure = figure_text(*r.item, r.unit, opt.decimals, true);
        if (text_size(fonts.figure, r.figure).x > area.w() * (fonts.stacked ? 1.0f : 0.55f))
            r.figure = figure_text(*r.item, r.unit, opt.decimals, false);
        if (r.pct) {
            r.pct_text = format_percent(*r.pct, 0);
            pct_w = std::max(pct_w, text_size(fonts.pct, r.pct_text).x);
            scale_values.push_back(*r.pct);
        }
    }
    const BarScale scale = bar_scale(scale_values, {100.0});
    const float track_x0 = area.x0;
    const float track_x1 = std::max(track_x0 + 1, area.x1 - pct_w - gap);
    const float bar_h = bar_thickness(s, fonts);
    const float row_gap = fonts.label->FontSize * 0.9f;

    // "Mål" is written once, under the last bar.
    int last_bar = -1;
    for (size_t k = 0; k < shown.size(); ++k)
        if (all[shown[k]].pct) last_bar = int(k);
    float block_h = last_bar >= 0 ? target_label_h : 0;
    for (size_t k = 0; k < shown.size(); ++k)
        block_h += row_height(s, all[shown[k]], fonts) + (k > 0 ? row_gap : 0);
    float y = rows_area.y0 + std::max(0.0f, (rows_area.h() - block_h) * 0.5f);
    const float zero_x = bar_x(scale, track_x0, track_x1, 0);
    const float target_x = std::round(bar_x(scale, track_x0, track_x1, 100.0));
    const float line_w = std::round(std::max(2.0f, s.unit * 0.3f));
    const float tick = s.unit * 0.3f;

    for (size_t k = 0; k < shown.size(); ++k) {
        const ProgressRow& r = all[shown[k]];
        if (k > 0) y += row_gap;
        const float fh = fonts.label->FontSize;
        const ImU32 fig_color = r.highlight ? s.theme.highlight : s.theme.text;
        const float fig_w =
            fonts.stacked ? 0 : std::min(text_size(fonts.figure, r.figure).x, area.w() * 0.55f);
        if (!fonts.stacked)
            canvas_text_in(c, fonts.figure, {area.x1 - fig_w, y, area.x1, y + fh}, fig_color, r.figure,
                           Align::Right);
        const float label_x1 = fonts.stacked ? area.x1 : area.x1 - fig_w - gap;
        float label_x0 = area.x0;
        if (r.highlight) {
            draw_row_marker(c, {area.x0, y, area.x0 + fh * 0.9f, y + fh}, s.theme.highlight);
            label_x0 += fh * 0.9f;
        }
        if (label_x1 > label_x0)
            canvas_text_in(c, r.highlight ? fonts.figure : fonts.label, {label_x0, y, label_x1, y + fh},
                           s.theme.text, r.item->label);
        y += fh;
        if (fonts.stacked) {
            y += s.unit * 0.25f;
            const float gh = fonts.figure->FontSize;
            canvas_text_in(c, fonts.figure, {area.x0, y, area.x1, y + gh}, fig_color, r.figure);
            y += gh;
        }
        if (!r.pct) continue;

        y += s.unit * 0.5f;
        // The faint track up to the target shows the distance still to go.
        canvas_rect(c, {zero_x, y, std::max(zero_x, target_x), y + bar_h}, s.theme.panel_edge);
        const float end_x = bar_x(scale, track_x0, track_x1, *r.pct);
        draw_bar(c, zero_x, end_x, y, y + bar_h, r.highlight ? s.theme.highlight : s.theme.bar);
        canvas_rect(c, {target_x - line_w * 0.5f, y - tick, target_x + line_w * 0.5f, y + bar_h + tick},
                    s.theme.target);
        const float ph = fonts.pct->FontSize;
        canvas_text_in(c, fonts.pct,
                       {track_x1 + gap, y + (bar_h - ph) * 0.5f, area.x1, y + (bar_h + ph) * 0.5f},
                       s.theme.text, r.pct_text, Align::Right);
        y += bar_h;
        if (int(k) == last_bar) {
            const ImFont* small = s.fonts.small;
            const float w = text_size(small, "Mål").x;
            const float lx = std::clamp(target_x - w * 0.5f, area.x0, area.x1 - w);
            canvas_text(c, small, {std::floor(lx), std::floor(y + tick + s.unit * 0.2f)}, s.theme.text,
                        "Mål");
            y += target_label_h;
        }
    }
}
