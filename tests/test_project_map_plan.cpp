// The project map's plan (app/views/project_map_plan.cpp), without drawing: the map, the
// legend and the labels apart and inside the body; every listed project badged once; the same
// plan for the same input.
#include <doctest/doctest.h>

#include <string>

#include "app/kiosk/slide_set.h"
#include "app/slide_chrome.h"
#include "app/views/project_map_plan.h"
#include "tests/map_geometry.h"
#include "tests/plan_checks.h"
#include "tests/view_harness.h"

using namespace plan_checks;

TEST_CASE("project map plan: map, legend and labels apart and inside the body, each project badged once") {
    const SlideSet set = load_slide_set({});
    int maps = 0;
    for (ScreenSize sz : {ScreenSize{800, 480}, ScreenSize{1920, 1080}, ScreenSize{1080, 1920}}) {
        ViewHarness h(sz.w, sz.h);
        const Rect body = slide_layout(sz.w, sz.h, h.sizes).body;
        const Canvas c = h.canvas(body);
        for (const auto& s : set.slides) {
            if (!s.valid || s.slide->view != feeds::ViewType::ProjectMap) continue;
            ++maps;
            const auto& data = std::get<feeds::ProjectList>(s.dataset->body);
            const ProjectMapPlan p = plan_project_map(c, h.style(), body, data, *s.slide, geometry());
            INFO(s.slide->id, " at ", sz.w, "x", sz.h);
            REQUIRE_FALSE(p.empty);
            CHECK(p.landscape == (sz.w > sz.h));
            CHECK(p.legend_plan.whole);
            CHECK(int(p.shown.size()) == p.legend_plan.count);
            if (sz.w == 1920) CHECK(int(p.shown.size()) == p.total);  // a large landscape screen lists all
            CHECK(inside(body, p.frame));
            CHECK(inside(p.frame, p.map));
            CHECK(inside(p.frame, p.legend));
            CHECK_FALSE(overlap(p.map, p.legend));
            std::vector<int> badges(p.shown.size() + 1, 0);
            for (size_t i = 0; i < p.labels.size(); ++i) {
                CHECK(inside(p.frame, p.labels[i].box));
                CHECK_FALSE(overlap(p.labels[i].box, p.legend));
                for (size_t j = i + 1; j < p.labels.size(); ++j)
                    CHECK_FALSE(overlap(p.labels[i].box, p.labels[j].box));
                if (p.labels[i].badge) ++badges[size_t(p.labels[i].badge->number)];
            }
            for (size_t n = 1; n < badges.size(); ++n) CHECK(badges[n] <= 1);
        }
    }
    CHECK(maps >= 3);  // the bundled set has project maps
}

TEST_CASE("project map plan: the same input gives the same plan") {
    const SlideSet set = load_slide_set({});
    ViewHarness h(1280, 720);
    const Rect body = slide_layout(1280, 720, h.sizes).body;
    const Canvas c = h.canvas(body);
    for (const auto& s : set.slides) {
        if (!s.valid || s.slide->view != feeds::ViewType::ProjectMap) continue;
        const auto& data = std::get<feeds::ProjectList>(s.dataset->body);
        const ProjectMapPlan a = plan_project_map(c, h.style(), body, data, *s.slide, geometry());
        const ProjectMapPlan b = plan_project_map(c, h.style(), body, data, *s.slide, geometry());
        CHECK(a.layout_steps == b.layout_steps);
        CHECK(a.layout_steps > 0);
        CHECK(a.fit.tx == b.fit.tx);
        CHECK(a.fit.scale == b.fit.scale);
        CHECK(a.legend.x0 == b.legend.x0);
        REQUIRE(a.labels.size() == b.labels.size());
        for (size_t i = 0; i < a.labels.size(); ++i) {
            CHECK(a.labels[i].text == b.labels[i].text);
            CHECK(a.labels[i].box.x0 == b.labels[i].box.x0);
            CHECK(a.labels[i].box.y0 == b.labels[i].box.y0);
        }
    }
}

TEST_CASE("project map plan: no projects is \"Ingen data\"") {
    ViewHarness h(800, 480);
    feeds::Slide slide;
    slide.view = feeds::ViewType::ProjectMap;
    CHECK(plan_project_map(h.canvas(h.screen()), h.style(), h.screen(), {}, slide, geometry()).empty);
}
