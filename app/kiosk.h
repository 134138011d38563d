// The kiosk's run loop: window, events, clocks, fetches. Everything about what a frame
// shows is in kiosk_frame.h; this file is the imperative shell around it.
#pragma once

#include <optional>
#include <ostream>
#include <string>

#include "app/danish_format.h"
#include "app/slide_set.h"
#include "platform/font_files.h"
#include "platform/sdl_video.h"

struct KioskOptions {
    VideoOptions video;
    SlideSource source;     // a --manifest (local or http(s)) is fetched and cached: feed_sync.h
    std::string cache_dir;  // where fetched data is kept; empty = not kept
    std::string user_agent = "infotavle";
    std::string home;
    std::optional<CivilTime> fixed_now;  // --now: a frozen clock (screenshots, demos)
};

// Returns the process exit code: 0 after a clean quit, 2 when no display could be opened.
int run_kiosk(const KioskOptions& opt, const FontFiles& fonts, std::ostream& log);
