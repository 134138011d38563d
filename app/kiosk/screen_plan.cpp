#include "app/kiosk/screen_plan.h"

#include <algorithm>

#include "app/danish_format.h"

namespace {

std::int64_t day_of(feeds::CivilMinute m) {
    return m >= 0 ? m / 1440 : (m - 1439) / 1440;
}

// The earliest minute a valid slide that is not due now becomes due.
std::optional<feeds::CivilMinute> next_slide_due(const SlideSet& set, feeds::CivilMinute now) {
    std::optional<feeds::CivilMinute> best;
    for (const ScreenSlide& s : set.slides) {
        if (!s.valid || !s.slide || !s.slide->show) continue;
        const feeds::ShowState st = feeds::evaluate_show(*s.slide->show, now);
        if (!st.due && !st.expired && st.next_change && (!best || *st.next_change < *best))
            best = st.next_change;
    }
    return best;
}

}  // namespace

std::string when_text(feeds::CivilMinute now, feeds::CivilMinute at) {
    const std::int64_t days = day_of(at) - day_of(now);
    const int minute = int(at - day_of(at) * 1440);
    const std::string clock = "kl. " + std::to_string(minute / 60) + "." + (minute % 60 < 10 ? "0" : "") +
                              std::to_string(minute % 60);
    if (days == 0) return "i dag " + clock;
    if (days == 1) return "i morgen " + clock;
    const feeds::CivilDate d = feeds::civil_from_days(day_of(at));
    const std::string weekday(danish_weekday_name(feeds::weekday_of(day_of(at)) + 1));
    if (days > 1 && days < 7) return weekday + " " + clock;
    return weekday + " " + std::to_string(d.day) + ". " + std::string(danish_month_name(d.month)) + " " +
           clock;
}

const feeds::DisplaySchedule* schedule_in_force(const SlideSet& set, const ScheduleOverride& o) {
    if (o.set) return o.schedule ? &*o.schedule : nullptr;
    return set.manifest.display_schedule ? &*set.manifest.display_schedule : nullptr;
}

ScreenPlan plan_screen(const SlideSet& set, feeds::CivilMinute now, const ScheduleOverride& o) {
    ScreenPlan plan;
    const feeds::DisplaySchedule* schedule = schedule_in_force(set, o);
    if (schedule) {
        const feeds::ScheduleState st = feeds::evaluate_schedule(*schedule, now);
        plan.screen_on = st.on;
        plan.screen_change = st.next_change;
    }
    bool any_due = false;
    for (const ScreenSlide& s : set.slides) {
        bool due = s.valid;
        if (due && s.slide && s.slide->show) due = feeds::evaluate_show(*s.slide->show, now).due;
        plan.due.push_back(due);
        any_due = any_due || due;
    }
    // No valid slide at all is the no-data screen's to explain, not the calm page's.
    if (plan.screen_on && (any_due || count_valid(set) == 0)) return plan;
    std::optional<feeds::CivilMinute> opening =
        plan.screen_on ? next_slide_due(set, now)
                       : (schedule ? feeds::next_opening(*schedule, now) : std::nullopt);
    plan.calm = CalmPage{"Ingen sider lige nu", opening ? "Åbner igen " + when_text(now, *opening) : ""};
    return plan;
}

std::string screen_change_line(const ScreenPlan& plan, feeds::CivilMinute now) {
    std::string line = plan.screen_on ? "display on (schedule)" : "display off (schedule)";
    if (plan.screen_change) line += ", next change " + when_text(now, *plan.screen_change);
    return line;
}
