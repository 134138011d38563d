#include "app/views/bar_layout.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <unordered_map>

#include "app/danish_format.h"

BarScale bar_scale(const std::vector<double>& values, const std::vector<double>& extras) {
    BarScale s{0, 0};
    auto take = [&](double v) {
        if (!std::isfinite(v)) return;
        s.lo = std::min(s.lo, v);
        s.hi = std::max(s.hi, v);
    };
    for (double v : values) take(v);
    for (double v : extras) take(v);
    if (s.hi - s.lo <= 0) s.hi = 1;  // all zero: any range draws zero-length bars
    return s;
}

float bar_x(const BarScale& s, float x0, float x1, double v) {
    if (!std::isfinite(v)) v = 0;
    // A scale from -DBL_MAX to DBL_MAX has no finite span; in halves it has (halving a
    // denormal would lose it, so halves only when needed).
    const double span = s.hi - s.lo;
    double t = std::isfinite(span) ? (v - s.lo) / span : (v * 0.5 - s.lo * 0.5) / (s.hi * 0.5 - s.lo * 0.5);
    t = std::isnan(t) ? 0 : std::clamp(t, 0.0, 1.0);
    return x0 + float(t) * (x1 - x0);
}

RowFit fit_rows(float height, int count, float min_pitch, float max_pitch) {
    RowFit f;
    if (count <= 0 || min_pitch <= 0 || height < min_pitch) return f;
    f.shown = std::min(count, int(std::floor(height / min_pitch)));
    f.pitch = std::min(max_pitch, height / float(f.shown));
    return f;
}

std::vector<int> pick_shown(const std::vector<int>& order, const std::vector<bool>& highlighted, int n) {
    if (n >= int(order.size())) return order;
    if (n <= 0) return {};
    auto hl = [&](int i) { return i >= 0 && i < int(highlighted.size()) && highlighted[i]; };
    int must = 0;
    for (int i : order) must += hl(i) ? 1 : 0;
    must = std::min(must, n);
    // Walk the order: take highlighted items while places for them remain, others only while
    // places beyond those reserved for highlighted items remain.
    std::vector<int> out;
    int free_places = n - must;
    int hl_places = must;
    for (int i : order) {
        if (hl(i) && hl_places > 0) {
            out.push_back(i);
            --hl_places;
        } else if (!hl(i) && free_places > 0) {
            out.push_back(i);
            --free_places;
        }
    }
    return out;
}

std::vector<int> sorted_order(const std::vector<std::optional<double>>& values, feeds::SortOrder sort) {
    std::vector<int> order(values.size());
    std::iota(order.begin(), order.end(), 0);
    if (sort == feeds::SortOrder::None) return order;
    auto has = [&](int i) { return values[i].has_value() && std::isfinite(*values[i]); };
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
        if (has(a) != has(b)) return has(a);
        if (!has(a)) return false;
        return sort == feeds::SortOrder::Ascending ? *values[a] < *values[b] : *values[a] > *values[b];
    });
    return order;
}

bool unit_is_compact(std::string_view unit) {
    return unit.empty() || unit == "%" || unit == "kr";
}

std::string bar_value_text(double v, std::string_view unit, std::optional<int> decimals) {
    if (unit_is_compact(unit)) return format_value(v, unit, decimals);
    return format_number_auto(v, decimals);
}

float max_text_width(const ImFont* font, const std::vector<std::string>& texts) {
    float w = 0;
    for (const auto& t : texts) w = std::max(w, text_size(font, t).x);
    return w;
}

void canvas_triangle(Canvas& c, ImVec2 a, ImVec2 b, ImVec2 d, ImU32 color) {
    if (c.dl) c.dl->AddTriangleFilled(a, b, d, color);
}

void canvas_rect_outline(Canvas& c, Rect r, ImU32 color, float rounding, float thickness) {
    // ImGui strokes centred on the edge: inset by half the thickness so it stays inside `r`.
    const float h = thickness * 0.5f;
    if (c.dl) c.dl->AddRect({r.x0 + h, r.y0 + h}, {r.x1 - h, r.y1 - h}, color, rounding, 0, thickness);
}

void draw_row_marker(Canvas& c, Rect box, ImU32 color) {
    const float size = std::min(box.h(), box.w()) * 0.7f;
    const float cy = (box.y0 + box.y1) * 0.5f;
    const float x0 = box.x0 + (box.w() - size * 0.87f) * 0.5f;
    canvas_triangle(c, {x0, cy - size * 0.5f}, {x0 + size * 0.87f, cy}, {x0, cy + size * 0.5f}, color);
}

void draw_bar(Canvas& c, float from, float to, float y0, float y1, ImU32 color) {
    if (from > to) std::swap(from, to);
    if (to - from < 1.0f) return;  // a zero value: no sliver that reads as a figure
    canvas_rect(c, {std::round(from), std::round(y0), std::round(to), std::round(y1)}, color, 0);
}

float hidden_note_height(const ViewStyle& s) {
    return s.fonts.small->FontSize + s.unit * 0.75f;
}

// ---- targets -------------------------------------------------------------------------------

std::optional<bool> target_met(double value, std::optional<double> target) {
    if (!target || !std::isfinite(*target) || !std::isfinite(value) || *target == 0) return std::nullopt;
    return value >= *target;
}

BarScale metric_scale(double value, std::optional<double> target, std::string_view unit) {
    const double t = target && std::isfinite(*target) ? *target : 0;
    const double v = std::isfinite(value) ? value : 0;
    if (unit == "%" && v >= 0 && v <= 100 && t >= 0 && t <= 100) return {0, 100};
    BarScale s = bar_scale({v}, {t});
    s.lo *= 1.1;
    s.hi *= 1.1;
    return s;
}

std::string target_figure(double value, std::optional<double> target, std::string_view unit,
                          std::optional<int> decimals, int form) {
    const bool compact = unit_is_compact(unit);
    const std::string u = compact ? "" : " " + std::string(unit);
    std::string t = bar_value_text(value, unit, decimals) + (form < 2 ? u : "");
    if (target) t += " \xC2\xB7 mål " + bar_value_text(*target, unit, decimals) + (form == 0 ? u : "");
    return t;
}

// ---- target marks ------------------------------------------------------------------------

static StatusLook target_look(const Theme& t, bool met) {
    return met ? StatusLook{"Nået", StatusIcon::Check, t.good}
               : StatusLook{"Ikke nået", StatusIcon::Cross, t.bad};
}

float target_mark_width(const ViewStyle& s, const ImFont* font, bool met) {
    Canvas none;
    return draw_status_label(none, s.theme, font, {0, 0}, target_look(s.theme, met), 1e9f, "", true);
}

void draw_target_mark(Canvas& c, const ViewStyle& s, const ImFont* font, ImVec2 pos, bool met) {
    draw_status_label(c, s.theme, font, {std::floor(pos.x), std::floor(pos.y)}, target_look(s.theme, met),
                      1e9f);
}
