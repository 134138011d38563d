#include "app/rounded_rect.h"

#include <algorithm>
#include <cmath>

void add_rounded_rect(ImDrawList* dl, ImVec2 a, ImVec2 b, ImU32 color, float rounding) {
    const float x0 = std::round(a.x), y0 = std::round(a.y), x1 = std::round(b.x), y1 = std::round(b.y);
    // ImGui's own limit (ImDrawList::PathRect): a corner takes at most half a side, less a pixel.
    const float r = std::min({rounding, (x1 - x0) * 0.5f - 1, (y1 - y0) * 0.5f - 1});
    // Small or barely rounded: one fan costs little, and the parts would not save it.
    if (r < 4 || x1 - x0 < 64 || y1 - y0 < 64) return dl->AddRectFilled(a, b, color, rounding);
    // Corners first: each piece is a square a pixel wider than the radius with one corner
    // rounded (the same arc ImGui draws for the whole shape). Its anti-aliased inner edges lie in
    // the body, which is painted over them next.
    const float k = r + 1;
    dl->AddRectFilled({x0, y0}, {x0 + k, y0 + k}, color, r, ImDrawFlags_RoundCornersTopLeft);
    dl->AddRectFilled({x1 - k, y0}, {x1, y0 + k}, color, r, ImDrawFlags_RoundCornersTopRight);
    dl->AddRectFilled({x1 - k, y1 - k}, {x1, y1}, color, r, ImDrawFlags_RoundCornersBottomRight);
    dl->AddRectFilled({x0, y1 - k}, {x0 + k, y1}, color, r, ImDrawFlags_RoundCornersBottomLeft);
    const float ri = std::ceil(r);  // the body's inner edges on whole pixels, inside the pieces
    dl->AddRectFilled({x0 + ri, y0}, {x1 - ri, y1}, color);
    dl->AddRectFilled({x0, y0 + ri}, {x0 + ri, y1 - ri}, color);
    dl->AddRectFilled({x1 - ri, y0 + ri}, {x1, y1 - ri}, color);
}
