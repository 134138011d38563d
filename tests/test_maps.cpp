// The maps: projection and fit, tessellation, shared arcs and their simplification, classes,
// label placement, and both map views at every screen size without a layout problem.
#include <doctest/doctest.h>

#include <cmath>
#include <cstdlib>
#include <functional>
#include <random>
#include <string>
#include <vector>

#include "app/kiosk/slide_set.h"
#include "app/map/classes.h"
#include "app/map/geometry.h"
#include "app/map/labels.h"
#include "app/map/layer.h"
#include "app/map/simplify.h"
#include "app/slide_chrome.h"
#include "app/slide_draw.h"
#include "app/view.h"
#include "feeds/map_check.h"
#include "platform/font_files.h"
#include "platform/headless.h"
#include "tests/map_geometry.h"
#include "tests/render_date.h"
#include "tests/view_harness.h"

TEST_CASE("transverse Mercator matches Snyder's worked example and UTM 32N's origin") {
    // Snyder, Map Projections: A Working Manual, p. 269: Clarke 1866, 40°30'N 73°30'W, central
    // meridian 75°W, k0 0.9996: x = 127 106.5 m, y = 4 484 124.4 m.
    const Ellipsoid clarke1866{6378206.4, 1.0 / 294.9786982};
    const MapXY p = transverse_mercator(-73.5, 40.5, clarke1866, -75.0, 0.9996, 0, 0);
    CHECK(p.x == doctest::Approx(127106.5).epsilon(1e-6));
    CHECK(p.y == doctest::Approx(4484124.4).epsilon(1e-6));
    const MapXY o = utm32(9.0, 0.0);
    CHECK(o.x == doctest::Approx(500000.0));
    CHECK(std::abs(o.y) < 1e-6);
    // Copenhagen Central Station in ETRS89 / UTM 32N is about E 724 400, N 6 175 600.
    const MapXY kbh = utm32(12.565, 55.673);
    CHECK(std::abs(kbh.x - 724400) < 1500);
    CHECK(std::abs(kbh.y - 6175600) < 1500);
}

TEST_CASE("the fit keeps the aspect and puts known places where they belong, in any rectangle") {
    const MapGeometry& g = geometry();
    const MapXY roskilde = utm32(12.08, 55.642), koege = utm32(12.182, 55.458), kbh = utm32(12.565, 55.673);
    for (Rect r : {Rect{0, 0, 1600, 800}, Rect{0, 0, 800, 1600}, Rect{100, 50, 580, 322}}) {
        const MapFit fit = fit_map(g.focus_bounds, r);
        const Rect d = fitted_rect(fit, g.focus_bounds);
        INFO(r.w(), "x", r.h());
        // Inside, touching on the limiting axis, centred on the other.
        CHECK(d.x0 >= r.x0 - 0.01f);
        CHECK(d.x1 <= r.x1 + 0.01f);
        CHECK(d.y0 >= r.y0 - 0.01f);
        CHECK(d.y1 <= r.y1 + 0.01f);
        CHECK((std::abs(d.w() - r.w()) < 0.5f || std::abs(d.h() - r.h()) < 0.5f));
        CHECK((d.x0 + d.x1) / 2 == doctest::Approx((r.x0 + r.x1) / 2).epsilon(1e-4));
        CHECK((d.y0 + d.y1) / 2 == doctest::Approx((r.y0 + r.y1) / 2).epsilon(1e-4));
        // The aspect: the box's ratio on screen equals its ratio in metres.
        CHECK(d.w() / d.h() == doctest::Approx(g.focus_bounds.w() / g.focus_bounds.h()).epsilon(1e-4));
        // Copenhagen is east of Roskilde and north of Køge; Køge is south of Roskilde.
        const ImVec2 R = fit(roskilde), K = fit(koege), C = fit(kbh);
        CHECK(C.x > R.x);
        CHECK(C.y < K.y);
        CHECK(K.y > R.y);
        // 10 km east and 10 km north are the same length on screen (conformal, one scale).
        const ImVec2 e = fit({roskilde.x + 10000, roskilde.y}), n = fit({roskilde.x, roskilde.y + 10000});
        CHECK(std::hypot(e.x - R.x, e.y - R.y) == doctest::Approx(std::hypot(n.x - R.x, n.y - R.y)));
    }
}

TEST_CASE("the tessellation covers every municipality's area within 0.1 %") {
    const MapGeometry& g = geometry();
    CHECK(g.areas.size() == 45);  // 17 + 28 of the capital region, without Bornholm and Christiansø
    int focus = 0;
    for (const MapArea& a : g.areas) {
        INFO(a.name);
        focus += a.focus;
        REQUIRE(a.area > 0);
        CHECK(std::abs(mesh_area(a.mesh) - a.area) / a.area < 0.001);
        CHECK(a.mesh.indices.size() % 3 == 0);
    }
    CHECK(focus == 17);
    // A concave ring with a hole: an L of 3 unit squares minus a 0.5 x 0.5 hole.
    MapMesh m;
    const std::vector<std::vector<MapXY>> rings = {
        {{0, 0}, {2, 0}, {2, 1}, {1, 1}, {1, 2}, {0, 2}},
        {{0.25, 0.25}, {0.75, 0.25}, {0.75, 0.75}, {0.25, 0.75}},
    };
    CHECK(tessellate(rings, m).empty());
    CHECK(mesh_area(m) == doctest::Approx(3.0 - 0.25));
}

TEST_CASE("shared borders are one arc with two sides, and simplification keeps neighbours joined") {
    const MapGeometry& g = geometry();
    const int koege = area_index(g, "259"), solroed = area_index(g, "269");
    REQUIRE(koege >= 0);
    REQUIRE(solroed >= 0);
    int between = 0;
    for (const MapArc& a : g.arcs)
        if ((a.side_a == koege && a.side_b == solroed) || (a.side_a == solroed && a.side_b == koege))
            ++between;
    CHECK(between >= 1);
    // Fewer points on a small screen than on a large one; every arc keeps its ends.
    const auto small = simplified_arcs(g, 480.0 / 200000.0), large = simplified_arcs(g, 1920.0 / 200000.0);
    std::size_t ns = 0, nl = 0;
    for (std::size_t i = 0; i < g.arcs.size(); ++i) {
        ns += small[i].size();
        nl += large[i].size();
        REQUIRE(small[i].size() >= 2);
        CHECK(small[i].front().x == g.arcs[i].points.front().x);
        if (!g.arcs[i].closed) CHECK(small[i].back().y == g.arcs[i].points.back().y);
    }
    CHECK(ns < nl);
    CHECK(nl < std::size_t(g.vertex_count));
    // Douglas-Peucker on a line: points within the tolerance go, a corner stays.
    const auto dp = douglas_peucker({{0, 0}, {1, 0.01}, {2, 0}, {2, 2}}, 0.1);
    CHECK(dp.size() == 3);
}

TEST_CASE("classes: quantiles snapped to the data, Danish labels, one colour each") {
    // The 2020 shares of foreign nationals among private employees, the 17 municipalities.
    const std::vector<double> v = {17, 11, 11, 13, 8, 9, 9, 7, 14, 9, 12, 7, 9, 10, 10, 8, 10};
    const auto cl = quantile_classes(v, 5, "%", 0);
    REQUIRE(cl.size() == 5);
    CHECK(cl[0].label == "7 %");
    CHECK(cl[1].label == "8 %");
    CHECK(cl[2].label == "9 %");
    CHECK(cl[3].label == "10\u201312 %");
    CHECK(cl[4].label == "13\u201317 %");
    CHECK(class_of(cl, 17) == 4);
    CHECK(class_of(cl, 12) == 3);
    for (std::size_t i = 1; i < cl.size(); ++i) CHECK(cl[i].color != cl[i - 1].color);
    CHECK(quantile_classes({5, 5, 5}, 5, "", std::nullopt).size() == 1);
}

TEST_CASE("labels never overlap each other or an obstacle, stay inside, and go by priority") {
    std::mt19937 rng(8);
    std::uniform_real_distribution<float> pos(0, 800), w(40, 200), h(15, 40);
    const Rect bounds{0, 0, 800, 480};
    const std::vector<Rect> obstacles = {{600, 0, 800, 480}};
    for (int round = 0; round < 20; ++round) {
        std::vector<LabelRequest> req;
        for (int i = 0; i < 60; ++i)
            req.push_back({{pos(rng), pos(rng) * 0.6f}, {w(rng), h(rng)}, i % 7, i % 2 == 0, 4, {}});
        const auto placed = place_labels(req, bounds, obstacles, 2);
        for (std::size_t i = 0; i < placed.size(); ++i) {
            if (!placed[i]) continue;
            const Rect& a = *placed[i];
            CHECK(a.x0 >= bounds.x0);
            CHECK(a.x1 <= bounds.x1);
            CHECK(a.y0 >= bounds.y0);
            CHECK(a.y1 <= bounds.y1);
            CHECK_FALSE(boxes_overlap(a, obstacles[0]));
            for (std::size_t j = i + 1; j < placed.size(); ++j)
                if (placed[j]) CHECK_FALSE(boxes_overlap(a, *placed[j]));
        }
    }
    // The first in priority gets its first choice even when a later one asks for the same spot.
    const auto p = place_labels(
        {{{100, 100}, {50, 20}, 5, false, 0, {}}, {{100, 100}, {50, 20}, 0, false, 0, {}}}, bounds, {});
    REQUIRE(p[1]);
    CHECK(p[1]->x0 == 75);
    CHECK(p[1]->y0 == 90);
}

namespace {

// The map views' sizes: every supported screen and a 480x272 panel.
std::vector<ScreenSize> map_sizes() {
    std::vector<ScreenSize> sizes = kScreenSizes;
    sizes.push_back({480, 272});
    return sizes;
}

// `body` within one frame of a harness at each of map_sizes(), with the slide layout there.
void at_map_sizes(const std::function<void(ViewHarness&, const SlideLayout&, ScreenSize)>& body) {
    for (const ScreenSize sz : map_sizes()) {
        ViewHarness h(sz.w, sz.h);
        REQUIRE_MESSAGE(h.font_error.empty(), h.font_error);
        h.begin_frame();
        body(h, slide_layout(sz.w, sz.h, h.sizes), sz);
        h.end_frame();
    }
}

}  // namespace

TEST_CASE("both map views lay out inside their area at every screen size without a problem, home labelled") {
    const SlideSet set = load_slide_set({});
    const MapGeometry& g = geometry();
    MapSupport support;
    support.geometry = &g;
    int maps = 0;
    at_map_sizes([&](ViewHarness& h, const SlideLayout& l, ScreenSize sz) {
        for (const auto& s : set.slides) {
            if (!s.valid) continue;
            const auto view = s.slide->view;
            if (view != feeds::ViewType::MunicipalityMap && view != feeds::ViewType::ProjectMap) continue;
            for (const char* home : {"", "Køge", "376"}) {
                Canvas c = h.canvas(h.screen());
                const ViewInput in{*s.dataset, *s.slide, home, {2022, 5, 3}, &support};
                draw_view(c, h.style(), l.body, in);
                const auto problems = canvas_problems(c);
                INFO(s.slide->id, " at ", sz.w, "x", sz.h, " home ", home);
                CHECK_MESSAGE(problems.empty(), join_problems(problems));
                CHECK(c.texts.size() >= 3);
                // Legend, labels and attribution stay in the view's area, not only on the screen.
                for (const auto& t : c.texts) {
                    INFO("text \"", t.text, "\" at ", t.box.x0, ",", t.box.y0, "-", t.box.x1, ",", t.box.y1);
                    CHECK(t.box.x0 >= l.body.x0 - 0.5f);
                    CHECK(t.box.x1 <= l.body.x1 + 0.5f);
                    CHECK(t.box.y0 >= l.body.y0 - 0.5f);
                    CHECK(t.box.y1 <= l.body.y1 + 0.5f);
                }
                if (view == feeds::ViewType::MunicipalityMap && std::string(home) == "Køge") {
                    bool labelled = false;
                    for (const auto& t : c.texts) labelled = labelled || t.text == "Køge";
                    CHECK(labelled);
                }
                ++maps;
            }
        }
    });
    CHECK(maps == int(map_sizes().size()) * 4 * 3);
}

TEST_CASE("a map's base is drawn into its texture once and reused when the clock changes") {
    const char* dir = std::getenv("INFOTAVLE_FONT_DIR");
    const FontFiles fonts = find_font_files(dir ? dir : "");
    REQUIRE_MESSAGE(fonts.error.empty(), fonts.error);
    const SlideSet set = load_slide_set({});
    Headless hl;
    REQUIRE_FALSE(open_headless(800, 480, hl));
    SlideScreen screen;
    open_slide_screen(hl.renderer, fonts, screen);
    REQUIRE_FALSE(resize_slide_screen(screen, 800, 480));
    int maps = 0;
    for (const auto& s : set.slides) {
        if (!s.valid || s.slide->view != feeds::ViewType::MunicipalityMap) continue;
        const int before = screen.map_layers.draws;
        for (int minute = 0; minute < 3; ++minute) {
            const auto problems = draw_slide(screen, s, {render_clock(minute), "", kRenderToday});
            CHECK_MESSAGE(problems.empty(), join_problems(problems));
        }
        CHECK(screen.map_layers.draws == before + 1);
        ++maps;
    }
    CHECK(maps == 2);
    CHECK(screen.map_geometry.has_value());
    close_slide_screen(screen);
    close_headless(hl);
}

TEST_CASE("a municipality without a value is grey and the legend says ingen data") {
    const MapGeometry& g = geometry();
    MapSupport support;
    support.geometry = &g;
    feeds::Dataset ds;
    ds.id = "t";
    feeds::MunicipalityTable t;
    t.columns = {{"a", "Andel", "%"}};
    t.rows = {
        {"259", "Køge", {2.5}, ""}, {"265", "Roskilde", {std::nullopt}, ""}, {"370", "Næstved", {4.0}, ""}};
    ds.body = t;
    feeds::Slide slide;
    slide.id = "s";
    slide.view = feeds::ViewType::MunicipalityMap;
    ViewHarness h(1280, 720);
    REQUIRE_MESSAGE(h.font_error.empty(), h.font_error);
    h.begin_frame();
    Canvas c = h.canvas(h.screen());
    draw_view(c, h.style(), slide_layout(1280, 720, h.sizes).body, {ds, slide, "", {2022, 5, 3}, &support});
    const auto problems = canvas_problems(c);
    CHECK_MESSAGE(problems.empty(), join_problems(problems));
    int no_data = 0;
    bool low = false, high = false;
    for (const auto& x : c.texts) {
        no_data += x.text == "ingen data";
        low = low || x.text == "2,5 %";
        high = high || x.text == "4 %";
    }
    CHECK(no_data >= 1);  // the legend, and Roskilde's label when it fits
    CHECK(low);
    CHECK(high);
    h.end_frame();
}

TEST_CASE("the project map lists every project with its cost where the screen has room, else says how many") {
    const SlideSet set = load_slide_set({});
    MapSupport support;
    support.geometry = &geometry();
    at_map_sizes([&](ViewHarness& h, const SlideLayout& l, ScreenSize sz) {
        for (const auto& s : set.slides) {
            if (!s.valid || s.slide->view != feeds::ViewType::ProjectMap) continue;
            Canvas c = h.canvas(h.screen());
            draw_view(c, h.style(), l.body, {*s.dataset, *s.slide, "", {2022, 5, 3}, &support});
            const auto projects =
                feeds::shown_projects(*s.slide, std::get<feeds::ProjectList>(s.dataset->body));
            int numbers = 0;  // each listed project's number: once on the map, once in the legend
            bool note = false, cost = false;
            for (const auto& t : c.texts) {
                note = note || t.text.rfind("Viser ", 0) == 0;
                cost = cost || t.text.find("kr.") != std::string::npos;
                for (std::size_t i = 1; i <= projects.size(); ++i) numbers += t.text == std::to_string(i);
            }
            INFO(s.slide->id, " at ", sz.w, "x", sz.h);
            if (!note) CHECK(numbers >= int(projects.size()));
            if (sz.w >= 1280 &&
                sz.w > sz.h) {  // a landscape screen of 720 lines or more lists all, with costs
                CHECK_FALSE(note);
                if (s.slide->id == "kort_jernbane") CHECK(cost);
            }
        }
    });
}
