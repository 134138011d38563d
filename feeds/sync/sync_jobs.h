// The concurrent edge of feed_sync.h: runs the fetches it orders on a FetchPool (one thread,
// a bounded number of transfers at a time), has each fetched body read (parsed) off the
// caller's thread, the kiosk's render thread (read_jobs.h), and hands the results back.
// Nothing here decides anything; it never blocks, except sync_until_settled() (for --render and
// start-up with local files), whose waits are bounded. A finished fetch or read calls the
// jobs' waker, so the caller sleeps until there is work (set_waker).
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "feeds/fetch_pool.h"
#include "feeds/sync/feed_sync.h"
#include "feeds/sync/read_jobs.h"

namespace feeds {

inline constexpr std::size_t kMaxOrdered = 8;  // bodies held at once: 32 MiB at 4 MiB each

// The fetches ordered and not yet applied (fetching, or their body being read), by item key.
// Dropping it abandons the fetches at once and waits for the reads under way.
struct SyncJobs {
    std::map<std::string, FetchRequest> running;
    ReadJobs reads;
    FetchPool pool;  // declared last: stopped before `running` goes
};

// From now on every finished fetch and every finished read calls `wake` (from its own thread)
// once step_sync() can take it.
void set_waker(SyncJobs& jobs, Waker wake);

struct SyncStep {
    std::vector<Note> notes;
    bool applied = false;  // some result was applied: data or ages may have changed
    bool read = false;     // some body was read and parsed (an unchanged file or a 304 is not)
};

// Applies every fetch whose body has been read (and every one without a body: a 304, an
// unchanged file, a failure), hands the other finished fetches to be read, then starts those
// due at `now`, so that at most kMaxOrdered are under way (fetching, or their body held for a
// read); the others start in later steps. Never blocks.
SyncStep step_sync(FeedSync& s, SyncJobs& jobs, std::int64_t now);

// The unix time step_sync() next has something to start: next_fetch_due(), or nullopt while
// kMaxOrdered fetches are under way (one finishing wakes the caller, see set_waker) or nothing
// is waiting.
std::optional<std::int64_t> next_step_due(const FeedSync& s, const SyncJobs& jobs, std::int64_t now);

// Fetches until nothing more is due at `now`: the manifest, then the feeds it lists. Each wait
// is bounded by the fetches' own time limits. local_only: waits only for local files (start-up
// with a local manifest); http fetches go on running and are applied by later steps.
std::vector<Note> sync_until_settled(FeedSync& s, SyncJobs& jobs, std::int64_t now, bool local_only = false);

}  // namespace feeds
