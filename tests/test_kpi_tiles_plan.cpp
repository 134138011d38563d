// The key-figure tiles' plan (app/views/kpi_tiles_plan.cpp), without drawing: tiles apart and
// inside the body, each whole and no taller than its tile, one figure size for all, the same
// plan for the same input.
#include <doctest/doctest.h>

#include <string>

#include "app/kiosk/slide_set.h"
#include "app/views/kpi_tiles_plan.h"
#include "tests/plan_checks.h"

using namespace plan_checks;

TEST_CASE("kpi tiles plan: the bundled tiles apart and inside the body, whole, one figure size") {
    const SlideSet set = load_slide_set({});
    at_plan_sizes([&](const ViewHarness& h, Rect body) {
        int slides = 0;
        for (const auto& sl : set.slides) {
            if (!sl.valid || sl.slide->view != feeds::ViewType::KpiTiles) continue;
            ++slides;
            const auto& data = std::get<feeds::IndicatorSet>(sl.dataset->body);
            const KpiPlan p = plan_kpi_tiles(h.style(), body, data, sl.slide->options);
            INFO(sl.slide->id);
            REQUIRE_FALSE(p.empty);
            REQUIRE(p.tiles.size() == p.plans.size());
            CHECK(int(p.tiles.size()) == p.shown);
            CHECK(p.shown >= 1);
            CHECK(p.note == (p.shown < p.total));
            for (size_t i = 0; i < p.tiles.size(); ++i) {
                CHECK(inside(body, p.tiles[i]));
                CHECK(p.plans[i].whole);
                CHECK(p.plans[i].big == p.plans[0].big);  // figures of one size compare at a glance
                CHECK(p.plans[i].height <= p.tiles[i].h());
                for (size_t j = i + 1; j < p.tiles.size(); ++j) CHECK_FALSE(overlap(p.tiles[i], p.tiles[j]));
            }
        }
        CHECK(slides >= 5);
    });
}

TEST_CASE("kpi tiles plan: the same input gives the same plan, a limit holds, no items is \"Ingen data\"") {
    const SlideSet set = load_slide_set({});
    ViewHarness h(1280, 720);
    const Rect body = h.screen();
    for (const auto& sl : set.slides) {
        if (!sl.valid || sl.slide->view != feeds::ViewType::KpiTiles) continue;
        const auto& data = std::get<feeds::IndicatorSet>(sl.dataset->body);
        const KpiPlan a = plan_kpi_tiles(h.style(), body, data, sl.slide->options);
        const KpiPlan b = plan_kpi_tiles(h.style(), body, data, sl.slide->options);
        REQUIRE(a.tiles.size() == b.tiles.size());
        for (size_t i = 0; i < a.tiles.size(); ++i) {
            CHECK(a.tiles[i].x0 == b.tiles[i].x0);
            CHECK(a.tiles[i].y0 == b.tiles[i].y0);
            CHECK(a.plans[i].number == b.plans[i].number);
            CHECK(a.plans[i].big == b.plans[i].big);
        }
        feeds::ViewOptions one = sl.slide->options;
        one.limit = 1;
        CHECK(plan_kpi_tiles(h.style(), body, data, one).tiles.size() == 1);
    }
    CHECK(plan_kpi_tiles(h.style(), body, feeds::IndicatorSet{}, {}).empty);
}
