#include "app/kiosk/kiosk.h"

#include <SDL.h>

#include <algorithm>
#include <chrono>
#include <random>

#include "app/kiosk/feed_sync.h"
#include "app/kiosk/frame.h"
#include "app/kiosk/log.h"
#include "app/kiosk/screen_plan.h"
#include "app/kiosk/sync_jobs.h"
#include "app/local_time.h"
#include "app/status/rotation_changes.h"
#include "feeds/url.h"
#include "platform/service.h"
#include "platform/signals.h"

namespace {

constexpr std::int64_t kJobPollMs = 1000;  // while a fetch runs: its result is picked up within a second

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

// The data side of the loop: what is fetched, running and shown. Without --manifest the
// bundled slides are shown as they are and nothing is fetched.
struct KioskData {
    bool syncing = false;
    FeedSync sync;
    SyncJobs jobs;
    ShownSlides shown;
    std::uint64_t shown_version = 0;
    std::int64_t stale_minute = -1;  // the wall-clock minute the stale texts were made for
    bool said_round = false;         // first_round_done() when the slides were last shown
    std::optional<std::vector<RotationEntry>> said_rotation;  // the rotation when last said
};

void log_notes(KioskLog& klog, std::ostream& log, std::vector<SyncNote> notes) {
    for (auto& n : notes) log_news(klog, log, n.topic, std::move(n.lines));
}

// What the slides show, and (when `say`) the log lines for it. While the first round of
// fetches is still coming in, every arriving feed changes them: not worth a line each, so
// they are said at start and once the round is done, then only when they change; of the
// slide problems only the new ones.
void show_synced(KioskData& d, KioskLog& klog, std::ostream& log, bool say) {
    d.shown = slides_to_show(d.sync);
    d.shown_version = d.sync.version;
    d.stale_minute = -1;
    if (!say) return;
    std::vector<RotationEntry> rotation = rotation_entries(d.shown.set);
    if (d.said_rotation) {  // each slide that came in or went out, once (not the first showing)
        log_news(klog, log, "rotation", rotation_change_lines(*d.said_rotation, rotation));
        log_news(klog, log, "rotation", {});
    }
    d.said_rotation = std::move(rotation);
    log_added(klog, log, "data", d.shown.bundled ? std::vector<std::string>{} : d.shown.set.problems);
    const std::string& where = d.sync.manifest_item.location;
    log_news(
        klog, log, "slides",
        {d.shown.bundled ? d.shown.why_bundled
                         : "showing " + std::to_string(count_valid(d.shown.set)) + " slides from " + where +
                               (d.sync.manifest_item.schedule.last_attempt_s ? "" : " (cached copies)")});
}

// Cached data at once; the fetches start on the loop's first turn.
KioskData open_data(const KioskOptions& opt, KioskLog& klog, std::ostream& log) {
    KioskData d;
    d.syncing = !opt.source.manifest_path.empty();
    if (!d.syncing) {
        d.shown.set = load_slide_set(opt.source);
        log_news(klog, log, "data", d.shown.set.problems);
        return d;
    }
    if (opt.cache_dir.empty())
        log_line(log, Severity::warning)
            << "no cache directory ($CACHE_DIRECTORY, $XDG_CACHE_HOME and $HOME are unset, no "
               "--cache-dir): fetched data is not kept across restarts\n";
    std::vector<SyncNote> notes;
    d.sync = open_sync(opt.source.manifest_path, opt.cache_dir, notes, opt.data_max_bytes);
    d.sync.user_agent = opt.user_agent;
    d.sync.ca_file = opt.ca_file;
    d.sync.cache_max_bytes = opt.cache_max_bytes;
    d.sync.rng.seed(std::random_device{}());  // screens must not retry in step
    // Local files answer in milliseconds: read them before the first frame rather than show
    // the bundled slides for a moment. A remote manifest is fetched on the loop's first turn.
    if (!feeds::is_http_url(opt.source.manifest_path)) {
        const std::int64_t now_s = std::chrono::duration_cast<std::chrono::seconds>(
                                       std::chrono::system_clock::now().time_since_epoch())
                                       .count();
        for (auto& n : sync_until_settled(d.sync, d.jobs, now_s, true)) notes.push_back(std::move(n));
    }
    log_notes(klog, log, std::move(notes));
    show_synced(d, klog, log, true);
    return d;
}

// Picks up finished fetches, starts due ones, and brings the slides and their stale texts up
// to date. True when what the slides show has changed.
bool update_data(KioskData& d, std::int64_t now_s, KioskLog& klog, std::ostream& log) {
    if (!d.syncing) return false;
    SyncStep step = step_sync(d.sync, d.jobs, now_s);
    log_notes(klog, log, std::move(step.notes));
    bool changed = false;
    const bool say = first_round_done(d.sync);
    if (d.sync.version != d.shown_version) {
        show_synced(d, klog, log, say);
        changed = true;
    } else if (step.applied && (d.shown.bundled || say != d.said_round)) {
        show_synced(d, klog, log, say);  // the same slides; only the reason may have changed
    }
    d.said_round = say;
    if (step.applied || changed || now_s / 60 != d.stale_minute) {
        d.stale_minute = now_s / 60;
        changed = update_stale_texts(d.shown, d.sync, now_s) || changed;
    }
    return changed;
}

// How long the loop may sleep before the data side needs it.
std::int64_t data_wait_ms(const KioskData& d, std::int64_t now_ms) {
    if (!d.syncing) return 60000;
    std::int64_t wait = d.jobs.running.empty() ? 60000 : kJobPollMs;
    if (auto due = next_fetch_due(d.sync, now_ms / 1000)) wait = std::min(wait, *due * 1000 - now_ms);
    return wait;
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
// on events; other drivers (kmsdrm) would make SDL_WaitEventTimeout poll every millisecond,
// so there we sleep in slices and poll. Either way the wait is cut into slices so that a
// signal (platform/signals.h: SIGTERM, SIGINT, SIGQUIT, SIGHUP) is acted on within a slice,
// whatever the driver does with an interrupted wait.
void wait_for_events(Video& video, int wait_ms, bool windowed, KioskScreen& k, Quit& quit) {
    const bool wakes_on_events = video.driver_name == "x11" || video.driver_name == "wayland";
    const int slice_ms = wakes_on_events ? 1000 : 250;
    SDL_Event e;
    for (int slept = 0; slept < wait_ms && !signal_request_pending();) {
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

StatusInputs status_view(const KioskData& d, const SlideSet& set, const KioskScreen& k) {
    StatusInputs v;
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
    bool black_shown = false;        // the Black channel: one black picture presented while off
};

// Applies a new plan to the screen when it differs; logs each on/off change once.
bool apply_plan(ScheduleView& v, ScreenPlan plan, bool data_changed, const SlideSet& set, KioskScreen& k,
                feeds::CivilMinute now, KioskLog& klog, std::ostream& log) {
    const bool first = !v.plan;
    const bool slides_changed = first || data_changed || plan.due != v.plan->due || plan.calm != v.plan->calm;
    if (first || plan.screen_on != v.plan->screen_on) {
        if (!first || !plan.screen_on || plan.screen_change)
            log_news(klog, log, "display", {screen_change_line(plan, now)});
        v.black_shown = false;
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

// Black, the power channel that always works: one black picture, then nothing is presented
// until the schedule turns the screen on. (HDMI-CEC and DPMS, when they come, go beside it.)
void show_black(SDL_Renderer* renderer) {
    SDL_SetRenderTarget(renderer, nullptr);
    SDL_SetRenderDrawColor(renderer, 0, 0, 0, 255);
    SDL_RenderClear(renderer);
    SDL_RenderPresent(renderer);
}

// Milliseconds until the local wall-clock minute `at` (through the timezone database).
std::int64_t ms_until(const Clock& clock, std::optional<feeds::CivilMinute> at) {
    if (clock.fixed || !at) return 60000;
    using namespace std::chrono;
    return duration_cast<milliseconds>(local_time_point(*at) - system_clock::now()).count() + 5;
}

}  // namespace

int run_kiosk(const KioskOptions& opt, const FontFiles& fonts, std::ostream& log) {
    catch_control_signals();  // before SDL starts, so SDL leaves SIGTERM and SIGINT to it
    KioskLog klog;
    KioskData data = open_data(opt, klog, log);
    const SlideSet& set = data.shown.set;  // data.shown is replaced whole, never moved: stays valid
    std::uint64_t generation = 1;

    Video video;
    VideoError verr;
    if (!open_video(opt.video, video, verr)) {
        if (verr.no_display)
            log_line(log, Severity::error)
                << "no display to open (SDL: " << verr.sdl_error
                << "). With no desktop, infotavle drives the screen through kmsdrm: the user needs the "
                   "video and render groups (/dev/dri). To preview without a screen run infotavle "
                   "--render OUTDIR\n";
        else
            log_line(log, Severity::error) << "cannot start the renderer (SDL: " << verr.sdl_error << ")\n";
        return 2;
    }
    log_line(log, Severity::info) << video.driver_name << " video, " << video.renderer_name << " renderer ("
                                  << (video.software ? "software: wipes" : "accelerated: crossfades") << "), "
                                  << video.logical_w << "x" << video.logical_h << ", " << count_valid(set)
                                  << " of " << set.slides.size() << " slides valid\n";

    KioskScreen k;
    open_kiosk_screen(video.renderer, fonts, video.software, opt.home, k);
    set_kiosk_slides(k, set);
    StatusOutlets outlets;
    open_outlets(outlets, opt.status, opt.version, opt.cache_dir, opt.ca_file, opt.user_agent,
                 wall_ms() / 1000, std::random_device{}());
    k.keep_shown_texture = outlets_want_picture(outlets);  // the picture is read from its texture

    const bool windowed = !opt.video.fullscreen;
    const std::int64_t watchdog_ms = service_watchdog_interval_ms();
    std::int64_t next_watchdog_ms = 0;
    bool ready_sent = false;
    ScheduleView sched;
    Quit quit;
    while (!quit.now) {
        const SignalRequests sig = take_signal_requests();
        if (sig.quit) break;
        if (sig.reload && opt.on_reload) opt.on_reload(log);
        if (sig.reload && data.syncing) log_notes(klog, log, reload_manifest(data.sync));
        const std::int64_t now = std::int64_t(SDL_GetTicks64());
        const bool data_changed = update_data(data, wall_ms() / 1000, klog, log);
        if (data_changed) ++generation;
        if (watchdog_ms > 0 && now >= next_watchdog_ms) {
            service_watchdog();
            next_watchdog_ms = now + watchdog_ms;
        }
        const Clock clock = read_clock(opt.fixed_now);
        if (apply_plan(sched, plan_screen(set, clock.minute), data_changed, set, k, clock.minute, klog,
                       log) &&
            !data_changed)
            ++generation;              // the calm page's words or the due slides changed
        if (!sched.plan->screen_on) {  // off: nothing drawn or presented; fetching goes on
            if (!sched.black_shown || k.dirty) show_black(video.renderer);
            sched.black_shown = true;
            k.dirty = false;
            if (!ready_sent) service_ready();  // started at a closed hour: up all the same
            ready_sent = true;
            step_outlets(outlets, status_view(data, set, k), data.sync.version, now, wall_ms() / 1000,
                         sig.screenshot, klog, log);
            std::int64_t wait =
                std::min(ms_until(clock, sched.plan->screen_change), data_wait_ms(data, wall_ms()));
            wait = std::min(wait, outlets_wait_ms(outlets, now));
            if (watchdog_ms > 0) wait = std::min(wait, next_watchdog_ms - now);
            wait_for_events(video, int(std::clamp<std::int64_t>(wait, 0, 60000)), windowed, k, quit);
            continue;
        }
        const FrameInput in{now,          clock.text, clock.today, video.logical_w, video.logical_h,
                            video.rotate, nullptr};
        const auto frame_start = std::chrono::steady_clock::now();
        FrameResult r = kiosk_frame(k, set, generation, in);
        const std::int64_t wall_s = wall_ms() / 1000;
        if (r.composed) note_frame_cost(outlets, wall_s, ms_since(frame_start));
        for (const auto& note : r.notes) log_added_numbers_aside(klog, log, note.topic, note.lines);
        if (r.composed) SDL_RenderPresent(video.renderer);
        if (!ready_sent && r.composed) {
            service_ready();
            ready_sent = true;
        }
        if (r.composed && !r.in_transition) note_picture(outlets, k, wall_s);
        step_outlets(outlets, status_view(data, set, k), data.sync.version, now, wall_s, sig.screenshot, klog,
                     log);
        std::int64_t wait = std::min<std::int64_t>(r.wait_ms, clock.ms_to_next_minute);
        wait = std::min(wait, data_wait_ms(data, wall_ms()));
        wait = std::min(wait, outlets_wait_ms(outlets, now));
        if (watchdog_ms > 0) wait = std::min(wait, next_watchdog_ms - now);
        wait -= std::int64_t(SDL_GetTicks64()) - now;  // the time this frame took
        wait = std::clamp<std::int64_t>(wait, 0, 60000);
        wait_for_events(video, int(wait), windowed, k, quit);
    }
    service_stopping();
    log_line(log, Severity::info) << "stopping\n";
    close_kiosk_screen(k);
    close_video(video);
    return 0;
}
