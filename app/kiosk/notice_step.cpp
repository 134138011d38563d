#include "app/kiosk/notice_step.h"

#include <SDL.h>

#include <chrono>

#include "app/local_time.h"

ToLocal local_clock_minutes() {
    return [](std::int64_t unix_s) {
        return civil_minute_of(local_civil_time(std::chrono::system_clock::from_time_t(std::time_t(unix_s))));
    };
}

bool update_notice_band(KioskScreen& k, const NoticeView& v) {
    const std::string key = v.band ? v.key : "";
    if (key == k.band_key) return false;
    k.band_key = key;
    k.band = v.band;
    return true;
}

RotationState resumed_rotation(RotationState r, std::int64_t paused_ms) {
    r.slot_start_ms += paused_ms;
    r.shown_since_ms += paused_ms;
    return r;
}

NoticePageResult step_notice_page(KioskNotices& n, KioskScreen& k, const NoticeView& v,
                                  const FrameInput& in) {
    NoticePageResult out;
    if (!v.page) {
        if (n.paused_at) {
            if (k.started) k.rotation = resumed_rotation(k.rotation, in.now_ms - *n.paused_at);
            n.paused_at.reset();
            n.page_key.clear();
            invalidate_kiosk(k);  // the slides come back: compose them again
        }
        return out;
    }
    out.shown = true;
    if (!n.paused_at) n.paused_at = in.now_ms;
    if (v.key == n.page_key && !k.dirty) return out;
    if (auto err = resize_slide_screen(k.screen, in.width, in.height, in.rotate)) {
        out.problems.push_back(*err);
        return out;
    }
    SDL_SetRenderTarget(k.renderer, in.target);
    out.problems = draw_notice_slide(k.screen, *v.page);
    n.page_key = v.key;
    k.dirty = false;
    k.shown_current = -2;  // the slides' picture is gone from the output
    out.composed = true;
    return out;
}
