// The canvas's contrast check (app/contrast.h, canvas_problems).
#include <doctest/doctest.h>

#include "app/canvas.h"
#include "app/contrast.h"

TEST_CASE("text below 4.5:1 against the fill under it is reported, else the background counts") {
    CHECK(contrast_ratio(IM_COL32(0, 0, 0, 255), IM_COL32(255, 255, 255, 255)) == doctest::Approx(21.0));
    CHECK(contrast_ratio(IM_COL32(118, 118, 118, 255), IM_COL32(255, 255, 255, 255)) ==
          doctest::Approx(4.54).epsilon(0.01));
    Canvas c;
    c.bounds = {0, 0, 100, 100};
    c.background = IM_COL32(255, 255, 255, 255);
    c.texts.push_back({{10, 10, 30, 20}, "ok", false, IM_COL32(0, 0, 0, 255), 0});
    CHECK(canvas_problems(c).empty());
    canvas_disc(c, {20, 15}, 30, IM_COL32(20, 20, 20, 255));  // drawn after the text: not under it
    CHECK(canvas_problems(c).empty());
    c.texts = {{{10, 10, 30, 20}, "dark", false, IM_COL32(0, 0, 0, 255), c.fills.size()}};
    REQUIRE(canvas_problems(c).size() == 1);
    CHECK(canvas_problems(c)[0].find("contrast of 1.") != std::string::npos);
    c.background = 0;  // a layout-only canvas: not checked
    CHECK(canvas_problems(c).empty());
}
