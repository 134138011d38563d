// The grouped bars' plan (app/views/grouped_bars_plan.cpp), without drawing: bars inside the
// area and apart, the longest bar for the highest figure, the legend whole, the same plan for
// the same input.
#include <doctest/doctest.h>

#include <string>

#include "app/slide_chrome.h"
#include "app/views/grouped_bars_plan.h"
#include "tests/plan_checks.h"
#include "tests/view_harness.h"

using namespace plan_checks;

namespace {

// Six youth groups with the longest names the bundled data has, two years each.
GroupedData youth(int groups = 6) {
    const char* names[] = {"Aktivitetsparate unge", "Uddannelsesparate", "Åbenlyst uddannelsesparate",
                           "Kontanthjælp 16–29 år", "Dagpenge 16–29 år", "Sygedagpenge 16–29 år"};
    GroupedData d;
    d.series = {"Unge i 2017 (alle kommuner i Region Sjælland)",
                "Unge i 2021 (alle kommuner i Region Sjælland)"};
    d.units = {"personer", "personer"};
    for (int i = 0; i < groups; ++i)
        d.groups.push_back({names[i % 6], {1000.0 + i * 400, 900.0 + i * 350}, false});
    return d;
}

std::vector<BarMark> bars_of(const GroupedPlan& p) {
    std::vector<BarMark> out;
    for (const auto& g : p.groups)
        for (const auto& s : g.series)
            if (s.bar) out.push_back(*s.bar);
    return out;
}

void check_apart_and_inside(const GroupedPlan& p, Rect area) {
    const auto bars = bars_of(p);
    REQUIRE_FALSE(bars.empty());
    for (size_t i = 0; i < bars.size(); ++i) {
        CHECK(inside(area, box_of(bars[i])));
        for (size_t j = i + 1; j < bars.size(); ++j) CHECK_FALSE(overlap(box_of(bars[i]), box_of(bars[j])));
    }
    for (const auto& g : p.groups) {
        for (const auto& s : g.series)
            if (s.figure) CHECK(inside(area, box_of(*s.figure)));
        if (g.joined) CHECK(inside(area, box_of(*g.joined)));
        for (const auto& n : g.name) CHECK(inside(area, n.box));
    }
    for (const auto& item : p.legend.items) {
        CHECK(inside(area, item.swatch.box));
        for (const auto& l : item.lines) {
            CHECK(inside(area, box_of(l)));
            for (const auto& b : bars) CHECK_FALSE(overlap(box_of(l), box_of(b)));
        }
    }
}

}  // namespace

TEST_CASE("grouped bars plan: bars apart and inside the body at 800x480 and 1920x1080, the legend whole") {
    at_plan_sizes([](const ViewHarness& h, Rect body) {
        const GroupedPlan p = plan_grouped_bars(h.style(), body, youth(), {});
        CHECK(p.total == 6);
        CHECK(p.shown == int(p.groups.size()));
        CHECK(p.shown >= 3);
        GroupedData short_legend = youth();
        short_legend.series = {"2017", "2021"};
        CHECK(plan_grouped_bars(h.style(), body, short_legend, {}).groups.size() == 6);  // every group shown
        check_apart_and_inside(p, body);
        // Every series name is in the legend, whole.
        REQUIRE(p.legend.items.size() == 2);
        for (size_t i = 0; i < 2; ++i) {
            std::string said;
            for (const auto& l : p.legend.items[i].lines) said += (said.empty() ? "" : " ") + l.text;
            CHECK(said == youth().series[i]);
        }
        REQUIRE(p.caption);
        CHECK(p.caption->text == "Antal personer");
    });
}

TEST_CASE("grouped bars plan: the highest figure gets the longest bar, in its series' colour") {
    ViewHarness h(1280, 720);
    const Rect body = slide_layout(1280, 720, h.sizes).body;
    GroupedData d = youth(3);
    d.groups[1].values = {5000.0, 100.0};
    const GroupedPlan p = plan_grouped_bars(h.style(), body, d, {});
    const auto bars = bars_of(p);
    REQUIRE(bars.size() == 6);
    float longest = 0;
    for (const auto& b : bars) longest = std::max(longest, length(b));
    // Unsorted: the groups keep the data order, group 1's first bar is the 3rd.
    CHECK(length(bars[2]) == longest);
    CHECK(bars[2].color == h.theme.series[0]);
    CHECK(bars[3].color == h.theme.series[1]);
    CHECK(length(bars[3]) < length(bars[0]));  // 100 against 1000
}

TEST_CASE("grouped bars plan: the same input gives the same plan") {
    ViewHarness h(800, 480);
    const Rect body = slide_layout(800, 480, h.sizes).body;
    const GroupedPlan a = plan_grouped_bars(h.style(), body, youth(), {});
    const GroupedPlan b = plan_grouped_bars(h.style(), body, youth(), {});
    const auto ba = bars_of(a), bb = bars_of(b);
    REQUIRE(ba.size() == bb.size());
    for (size_t i = 0; i < ba.size(); ++i) {
        CHECK(ba[i].from == bb[i].from);
        CHECK(ba[i].to == bb[i].to);
        CHECK(ba[i].y0 == bb[i].y0);
    }
    CHECK(a.layout_steps == b.layout_steps);
    CHECK(a.compact == b.compact);
    CHECK(a.stacked == b.stacked);
}

TEST_CASE("grouped bars plan: a limit keeps the highlighted group, marked, and says how many are hidden") {
    ViewHarness h(1280, 720);
    const Rect body = slide_layout(1280, 720, h.sizes).body;
    GroupedData d = youth();
    d.groups[5].highlight = true;
    feeds::ViewOptions opt;
    opt.limit = 3;
    const GroupedPlan p = plan_grouped_bars(h.style(), body, d, opt);
    CHECK(p.shown == 3);
    CHECK(p.total == 6);
    REQUIRE(p.shown_groups.size() == 3);
    CHECK(p.shown_groups.back() == 5);
    CHECK(p.groups.back().marker.has_value());
    CHECK_FALSE(p.groups.front().marker.has_value());
}

TEST_CASE("grouped bars plan: negative figures grow left of a zero line") {
    ViewHarness h(1280, 720);
    const Rect body = slide_layout(1280, 720, h.sizes).body;
    GroupedData d = youth(2);
    d.units = {"%", "%"};
    d.groups[0].values = {-3.5, 2.0};
    const GroupedPlan p = plan_grouped_bars(h.style(), body, d, {});
    REQUIRE(p.zero_line);
    CHECK_FALSE(p.caption);  // "%" is said after every figure
    const auto bars = bars_of(p);
    REQUIRE(bars.size() == 4);
    CHECK(bars[0].to < bars[0].from);  // −3,5 to the left
    CHECK(bars[1].to > bars[1].from);
    CHECK(bars[0].from == p.zero_line->a.x);
    check_apart_and_inside(p, body);
}

TEST_CASE("grouped bars plan: no groups or no series is \"Ingen data\"") {
    ViewHarness h(800, 480);
    CHECK(plan_grouped_bars(h.style(), h.screen(), GroupedData{}, {}).empty);
    GroupedData no_series = youth();
    no_series.series.clear();
    CHECK(plan_grouped_bars(h.style(), h.screen(), no_series, {}).empty);
}
