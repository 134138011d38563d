// The threaded edge of feed_sync.h: runs the fetches it orders, one FetchJob (its own thread)
// each, and hands their results back. Nothing here decides anything; it never blocks, except
// sync_until_settled() (for --render and tests), whose waits are bounded.
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "app/feed_sync.h"
#include "feeds/fetch.h"

struct RunningFetch {
    feeds::FetchRequest request;
    feeds::FetchJob job;
};

// The fetches running now, by item key. Dropping it stops and joins them (about a second at most).
struct SyncJobs {
    std::map<std::string, RunningFetch> running;
};

struct SyncStep {
    std::vector<SyncNote> notes;
    bool applied = false;  // some result was applied: data or ages may have changed
};

// Applies every finished fetch, then starts those due at `now`. Never blocks.
SyncStep step_sync(FeedSync& s, SyncJobs& jobs, std::int64_t now);

// Waits until some running fetch has finished, at most `limit`. False on timeout or when none runs.
bool wait_for_a_fetch(const SyncJobs& jobs, std::chrono::milliseconds limit);

// Fetches until nothing more is due at `now`: the manifest, then the feeds it lists. Each wait
// is bounded by the fetch's own timeout. For --render, which shows one moment's data.
std::vector<SyncNote> sync_until_settled(FeedSync& s, SyncJobs& jobs, std::int64_t now);
