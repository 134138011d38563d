// The kiosk's side of notices (app/notices/notice_screen.h), kept apart from the run loop so
// the loop calls it from one place: which notice page or band is due now, the band handed to
// the slides, and the takeover drawn in place of the rotation, which pauses and resumes where
// it was (a slide half shown, or a transition half done, goes on from there).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/kiosk/frame.h"
#include "app/notices/notice_screen.h"

struct KioskNotices {
    std::string home_code;                  // notice_home_code(--home)
    std::string page_key;                   // the page on screen; empty: the slides are
    std::optional<std::int64_t> paused_at;  // monotonic ms the rotation paused at
    bool woke = false;                      // the screen is on for a takeover only
};

// The machine's clock and timezone as notice_view() takes them (app/local_time.h).
ToLocal local_clock_minutes();

// The band for the slides: true when it changed (the slides must be drawn again).
bool update_notice_band(KioskScreen& k, const NoticeView& v);

// The rotation `paused_ms` later, exactly where it was: every time in it moved on.
RotationState resumed_rotation(RotationState r, std::int64_t paused_ms);

struct NoticePageResult {
    bool shown = false;                 // a page is on screen: the frame is not composed
    bool composed = false;              // a new picture was drawn: present it
    std::vector<std::string> problems;  // the canvas check of the page
};

// Draws the view's page when it differs from what is on screen (pausing the rotation), or
// resumes the rotation when the page has ended. `now_ms` monotonic.
NoticePageResult step_notice_page(KioskNotices& n, KioskScreen& k, const NoticeView& v, const FrameInput& in);
