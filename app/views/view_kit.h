// What every view opens with, written once: the area in whole pixels (draw_view snaps it before
// any view runs), the calm "Ingen data", a canvas for measuring, and the items the `columns`
// option picks (feeds/column_pick.h).
#pragma once

#include <string_view>
#include <vector>

#include "app/view.h"
#include "feeds/column_pick.h"

// `r` shrunk to whole pixels. Text is drawn at whole pixels (canvas_text_in floors), so a view
// that starts from a fractional edge would put its first line a fraction outside its area;
// inside a snapped area, flooring can never push text out of it. draw_view() applies it once.
Rect pixel_inner(Rect r);

// The calm message a view shows for an empty dataset: "Ingen data" (or `text`), centred in
// `area` in the largest font it fits; nothing when the area is lower than the smallest.
void draw_no_items(Canvas& c, const ViewStyle& s, Rect area, std::string_view text = "Ingen data");

// A canvas with no draw list and `c`'s bounds and size rules: draw into it to measure (its
// texts tell what would be placed and cut); nothing reaches the screen.
Canvas measuring_canvas(const Canvas& c);

// The area draw_hidden_note() would leave above its note, without drawing anything: a view
// counts how many items fit in it before it draws the note with the final count.
Rect hidden_note_space(const Canvas& c, const ViewStyle& s, Rect area);

// The indicators' ids, in order: the keys options.columns names them by.
std::vector<std::string_view> item_ids(const feeds::IndicatorSet& set);
