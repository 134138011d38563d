#include "app/views/marks.h"

#include "app/views/bar_layout.h"

void draw_mark(Canvas& c, const TextAt& m) {
    canvas_text(c, m.font, m.pos, m.color, m.text, m.cut);
}

void draw_mark(Canvas& c, const TextIn& m) {
    canvas_text_in(c, m.font, m.box, m.color, m.text, m.align);
}

void draw_mark(Canvas& c, const BarMark& m) {
    draw_bar(c, m.from, m.to, m.y0, m.y1, m.color);
}

void draw_mark(Canvas& c, const RectMark& m) {
    canvas_rect(c, m.box, m.color, m.rounding);
}

void draw_mark(Canvas& c, const LineMark& m) {
    canvas_line(c, m.a, m.b, m.color, m.thickness);
}
