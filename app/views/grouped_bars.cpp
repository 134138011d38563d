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
#include "app/views/grouped_bars_plan.h"

static GroupedData from_series(const feeds::Series& s, const ViewInput& in) {
    const auto& opt = in.slide.options;
    GroupedData d;
    const size_t n = std::min<size_t>(s.lines.size(), kMaxGroupSeries);
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
    if (cols.size() > kMaxGroupSeries) cols.resize(kMaxGroupSeries);
    for (size_t i : cols) {
        d.series.push_back(t.columns[i].label);
        d.units.push_back(opt.unit.empty() ? t.columns[i].unit : opt.unit);
    }
    for (const auto& r : t.rows) {
        GroupedData::Group g{r.name, {}, is_highlighted(opt, in.home, {r.code, r.name})};
        for (size_t i : cols) g.values.push_back(i < r.values.size() ? r.values[i] : std::nullopt);
        d.groups.push_back(std::move(g));
    }
    return d;
}

static void draw_groups(Canvas& c, const ViewStyle& s, Rect area, const GroupedData& d,
                        const feeds::ViewOptions& opt) {
    const GroupedPlan p = plan_grouped_bars(s, area, d, opt);
    c.layout_steps += p.layout_steps;
    if (p.empty) return draw_no_items(c, s, area);
    if (p.nothing) return;
    draw_hidden_note(c, s, p.note_area, p.shown, p.total, p.noun);
    if (p.caption) draw_mark(c, *p.caption);
    for (const auto& item : p.legend.items) {
        draw_mark(c, item.swatch);
        for (const auto& l : item.lines) draw_mark(c, l);
    }
    if (p.zero_line) draw_mark(c, *p.zero_line);
    for (const auto& g : p.groups) {
        if (g.marker) draw_row_marker(c, g.marker->box, g.marker->color);
        for (const auto& l : g.name) draw_mark(c, l);
        for (const auto& v : g.series) {
            if (v.bar) draw_mark(c, *v.bar);
            if (v.figure) draw_mark(c, *v.figure);
        }
        if (g.joined) draw_mark(c, *g.joined);
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
