// Stacked rows: the label above a full-width bar, for progress and the bar chart.
//
//   ▶ Handlingsplaner                      382 · mål 385   ⊗ Ikke nået
//   ██████████████████████████████████████████████████▯│
//
// The layout of portrait screens and of labels too long to sit left of their bar: the label
// wraps onto two lines when it must, the figure sits right on the label's line or on a line of
// its own, and the rows spread out to fill the height.
//
// Planning is bounded: a row is at least one line high, so no more rows than that many lines
// fill the area are ever planned (the screen shows a few dozen at most, whatever the data
// holds), and each row is planned once per font and mark column.
#pragma once

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/view.h"
#include "app/views/bar_layout.h"

struct StackRow {
    std::string label;
    std::vector<std::string> figures;  // the figure in its forms, longest first; may be empty
    std::optional<bool> met;           // a mark "✓ Nået" / "⊗ Ikke nået", drawn as shape + word
    bool highlight = false;
    std::optional<double> value;  // none: text only, no bar
    BarScale scale;
    std::optional<double> target;     // a tick across the bar
    std::optional<double> reference;  // a thinner, muted tick across the bar
};

struct StackFonts {
    const ImFont* label;
    const ImFont* figure;
};

// Draws `rows` (all of them, in `order`, at most `wanted`) in the largest of `candidates` in
// which they fit whole; else in the last one, as many as fit, with "Viser n af m `noun`".
void draw_stacked_rows(Canvas& c, const ViewStyle& s, Rect area, const std::vector<StackRow>& rows,
                       const std::vector<int>& order, int wanted,
                       std::initializer_list<StackFonts> candidates, std::string_view noun);
