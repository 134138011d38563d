#include "app/kiosk/kiosk_data.h"

#include <algorithm>
#include <chrono>
#include <random>

#include "feeds/sync/local_watch.h"
#include "feeds/url.h"
#include "platform/clock_sync.h"
#include "platform/process_memory.h"
#include "platform/signals.h"

namespace {

void log_notes(KioskLog& klog, std::ostream& log, std::vector<feeds::Note> notes) {
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

// Watches the local files the sync reads, when the set may have changed (a new manifest, new
// data), a watched directory went, or an unwatched file was looked at (its directory may be back);
// then makes the changed files due. Costs no syscall on a turn when nothing happened.
void follow_files(KioskData& d, KioskLog& klog, std::ostream& log) {
    if (d.watch.fd < 0) return;
    const FileChanges changes = read_changes(d.watch);
    if (changes.any() || d.watch_again || d.sync.version != d.watch_version) {
        d.watch_version = d.sync.version;
        const std::vector<std::string> paths = feeds::local_paths(d.sync);
        watch_paths(d.watch, paths);
        feeds::set_watched(d.sync, d.watch.watched);
        std::vector<std::string> unwatched;
        for (const auto& p : paths)
            if (!d.watch.watched.count(p)) unwatched.push_back(p);
        d.unwatched = unwatched.size();
        d.watch_again = false;
        std::vector<std::string> lines;
        if (!unwatched.empty())
            lines.push_back("not watching " + std::to_string(unwatched.size()) + " local files (" +
                            d.watch.error + "): looking at them every " +
                            std::to_string(feeds::kLocalCheckS) + " s");
        log_news(klog, log, "watch", std::move(lines));
    }
    feeds::mark_changed(d.sync, changes.paths, changes.all);
}

// A local manifest's files are watched from before the first read, so no change is missed.
void open_watch(KioskData& d, const feeds::Waker& wake, KioskLog& klog, std::ostream& log) {
    d.watch = open_file_watch();
    start_file_watch_bell(d.watch, wake);
    if (d.watch.fd < 0)
        log_news(klog, log, "watch",
                 {"not watching local files (" + d.watch.error + "): looking at them every " +
                  std::to_string(feeds::kLocalCheckS) + " s"});
    follow_files(d, klog, log);
}

}  // namespace

KioskData open_data(const KioskOptions& opt, feeds::Waker wake, KioskLog& klog, std::ostream& log) {
    KioskData d;
    d.syncing = !opt.sync.manifest_location.empty();
    if (!d.syncing) {
        d.shown.set = load_slide_set({});
        log_news(klog, log, "data", d.shown.set.problems);
        return d;
    }
    if (opt.sync.cache_dir.empty())
        log_line(log, Severity::warning)
            << "no cache directory ($CACHE_DIRECTORY, $XDG_CACHE_HOME and $HOME are unset, no "
               "--cache-dir): fetched data is not kept across restarts\n";
    std::vector<feeds::Note> notes;
    // The loop sleeps in SDL's wait while the screen is on, in wait_for_signal while it is off:
    // a finished fetch or a changed file ends either (a takeover notice may turn the screen on).
    wake = [loop = std::move(wake)] {
        if (loop) loop();
        wake_signal_wait();
    };
    feeds::set_waker(d.jobs, wake);
    d.sync = feeds::open_sync(opt.sync, notes);
    d.jobs.reads.fetch_signatures = feeds::trust_on(d.sync.trust);
    d.sync.rng.seed(std::random_device{}());  // screens must not retry in step
    // Local files answer in milliseconds: read them before the first frame rather than show
    // the bundled slides for a moment. A remote manifest is fetched on the loop's first turn.
    if (!feeds::is_http_url(opt.sync.manifest_location)) {
        open_watch(d, wake, klog, log);
        const std::int64_t now_s = std::chrono::duration_cast<std::chrono::seconds>(
                                       std::chrono::system_clock::now().time_since_epoch())
                                       .count();
        for (auto& n : feeds::sync_until_settled(d.sync, d.jobs, now_s, true)) notes.push_back(std::move(n));
    }
    log_notes(klog, log, std::move(notes));
    show_synced(d, klog, log, true);
    return d;
}

bool update_data(KioskData& d, std::int64_t now_s, KioskLog& klog, std::ostream& log) {
    if (!d.syncing) return false;
    if (feeds::trust_on(d.sync.trust)) d.sync.trust.clock_synced = clock_synchronised();
    follow_files(d, klog, log);
    feeds::SyncStep step = feeds::step_sync(d.sync, d.jobs, now_s);
    d.watch_again = d.watch_again || (step.applied && d.unwatched > 0);
    log_notes(klog, log, std::move(step.notes));
    bool changed = false;
    const bool say = feeds::first_round_done(d.sync);
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
    // A read parses whole files on the heap and frees them: give those pages back now, or they
    // stay resident until the next slide change (at 100 slides up to 6 MB between syncs). Not
    // after a look that found nothing new (a local file every 5 s, a 304): the trim walks the
    // heap, and pages given back are faulted in again by the next draw.
    if (step.read) release_free_heap();
    return changed;
}

std::int64_t data_wait_ms(const KioskData& d, std::int64_t now_ms) {
    std::int64_t wait = 60000;
    if (!d.syncing) return wait;
    if (auto due = feeds::next_step_due(d.sync, d.jobs, now_ms / 1000))
        wait = std::min(wait, *due * 1000 - now_ms);
    return wait;
}

void reload_data(KioskData& d, KioskLog& klog, std::ostream& log) {
    if (d.syncing) log_notes(klog, log, feeds::reload_manifest(d.sync));
}
