#include "feeds/schedule.h"

#include <algorithm>

namespace feeds {

namespace {

constexpr std::int64_t kDay = 1440;
constexpr std::int64_t kHorizonDays = 731;  // two years: the next change is searched this far

struct Interval {
    CivilMinute start, end;
};

std::int64_t window_end(const DayWindow& w) {
    return w.end > w.start ? w.end : w.end + kDay;
}

// The exception for `day`: the last one listed that covers it.
const ScheduleException* exception_on(const DisplaySchedule& s, std::int64_t day) {
    const ScheduleException* found = nullptr;
    for (const auto& e : s.exceptions)
        if (days_from_civil(e.from) <= day && day <= days_from_civil(e.until)) found = &e;
    return found;
}

void add_weekly(const std::vector<WeeklyWindow>& weekly, std::int64_t day, std::vector<Interval>& out) {
    const int wd = weekday_of(day);
    for (const auto& w : weekly)
        if (std::find(w.days.begin(), w.days.end(), wd) != w.days.end())
            out.push_back({day * kDay + w.window.start, day * kDay + window_end(w.window)});
}

// The windows that start on `day`, sorted by start.
std::vector<Interval> windows_starting(const DisplaySchedule& s, std::int64_t day) {
    std::vector<Interval> out;
    if (const ScheduleException* e = exception_on(s, day)) {
        if (e->kind == ExceptionKind::OpenAllDay) out.push_back({day * kDay, day * kDay + kDay});
        if (e->kind == ExceptionKind::OpenWindows)
            for (const auto& w : e->windows)
                out.push_back({day * kDay + w.start, day * kDay + window_end(w)});
    } else {
        add_weekly(s.weekly, day, out);
    }
    std::sort(out.begin(), out.end(), [](const Interval& a, const Interval& b) { return a.start < b.start; });
    return out;
}

// The end of the run of windows that covers `now` (merging windows that touch or overlap),
// or none when `now` is outside every window. `ends` is nullopt when the run reaches the horizon.
struct Cover {
    bool on = false;
    std::optional<CivilMinute> end;
};

template <typename WindowsOn>
Cover cover_at(const WindowsOn& windows_on, CivilMinute now) {
    const std::int64_t today = now >= 0 ? now / kDay : (now - kDay + 1) / kDay;
    CivilMinute end = now;
    bool on = false;
    for (std::int64_t day = today - 1; day <= today + kHorizonDays; ++day) {
        if (on && day * kDay > end) return {true, end};
        for (const Interval& w : windows_on(day)) {
            if (!on && w.start <= now && now < w.end) {
                on = true;
                end = w.end;
            } else if (on && w.start <= end) {
                end = std::max(end, w.end);
            }
        }
        if (!on && day >= today) return {false, std::nullopt};
    }
    return {on, std::nullopt};
}

template <typename WindowsOn>
std::optional<CivilMinute> next_start(const WindowsOn& windows_on, CivilMinute now) {
    const std::int64_t today = now >= 0 ? now / kDay : (now - kDay + 1) / kDay;
    for (std::int64_t day = today; day <= today + kHorizonDays; ++day)
        for (const Interval& w : windows_on(day))
            if (w.start > now) return w.start;
    return std::nullopt;
}

template <typename WindowsOn>
ScheduleState evaluate_windows(const WindowsOn& windows_on, CivilMinute now) {
    const Cover c = cover_at(windows_on, now);
    if (c.on) return {true, c.end};
    return {false, next_start(windows_on, now)};
}

}  // namespace

// Howard Hinnant's days_from_civil / civil_from_days (proleptic Gregorian).
std::int64_t days_from_civil(CivilDate d) {
    const std::int64_t y = d.year - (d.month <= 2);
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const std::int64_t yoe = y - era * 400;
    const std::int64_t doy = (153 * (d.month + (d.month > 2 ? -3 : 9)) + 2) / 5 + d.day - 1;
    const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

CivilDate civil_from_days(std::int64_t z) {
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const std::int64_t doe = z - era * 146097;
    const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const std::int64_t mp = (5 * doy + 2) / 153;
    const int d = int(doy - (153 * mp + 2) / 5 + 1);
    const int m = int(mp < 10 ? mp + 3 : mp - 9);
    return {int(yoe + era * 400 + (m <= 2)), m, d};
}

bool date_exists(CivilDate d) {
    if (d.month < 1 || d.month > 12 || d.day < 1) return false;
    const CivilDate back = civil_from_days(days_from_civil(d));
    return back.year == d.year && back.month == d.month && back.day == d.day;
}

int weekday_of(std::int64_t days) {
    const std::int64_t wd = (days + 3) % 7;  // 1970-01-01 was a Thursday
    return int(wd < 0 ? wd + 7 : wd);
}

CivilMinute civil_minute(CivilDate d, int hour, int minute) {
    return days_from_civil(d) * kDay + hour * 60 + minute;
}

ScheduleState evaluate_schedule(const DisplaySchedule& s, CivilMinute now) {
    return evaluate_windows([&](std::int64_t day) { return windows_starting(s, day); }, now);
}

std::optional<CivilMinute> next_opening(const DisplaySchedule& s, CivilMinute now) {
    auto on = [&](std::int64_t day) { return windows_starting(s, day); };
    if (cover_at(on, now).on) return now;
    return next_start(on, now);
}

ShowState evaluate_show(const SlideShow& show, CivilMinute now) {
    ShowState st;
    if (show.until && now >= *show.until) return {false, true, std::nullopt};
    if (show.from && now < *show.from) return {false, false, show.from};
    if (!show.windows.empty()) {
        auto on = [&](std::int64_t day) {
            std::vector<Interval> out;
            add_weekly(show.windows, day, out);
            std::sort(out.begin(), out.end(),
                      [](const Interval& a, const Interval& b) { return a.start < b.start; });
            return out;
        };
        const ScheduleState w = evaluate_windows(on, now);
        st.due = w.on;
        st.next_change = w.next_change;
    }
    if (show.until && (!st.next_change || *show.until < *st.next_change)) st.next_change = show.until;
    return st;
}

std::vector<std::pair<std::size_t, std::size_t>> overlapping_windows(
    const std::vector<WeeklyWindow>& weekly) {
    std::vector<std::pair<std::size_t, std::size_t>> out;
    // A reference week (days 4..10 after the epoch are Monday..Sunday) with a day either side,
    // so a Sunday window crossing midnight meets Monday's.
    for (std::size_t i = 0; i < weekly.size(); ++i)
        for (std::size_t j = i + 1; j < weekly.size(); ++j) {
            std::vector<Interval> a, b;
            for (std::int64_t day = 3; day <= 11; ++day) {
                add_weekly({weekly[i]}, day, a);
                add_weekly({weekly[j]}, day, b);
            }
            bool hit = false;
            for (const auto& x : a)
                for (const auto& y : b) hit = hit || (x.start < y.end && y.start < x.end);
            if (hit) out.emplace_back(i, j);
        }
    return out;
}

bool ever_on(const DisplaySchedule& s) {
    for (const auto& w : s.weekly)
        if (!w.days.empty() && w.window.start != w.window.end) return true;
    for (const auto& e : s.exceptions)
        if (e.kind == ExceptionKind::OpenAllDay ||
            (e.kind == ExceptionKind::OpenWindows && !e.windows.empty()))
            return true;
    return false;
}

}  // namespace feeds
