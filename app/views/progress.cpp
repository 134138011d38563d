// Indicators against their targets, one row each: the label, the figure with its target, a
// met / not-met mark, and a full-width bar on the metric's own scale with a tick at the target:
//
//   Korte vejledninger                         1.207 · mål 600   ✓ Nået
//   ████████████████████████│██████████████████████████████████████
//   ▶ Handlingsplaner                            382 · mål 385   ⊗ Ikke nået
//   ██████████████████████████████████████████████████████▯│
//   Meget tilfredse, driftssegmentet              77 % · mål 80 %   ⊗ Ikke nået
//   ███████████████████████████████████████████▯▯│░░░░░░░░░░░░░░
//
// Each bar has its own scale (0..100 for a percentage, else 0 to the larger of figure and
// target, with headroom), so a miss by 3 of 385 shows as a bar that stops short of its tick,
// outlined in the not-met colour, and says so in words: colour is never alone. A percentage
// or a score is never turned into a "% of target" figure. Items without a target (or with a
// target of 0, where "better" could be either way) show just their figure.
#include <cmath>
#include <string>
#include <vector>

#include "app/danish_format.h"
#include "app/view.h"
#include "app/views/bar_layout.h"
#include "app/views/stacked_rows.h"

void draw_progress(Canvas& c, const ViewStyle& s, Rect area, const feeds::IndicatorSet& data,
                   const ViewInput& in) {
    const auto& opt = in.slide.options;
    std::vector<StackRow> rows;
    std::vector<std::optional<double>> ratios;  // figure against target, for the sort
    auto add = [&](const feeds::Indicator& it) {
        const std::string unit = opt.unit.empty() ? it.unit : opt.unit;
        StackRow r;
        r.label = it.label;
        r.highlight = is_highlighted(opt, "", {it.id, it.label});
        r.met = target_met(it.value, it.target);
        const std::string q = it.qualifier.empty() ? "" : it.qualifier + " ";
        for (int form = 0; form < 3; ++form) {
            const std::string f = q + target_figure(it.value, it.target, unit, opt.decimals, form);
            if (r.figures.empty() || r.figures.back() != f) r.figures.push_back(f);
        }
        if (r.met) {
            r.value = it.value;
            r.target = it.target;
            r.scale = metric_scale(it.value, it.target, unit);
            ratios.push_back(it.value / *it.target);
        } else {
            ratios.push_back(std::nullopt);
        }
        rows.push_back(std::move(r));
    };
    for (std::size_t i : feeds::picked_positions(opt.columns, item_ids(data))) add(data.items[i]);
    const int total = int(rows.size());
    if (total == 0) return draw_no_items(c, s, area);
    const std::vector<int> order = sorted_order(ratios, opt.sort);
    const int wanted = opt.limit > 0 ? std::min(opt.limit, total) : total;
    const Fonts& f = s.fonts;
    draw_stacked_rows(
        c, s, area, rows, order, wanted,
        {StackFonts{f.heading, f.heading}, StackFonts{f.body, f.body_bold}, StackFonts{f.small, f.small}},
        "nøgletal");
}
