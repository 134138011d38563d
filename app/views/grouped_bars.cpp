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
    for (size_t l = 0; l < n; ++l) {
        d.series.push_back(s.lines[l].label);
        d.units.push_back(opt.unit.empty() ? s.unit : opt.unit);
        for (const auto& p : s.lines[l].points) {
            auto g = std::find_if(d.groups.begin(), d.groups.end(),
                                  [&](const Group& x) { return x.label == p.x; });
            if (g == d.groups.end()) {
                d.groups.push_back(
                    {p.x, std::vector<std::optional<double>>(n), is_highlighted(opt, in.home, {p.x})});
                g = d.groups.end() - 1;
            }
            g->values[l] = p.value;
        }
    }
    return d;
}

static GroupedData from_table(const feeds::MunicipalityTable& t, const ViewInput& in) {
    const auto& opt = in.slide.options;
    GroupedData d;
    d.noun = "kommuner";
    std::vector<size_t> cols;
    if (opt.columns.empty()) {
        for (size_t i = 0; i < t.columns.size(); ++i) cols.push_back(i);
    } else {
        for (const auto& id : opt.columns)
            for (size_t i = 0; i < t.columns.size(); ++i)
                if (t.columns[i].id == id) cols.push_back(i);
    }
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

// The legend: a swatch and a label per series, flowing left to right over at most two lines.
// Returns the height used; with `draw` false it only measures.
static float draw_legend(Canvas& c, const ViewStyle& s, Rect box, const GroupedData& d, const ImFont* f,
                         bool draw) {
    const float sw = std::round(f->FontSize * 0.75f);
    const float item_gap = s.unit * 2;
    const float lh = f->FontSize * 1.3f;
    float x = box.x0, y = box.y0;
    int line = 0;
    for (size_t i = 0; i < d.series.size(); ++i) {
        const float max_w = box.w() - sw - s.unit * 0.6f;
        const std::string label = ellipsize(f, d.series[i], std::max(0.0f, max_w));
        const float w = sw + s.unit * 0.6f + text_size(f, label).x;
        if (x > box.x0 && x + w > box.x1) {
            if (++line == 2) break;  // a third line would crowd the chart: the rest stay unnamed
            x = box.x0;
            y += lh;
        }
        const float sy = y + (f->FontSize - sw) * 0.5f;
        if (!draw) {
            x += w + item_gap;
            continue;
        }
        canvas_rect(c, {x, sy, x + sw, sy + sw}, s.theme.series[i % kMaxSeries], 2);
        canvas_text(c, f, {std::floor(x + sw + s.unit * 0.6f), std::floor(y)}, s.theme.text, label);
        x += w + item_gap;
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

    // Legend and unit caption share the top line(s); they are drawn once the chart's height
    // is known, so the two sit together in the middle of the area.
    const ImFont* lf = s.fonts.body;
    const std::string caption =
        unit_in_header ? (d.units.front() == "procentpoint" ? "Procentpoint" : "Antal " + d.units.front())
                       : "";
    const float cap_w = caption.empty() ? 0 : std::min(text_size(s.fonts.small, caption).x, area.w() * 0.35f);
    const Rect legend_box = {area.x0, area.y0, area.x1 - cap_w - (caption.empty() ? 0 : s.unit * 2), area.y1};
    const float legend_h = draw_legend(c, s, legend_box, d, lf, false) + s.unit * 1.5f;
    Rect body = {area.x0, area.y0 + legend_h, area.x1, area.y1};

    // Sorted by the first series; the largest type in which all wanted groups fit.
    std::vector<std::optional<double>> first;
    std::vector<bool> highlighted;
    for (const auto& g : d.groups) {
        first.push_back(g.values.empty() ? std::nullopt : g.values.front());
        highlighted.push_back(g.highlight);
    }
    const std::vector<int> order = sorted_order(first, opt.sort);
    const int wanted = opt.limit > 0 ? std::min(opt.limit, total) : total;

    GroupFonts fonts{s.fonts.small, s.fonts.small, s.fonts.small};
    auto pitch_of = [&](const GroupFonts& f) { return f.value->FontSize * 1.2f; };
    auto group_gap_of = [&](const GroupFonts& f) { return std::max(pitch_of(f) * 0.7f, s.unit); };
    auto groups_fitting = [&](const GroupFonts& f, float h) {
        const float gh = pitch_of(f) * float(k), gg = group_gap_of(f);
        return std::max(0, std::min(wanted, int(std::floor((h + gg) / (gh + gg)))));
    };
    int n = 0;
    for (GroupFonts f : {GroupFonts{s.fonts.body, s.fonts.body_bold, s.fonts.body_bold},
                         GroupFonts{s.fonts.small, s.fonts.small, s.fonts.small}}) {
        fonts = f;
        n = groups_fitting(f, body.h());
        if (n == wanted) break;
    }
    if (n < total) {
        body.y1 -= hidden_note_height(s);
        n = groups_fitting(fonts, body.h());
    }
    if (n <= 0) return;
    const std::vector<int> shown = pick_shown(order, highlighted, n);
    draw_hidden_note(c, s, area, int(shown.size()), total, d.noun);

    // Figures and the widths they claim on either side of the bars.
    std::vector<std::vector<std::string>> texts(shown.size());
    std::vector<double> values;
    float pos_w = 0, neg_w = 0, label_w = 0;
    for (size_t gi = 0; gi < shown.size(); ++gi) {
        const Group& g = d.groups[shown[gi]];
        label_w = std::max(label_w, text_size(g.highlight ? fonts.label_bold : fonts.label, g.label).x);
        for (int l = 0; l < k; ++l) {
            const auto& v = g.values[l];
            std::string t = std::string(kNoValue);
            if (v) {
                t = unit_in_header ? bar_value_text(*v, d.units[l], opt.decimals)
                                   : format_value(*v, d.units[l], opt.decimals);
                values.push_back(*v);
            }
            float& side = v && *v < 0 ? neg_w : pos_w;
            side = std::max(side, text_size(fonts.value, t).x);
            texts[gi].push_back(std::move(t));
        }
    }
    const BarScale scale = bar_scale(values);
    const float gap = s.unit;
    const bool any_highlight =
        std::any_of(shown.begin(), shown.end(), [&](int i) { return d.groups[i].highlight; });
    const float marker_w = any_highlight ? fonts.label->FontSize * 0.9f : 0;
    // Labels may wrap, so they need less than their full width: a third of the area at most.
    label_w = std::min(label_w, area.w() * 0.34f);
    const float label_x0 = area.x0 + marker_w, label_x1 = label_x0 + label_w;
    const float track_x0 = label_x1 + gap + (neg_w > 0 ? neg_w + gap * 0.6f : 0);
    const float track_x1 = std::max(track_x0 + 1, area.x1 - pos_w - gap * 0.6f);
    const float zero_x = bar_x(scale, track_x0, track_x1, 0);

    // Few groups get thicker bars, up to half as thick again; the legend and the groups are
    // centred together.
    const float rows = float(shown.size());
    const float block_h0 = pitch_of(fonts) * float(k) * rows + group_gap_of(fonts) * (rows - 1);
    const float grow = std::clamp(body.h() / std::max(1.0f, block_h0), 1.0f, 1.5f);
    const float pitch = pitch_of(fonts) * grow, gg = group_gap_of(fonts) * grow;
    const float group_h = pitch * float(k);
    const float block_h = std::min(body.h(), block_h0 * grow);
    const float shift = std::floor(std::max(0.0f, (body.h() - block_h) * 0.5f));
    const float top = body.y0 + shift;
    if (!caption.empty()) {
        const float cy = area.y0 + shift;
        const float sh = s.fonts.small->FontSize;
        canvas_text_in(
            c, s.fonts.small,
            {area.x1 - cap_w, cy + (lf->FontSize - sh) * 0.5f, area.x1, cy + (lf->FontSize + sh) * 0.5f},
            s.theme.text_muted, caption, Align::Right);
    }
    draw_legend(c, s, {legend_box.x0, legend_box.y0 + shift, legend_box.x1, legend_box.y1}, d, lf, true);
    if (scale.lo < 0)
        canvas_line(c, {zero_x, top}, {zero_x, top + block_h}, s.theme.grid, std::max(1.0f, s.unit * 0.15f));

    for (size_t gi = 0; gi < shown.size(); ++gi) {
        const Group& g = d.groups[shown[gi]];
        const float gy = top + float(gi) * (group_h + gg);
        // The category name, wrapped into the lines the group's height allows, centred on it.
        const ImFont* f = g.highlight ? fonts.label_bold : fonts.label;
        const float line_h = f->FontSize * 1.15f;
        const int max_lines = std::max(1, int((group_h - f->FontSize) / line_h) + 1);
        const auto lines = wrap_lines(f, g.label, label_w, max_lines);
        const float text_h = f->FontSize + line_h * float(lines.size() - 1);
        float ly = gy + (group_h - text_h) * 0.5f;
        if (g.highlight)
            draw_row_marker(c, {area.x0, ly, area.x0 + marker_w, ly + f->FontSize}, s.theme.highlight);
        for (const auto& l : lines) {
            canvas_text_in(c, f, {label_x0, ly, label_x1, ly + f->FontSize}, s.theme.text, l);
            ly += line_h;
        }
        for (int l = 0; l < k; ++l) {
            const float cy = gy + pitch * (float(l) + 0.5f);
            const float ty = std::floor(cy - fonts.value->FontSize * 0.5f);
            const auto& v = g.values[l];
            const std::string& t = texts[gi][l];
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
    }
}

void draw_grouped_bars(Canvas& c, const ViewStyle& s, Rect area, const feeds::DatasetBody& data,
                       const ViewInput& in) {
    area = snap_in(area);
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
