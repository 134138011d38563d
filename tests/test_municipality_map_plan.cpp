// The municipality map's plan (app/views/municipality_map_plan.cpp), without drawing: legend
// and map apart and inside the body, labels apart and off the legend, the home municipality
// labelled, outlined and in the legend, the same plan for the same input.
#include <doctest/doctest.h>

#include <string>

#include "app/kiosk/slide_set.h"
#include "app/map/layer.h"
#include "app/views/municipality_map_plan.h"
#include "tests/map_geometry.h"
#include "tests/plan_checks.h"

using namespace plan_checks;

TEST_CASE("municipality map plan: legend, map and labels apart and inside the body, home first") {
    const SlideSet set = load_slide_set({});
    MapSupport support;
    support.geometry = &geometry();
    at_plan_sizes([&](const ViewHarness& h, Rect body) {
        const Canvas c = h.canvas(body);
        int maps = 0;
        for (const auto& sl : set.slides) {
            if (!sl.valid || sl.slide->view != feeds::ViewType::MunicipalityMap) continue;
            ++maps;
            const auto& t = std::get<feeds::MunicipalityTable>(sl.dataset->body);
            const ViewInput in{*sl.dataset, *sl.slide, "Køge", {2022, 5, 3}, &support};
            const MunicipalityMapPlan p = plan_municipality_map(c, h.style(), body, t, in, geometry());
            INFO(sl.slide->id);
            REQUIRE_FALSE(p.empty);
            CHECK(inside(body, p.map));
            CHECK(inside(body, p.legend.box));
            CHECK_FALSE(overlap(p.map, p.legend.box));
            // Five classes at most, then "ingen data" and the home municipality's outline.
            REQUIRE(p.legend.rows.size() >= 2);
            CHECK(p.legend.rows.back().outline);
            CHECK(p.legend.rows.back().text == "Køge");
            CHECK(p.paint.emphasised.size() >= 1);
            bool home_labelled = false;
            for (size_t i = 0; i < p.labels.size(); ++i) {
                CHECK(inside(body, p.labels[i].box));
                CHECK_FALSE(overlap(p.labels[i].box, p.legend.box));
                for (size_t j = i + 1; j < p.labels.size(); ++j)
                    CHECK_FALSE(overlap(p.labels[i].box, p.labels[j].box));
                home_labelled =
                    home_labelled || (p.labels[i].label.first == "Køge" && p.labels[i].label.emphasised);
            }
            CHECK(home_labelled);  // the home label goes first: it always finds a place
        }
        CHECK(maps >= 2);
    });
}

TEST_CASE("municipality map plan: the same input gives the same plan, no values is \"Ingen data\"") {
    const SlideSet set = load_slide_set({});
    MapSupport support;
    support.geometry = &geometry();
    ViewHarness h(1280, 720);
    const Rect body = h.screen();
    const Canvas c = h.canvas(body);
    for (const auto& sl : set.slides) {
        if (!sl.valid || sl.slide->view != feeds::ViewType::MunicipalityMap) continue;
        const auto& t = std::get<feeds::MunicipalityTable>(sl.dataset->body);
        const ViewInput in{*sl.dataset, *sl.slide, "", {2022, 5, 3}, &support};
        const MunicipalityMapPlan a = plan_municipality_map(c, h.style(), body, t, in, geometry());
        const MunicipalityMapPlan b = plan_municipality_map(c, h.style(), body, t, in, geometry());
        CHECK(a.fit.tx == b.fit.tx);
        CHECK(a.fit.scale == b.fit.scale);
        CHECK(a.paint.fill == b.paint.fill);
        REQUIRE(a.labels.size() == b.labels.size());
        for (size_t i = 0; i < a.labels.size(); ++i) CHECK(a.labels[i].box.x0 == b.labels[i].box.x0);
        feeds::MunicipalityTable empty = t;
        for (auto& r : empty.rows)
            for (auto& v : r.values) v.reset();
        CHECK(plan_municipality_map(c, h.style(), body, empty, in, geometry()).empty);
    }
}
