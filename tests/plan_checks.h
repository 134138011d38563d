// Geometry checks for the views' plan tests (tests/test_*_plan.cpp): what a plan's marks
// cover, whether one box holds another, whether two overlap.
#pragma once

#include <algorithm>
#include <cmath>

#include <doctest/doctest.h>

#include "app/slide_chrome.h"
#include "app/views/marks.h"
#include "tests/view_harness.h"

namespace plan_checks {

// Half a pixel of slack: text is placed at whole pixels, areas may be fractional.
constexpr float kSlack = 0.5f;

inline bool inside(Rect outer, Rect r) {
    return r.x0 >= outer.x0 - kSlack && r.y0 >= outer.y0 - kSlack && r.x1 <= outer.x1 + kSlack &&
           r.y1 <= outer.y1 + kSlack;
}

// Whether a and b share more than the slack in both directions.
inline bool overlap(Rect a, Rect b) {
    return std::min(a.x1, b.x1) - std::max(a.x0, b.x0) > kSlack &&
           std::min(a.y1, b.y1) - std::max(a.y0, b.y0) > kSlack;
}

inline Rect box_of(const TextAt& t) {
    const ImVec2 sz = text_size(t.font, t.text);
    return {t.pos.x, t.pos.y, t.pos.x + sz.x, t.pos.y + t.font->FontSize};
}

inline Rect box_of(const BarMark& b) {
    return {std::min(b.from, b.to), b.y0, std::max(b.from, b.to), b.y1};
}

inline float length(const BarMark& b) {
    return std::fabs(b.to - b.from);
}

// Calls check(harness, slide body) at 800x480, 1920x1080 and 1080x1920, the size in the messages.
template <class Check>
void at_plan_sizes(Check check) {
    for (ScreenSize sz : {ScreenSize{800, 480}, ScreenSize{1920, 1080}, ScreenSize{1080, 1920}}) {
        ViewHarness h(sz.w, sz.h);
        INFO(sz.w, "x", sz.h);
        check(h, slide_layout(sz.w, sz.h, h.sizes).body);
    }
}

}  // namespace plan_checks
