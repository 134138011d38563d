// A filled rectangle with rounded corners, drawn so that SDL's software renderer fills it fast.
// ImGui fills a rounded outline as one fan of triangles from a corner; SDL's rasteriser tests
// every pixel of each triangle's bounding box, and most of the fan's triangles span most of the
// rectangle: a 590x590 card cost six times its area in tests, the largest part of a slide's
// cold draw. Here the body is three plain rectangles, which SDL fills at memset speed, and only
// the four corners are fans, each in a square of the corner's radius.
#pragma once

#include <imgui/imgui.h>

// Like dl->AddRectFilled(a, b, color, rounding) on a rectangle of whole pixels; a small one is
// passed to ImGui as it is. A large one's edges are snapped to whole pixels (where ImGui's
// anti-aliasing of an edge on a whole pixel paints the same pixels as a plain fill).
void add_rounded_rect(ImDrawList* dl, ImVec2 a, ImVec2 b, ImU32 color, float rounding);
