// The kiosk loop's data side: what is fetched, running and shown (feeds/sync), and when the
// loop must look at it again. kiosk.cpp calls these as steps of its loop.
#pragma once

#include <cstdint>
#include <optional>
#include <ostream>
#include <vector>

#include "app/kiosk/kiosk.h"
#include "app/kiosk/log.h"
#include "app/kiosk/shown_slides.h"
#include "app/status/rotation_changes.h"
#include "feeds/sync/sync_jobs.h"
#include "platform/file_watch.h"

// The data side of the loop: what is fetched, running and shown. Without --manifest the
// bundled slides are shown as they are and nothing is fetched.
struct KioskData {
    bool syncing = false;
    feeds::FeedSync sync;
    feeds::SyncJobs jobs;
    ShownSlides shown;
    std::uint64_t shown_version = 0;
    std::int64_t stale_minute = -1;  // the wall-clock minute the stale texts were made for
    bool said_round = false;         // first_round_done() when the slides were last shown
    std::optional<std::vector<RotationEntry>> said_rotation;  // the rotation when last said
    // A local manifest's files are watched (platform/file_watch.h, feeds/sync/local_watch.h).
    FileWatch watch;
    std::uint64_t watch_version = UINT64_MAX;  // sync.version when the watched paths were last set
    std::size_t unwatched = 0;                 // local files looked at every kLocalCheckS all the same
    bool watch_again = false;                  // one of those was just looked at: try watching again
};

// Cached data at once; the fetches start on the loop's first turn. `wake` is called (from
// another thread) when a fetch or read finishes, or a watched local file changes.
KioskData open_data(const KioskOptions& opt, feeds::Waker wake, KioskLog& klog, std::ostream& log);

// Picks up finished fetches, starts due ones, and brings the slides and their stale texts up
// to date. True when what the slides show has changed.
bool update_data(KioskData& d, std::int64_t now_s, KioskLog& klog, std::ostream& log);

// SIGHUP: the manifest is fetched or read again now (its feeds follow when it changed).
void reload_data(KioskData& d, KioskLog& klog, std::ostream& log);

// How long the loop may sleep before the data side needs it: until the next fetch is due. A
// fetch or read finishing wakes it earlier (the waker).
std::int64_t data_wait_ms(const KioskData& d, std::int64_t now_ms);
