// The grouped bars' legend (grouped_bars_plan.h): a swatch and a label per series.
#include <algorithm>
#include <cmath>

#include "app/views/grouped_bars_plan.h"

GroupLegend plan_group_legend(const ViewStyle& s, Rect box, const std::vector<std::string>& series,
                              const ImFont* f) {
    GroupLegend out;
    const float sw = std::round(f->FontSize * 0.75f);
    const float item_gap = s.unit * 2;
    const float lh = f->FontSize * 1.3f;
    const float text_dx = sw + s.unit * 0.6f;
    float x = box.x0, y = box.y0;
    for (size_t i = 0; i < series.size(); ++i) {
        const float max_w = std::max(1.0f, box.w() - text_dx);
        std::vector<std::string> lines{series[i]};
        if (text_size(f, series[i]).x > max_w) lines = wrap_lines(f, series[i], max_w, 0);
        float w = 0;
        for (const auto& l : lines) w = std::max(w, text_dx + text_size(f, l).x);
        if (x > box.x0 && (x + w > box.x1 || lines.size() > 1)) {
            x = box.x0;
            y += lh;
        }
        const float sy = y + (f->FontSize - sw) * 0.5f;
        GroupLegend::Item item{{{x, sy, x + sw, sy + sw}, s.theme.series[i % kMaxGroupSeries], 2}, {}};
        for (size_t k = 0; k < lines.size(); ++k)
            item.lines.push_back(
                {f, {std::floor(x + text_dx), std::floor(y + lh * float(k))}, s.theme.text, lines[k]});
        out.items.push_back(std::move(item));
        if (lines.size() > 1) {  // a wrapped label ends its line
            y += lh * float(lines.size() - 1);
            x = box.x1;
        } else {
            x += w + item_gap;
        }
    }
    out.height = y - box.y0 + f->FontSize;
    return out;
}
