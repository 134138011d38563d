// The bar chart's plan (app/views/bar_chart_plan.cpp), without drawing: rows apart and inside
// the body, the longest bar for the highest figure, figures clear of target lines, the same
// plan for the same input, and stacked rows where labels cannot sit beside their bars.
#include <doctest/doctest.h>

#include <string>

#include "app/slide_chrome.h"
#include "app/views/bar_chart_plan.h"
#include "tests/plan_checks.h"
#include "tests/view_harness.h"

using namespace plan_checks;

namespace {

// The seventeen municipalities of Region Sjælland: the longest names a bar chart shows.
BarData municipalities(std::string unit = "%") {
    const char* names[] = {"Greve",  "Køge",    "Lejre",      "Roskilde",     "Solrød",     "Odsherred",
                           "Holbæk", "Faxe",    "Kalundborg", "Ringsted",     "Slagelse",   "Stevns",
                           "Sorø",   "Lolland", "Næstved",    "Guldborgsund", "Vordingborg"};
    BarData d;
    d.noun = "kommuner";
    for (int i = 0; i < 17; ++i) d.items.push_back({names[i], 2.0 + i * 0.3, std::nullopt, unit, false});
    return d;
}

void check_rows(const BarPlan& p, Rect area) {
    REQUIRE_FALSE(p.rows.empty());
    for (size_t i = 0; i < p.rows.size(); ++i) {
        const BarRow& r = p.rows[i];
        CHECK(inside(area, r.label.box));
        if (r.bar) CHECK(inside(area, box_of(*r.bar)));
        if (r.figure) {
            CHECK(inside(area, box_of(*r.figure)));
            CHECK_FALSE(overlap(box_of(*r.figure), r.label.box));
            if (r.bar) CHECK_FALSE(overlap(box_of(*r.figure), box_of(*r.bar)));
        }
        for (size_t j = i + 1; j < p.rows.size(); ++j) {
            CHECK_FALSE(overlap(r.label.box, p.rows[j].label.box));
            if (r.bar && p.rows[j].bar) CHECK_FALSE(overlap(box_of(*r.bar), box_of(*p.rows[j].bar)));
        }
    }
}

}  // namespace

TEST_CASE(
    "bar chart plan: rows apart and inside the body at 800x480 and 1920x1080, the highest the longest") {
    at_plan_sizes([](const ViewHarness& h, Rect body) {
        feeds::ViewOptions opt;
        opt.sort = feeds::SortOrder::Descending;
        const BarPlan p = plan_bar_chart(h.style(), body, municipalities(), opt);
        REQUIRE_FALSE(p.stacked);
        CHECK(p.total == 17);
        CHECK(p.shown == int(p.rows.size()));
        check_rows(p, body);
        // Sorted descending: the first row is Vordingborg's 6,8 %, the longest bar, and bars shrink.
        CHECK(p.rows.front().label.text == "Vordingborg");
        for (size_t i = 1; i < p.rows.size(); ++i)
            CHECK(length(*p.rows[i].bar) <= length(*p.rows[i - 1].bar));
        CHECK(length(*p.rows.front().bar) > length(*p.rows.back().bar));
    });
}

TEST_CASE("bar chart plan: a limit keeps the home municipality, marked") {
    ViewHarness h(1280, 720);
    const Rect body = slide_layout(1280, 720, h.sizes).body;
    BarData d = municipalities();
    d.items[1].highlight = true;  // Køge, low in a descending sort
    feeds::ViewOptions opt;
    opt.sort = feeds::SortOrder::Descending;
    opt.limit = 5;
    const BarPlan p = plan_bar_chart(h.style(), body, d, opt);
    REQUIRE(p.rows.size() == 5);
    CHECK(p.rows.back().item == 1);
    CHECK(p.rows.back().marker.has_value());
    CHECK(p.rows.back().bar->color == h.theme.highlight);
    CHECK_FALSE(p.rows.front().marker.has_value());
    // The marker sits left of its label's text, inside the area.
    CHECK(p.rows.back().marker->x1 <= p.rows.back().label.box.x1);
    CHECK(inside(body, *p.rows.back().marker));
}

TEST_CASE("bar chart plan: one target is one line and a key, figures step over it") {
    ViewHarness h(1920, 1080);
    const Rect body = slide_layout(1920, 1080, h.sizes).body;
    BarData d = municipalities();
    d.items.resize(4);
    for (auto& it : d.items) it.target = 2.5;
    const BarPlan p = plan_bar_chart(h.style(), body, d, {});
    REQUIRE(p.target_line);
    REQUIRE(p.target_label);
    CHECK(p.target_label->text == "Mål: 2,5 %");
    CHECK(p.target_ticks.empty());
    for (const BarRow& r : p.rows) {
        REQUIRE(r.figure);
        const Rect fb = box_of(*r.figure);
        CHECK_FALSE((fb.x0 <= p.target_line->a.x && p.target_line->a.x <= fb.x1));
        REQUIRE(r.met);
        CHECK(*r.met == (d.items[size_t(r.item)].value >= 2.5));
        CHECK(r.miss.has_value() == !*r.met);  // a miss shows the distance to go
    }
    check_rows(p, body);
}

TEST_CASE("bar chart plan: the same input gives the same plan") {
    ViewHarness h(800, 480);
    const Rect body = slide_layout(800, 480, h.sizes).body;
    const BarPlan a = plan_bar_chart(h.style(), body, municipalities(), {});
    const BarPlan b = plan_bar_chart(h.style(), body, municipalities(), {});
    REQUIRE(a.rows.size() == b.rows.size());
    for (size_t i = 0; i < a.rows.size(); ++i) {
        CHECK(a.rows[i].label.text == b.rows[i].label.text);
        CHECK(a.rows[i].bar->to == b.rows[i].bar->to);
        CHECK(a.rows[i].bar->y0 == b.rows[i].bar->y0);
        CHECK(a.rows[i].figure->pos.x == b.rows[i].figure->pos.x);
    }
}

TEST_CASE("bar chart plan: a label too long to sit beside its bar stacks, no items is \"Ingen data\"") {
    ViewHarness h(800, 480);
    const Rect body = slide_layout(800, 480, h.sizes).body;
    BarData d = municipalities();
    d.items[0].label = "Antal personer i alderen 16-29 år med en erhvervskompetencegivende uddannelse";
    const BarPlan p = plan_bar_chart(h.style(), body, d, {});
    CHECK(p.stacked);
    CHECK(p.rows.empty());
    CHECK(p.stacked_scale.hi > p.stacked_scale.lo);
    CHECK(plan_bar_chart(h.style(), body, BarData{}, {}).empty);
}
