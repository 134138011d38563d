// What the screen should do at a local time: on or off by the manifest's display_schedule,
// which slides are due by their `show`, and the calm page's words when none is. Pure: the run
// loop (kiosk.cpp) and --render pass the time in.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/kiosk/slide_set.h"
#include "feeds/schedule.h"

struct CalmPage {
    std::string headline;  // "Ingen sider lige nu"
    std::string detail;    // "Åbner igen mandag kl. 7.00"; empty when nothing is planned
    bool operator==(const CalmPage&) const = default;
};

struct ScreenPlan {
    bool screen_on = true;
    std::optional<feeds::CivilMinute> screen_change;  // the next on/off change
    std::vector<bool> due;                            // per SlideSet::slides: valid, due and not expired
    std::optional<CalmPage> calm;                     // set when no slide is due (or the screen is off)
};

// A screen's config file may set its own schedule over the manifest's (display_schedule =
// always, or a schedule file: a 24-hour lobby). Not `set`: the manifest's applies.
struct ScheduleOverride {
    bool set = false;
    std::optional<feeds::DisplaySchedule> schedule;  // none: always on
};

// The schedule in force: the override's when set, else the manifest's; null: always on.
const feeds::DisplaySchedule* schedule_in_force(const SlideSet& set, const ScheduleOverride& o);

ScreenPlan plan_screen(const SlideSet& set, feeds::CivilMinute now, const ScheduleOverride& o = {});

// "i dag kl. 7.00", "i morgen kl. 7.00", "mandag kl. 7.00" (within the week), else
// "mandag 3. januar kl. 7.00".
std::string when_text(feeds::CivilMinute now, feeds::CivilMinute at);

// The log line of a change: "display off (schedule) until mandag kl. 7.00".
std::string screen_change_line(const ScreenPlan& plan, feeds::CivilMinute now);
