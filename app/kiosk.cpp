#include "app/kiosk.h"

#include <SDL.h>

#include <algorithm>
#include <chrono>

#include "app/kiosk_frame.h"
#include "app/kiosk_log.h"
#include "platform/service.h"

namespace {

constexpr std::int64_t kReloadCheckMs = 5000;  // a stat() or three every few seconds is free

struct Clock {
    std::string text;
    feeds::PartialDate today;
    std::int64_t ms_to_next_minute = 60000;
};

Clock read_clock(const std::optional<CivilTime>& fixed) {
    using namespace std::chrono;
    const auto now = system_clock::now();
    const CivilTime t = fixed ? *fixed : local_civil_time(now);
    Clock c{format_clock_header(t), {t.year, t.month, t.day}, 60000};
    if (!fixed) {
        const auto ms = duration_cast<milliseconds>(now.time_since_epoch()).count();
        c.ms_to_next_minute = 60000 - ms % 60000 + 5;  // a little after the minute turns
    }
    return c;
}

// Re-reads local files when their times changed. A worse new set (fewer valid slides, or no
// manifest) is reported and not used: the last good data stays on screen. A file that is
// rewritten every few seconds is re-read as often, so everything here is logged on change only.
bool maybe_reload(SlideSet& set, const SlideSource& src, KioskLog& klog, std::ostream& log) {
    if (src.manifest_path.empty()) return false;
    auto times = current_file_times(set);
    if (times == set.file_times) return false;
    SlideSet fresh = load_slide_set(src);
    log_news(klog, log, "data", fresh.problems);
    if (!fresh.manifest_ok || count_valid(fresh) < count_valid(set)) {
        log_news(klog, log, "reload", {"new data has problems; keeping the last good data on screen"});
        set.file_times = std::move(times);
        return false;
    }
    log_news(klog, log, "reload",
             {"reloaded " + src.manifest_path + " (" + std::to_string(count_valid(fresh)) + " slides)"});
    set = std::move(fresh);
    return true;
}

struct Quit {
    bool now = false;
};

void handle_event(const SDL_Event& e, bool windowed, Video& video, KioskScreen& k, Quit& quit) {
    switch (e.type) {
        case SDL_QUIT:  // also SIGTERM and SIGINT: SDL turns them into SDL_QUIT
            quit.now = true;
            break;
        case SDL_KEYDOWN:
            // In full screen the kiosk ignores keys: a stray keyboard must not stop the lobby screen.
            if (windowed && (e.key.keysym.sym == SDLK_ESCAPE || e.key.keysym.sym == SDLK_q)) quit.now = true;
            break;
        case SDL_WINDOWEVENT:
            if (e.window.event == SDL_WINDOWEVENT_SIZE_CHANGED) {
                sync_video_size(video);
                invalidate_kiosk(k);
            }
            if (e.window.event == SDL_WINDOWEVENT_EXPOSED) k.dirty = true;
            break;
        case SDL_RENDER_TARGETS_RESET:
        case SDL_RENDER_DEVICE_RESET:
            invalidate_kiosk(k);
            break;
        default:
            break;
    }
}

// Sleeps until something changes or an event comes: no busy loop. X11 and Wayland wake SDL
// on events; other drivers (kmsdrm) would make SDL_WaitEventTimeout poll every millisecond,
// so there we sleep in slices and poll. Either way the wait is cut into slices so that a
// SIGTERM or SIGINT (which SDL turns into SDL_QUIT when it next pumps events) ends the
// program within a slice, whatever the driver does with an interrupted wait.
void wait_for_events(Video& video, int wait_ms, bool windowed, KioskScreen& k, Quit& quit) {
    const bool wakes_on_events = video.driver_name == "x11" || video.driver_name == "wayland";
    const int slice_ms = wakes_on_events ? 1000 : 250;
    SDL_Event e;
    for (int slept = 0; slept < wait_ms;) {
        const int slice = std::min(slice_ms, wait_ms - slept);
        if (wakes_on_events) {
            if (SDL_WaitEventTimeout(&e, slice)) {
                handle_event(e, windowed, video, k, quit);
                break;
            }
        } else {
            SDL_Delay(Uint32(slice));
            SDL_PumpEvents();
            if (SDL_HasEvents(SDL_FIRSTEVENT, SDL_LASTEVENT)) break;
        }
        slept += slice;
    }
    while (SDL_PollEvent(&e)) handle_event(e, windowed, video, k, quit);
}

}  // namespace

int run_kiosk(const KioskOptions& opt, const FontFiles& fonts, std::ostream& log) {
    KioskLog klog;
    SlideSet set = load_slide_set(opt.source);
    log_news(klog, log, "data", set.problems);
    std::uint64_t generation = 1;

    Video video;
    VideoError verr;
    if (!open_video(opt.video, video, verr)) {
        if (verr.no_display)
            log << "infotavle: no display to open (SDL: " << verr.sdl_error
                << "). With no desktop, infotavle drives the screen through kmsdrm: the user needs the "
                   "video and render groups (/dev/dri). To preview without a screen run infotavle "
                   "--render OUTDIR\n";
        else
            log << "infotavle: cannot start the renderer (SDL: " << verr.sdl_error << ")\n";
        return 2;
    }
    log << "infotavle: " << video.driver_name << " video, " << video.renderer_name << " renderer ("
        << (video.software ? "software: push transitions" : "accelerated: crossfades") << "), "
        << video.logical_w << "x" << video.logical_h << ", " << count_valid(set) << " of "
        << set.slides.size() << " slides valid\n";

    KioskScreen k;
    open_kiosk_screen(video.renderer, fonts, video.software, opt.home, k);
    set_kiosk_slides(k, set);

    const bool windowed = !opt.video.fullscreen;
    const std::int64_t watchdog_ms = service_watchdog_interval_ms();
    std::int64_t next_reload_ms = 0, next_watchdog_ms = 0;
    bool ready_sent = false;
    Quit quit;
    int code = 0;
    while (!quit.now) {
        const std::int64_t now = std::int64_t(SDL_GetTicks64());
        if (now >= next_reload_ms) {
            next_reload_ms = now + kReloadCheckMs;
            if (maybe_reload(set, opt.source, klog, log)) {
                ++generation;
                set_kiosk_slides(k, set);
            }
        }
        if (watchdog_ms > 0 && now >= next_watchdog_ms) {
            service_watchdog();
            next_watchdog_ms = now + watchdog_ms;
        }
        const Clock clock = read_clock(opt.fixed_now);
        const FrameInput in{now,          clock.text, clock.today, video.logical_w, video.logical_h,
                            video.rotate, nullptr};
        FrameResult r = kiosk_frame(k, set, generation, in);
        for (auto& note : r.notes) log_news(klog, log, note.topic, std::move(note.lines));
        if (r.composed) SDL_RenderPresent(video.renderer);
        if (!ready_sent && r.composed) {
            service_ready();
            service_status(std::to_string(count_valid(set)) + " slides");
            ready_sent = true;
        }
        std::int64_t wait = std::min<std::int64_t>(r.wait_ms, clock.ms_to_next_minute);
        if (!opt.source.manifest_path.empty()) wait = std::min(wait, next_reload_ms - now);
        if (watchdog_ms > 0) wait = std::min(wait, next_watchdog_ms - now);
        wait -= std::int64_t(SDL_GetTicks64()) - now;  // the time this frame took
        wait = std::clamp<std::int64_t>(wait, 0, 60000);
        wait_for_events(video, int(wait), windowed, k, quit);
    }
    service_stopping();
    log << "infotavle: stopping\n";
    close_kiosk_screen(k);
    close_video(video);
    return code;
}
