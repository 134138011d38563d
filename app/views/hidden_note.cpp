#include <string>

#include "app/danish_format.h"
#include "app/view.h"
#include "app/views/bar_layout.h"

Rect draw_hidden_note(Canvas& c, const ViewStyle& s, Rect area, int shown, int total, std::string_view noun) {
    const ImFont* f = s.fonts.small;
    const float h = hidden_note_height(s);  // the line and a little air above it
    if (shown >= total || area.h() < h) return area;
    std::string text = "Viser " + format_number(shown) + " af " + format_number(total);
    if (!noun.empty()) text += " " + std::string(noun);
    canvas_text_in(c, f, {area.x0, area.y1 - f->FontSize, area.x1, area.y1}, s.theme.text_muted, text);
    return {area.x0, area.y0, area.x1, area.y1 - h};
}
