// What the screen's two modes (--render and the kiosk) share: the settings read into the sizes,
// the clock, the fonts, the feed sync's options, the home municipality and the schedule.
#pragma once

#include <iosfwd>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "app/config/config.h"
#include "app/danish_format.h"
#include "app/kiosk/screen_plan.h"
#include "feeds/sync/feed_sync.h"
#include "platform/font_files.h"

struct ScreenSetup {
    int width = 1920, height = 1080;         // the first size: the kiosk's window
    std::vector<std::pair<int, int>> sizes;  // every size asked for (a list only with --render)
    std::optional<CivilTime> now;            // --now: a frozen clock
    FontFiles fonts;
    feeds::SyncOptions sync;
    std::string home;           // a code resolved to its municipality's name
    ScheduleOverride schedule;  // the config file's display_schedule
};

// --size: "WxH" (320x240 to 8192x8192), or with `list` several, "1920x1080,800x480". Empty text
// is 1920x1080. False on anything else.
bool parse_sizes(const std::string& text, bool list, std::vector<std::pair<int, int>>& out);

// The screen's setup, or nullopt after one line on `log` naming the setting that cannot be used
// (the run then exits 2).
std::optional<ScreenSetup> screen_setup(const Config& config, const std::string& version, std::ostream& log);
