// The screen plan (app/kiosk/screen_plan.h) over the example manifest with a schedule
// (feeds/examples/schedule/): --check accepts it, the screen is off on holidays and at night,
// the slide with a `show` is due only in its week, and the calm page names the next opening.
#include <doctest/doctest.h>

#include <map>
#include <sstream>

#include "app/kiosk/schedule_override.h"
#include "app/kiosk/screen_plan.h"
#include "app/kiosk/slide_set.h"
#include "feeds/check.h"

using feeds::civil_minute;

namespace {

const std::string kExample = std::string(INFOTAVLE_SOURCE_DIR) + "/feeds/examples/schedule/manifest.json";

int index_of(const SlideSet& set, const std::string& id) {
    for (std::size_t i = 0; i < set.slides.size(); ++i)
        if (set.slides[i].slide && set.slides[i].slide->id == id) return int(i);
    return -1;
}

}  // namespace

TEST_CASE("screen plan: --check accepts the example manifest with a schedule") {
    std::ostringstream out;
    CHECK(feeds::run_check({kExample}, out) == 0);
    CHECK(out.str().find("files checked: 0 errors, 0 warnings") != std::string::npos);
}

TEST_CASE("screen plan: the example schedule, its holidays and the calm page") {
    const SlideSet set = load_slide_set({kExample});
    REQUIRE(set.manifest_ok);
    REQUIRE(set.manifest.display_schedule);
    CHECK(set.manifest.display_schedule->exceptions.size() == 10);

    const ScreenPlan tuesday = plan_screen(set, civil_minute({2027, 3, 23}, 10, 0));
    CHECK(tuesday.screen_on);
    CHECK_FALSE(tuesday.calm);
    CHECK(tuesday.screen_change == civil_minute({2027, 3, 23}, 18, 0));

    // Skærtorsdag to 2. påskedag: closed Thursday to Monday, open again Tuesday 30 March.
    const ScreenPlan easter = plan_screen(set, civil_minute({2027, 3, 25}, 10, 0));
    CHECK_FALSE(easter.screen_on);
    REQUIRE(easter.calm);
    CHECK(easter.calm->headline == "Ingen sider lige nu");
    CHECK(easter.calm->detail == "Åbner igen tirsdag kl. 7.00");
    CHECK(plan_screen(set, civil_minute({2027, 3, 5}, 19, 0)).calm->detail == "Åbner igen mandag kl. 7.00");
    CHECK(plan_screen(set, civil_minute({2027, 3, 4}, 23, 0)).calm->detail == "Åbner igen i morgen kl. 7.00");
    CHECK(plan_screen(set, civil_minute({2027, 3, 5}, 6, 0)).calm->detail == "Åbner igen i dag kl. 7.00");
    // Nytårsaftensdag is a short day; the next opening is after nytårsdag and the weekend.
    CHECK(plan_screen(set, civil_minute({2027, 12, 31}, 11, 0)).screen_change ==
          civil_minute({2027, 12, 31}, 12, 0));
    CHECK(plan_screen(set, civil_minute({2027, 12, 31}, 12, 0)).calm->detail == "Åbner igen mandag kl. 7.00");

    const int fair = index_of(set, "virksomheder");
    REQUIRE(fair >= 0);
    CHECK_FALSE(tuesday.due[std::size_t(fair)]);
    CHECK(plan_screen(set, civil_minute({2027, 9, 14}, 10, 0)).due[std::size_t(fair)]);
    CHECK_FALSE(plan_screen(set, civil_minute({2027, 9, 14}, 17, 0)).due[std::size_t(fair)]);
    CHECK(tuesday.due[std::size_t(index_of(set, "ledighed"))]);
}

TEST_CASE("screen plan: the screen on but no slide due gives the calm page with the next slide's time") {
    SlideSet set = load_slide_set({kExample});
    REQUIRE(set.manifest_ok);
    feeds::SlideShow later;
    later.from = civil_minute({2027, 9, 13}, 8, 0);
    for (auto& s : set.manifest.playlist) s.show = later;
    const ScreenPlan plan = plan_screen(set, civil_minute({2027, 9, 10}, 10, 0));  // a Friday, open
    CHECK(plan.screen_on);
    REQUIRE(plan.calm);
    CHECK(plan.calm->detail == "Åbner igen mandag kl. 8.00");
    CHECK(screen_change_line(plan, civil_minute({2027, 9, 10}, 10, 0)) ==
          "display on (schedule), next change i dag kl. 18.00");
}

TEST_CASE("screen plan: a manifest without a schedule is always on") {
    const SlideSet set = load_slide_set({});  // the bundled slides
    const ScreenPlan plan = plan_screen(set, civil_minute({2027, 12, 25}, 3, 0));
    CHECK(plan.screen_on);
    CHECK_FALSE(plan.calm);
    CHECK_FALSE(plan.screen_change);
}

TEST_CASE("screen plan: a screen's config file overrides the manifest's schedule") {
    const SlideSet set = load_slide_set({kExample});
    const feeds::CivilMinute saturday_night = civil_minute({2027, 9, 11}, 23, 0);
    REQUIRE_FALSE(plan_screen(set, saturday_night).screen_on);
    const std::map<std::string, std::string> files = {
        {"/etc/infotavle/lobby.json",
         R"({"weekly": [{"days": ["sat"], "from": "22:00", "until": "02:00"}]})"},
        {"/etc/infotavle/broken.json",
         R"({"weekly": [{"days": ["sat"], "from": "25:00", "until": "02:00"}]})"}};
    const ReadFile read = [&](const std::string& path) {
        const auto it = files.find(path);
        return it == files.end() ? FileRead{} : FileRead{true, "", it->second};
    };
    SUBCASE("empty: the manifest's") {
        const OverrideOutcome o = read_schedule_override("", read);
        CHECK(o.error.empty());
        CHECK_FALSE(o.value.set);
        CHECK(schedule_in_force(set, o.value) == &*set.manifest.display_schedule);
    }
    SUBCASE("always: a 24-hour lobby") {
        const OverrideOutcome o = read_schedule_override("always", read);
        CHECK(o.error.empty());
        CHECK(schedule_in_force(set, o.value) == nullptr);
        CHECK(plan_screen(set, saturday_night, o.value).screen_on);
    }
    SUBCASE("a schedule file of its own") {
        const OverrideOutcome o = read_schedule_override("/etc/infotavle/lobby.json", read);
        CHECK(o.error.empty());
        CHECK(plan_screen(set, saturday_night, o.value).screen_on);
        CHECK_FALSE(plan_screen(set, civil_minute({2027, 9, 13}, 10, 0), o.value).screen_on);  // Monday
    }
    SUBCASE("a broken or missing file is one error naming file, path and reason") {
        CHECK(read_schedule_override("/etc/infotavle/broken.json", read).error ==
              "display_schedule: /etc/infotavle/broken.json: $.weekly[0].from: not a time of day \"25:00\": "
              "expected \"HH:MM\" from 00:00 to 23:59");
        CHECK(read_schedule_override("/etc/infotavle/none.json", read).error ==
              "display_schedule /etc/infotavle/none.json: no such file (give \"always\" or a schedule JSON "
              "file)");
    }
}
