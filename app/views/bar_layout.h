// Arithmetic and small drawing helpers shared by the bar views (bar chart, grouped bars,
// progress) and free for the other views: the value scale, value → pixel, how many rows fit,
// which items to keep when not all fit, highlight matching, and shapes Canvas lacks.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/view.h"
#include "app/views/home_match.h"
#include "app/views/status_badge.h"
#include "app/views/view_kit.h"

// ---- scale -------------------------------------------------------------------------------

// The value range a bar track shows. Always lo <= 0 <= hi and hi > lo: bars grow from a zero
// baseline, to the right for positive values and to the left for negative ones.
struct BarScale {
    double lo = 0;
    double hi = 1;
};

// The range holding 0, every finite value and every finite extra (a target, say).
BarScale bar_scale(const std::vector<double>& values, const std::vector<double>& extras = {});

// The x of `v` on a track from x0 to x1; values outside the scale are clamped to the track.
float bar_x(const BarScale& s, float x0, float x1, double v);

// ---- rows --------------------------------------------------------------------------------

struct RowFit {
    int shown = 0;    // rows that fit, <= count
    float pitch = 0;  // distance from one row's top to the next
};

// How many rows of at least `min_pitch` fit in `height`; the pitch grows with the room left,
// up to `max_pitch`, so a few items get calm thick bars instead of a sparse list.
RowFit fit_rows(float height, int count, float min_pitch, float max_pitch);

// `order` is the display order of all items. When only `n` fit, keeps the first n, except that
// highlighted items are never dropped: they take the last places, and the result keeps the
// display order (the home municipality stays visible in a top 10).
std::vector<int> pick_shown(const std::vector<int>& order, const std::vector<bool>& highlighted, int n);

// Indices 0..n-1 sorted by `values` as `sort` says; values without a figure go last. Stable:
// equal values keep the data order.
std::vector<int> sorted_order(const std::vector<std::optional<double>>& values, feeds::SortOrder sort);

// ---- text ----------------------------------------------------------------------------------

// Units that read well after every figure ("2,3 %", "1,1 mia. kr."); others ("personer")
// are better said once above the chart than repeated on every bar.
bool unit_is_compact(std::string_view unit);

// A figure for a bar label: the full format_value for compact units, the bare number otherwise.
std::string bar_value_text(double v, std::string_view unit, std::optional<int> decimals);

// The widest text of `texts` in `font`.
float max_text_width(const ImFont* font, const std::vector<std::string>& texts);

// ---- shapes --------------------------------------------------------------------------------

void canvas_triangle(Canvas& c, ImVec2 a, ImVec2 b, ImVec2 d, ImU32 color);
void canvas_rect_outline(Canvas& c, Rect r, ImU32 color, float rounding, float thickness);

// A small right-pointing triangle centred in `box` (at most its height): marks a highlighted
// row by shape as well as colour.
void draw_row_marker(Canvas& c, Rect box, ImU32 color);

// A filled bar from x `from` to x `to` (either order), vertically `y0..y1`.
void draw_bar(Canvas& c, float from, float to, float y0, float y1, ImU32 color);

// The height draw_hidden_note takes from the bottom of an area: reserve it before laying out
// rows when not everything fits.
float hidden_note_height(const ViewStyle& s);

// ---- targets -------------------------------------------------------------------------------

// Whether `value` reaches `target`. The targets of the bar views are amounts to reach (forløb,
// tilfredshed, kendskab): reaching or passing one meets it. No verdict without a target, for a
// target of 0 (then "better" could be either way) or for a figure that is not finite.
std::optional<bool> target_met(double value, std::optional<double> target);

// The scale one metric's bar is drawn on, its own: 0..100 for a percentage within that range,
// else 0 to the larger of value and target with 10 % headroom, so neither sits at the very end.
BarScale metric_scale(double value, std::optional<double> target, std::string_view unit);

// "80 % · mål 80 %", "382 · mål 385", "76 point · mål 70 point". Forms, longest first: 0 full,
// 1 the target without a unit that is not compact ("76 point · mål 70"), 2 no such units at all.
std::string target_figure(double value, std::optional<double> target, std::string_view unit,
                          std::optional<int> decimals, int form = 0);

// ---- target marks ------------------------------------------------------------------------

// The width of the met / not-met mark in `font`.
float target_mark_width(const ViewStyle& s, const ImFont* font, bool met);
// Draws the mark with its top-left at `pos`.
void draw_target_mark(Canvas& c, const ViewStyle& s, const ImFont* font, ImVec2 pos, bool met);
