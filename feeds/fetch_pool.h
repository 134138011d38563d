// The kiosk's fetches: one thread running libcurl's multi interface, with at most max_parallel
// transfers at a time (the rest wait in order), however many feeds a manifest lists. Local
// files are read on the same thread. Never blocks the caller except wait_for_finished().
//
// Dropping the pool abandons every transfer at once (a wake-up ends the thread's poll), so a
// screen stops within milliseconds even with every fetch hanging.
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "feeds/fetch.h"

namespace feeds {

inline constexpr int kDefaultMaxParallelFetches = 6;

struct FinishedFetch {
    std::string key;       // as given to submit_fetch
    FetchRequest request;  // as given
    FetchResult result;
};

struct FetchPoolState;
struct FetchPoolStop {
    void operator()(FetchPoolState* s) const;  // stops the thread, abandons every transfer
};

// Default-constructed: no thread until the first submit_fetch. Movable.
struct FetchPool {
    int max_parallel = kDefaultMaxParallelFetches;
    // Called (from the pool's thread) after each fetch finishes, once take_finished() returns it;
    // set before the first submit_fetch. Must be thread-safe and quick.
    std::function<void()> on_finished;
    std::unique_ptr<FetchPoolState, FetchPoolStop> state;
};

// Queues a fetch; it starts when fewer than max_parallel run. Thread-safe towards the pool's
// own thread (not to be called from several threads at once).
void submit_fetch(FetchPool& pool, std::string key, FetchRequest request);

// The fetches finished since the last call, in the order they finished. Never blocks.
std::vector<FinishedFetch> take_finished(FetchPool& pool);

// Waits until a finished fetch is waiting to be taken, at most `limit`. False on timeout.
bool wait_for_finished(FetchPool& pool, std::chrono::milliseconds limit);

// Transfers running now (not counting the queued ones).
std::size_t fetches_active(const FetchPool& pool);

}  // namespace feeds
