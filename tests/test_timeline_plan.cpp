// The timeline's plan (app/views/timeline_plan.cpp), without drawing: at every size from
// 800x480 to 3840x2160 and with the longest texts a feed may hold, one layout is chosen, the
// shown steps go down (or across) in order inside the area, and what is not shown is named;
// the same plan for the same input.
#include <doctest/doctest.h>

#include <string>
#include <utility>
#include <vector>

#include "app/kiosk/slide_set.h"
#include "app/slide_chrome.h"
#include "app/views/timeline_plan.h"
#include "tests/plan_checks.h"

using namespace plan_checks;

namespace {

const std::vector<ScreenSize> kPlanSizes = {{800, 480},   {1024, 600},  {1280, 720},
                                            {1920, 1080}, {1080, 1920}, {3840, 2160}};

// Words up to `bytes` (a feed's strings hold at most 2000 bytes).
std::string longest(std::size_t bytes) {
    std::string out;
    const std::string word = "Kommunalbestyrelsernes ";
    while (out.size() + word.size() <= bytes) out += word;
    out.pop_back();
    return out;
}

feeds::Timeline bundled_timeline() {
    const SlideSet set = load_slide_set({});
    for (const auto& sl : set.slides)
        if (sl.valid && sl.slide->view == feeds::ViewType::Timeline)
            return std::get<feeds::Timeline>(sl.dataset->body);
    return {};
}

std::vector<std::pair<std::string, feeds::Timeline>> cases() {
    std::vector<std::pair<std::string, feeds::Timeline>> out;
    out.push_back({"bundled", bundled_timeline()});
    out.push_back({"one", feeds::Timeline{{{{2022, 5, 3}, "", "Møde", "Kort.", "", ""}}}});
    const std::string text = longest(2000);
    out.push_back({"longest", feeds::Timeline{{{{2022, 5, 0}, "", text, text, "", ""},
                                               {{2022, 9, 0}, "", "Kort", text, "", ""},
                                               {{2023, 0, 0}, "", text, "", "", ""}}}});
    feeds::Timeline many;
    for (int i = 0; i < 98; ++i)
        many.events.push_back(
            {{2000 + i / 12, i % 12 + 1, 0}, "", "Trin " + std::to_string(i), "Note.", "", ""});
    out.push_back({"98", many});
    return out;
}

// The shown steps in order inside the area, whichever layout holds them.
void check_positions(const TimelinePlan& p, Rect area) {
    using Layout = TimelinePlan::Layout;
    if (p.layout == Layout::Horizontal) {
        const HorizontalPlan& h = p.horizontal;
        CHECK(h.x_of(p.first) - h.text_w * 0.5f >= area.x0 - kSlack);
        CHECK(h.x_of(p.last - 1) + h.text_w * 0.5f <= area.x1 + kSlack);
        CHECK(h.today_y >= area.y0 - kSlack);
        CHECK(h.date_y < h.line_y);
        CHECK(h.line_y < h.label_y);
        CHECK(h.label_y + h.label_h <= area.y1 + kSlack);
    } else if (p.layout == Layout::Vertical) {
        const VerticalPlan& v = p.vertical;
        REQUIRE(int(v.dot_y.size()) == p.last - p.first);
        for (size_t i = 1; i < v.dot_y.size(); ++i) CHECK(v.dot_y[i] > v.dot_y[i - 1]);
        CHECK(v.x0 >= area.x0 - kSlack);
        CHECK(v.label_x1 <= area.x1 + kSlack);
        CHECK(v.dot_y.back() <= area.y1);
        if (v.note_x >= 0) {  // notes beside the labels: a column of their own
            CHECK(v.note_x >= v.label_x1);
            CHECK(v.note_x < area.x1);
        }
    } else if (p.layout == Layout::Stacked && !p.stacked.fallback) {
        const StackedPlan& k = p.stacked;
        REQUIRE(int(k.top.size()) == p.last - p.first);
        for (size_t i = 1; i < k.top.size(); ++i) CHECK(k.top[i] > k.top[i - 1]);
        CHECK(k.top.front() >= area.y0 - kSlack);
        CHECK(k.top.back() + k.h[size_t(p.last - 1)] <= area.y1 + 1);
    }
}

}  // namespace

TEST_CASE("timeline plan: one layout at every size, steps in order inside the body, the rest named") {
    const feeds::Dataset d;
    feeds::Slide slide;
    for (ScreenSize sz : kPlanSizes) {
        ViewHarness h(sz.w, sz.h);
        const Rect body = slide_layout(sz.w, sz.h, h.sizes).body;
        const Canvas c = h.canvas(body);
        for (const auto& named : cases()) {
            const feeds::Timeline& tl = named.second;
            const ViewInput in{d, slide, "", {2022, 9, 1}};
            const TimelinePlan p = plan_timeline(c, h.style(), body, tl, in);
            INFO(sz.w, "x", sz.h, " ", named.first);
            REQUIRE(p.layout != TimelinePlan::Layout::Empty);
            CHECK(p.problem.empty());
            CHECK(p.first >= 0);
            CHECK(p.last <= int(tl.events.size()));
            CHECK(p.hidden == (p.last - p.first < int(tl.events.size())));
            CHECK(p.when.size() == tl.events.size());
            if (p.last > p.first) check_positions(p, p.area);
            // Every step outside the window is named as not shown.
            int not_shown = 0;
            for (const auto& l : p.left_out)
                not_shown += l.find(" is not shown: ") != std::string::npos ? 1 : 0;
            CHECK(not_shown == int(tl.events.size()) - (p.last - p.first));
        }
    }
}

TEST_CASE("timeline plan: the same input gives the same plan") {
    ViewHarness h(1280, 720);
    const Rect body = h.screen();
    const Canvas c = h.canvas(body);
    const feeds::Dataset d;
    feeds::Slide slide;
    const ViewInput in{d, slide, "Køge", {2022, 9, 1}};
    for (const auto& named : cases()) {
        const TimelinePlan a = plan_timeline(c, h.style(), body, named.second, in);
        const TimelinePlan b = plan_timeline(c, h.style(), body, named.second, in);
        CHECK(a.layout == b.layout);
        CHECK(a.first == b.first);
        CHECK(a.last == b.last);
        CHECK(a.vertical.dot_y == b.vertical.dot_y);
        CHECK(a.stacked.top == b.stacked.top);
        CHECK(a.left_out == b.left_out);
    }
}

TEST_CASE("timeline plan: at 3840x2160 the bundled timeline shows every note, beside the labels") {
    ViewHarness h(3840, 2160);
    const Rect body = slide_layout(3840, 2160, h.sizes).body;
    const feeds::Dataset d;
    feeds::Slide slide;
    const ViewInput in{d, slide, "", {2022, 9, 1}};
    const TimelinePlan p = plan_timeline(h.canvas(body), h.style(), body, bundled_timeline(), in);
    REQUIRE(p.layout == TimelinePlan::Layout::Vertical);
    CHECK(p.vertical.note_x > p.vertical.label_x);
    CHECK(p.left_out.empty());
    CHECK(p.last - p.first == 7);
}
