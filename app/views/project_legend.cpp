#include "app/views/project_legend.h"

#include <algorithm>
#include <cmath>

#include "app/map/common.h"

namespace project_legend {

const char* kind_word(feeds::ProjectKind k) {
    switch (k) {
        case feeds::ProjectKind::Road:
            return "Vej";
        case feeds::ProjectKind::Rail:
            return "Bane";
        case feeds::ProjectKind::Bus:
            return "Bus";
        case feeds::ProjectKind::Other:
            break;
    }
    return "Andet";
}

float kind_sample_w(const ImFont* f) {
    return std::round(f->FontSize * 2.2f);
}

const Wrapped& WrapCache::get(const ImFont* font, const std::string& text, float width) {
    const auto key = std::make_tuple(&text, font, width);
    auto it = wraps.find(key);
    if (it != wraps.end()) return it->second;
    Wrapped w;
    w.lines = wrap_lines(font, text, width, 0);
    w.whole = lines_whole(w.lines, text);
    for (const auto& l : w.lines) w.widths.push_back(text_size(font, l).x);
    return wraps.emplace(key, std::move(w)).first->second;
}

namespace {

// The phases of the first p.count projects, in their order.
std::vector<feeds::ProjectPhase> phases_listed(const std::vector<Shown>& shown, int count) {
    std::vector<feeds::ProjectPhase> phases;
    for (int i = 0; i < count; ++i)
        if (std::find(phases.begin(), phases.end(), shown[std::size_t(i)].project->phase) == phases.end())
            phases.push_back(shown[std::size_t(i)].project->phase);
    return phases;
}

// The key's items: each kind of line drawn (a project with more than one place), then the
// status when every project shares it.
std::vector<KeyItem> key_items(Canvas& c, const ViewStyle& s, const std::vector<Shown>& shown,
                               const LegendPlan& p, bool grouped) {
    std::vector<KeyItem> items;
    for (int i = 0; p.kinds && i < p.count; ++i) {
        const Shown& sh = shown[std::size_t(i)];
        bool seen = false;
        for (const auto& k : items) seen = seen || k.kind == sh.project->kind;
        if (sh.points.size() > 1 && !seen)
            items.push_back(
                {true, sh.project->kind, &sh, 0, 0,
                 std::ceil(kind_sample_w(p.f) + s.unit + text_size(p.f, kind_word(sh.project->kind)).x)});
    }
    if (!grouped)
        items.push_back(
            {false,
             {},
             &shown[0],
             0,
             0,
             std::ceil(draw_status_label(c, s.theme, p.nf, {0, 0}, shown[0].look, 1e9f, "", true))});
    return items;
}

// The key flowed into rows of the legend's width.
void flow_key(LegendPlan& p, std::vector<KeyItem> items, float item_gap) {
    float x = 0, y = 0;
    int rows = 0;
    for (KeyItem& k : items) {
        if (k.w > p.width) p.whole = false;
        if (rows == 0 || (x > 0 && x + k.w > p.width)) {
            if (rows > 0) y += p.line_h;
            x = 0;
            ++rows;
        }
        k.x = x;
        k.y = y;
        x += k.w + item_gap;
        p.key.push_back(k);
    }
    p.key_h = rows > 0 ? float(rows) * p.line_h + p.entry_gap : 0;
}

// One project's lines: its name (the first line with its badge), then its cost.
void plan_entry(Canvas& c, const Shown& sh, LegendPlan& p, float cost_h, WrapCache& cache) {
    ++c.layout_steps;
    const Wrapped& names = cache.get(p.nf, sh.project->name, p.width - p.text_x);
    p.whole = p.whole && names.whole;
    for (std::size_t k = 0; k < names.lines.size(); ++k)
        p.lines.push_back({k == 0 ? LegendLine::FirstName : LegendLine::Name, names.lines[k], &sh, p.line_h,
                           false, names.widths[k]});
    if (p.costs && !sh.project->cost_text.empty()) {
        const Wrapped& cost = cache.get(p.f, sh.project->cost_text, p.width - p.text_x);
        p.whole = p.whole && cost.whole;
        for (std::size_t k = 0; k < cost.lines.size(); ++k)
            p.lines.push_back({LegendLine::Cost, cost.lines[k], &sh, cost_h, false, cost.widths[k]});
    }
    p.lines.back().gap_after = true;
}

// The entries, grouped by status (the status said once per group, by its first project).
void plan_entries(Canvas& c, const std::vector<Shown>& shown, LegendPlan& p,
                  const std::vector<feeds::ProjectPhase>& phases, WrapCache& cache) {
    const float cost_h = std::round(p.f->FontSize * 1.12f);
    const bool grouped = phases.size() > 1;
    for (feeds::ProjectPhase ph : phases) {
        if (grouped) p.lines.push_back({LegendLine::Group, "", nullptr, p.line_h});
        for (int i = 0; i < p.count; ++i) {
            const Shown& sh = shown[std::size_t(i)];
            if (sh.project->phase != ph) continue;
            if (!p.lines.empty() && p.lines.back().kind == LegendLine::Group) p.lines.back().shown = &sh;
            plan_entry(c, sh, p, cost_h, cache);
        }
    }
}

// The legend's height and its widest line.
void measure_legend(Canvas& c, const ViewStyle& s, LegendPlan& p) {
    p.height = p.key_h;
    p.used_w = 0;
    for (const KeyItem& k : p.key) p.used_w = std::max(p.used_w, k.x + k.w);
    for (const auto& l : p.lines) {
        p.height += l.h + (l.gap_after ? p.entry_gap : 0);
        const float w = l.kind == LegendLine::Group
                            ? draw_status_label(c, s.theme, p.nf, {0, 0}, l.shown->look, 1e9f, "", true)
                            : p.text_x + l.w;
        p.used_w = std::max(p.used_w, std::ceil(w));
    }
    if (!p.lines.empty() && p.lines.back().gap_after) p.height -= p.entry_gap;
    p.height = std::ceil(p.height);
}

}  // namespace

void plan_legend(Canvas& c, const ViewStyle& s, const std::vector<Shown>& shown, LegendPlan& p,
                 WrapCache& cache) {
    p.badge = std::round(p.nf->FontSize * 1.15f);
    p.text_x = p.badge + std::round(s.unit * 0.6f);
    p.line_h = std::round(p.nf->FontSize * 1.1f);
    p.entry_gap = std::round(s.unit * 0.5f);
    p.key.clear();
    p.lines.clear();
    p.whole = true;
    const std::vector<feeds::ProjectPhase> phases = phases_listed(shown, p.count);
    flow_key(p, key_items(c, s, shown, p, phases.size() > 1), std::round(s.unit * 1.5f));
    plan_entries(c, shown, p, phases, cache);
    measure_legend(c, s, p);
}

// At most how many projects a legend in `body` can list: each takes a line (in the smaller of
// the two name fonts) and an entry gap, and the legend may use the frame's height (landscape)
// or 70 % of it (portrait, where the map keeps 30 %). More are never tried; one spare for
// rounding.
int most_listed(const Canvas& c, const ViewStyle& s, Rect body, bool landscape, float gap) {
    const float line_h = std::min(std::round(floor_font(s, c, true)->FontSize * 1.1f),
                                  std::round(floor_font(s, c, false)->FontSize * 1.1f));
    const float entry_gap = std::round(s.unit * 0.5f);
    const float room = landscape ? body.h() : body.h() - body.h() * 0.3f - gap;
    return std::max(1, int(std::floor((room + entry_gap) / std::max(1.0f, line_h + entry_gap))) + 1);
}

}  // namespace project_legend
