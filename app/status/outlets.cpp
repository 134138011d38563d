#include "app/status/outlets.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "app/status/prometheus_text.h"
#include "app/status/status_json.h"
#include "app/status/summary_line.h"
#include "feeds/sync/feed_sync.h"
#include "platform/atomic_file.h"
#include "platform/png_write.h"
#include "platform/service.h"

namespace {

std::string screenshot_path(const StatusOutlets& o) {
    if (o.opt.status_file.empty()) return "";
    return (std::filesystem::path(o.opt.status_file).parent_path() / "screenshot.png").string();
}

void say(KioskLog& klog, std::ostream& log, const std::string& topic,
         const std::optional<std::string>& error) {
    log_news(klog, log, topic, error ? std::vector<std::string>{*error} : std::vector<std::string>{});
}

// SIGUSR1 is answered every time (a line saying where); a timed screenshot only when it fails.
void write_screenshot(StatusOutlets& o, bool asked, KioskLog& klog, std::ostream& log) {
    const std::string path = screenshot_path(o);
    std::optional<std::string> error;
    if (path.empty())
        error = "screenshot: no --status-file, so nowhere to write screenshot.png";
    else if (o.grab.rgba.empty())
        error = "screenshot: no picture yet (nothing composed, or the slide is drawn without a texture)";
    else
        error = write_png(path, o.grab.rgba.data(), o.grab.width, o.grab.height, 4, o.grab.width * 4);
    if (!error) o.screenshot_new = true;
    say(klog, log, "screenshot", error);
    if (asked && !error) {
        log_news(klog, log, "screenshot", {"SIGUSR1: wrote " + path});
        log_news(klog, log, "screenshot", {});
    }
}

std::string read_whole(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

// The cheap signs of news: the slide on screen, the data, the picture, the fetches' and the
// heartbeat's attempts. A change makes the record at once.
std::string trigger_of(const StatusOutlets& o, const StatusInputs& view, std::uint64_t data_version) {
    std::int64_t attempts = 0;
    if (view.sync) {
        auto add = [&](const feeds::SyncItem& i) {
            attempts += i.schedule.last_attempt_s.value_or(0) + i.schedule.failures;
        };
        add(view.sync->manifest_item);
        for (const auto& f : view.sync->feeds) add(f);
    }
    const std::uint64_t beats = o.heartbeat ? o.heartbeat->state.status.sent_total : 0;
    return std::to_string(view.current) + " " + std::to_string(data_version) + " " +
           std::to_string(attempts) + " " + std::to_string(beats) + " " + o.frame_hash;
}

void write_files(StatusOutlets& o, const StatusRecord& r, KioskLog& klog, std::ostream& log) {
    if (!o.opt.status_file.empty())
        say(klog, log, "status file", replace_file(o.opt.status_file, status_json(r)));
    if (!o.opt.metrics_file.empty())
        say(klog, log, "metrics file", replace_file(o.opt.metrics_file, prometheus_text(r)));
}

}  // namespace

void open_outlets(StatusOutlets& o, StatusOptions opt, std::string version, std::string cache_dir,
                  std::string ca_file, std::string user_agent, std::int64_t now_s, std::uint64_t seed) {
    o.opt = std::move(opt);
    o.version = std::move(version);
    o.cache_dir = std::move(cache_dir);
    o.started_s = now_s;
    if (o.opt.heartbeat_url.empty()) return;
    o.heartbeat = std::make_unique<Heartbeat>();
    Heartbeat& h = *o.heartbeat;
    h.url = o.opt.heartbeat_url;
    h.ca_file = std::move(ca_file);
    h.user_agent = std::move(user_agent);
    h.state.interval_s = o.opt.heartbeat_s;
    h.state.status.configured = true;
    h.rng.seed(seed);
    h.pool.max_parallel = 1;
}

bool outlets_want_picture(const StatusOutlets& o) {
    return !o.opt.status_file.empty() || !o.opt.metrics_file.empty() || o.heartbeat;
}

void note_frame_cost(StatusOutlets& o, std::int64_t now_s, double ms) {
    add_frame_cost(o.costs, now_s, ms);
}

void note_picture(StatusOutlets& o, KioskScreen& k, std::int64_t now_s) {
    if (!outlets_want_picture(o)) return;
    const std::string key = shown_picture_key(k);
    if (key.empty() || key == o.grab_key) return;
    o.grab = grab_shown_slide(k, nullptr);
    o.grab_key = key;
    const std::string hash = grab_hash(o.grab);
    if (hash == o.frame_hash) return;
    o.frame_hash = hash;
    o.frame_changed_at = now_s;
}

void step_outlets(StatusOutlets& o, StatusInputs view, std::uint64_t data_version, std::int64_t now_ms,
                  std::int64_t now_s, bool screenshot, KioskLog& klog, std::ostream& log) {
    HeartbeatTurn beat;
    if (o.heartbeat) {
        std::vector<HeartbeatNote> notes;
        beat = step_heartbeat(*o.heartbeat, now_ms, now_s, notes);
        for (auto& n : notes) log_news(klog, log, n.topic, std::move(n.lines));
    }
    const bool timed_shot = o.opt.screenshot_s > 0 && now_ms >= o.next_screenshot_ms && !o.grab.rgba.empty();
    if (screenshot || timed_shot) {
        write_screenshot(o, screenshot, klog, log);
        if (timed_shot) o.next_screenshot_ms = now_ms + std::int64_t(o.opt.screenshot_s) * 1000;
    }
    std::string trigger = trigger_of(o, view, data_version);
    if (trigger == o.trigger && now_ms - o.made_ms < kStatusRefreshMs && !beat.send_now) return;
    o.trigger = std::move(trigger);
    o.made_ms = now_ms;
    view.version = o.version;
    view.screen = o.opt.screen;
    view.now_s = now_s;
    view.started_s = o.started_s;
    view.frame_p95_ms = frame_cost_p95_ms(o.costs, now_s);
    view.host = read_host_facts(o.cache_dir);
    view.frame_hash = o.frame_hash;
    view.frame_changed_at = o.frame_changed_at;
    if (o.heartbeat) view.heartbeat = o.heartbeat->state.status;
    const StatusRecord r = make_status_record(view);
    if (std::string line = summary_line(r); line != o.summary) {
        service_status(line);
        o.summary = std::move(line);
    }
    std::string key = change_key(r);
    if (key != o.written_key || now_ms - o.written_ms >= kStatusRefreshMs) {
        write_files(o, r, klog, log);
        o.written_key = std::move(key);
        o.written_ms = now_ms;
    }
    if (beat.send_now) {
        send_heartbeat(*o.heartbeat, status_json(r), o.screenshot_new ? read_whole(screenshot_path(o)) : "");
        o.screenshot_new = false;
    }
}

std::int64_t outlets_wait_ms(const StatusOutlets& o, std::int64_t now_ms) {
    std::int64_t wait = o.made_ms + kStatusRefreshMs - now_ms;
    if (o.heartbeat) {
        const HeartbeatState& s = o.heartbeat->state;
        if (s.in_flight > 0) wait = std::min<std::int64_t>(wait, 1000);  // its answer within a second
        if (s.next_at_ms)
            wait = std::min(wait, *s.next_at_ms - now_ms);
        else
            wait = 0;
    }
    if (o.opt.screenshot_s > 0 && !o.grab.rgba.empty()) wait = std::min(wait, o.next_screenshot_ms - now_ms);
    return std::max<std::int64_t>(wait, 0);
}
