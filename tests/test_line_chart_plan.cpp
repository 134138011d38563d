// The line chart's plan (app/views/line_chart_plan.cpp) and its axis (line_axis.cpp), without
// drawing: 1-2-5 ticks holding every value, points inside the plot, x labels apart, last values
// apart and right of the plot, the legend inside, the same plan for the same input.
#include <doctest/doctest.h>

#include <cmath>
#include <string>

#include "app/slide_chrome.h"
#include "app/views/bar_layout.h"
#include "app/views/line_chart_plan.h"
#include "tests/plan_checks.h"
#include "tests/view_harness.h"

using namespace plan_checks;

namespace {

// Unemployment in two places over 16 quarters, with a gap in the second line.
feeds::Series two_lines() {
    feeds::Series s;
    s.unit = "%";
    s.lines = {{"Region Sjælland (alle 17 kommuner)", {}}, {"Hele landet", {}}};
    for (int i = 0; i < 16; ++i) {
        const std::string x = std::to_string(2019 + i / 4) + "K" + std::to_string(i % 4 + 1);
        s.lines[0].points.push_back({x, 4.5 - i * 0.1});
        s.lines[1].points.push_back({x, i == 7 ? std::nullopt : std::optional<double>(3.9 - i * 0.05)});
    }
    return s;
}

}  // namespace

TEST_CASE("line axis: 1-2-5 steps that hold every value, zero kept near the data") {
    const Ticks t = nice_ticks(2.0, 4.5, 6);
    CHECK(t.lo == 0);  // 2 is not far from zero: no cliff
    CHECK(t.hi >= 4.5);
    CHECK(t.count <= 6);
    const double mag = std::pow(10.0, std::floor(std::log10(t.step)));
    const double f = t.step / mag;
    CHECK((f == doctest::Approx(1) || f == doctest::Approx(2) || f == doctest::Approx(5)));
    const Ticks far = nice_ticks(97, 99, 5);
    CHECK(far.lo <= 97);
    CHECK(far.lo > 0);
    CHECK(tick_label(2.5, "%", 1) == "2,5 %");
    CHECK(unit_in_ticks("%"));
    CHECK_FALSE(unit_in_ticks("personer"));
}

TEST_CASE("line chart plan: everything inside the body and apart at 800x480 and 1920x1080") {
    at_plan_sizes([](const ViewHarness& h, Rect body) {
        const LineChartPlan p = plan_line_chart(h.style(), body, two_lines(), {});
        REQUIRE(p.problem.empty());
        REQUIRE(p.legend.size() == 2);
        for (const LineKey& k : p.legend)
            for (const TextIn& l : k.lines) {
                CHECK(inside(body, l.box));
                CHECK(l.box.y1 <= p.plot.y0);  // the legend above the plot
            }
        CHECK(p.gridlines.size() == p.tick_labels.size());
        CHECK(p.gridlines.size() >= 2);
        for (size_t i = 0; i + 1 < p.x_labels.size(); ++i) {
            CHECK(inside(body, box_of(p.x_labels[i])));
            CHECK(box_of(p.x_labels[i]).x1 < box_of(p.x_labels[i + 1]).x0);
            CHECK_FALSE(p.x_labels[i].cut);
        }
        // The latest period is always labelled.
        REQUIRE_FALSE(p.x_labels.empty());
        CHECK(p.x_labels.back().text == "2022K4");
        REQUIRE(p.lines.size() == 2);
        for (const PlotLine& line : p.lines)
            for (const auto& run : line.runs)
                for (ImVec2 q : run) CHECK(inside(p.plot, {q.x, q.y, q.x, q.y}));
        // The gap breaks the second line (drawn first) into two runs; the first is unbroken.
        CHECK(p.lines[0].runs.size() == 2);
        CHECK(p.lines[1].runs.size() == 1);
        REQUIRE(p.last_values.size() == 2);
        CHECK_FALSE(overlap(p.last_values[0].box, p.last_values[1].box));
        for (const TextIn& v : p.last_values) {
            CHECK(v.box.x0 > p.plot.x1);
            CHECK(inside(body, v.box));
        }
    });
}

TEST_CASE("line chart plan: a higher value is higher on the screen, the last point's marker larger") {
    ViewHarness h(1280, 720);
    const Rect body = slide_layout(1280, 720, h.sizes).body;
    const LineChartPlan p = plan_line_chart(h.style(), body, two_lines(), {});
    const PlotLine& first = p.lines[1];  // line 0, drawn last
    REQUIRE(first.runs.size() == 1);
    const auto& run = first.runs[0];
    for (size_t i = 1; i < run.size(); ++i) {
        CHECK(run[i].y > run[i - 1].y);  // falling values: lower each quarter
        CHECK(run[i].x > run[i - 1].x);
    }
    REQUIRE_FALSE(first.markers.empty());
    CHECK(first.markers.back().r > first.markers.front().r);
    CHECK(first.color == h.theme.series[0]);
}

TEST_CASE("line chart plan: the same input gives the same plan") {
    ViewHarness h(800, 480);
    const Rect body = slide_layout(800, 480, h.sizes).body;
    const LineChartPlan a = plan_line_chart(h.style(), body, two_lines(), {});
    const LineChartPlan b = plan_line_chart(h.style(), body, two_lines(), {});
    CHECK(a.plot.x0 == b.plot.x0);
    CHECK(a.plot.y1 == b.plot.y1);
    REQUIRE(a.x_labels.size() == b.x_labels.size());
    for (size_t i = 0; i < a.x_labels.size(); ++i) CHECK(a.x_labels[i].pos.x == b.x_labels[i].pos.x);
    REQUIRE(a.last_values.size() == b.last_values.size());
    for (size_t i = 0; i < a.last_values.size(); ++i)
        CHECK(a.last_values[i].box.y0 == b.last_values[i].box.y0);
}

TEST_CASE(
    "line chart plan: five lines show four and say so, no figures is \"Ingen data\", no room is a problem") {
    ViewHarness h(1280, 720);
    const Rect body = slide_layout(1280, 720, h.sizes).body;
    feeds::Series five = two_lines();
    for (int i = 0; i < 3; ++i) five.lines.push_back(five.lines[0]);
    const LineChartPlan p = plan_line_chart(h.style(), body, five, {});
    CHECK(p.shown == 4);
    CHECK(p.total == 5);
    CHECK(p.lines.size() == 4);
    CHECK(p.plot.y1 < body.y1 - hidden_note_height(h.style()) + 0.5f);
    feeds::Series none;
    none.lines = {{"Tom", {{"2022", std::nullopt}}}};
    CHECK(plan_line_chart(h.style(), body, none, {}).empty);
    CHECK_FALSE(plan_line_chart(h.style(), {0, 0, 300, 40}, two_lines(), {}).problem.empty());
}
