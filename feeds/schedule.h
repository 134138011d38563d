// When the screen is on, and when a slide is due: weekly windows, dated exceptions and a
// slide's `show` (FORMAT.md, "display_schedule"). Pure: every function takes the local civil
// time as a number of minutes; the app's edge (app/local_time.h) reads the clock and the
// timezone. Windows are in local civil time, so a DST change moves nothing on the wall clock.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace feeds {

// Minutes since 1970-01-01 00:00 local civil time (no timezone: a wall-clock reading).
using CivilMinute = std::int64_t;

struct CivilDate {
    int year = 0, month = 0, day = 0;
};

std::int64_t days_from_civil(CivilDate d);  // days since 1970-01-01
CivilDate civil_from_days(std::int64_t days);
bool date_exists(CivilDate d);
int weekday_of(std::int64_t days);  // 0 = Monday .. 6 = Sunday
CivilMinute civil_minute(CivilDate d, int hour, int minute);

// From `start` to `end` minutes after the start day's midnight; end <= start means the window
// crosses midnight (22:00-02:00). end = 1440 is "24:00".
struct DayWindow {
    int start = 0, end = 0;
};

struct WeeklyWindow {
    std::vector<int> days;  // 0 = Monday .. 6 = Sunday: the days a window starts
    DayWindow window;
};

enum class ExceptionKind { Closed, OpenAllDay, OpenWindows };

struct ScheduleException {
    CivilDate from, until;  // inclusive; one day: from == until
    ExceptionKind kind = ExceptionKind::Closed;
    std::vector<DayWindow> windows;  // OpenWindows only
    std::string note;                // "Juleferie"
};

struct DisplaySchedule {
    std::vector<WeeklyWindow> weekly;
    std::vector<ScheduleException> exceptions;
};

// A slide's `show`: nothing set = always.
struct SlideShow {
    std::optional<CivilMinute> from;    // inclusive
    std::optional<CivilMinute> until;   // exclusive (a date means the end of that day)
    std::vector<WeeklyWindow> windows;  // empty = any hour
};

struct ScheduleState {
    bool on = false;
    std::optional<CivilMinute> next_change;  // none within the search horizon (two years)
};

// On or off at `now`, and the next minute that changes it. Later exceptions win over earlier
// ones on the same day.
ScheduleState evaluate_schedule(const DisplaySchedule& s, CivilMinute now);

// The next minute the schedule switches on, at or after `now` (none within two years).
std::optional<CivilMinute> next_opening(const DisplaySchedule& s, CivilMinute now);

// Due now (inside from/until and a window), past `until` for good, and when that changes.
struct ShowState {
    bool due = true;
    bool expired = false;
    std::optional<CivilMinute> next_change;
};
ShowState evaluate_show(const SlideShow& show, CivilMinute now);

// Windows of one weekly list that overlap another window starting the same or the previous day:
// pairs of indexes into `weekly`.
std::vector<std::pair<std::size_t, std::size_t>> overlapping_windows(const std::vector<WeeklyWindow>& weekly);

// True when the schedule is on at some minute (a weekly window on some day, or an open exception).
bool ever_on(const DisplaySchedule& s);

}  // namespace feeds
