// What a view's plan step decided to draw, as plain records (where, what, in which font and
// colour), and the one call that draws each. A plan is tested without drawing; its draw step
// only walks the records in order.
#pragma once

#include <string>

#include "app/canvas.h"

// `text` with its top-left at `pos` (canvas_text).
struct TextAt {
    const ImFont* font = nullptr;
    ImVec2 pos{};
    ImU32 color = 0;
    std::string text;
    bool cut = false;  // shortened to fit: a reported problem
};

// `text` on one line inside `box`, aligned (canvas_text_in).
struct TextIn {
    const ImFont* font = nullptr;
    Rect box;
    ImU32 color = 0;
    std::string text;
    Align align = Align::Left;
};

// A bar from x `from` to x `to` (either order), vertically y0..y1 (draw_bar).
struct BarMark {
    float from = 0, to = 0, y0 = 0, y1 = 0;
    ImU32 color = 0;
};

// A filled rectangle (canvas_rect).
struct RectMark {
    Rect box;
    ImU32 color = 0;
    float rounding = 0;
};

// A straight line (canvas_line).
struct LineMark {
    ImVec2 a{}, b{};
    ImU32 color = 0;
    float thickness = 1;
};

void draw_mark(Canvas& c, const TextAt& m);
void draw_mark(Canvas& c, const TextIn& m);
void draw_mark(Canvas& c, const BarMark& m);
void draw_mark(Canvas& c, const RectMark& m);
void draw_mark(Canvas& c, const LineMark& m);
