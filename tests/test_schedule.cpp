// The display schedule and a slide's `show`: the pure evaluation (feeds/schedule.h), the
// parser's checks (feeds/schedule_parse.cpp) and the timezone edge (app/local_time.h).
#include <doctest/doctest.h>

#include <cstdlib>
#include <ctime>

#include "app/local_time.h"
#include "feeds/feed_parse.h"
#include "feeds/schedule.h"

using namespace feeds;

namespace {

CivilMinute at(int y, int mo, int d, int h, int mi) {
    return civil_minute({y, mo, d}, h, mi);
}

WeeklyWindow weekdays(int from_h, int until_h) {
    return {{0, 1, 2, 3, 4}, {from_h * 60, until_h * 60}};
}

DisplaySchedule office() {  // weekdays 7-18
    DisplaySchedule s;
    s.weekly.push_back(weekdays(7, 18));
    return s;
}

std::string problems_of(const std::string& schedule_json, const std::string& show_json = "") {
    const std::string text = R"({"format":"infotavle-manifest","version":"1.2","title":"T",
      "feeds":[{"id":"f","url":"f.json"}],
      "playlist":[{"id":"s","feed":"f","dataset":"d","view":"kpi_tiles","title":"S")" +
                             (show_json.empty() ? "" : ",\"show\":" + show_json) + "}]" +
                             (schedule_json.empty() ? "" : ",\"display_schedule\":" + schedule_json) + "}";
    std::string out;
    for (const auto& p : parse_manifest(text, "m.json").problems) out += to_line(p) + "\n";
    return out;
}

}  // namespace

TEST_CASE("schedule: calendar arithmetic, 29 February and weekdays") {
    CHECK(date_exists({2028, 2, 29}));
    CHECK_FALSE(date_exists({2027, 2, 29}));
    CHECK_FALSE(date_exists({2100, 2, 29}));
    CHECK(date_exists({2000, 2, 29}));
    CHECK(weekday_of(days_from_civil({2027, 3, 28})) == 6);  // Easter Sunday 2027
    CHECK(weekday_of(days_from_civil({2028, 2, 29})) == 1);  // a Tuesday
    const auto d = civil_from_days(days_from_civil({2028, 2, 29}) + 1);
    CHECK((d.month == 3 && d.day == 1));
}

TEST_CASE("schedule: weekly window, next change across the weekend") {
    const DisplaySchedule s = office();
    auto st = evaluate_schedule(s, at(2027, 3, 5, 12, 0));  // Friday noon
    CHECK(st.on);
    CHECK(st.next_change == at(2027, 3, 5, 18, 0));
    st = evaluate_schedule(s, at(2027, 3, 5, 18, 0));  // the end minute is off
    CHECK_FALSE(st.on);
    CHECK(st.next_change == at(2027, 3, 8, 7, 0));  // Monday
    CHECK(next_opening(s, at(2027, 3, 6, 3, 0)) == at(2027, 3, 8, 7, 0));
    CHECK(next_opening(s, at(2027, 3, 8, 9, 0)) == at(2027, 3, 8, 9, 0));  // open now
}

TEST_CASE("schedule: a window crossing midnight belongs to the day it starts") {
    DisplaySchedule s;
    s.weekly.push_back({{4}, {22 * 60, 2 * 60}});           // Friday 22:00 - Saturday 02:00
    CHECK(evaluate_schedule(s, at(2027, 3, 6, 1, 30)).on);  // Saturday 01:30
    CHECK(evaluate_schedule(s, at(2027, 3, 6, 1, 30)).next_change == at(2027, 3, 6, 2, 0));
    CHECK_FALSE(evaluate_schedule(s, at(2027, 3, 7, 1, 30)).on);  // Sunday 01:30: no Saturday window
    CHECK(evaluate_schedule(s, at(2027, 3, 6, 2, 0)).next_change == at(2027, 3, 12, 22, 0));
    // Touching windows run on as one: Friday 22-02 and Saturday 02-04 switch off at 04.
    s.weekly.push_back({{5}, {2 * 60, 4 * 60}});
    CHECK(evaluate_schedule(s, at(2027, 3, 5, 23, 0)).next_change == at(2027, 3, 6, 4, 0));
}

TEST_CASE("schedule: exceptions inside a week and across weeks, later ones win") {
    DisplaySchedule s = office();
    s.exceptions.push_back({{2027, 3, 25}, {2027, 3, 29}, ExceptionKind::Closed, {}, "Påske"});
    CHECK_FALSE(evaluate_schedule(s, at(2027, 3, 25, 10, 0)).on);  // skærtorsdag
    CHECK(evaluate_schedule(s, at(2027, 3, 24, 12, 0)).next_change == at(2027, 3, 24, 18, 0));
    CHECK(evaluate_schedule(s, at(2027, 3, 24, 19, 0)).next_change == at(2027, 3, 30, 7, 0));
    s.exceptions.push_back({{2027, 12, 20}, {2028, 1, 2}, ExceptionKind::Closed, {}, "Juleferie"});
    s.exceptions.push_back(
        {{2027, 12, 28}, {2027, 12, 28}, ExceptionKind::OpenWindows, {{10 * 60, 12 * 60}}, "Åbent"});
    CHECK(evaluate_schedule(s, at(2027, 12, 22, 12, 0)).next_change == at(2027, 12, 28, 10, 0));
    CHECK(evaluate_schedule(s, at(2027, 12, 28, 11, 0)).on);
    CHECK(evaluate_schedule(s, at(2027, 12, 28, 12, 0)).next_change == at(2028, 1, 3, 7, 0));
    s.exceptions.push_back(
        {{2027, 5, 1}, {2027, 5, 1}, ExceptionKind::OpenAllDay, {}, "Åbent hus"});  // Saturday
    CHECK(evaluate_schedule(s, at(2027, 5, 1, 0, 0)).on);
    CHECK(evaluate_schedule(s, at(2027, 4, 30, 12, 0)).next_change == at(2027, 4, 30, 18, 0));
    CHECK(evaluate_schedule(s, at(2027, 4, 30, 18, 0)).next_change == at(2027, 5, 1, 0, 0));
    CHECK(evaluate_schedule(s, at(2027, 5, 1, 0, 0)).next_change == at(2027, 5, 2, 0, 0));
}

TEST_CASE("schedule: 29 February as an exception and a weekday") {
    DisplaySchedule s = office();
    s.exceptions.push_back({{2028, 2, 29}, {2028, 2, 29}, ExceptionKind::Closed, {}, "Skuddag"});
    CHECK_FALSE(evaluate_schedule(s, at(2028, 2, 29, 12, 0)).on);
    CHECK(evaluate_schedule(s, at(2028, 2, 28, 12, 0)).next_change == at(2028, 2, 28, 18, 0));
    CHECK(evaluate_schedule(s, at(2028, 2, 28, 20, 0)).next_change == at(2028, 3, 1, 7, 0));
    CHECK(problems_of(R"({"weekly":[{"days":["mon"],"from":"07:00","until":"18:00"}],
        "exceptions":[{"date":"2027-02-29","state":"closed","note":"x"}]})")
              .find("$.display_schedule.exceptions[0].date: not a date that exists") != std::string::npos);
}

TEST_CASE("schedule: both DST changes in Copenhagen keep wall-clock windows, the edge counts real time") {
    DisplaySchedule s;
    s.weekly.push_back({{0, 1, 2, 3, 4, 5, 6}, {7 * 60, 18 * 60}});
    s.weekly.push_back({{6}, {1 * 60 + 30, 3 * 60}});  // Sunday 01:30 - 03:00: over both changes
    // Spring: 2027-03-28 02:00 -> 03:00; autumn: 2027-10-31 03:00 -> 02:00.
    CHECK(evaluate_schedule(s, at(2027, 3, 28, 1, 59)).next_change == at(2027, 3, 28, 3, 0));
    CHECK(evaluate_schedule(s, at(2027, 3, 28, 3, 0)).next_change == at(2027, 3, 28, 7, 0));
    CHECK(evaluate_schedule(s, at(2027, 10, 31, 2, 30)).on);
    const char* old = std::getenv("TZ");
    const std::string saved = old ? old : "";
    setenv("TZ", "Europe/Copenhagen", 1);
    tzset();
    using namespace std::chrono;
    auto real_minutes = [](CivilMinute a, CivilMinute b) {
        return duration_cast<minutes>(local_time_point(b) - local_time_point(a)).count();
    };
    CHECK(real_minutes(at(2027, 3, 28, 1, 0), at(2027, 3, 28, 7, 0)) == 5 * 60);    // an hour lost
    CHECK(real_minutes(at(2027, 10, 31, 1, 0), at(2027, 10, 31, 7, 0)) == 7 * 60);  // an hour gained
    CHECK(real_minutes(at(2027, 3, 26, 18, 0), at(2027, 3, 29, 7, 0)) == 60 * 60);  // 61 on the wall
    const CivilTime back = local_civil_time(local_time_point(at(2027, 10, 31, 7, 0)));
    CHECK(civil_minute_of(back) == at(2027, 10, 31, 7, 0));
    if (old)
        setenv("TZ", saved.c_str(), 1);
    else
        unsetenv("TZ");
    tzset();
}

TEST_CASE("schedule: a clock that jumps backwards gets the answer for the new time") {
    const DisplaySchedule s = office();
    const auto later = evaluate_schedule(s, at(2027, 3, 9, 19, 0));
    CHECK_FALSE(later.on);
    const auto earlier = evaluate_schedule(s, at(2027, 3, 9, 12, 0));  // the clock is set back 7 hours
    CHECK(earlier.on);
    CHECK(earlier.next_change == at(2027, 3, 9, 18, 0));
    // Autumn's repeated hour: 02:30 read twice gives the same answer twice.
    CHECK(evaluate_schedule(s, at(2027, 10, 31, 2, 30)).next_change ==
          evaluate_schedule(s, at(2027, 10, 31, 2, 30)).next_change);
}

TEST_CASE("schedule: a slide's show") {
    SlideShow show;
    show.from = at(2027, 9, 13, 0, 0);
    show.until = at(2027, 9, 18, 0, 0);
    show.windows.push_back(weekdays(8, 16));
    auto st = evaluate_show(show, at(2027, 9, 1, 12, 0));
    CHECK_FALSE(st.due);
    CHECK(st.next_change == at(2027, 9, 13, 0, 0));
    st = evaluate_show(show, at(2027, 9, 13, 9, 0));
    CHECK(st.due);
    CHECK(st.next_change == at(2027, 9, 13, 16, 0));
    CHECK_FALSE(evaluate_show(show, at(2027, 9, 13, 17, 0)).due);
    CHECK(evaluate_show(show, at(2027, 9, 17, 17, 0)).next_change == at(2027, 9, 18, 0, 0));
    st = evaluate_show(show, at(2027, 9, 18, 0, 0));
    CHECK(st.expired);
    CHECK_FALSE(st.due);
    CHECK(evaluate_show(SlideShow{}, at(2027, 1, 1, 0, 0)).due);
}

TEST_CASE("schedule: --check reports impossible, overlapping, backwards and never-on schedules") {
    CHECK(problems_of(R"({"weekly":[{"days":["mon","tue"],"from":"07:00","until":"18:00"},
        {"days":["tue"],"from":"17:00","until":"20:00"}]})") ==
          "m.json: $.display_schedule.weekly[1]: overlaps $.display_schedule.weekly[0]: join them into one "
          "window\n");
    CHECK(problems_of(R"({"weekly":[{"days":["sun"],"from":"22:00","until":"02:00"},
        {"days":["mon"],"from":"01:00","until":"09:00"}]})")
              .find("weekly[1]: overlaps") != std::string::npos);
    CHECK(
        problems_of(R"({"weekly":[{"days":["mon"],"from":"07:00","until":"07:00"}]})") ==
        "m.json: $.display_schedule.weekly[0]: impossible window: from and until are the same time (a window "
        "is at least a minute)\n");
    CHECK(problems_of(R"({"weekly":[{"days":["mon"],"from":"25:00","until":"26:00"}]})")
              .find("weekly[0].from: not a time of day \"25:00\"") != std::string::npos);
    CHECK(problems_of(
              R"({"weekly":[],"exceptions":[{"date":"2027-01-01","state":"closed","note":"Nytår"}]})") ==
          "m.json: $.display_schedule: the schedule is never on: give \"weekly\" at least one window (the "
          "screen would stay black)\n");
    CHECK(problems_of(R"({"weekly":[{"days":["mon"],"from":"07:00","until":"18:00"}],
        "exceptions":[{"from":"2027-12-27","until":"2027-12-20","state":"closed","note":"Jul"}]})") ==
          "m.json: $.display_schedule.exceptions[0].until: until is before from\n");
    CHECK(problems_of("", R"({"from":"2027-09-18","until":"2027-09-13"})") ==
          "m.json: $.playlist[0].show.until: until is before from: the slide would never be shown\n");
    CHECK(problems_of("", R"({"from":"2027-06-31"})").find("$.playlist[0].show.from: not a date or time") !=
          std::string::npos);
    CHECK(problems_of(R"({"weekly":[{"days":["mon"],"from":"07:00","until":"18:00"}]})",
                      R"({"from":"2027-09-13T08:00","until":"2027-09-17",
                          "windows":[{"days":["mon","fri"],"from":"08:00","until":"16:00"}]})") == "");
}
