// The kiosk's run loop: window, events, clocks, fetches. Everything about what a frame
// shows is in app/kiosk/frame.h; this file is the imperative shell around it.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <ostream>
#include <string>

#include "app/danish_format.h"
#include "app/kiosk/screen_plan.h"
#include "app/kiosk/slide_set.h"
#include "app/status/outlets.h"
#include "feeds/sync/feed_sync.h"
#include "platform/font_files.h"
#include "platform/sdl_video.h"

struct KioskOptions {
    VideoOptions video;
    // A --manifest (local or http(s)) is fetched and cached (feeds/sync/feed_sync.h); without
    // one (manifest_location empty) the bundled slides are shown.
    feeds::SyncOptions sync;
    std::string home;
    bool wake_for_notices = false;       // a takeover may turn on a screen the schedule turned off
    std::optional<CivilTime> fixed_now;  // --now: a frozen clock (screenshots, demos)
    ScheduleOverride schedule;           // the config file's display_schedule
    StatusOptions status;                // --status-file, --metrics-file, --heartbeat-url, ...
    std::string version;                 // for the status record
    std::function<void(std::ostream& log)> on_reload;  // SIGHUP, besides the manifest: the config
};

// Returns the process exit code: 0 after a clean quit (SIGTERM, SIGINT, SIGQUIT, or a key in a
// window), 2 when no display could be opened. SIGHUP reads the manifest again; SIGUSR1 writes
// a screenshot (app/status/outlets.h).
int run_kiosk(const KioskOptions& opt, const FontFiles& fonts, std::ostream& log);
