#include "app/kiosk/kiosk.h"

#include <SDL.h>

#include <algorithm>
#include <chrono>

#include "app/kiosk/frame.h"
#include "app/kiosk/kiosk_data.h"
#include "app/kiosk/log.h"
#include "app/kiosk/notice_step.h"
#include "app/kiosk/power_step.h"
#include "app/kiosk/screen_plan.h"
#include "app/kiosk/shown_slides.h"
#include "app/local_time.h"
#include "platform/service.h"
#include "platform/signals.h"

namespace {

// A finished fetch or read wakes the loop with this event (SDL_PushEvent is thread-safe), so
// the loop sleeps in wait_for_events until there is work instead of polling while fetches run.
constexpr Uint32 kWakeEvent = SDL_USEREVENT;

void push_wake_event() {
    SDL_Event e{};
    e.type = kWakeEvent;
    SDL_PushEvent(&e);
}

struct Clock {
    ClockForms text;
    feeds::PartialDate today;
    feeds::CivilMinute minute = 0;  // for the schedule
    std::int64_t ms_to_next_minute = 60000;
    bool fixed = false;
};

Clock read_clock(const std::optional<CivilTime>& fixed) {
    using namespace std::chrono;
    const auto now = system_clock::now();
    const CivilTime t = fixed ? *fixed : local_civil_time(now);
    Clock c{clock_header_forms(t), {t.year, t.month, t.day}, civil_minute_of(t), 60000, fixed.has_value()};
    if (!fixed) {
        const auto ms = duration_cast<milliseconds>(now.time_since_epoch()).count();
        c.ms_to_next_minute = 60000 - ms % 60000 + 5;  // a little after the minute turns
    }
    return c;
}

// Data ages are wall-clock times (the cache's fetched_at survives reboots), even under --now.
std::int64_t wall_ms() {
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

struct Quit {
    bool now = false;
};

void handle_event(const SDL_Event& e, bool windowed, Video& video, KioskScreen& k, Quit& quit) {
    switch (e.type) {
        case SDL_QUIT:  // the window closed (signals: platform/signals.h)
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
// on events; other drivers (kmsdrm, dummy) would make SDL_WaitEventTimeout poll every
// millisecond, so there the loop sleeps on the signal pipe (ended by a signal, a finished fetch
// or a changed file: kiosk_data's waker) and looks at SDL's events when it wakes, at least once
// a second (before: every 250 ms, four wake-ups a second for nothing on a board with no
// desktop). With a desktop the wait is cut into slices of a second so that a signal
// (platform/signals.h) is acted on within one, whatever the driver does with an interrupted
// wait. A screen that is off (`asleep`) sleeps in one piece until the time is up or a signal or
// a fetch comes.
void wait_for_events(Video& video, int wait_ms, bool windowed, KioskScreen& k, Quit& quit, bool asleep) {
    const bool wakes_on_events = video.driver_name == "x11" || video.driver_name == "wayland";
    constexpr int kSliceMs = 1000;
    SDL_Event e;
    if (asleep) wait_for_signal(wait_ms);
    for (int slept = 0; !asleep && slept < wait_ms && !signal_request_pending();) {
        const int slice = std::min(kSliceMs, wait_ms - slept);
        if (wakes_on_events) {
            if (SDL_WaitEventTimeout(&e, slice)) {
                handle_event(e, windowed, video, k, quit);
                break;
            }
            slept += slice;
            continue;
        }
        const Uint64 start = SDL_GetTicks64();
        wait_for_signal(slice);
        SDL_PumpEvents();
        if (SDL_HasEvents(SDL_FIRSTEVENT, SDL_LASTEVENT)) break;
        slept += int(SDL_GetTicks64() - start);  // less than the slice when woken early
    }
    while (SDL_PollEvent(&e)) handle_event(e, windowed, video, k, quit);
}

StatusInputs status_view(const KioskData& d, const SlideSet& set, const KioskScreen& k,
                         const ScreenPower& p) {
    StatusInputs v;
    v.display = display_status(p.want, p.ch);
    v.sync = d.syncing ? &d.sync : nullptr;
    v.set = &set;
    v.bundled = d.shown.bundled;
    v.current = std::max(-1, k.shown_current);
    return v;
}

double ms_since(std::chrono::steady_clock::time_point t) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t).count();
}

// The schedule's side of the loop: which slides are due, the calm page, on or off.
struct ScheduleView {
    std::optional<ScreenPlan> plan;  // as last applied
};

// Applies a new plan to the screen when it differs; logs each on/off change once.
bool apply_plan(ScheduleView& v, ScreenPlan plan, bool data_changed, const SlideSet& set, KioskScreen& k,
                feeds::CivilMinute now, KioskLog& klog, std::ostream& log) {
    const bool first = !v.plan;
    const bool slides_changed = first || data_changed || plan.due != v.plan->due || plan.calm != v.plan->calm;
    if (first || plan.screen_on != v.plan->screen_on) {
        if (!first || !plan.screen_on || plan.screen_change)
            log_news(klog, log, "display", {screen_change_line(plan, now)});
        invalidate_kiosk(k);
    }
    if (slides_changed) {
        k.calm_headline = plan.calm ? plan.calm->headline : "";
        k.calm_detail = plan.calm ? plan.calm->detail : "";
        set_kiosk_slides(k, set, &plan.due);
    }
    v.plan = std::move(plan);
    return slides_changed;
}

// Milliseconds until the local wall-clock minute `at` (through the timezone database).
std::int64_t ms_until(const Clock& clock, std::optional<feeds::CivilMinute> at) {
    if (clock.fixed || !at) return 60000;
    using namespace std::chrono;
    return duration_cast<milliseconds>(local_time_point(*at) - system_clock::now()).count() + 5;
}

// The run loop's state besides the data: the screen, its outlets, the service's clocks.
struct Loop {
    Video video;
    KioskScreen k;
    StatusOutlets outlets;
    ScheduleView sched;
    KioskNotices notices;  // app/kiosk/notice_step.h
    ScreenPower power;     // black, HDMI-CEC, DPMS: power_step.h
    Quit quit;
    std::int64_t watchdog_ms = 0;  // 0: no watchdog
    std::int64_t next_watchdog_ms = 0;
    bool ready_sent = false;
    std::uint64_t generation = 1;  // bumped when what the slides show changes
};

// Opens the window (or screen) and the kiosk screen on it. False when there is none (logged).
bool open_screen(const KioskOptions& opt, const FontFiles& fonts, const SlideSet& set, Loop& l,
                 std::ostream& log) {
    VideoError verr;
    if (!open_video(opt.video, l.video, verr)) {
        if (verr.no_display)
            log_line(log, Severity::error)
                << "no display to open (SDL: " << verr.sdl_error
                << "). With no desktop, infotavle drives the screen through kmsdrm: the user needs the "
                   "video and render groups (/dev/dri). To preview without a screen run infotavle "
                   "--render OUTDIR\n";
        else
            log_line(log, Severity::error) << "cannot start the renderer (SDL: " << verr.sdl_error << ")\n";
        return false;
    }
    const Video& video = l.video;
    log_line(log, Severity::info) << video.driver_name << " video, " << video.renderer_name << " renderer ("
                                  << (video.software ? "software: wipes" : "accelerated: crossfades") << "), "
                                  << video.logical_w << "x" << video.logical_h << ", " << count_valid(set)
                                  << " of " << set.slides.size() << " slides valid\n";
    open_kiosk_screen(video.renderer, fonts, video.software, opt.home, l.k);
    set_kiosk_slides(l.k, set);
    return true;
}

// Signals: SIGHUP reads the configuration and the manifest again. True: stop (SIGTERM,
// SIGINT, SIGQUIT).
bool take_signals(const KioskOptions& opt, KioskData& data, SignalRequests& sig, KioskLog& klog,
                  std::ostream& log) {
    sig = take_signal_requests();
    if (sig.quit) return true;
    if (sig.reload && opt.on_reload) opt.on_reload(log);
    if (sig.reload) reload_data(data, klog, log);
    return false;
}

void pet_watchdog(Loop& l, std::int64_t now) {
    if (l.watchdog_ms <= 0 || now < l.next_watchdog_ms) return;
    service_watchdog();
    l.next_watchdog_ms = now + l.watchdog_ms;
}

void say_ready(Loop& l) {
    if (!l.ready_sent) service_ready();
    l.ready_sent = true;
}

// The screen off by the schedule: nothing drawn or presented after the black picture
// (power_step.h); fetching goes on. Milliseconds until the schedule turns it on.
std::int64_t show_screen_off(Loop& l, const Clock& clock) {
    l.k.dirty = false;
    say_ready(l);  // started at a closed hour: up all the same
    return ms_until(clock, l.sched.plan->screen_change);
}

// The screen on: composes and presents a frame when something changed. Milliseconds until
// anything on it changes.
std::int64_t show_frame(Loop& l, const SlideSet& set, const Clock& clock, std::int64_t now, KioskLog& klog,
                        std::ostream& log) {
    const Video& video = l.video;
    const FrameInput in{now,          clock.text, clock.today, video.logical_w, video.logical_h,
                        video.rotate, nullptr};
    const auto frame_start = std::chrono::steady_clock::now();
    FrameResult r = kiosk_frame(l.k, set, l.generation, in);
    const std::int64_t wall_s = wall_ms() / 1000;
    if (r.composed) note_frame_cost(l.outlets, wall_s, ms_since(frame_start));
    for (const auto& note : r.notes) log_added_numbers_aside(klog, log, note.topic, note.lines);
    if (r.composed) {
        SDL_RenderPresent(video.renderer);
        note_presented(l.power, log);
        say_ready(l);
    }
    if (r.composed && !r.in_transition) note_picture(l.outlets, l.k, wall_s);
    return std::min<std::int64_t>(r.wait_ms, clock.ms_to_next_minute);
}

// Notices (app/kiosk/notice_step.h): the band on the slides, and a takeover that may turn on a
// screen the schedule turned off (wake_for_notices), said once each way.
NoticeView update_notices(Loop& l, const SlideSet& set, bool wake_allowed, KioskLog& klog,
                          std::ostream& log) {
    NoticeView notice =
        notice_view(notice_lists(set.feeds), wall_ms() / 1000, l.notices.home_code, local_clock_minutes());
    if (update_notice_band(l.k, notice)) ++l.generation;
    const bool wake = notice.takeover && wake_allowed && !l.sched.plan->screen_on;
    if (wake != l.notices.woke) {
        log_news(klog, log, "display",
                 {wake ? "display on for a takeover notice (wake_for_notices) until it ends"
                       : "display back on the schedule after a takeover notice"});
        l.notices.woke = wake;
        l.notices.page_key.clear();
    }
    return notice;
}

// A notice page in place of the rotation, which is paused and resumes where it was when the
// page ends. Milliseconds until the page may change; nullopt when no page is shown.
std::optional<std::int64_t> show_notice_page(Loop& l, const NoticeView& notice, const Clock& clock,
                                             std::int64_t now, KioskLog& klog, std::ostream& log) {
    const Video& video = l.video;
    const FrameInput in{now,          clock.text, clock.today, video.logical_w, video.logical_h,
                        video.rotate, nullptr};
    const NoticePageResult page = step_notice_page(l.notices, l.k, notice, in);
    if (!page.shown) return std::nullopt;
    if (page.composed) {
        log_added_numbers_aside(klog, log, "notice page", page.problems);
        SDL_RenderPresent(video.renderer);
        note_presented(l.power, log);
        say_ready(l);
    }
    return clock.ms_to_next_minute;
}

// The screen's step: off, a notice page, or the slides. Milliseconds until it changes.
std::int64_t show_screen(Loop& l, const SlideSet& set, const NoticeView& notice, const PowerTurn& pt,
                         const Clock& clock, std::int64_t now, KioskLog& klog, std::ostream& log) {
    std::int64_t wait = 0;
    if (pt.redraw) invalidate_kiosk(l.k);
    if (!pt.draw)
        wait = show_screen_off(l, clock);
    else if (const auto page = show_notice_page(l, notice, clock, now, klog, log))
        wait = *page;
    else
        wait = show_frame(l, set, clock, now, klog, log);
    if (notice.next_change) wait = std::min(wait, *notice.next_change * 1000 - wall_ms());
    return std::min(wait, pt.next_ms - now);
}

// How long the loop may sleep: until the screen, the data, the outlets or the watchdog need it,
// less the time this turn took since `now`.
int wait_ms(const Loop& l, std::int64_t screen_wait, const KioskData& data, std::int64_t now) {
    std::int64_t wait = std::min(screen_wait, data_wait_ms(data, wall_ms()));
    wait = std::min(wait, outlets_wait_ms(l.outlets, now));
    if (l.watchdog_ms > 0) wait = std::min(wait, l.next_watchdog_ms - now);
    wait -= std::int64_t(SDL_GetTicks64()) - now;
    return int(std::clamp<std::int64_t>(wait, 0, 60000));
}

}  // namespace

int run_kiosk(const KioskOptions& opt, const FontFiles& fonts, std::ostream& log) {
    catch_control_signals();  // before SDL starts, so SDL leaves SIGTERM and SIGINT to it
    KioskLog klog;
    KioskData data = open_data(opt, push_wake_event, klog, log);
    const SlideSet& set = data.shown.set;  // data.shown is replaced whole, never moved: stays valid
    Loop l;
    if (!open_screen(opt, fonts, set, l, log)) return 2;
    open_outlets(l.outlets, opt.status, opt.version, opt.sync.cache_dir, opt.sync.ca_file,
                 opt.sync.user_agent, wall_ms() / 1000, std::random_device{}());
    l.k.keep_shown_texture = outlets_want_picture(l.outlets);  // the picture is read from its texture
    l.watchdog_ms = service_watchdog_interval_ms();
    l.notices.home_code = notice_home_code(opt.home);
    open_screen_power(l.power, l.video.window, l.video.renderer);
    const bool windowed = !opt.video.fullscreen;
    while (!l.quit.now) {
        SignalRequests sig;
        if (take_signals(opt, data, sig, klog, log)) break;
        const std::int64_t now = std::int64_t(SDL_GetTicks64());
        const bool data_changed = update_data(data, wall_ms() / 1000, klog, log);
        pet_watchdog(l, now);
        const Clock clock = read_clock(opt.fixed_now);
        // New data, or the calm page's words or the due slides changed: the slides are drawn anew.
        if (apply_plan(l.sched, plan_screen(set, clock.minute, opt.schedule), data_changed, set, l.k,
                       clock.minute, klog, log) ||
            data_changed)
            ++l.generation;
        const NoticeView notice = update_notices(l, set, opt.wake_for_notices, klog, log);
        const PowerTurn pt = step_power(l.power, schedule_in_force(set, opt.schedule),
                                        l.sched.plan->screen_on || l.notices.woke, now, log);
        const std::int64_t screen_wait = show_screen(l, set, notice, pt, clock, now, klog, log);
        step_outlets(l.outlets, status_view(data, set, l.k, l.power), data.sync.version, now,
                     wall_ms() / 1000, sig.screenshot, klog, log);
        wait_for_events(l.video, wait_ms(l, screen_wait, data, now), windowed, l.k, l.quit, !pt.draw);
    }
    service_stopping();
    log_line(log, Severity::info) << "stopping\n";
    close_kiosk_screen(l.k);
    close_video(l.video);
    return 0;
}
