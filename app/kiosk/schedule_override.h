// The config file's display_schedule (app/config/settings.h) as a ScheduleOverride
// (screen_plan.h): empty keeps the manifest's, "always" keeps the screen on, anything else is
// a JSON file holding a display_schedule object (feeds/schedule_file.h).
#pragma once

#include <string>

#include "app/config/config.h"
#include "app/kiosk/screen_plan.h"

struct OverrideOutcome {
    ScheduleOverride value;
    std::string error;  // "display_schedule /etc/infotavle/hours.json: $.weekly[0].from: ..."
};

OverrideOutcome read_schedule_override(const std::string& setting, const ReadFile& read);
