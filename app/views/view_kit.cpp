#include "app/views/view_kit.h"

#include <algorithm>
#include <cmath>

Rect pixel_inner(Rect r) {
    r = {std::ceil(r.x0), std::ceil(r.y0), std::floor(r.x1), std::floor(r.y1)};
    r.x1 = std::max(r.x0, r.x1);
    r.y1 = std::max(r.y0, r.y1);
    return r;
}

void draw_no_items(Canvas& c, const ViewStyle& s, Rect area, std::string_view text) {
    const ImFont* f = fit_font({s.fonts.heading, s.fonts.body, s.fonts.small}, text, area.w());
    if (area.h() < f->FontSize) return;
    canvas_text_in(c, f, area, s.theme.text_muted, text, Align::Center);
}

Canvas measuring_canvas(const Canvas& c) {
    Canvas scratch;  // no draw list: measures only
    scratch.bounds = c.bounds;
    scratch.min_cap_height = c.min_cap_height;
    scratch.fine_print = c.fine_print;
    scratch.background = c.background;
    return scratch;
}

Rect hidden_note_space(const Canvas& c, const ViewStyle& s, Rect area) {
    Canvas scratch = measuring_canvas(c);
    return draw_hidden_note(scratch, s, area, 1, 2, "");
}

std::vector<std::string_view> item_ids(const feeds::IndicatorSet& set) {
    std::vector<std::string_view> ids;
    for (const auto& it : set.items) ids.push_back(it.id);
    return ids;
}
