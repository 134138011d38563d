// Reading fetched bodies off the caller's thread, which in the kiosk is the render thread: each
// Ok body is parsed (parse_fetched, accept.h) by a job of its own, at most kMaxReads at once;
// the rest wait their turn in order. Parsing takes time in proportion to the file (linear, up to
// limits.max_file_bytes), so a large or hostile file must never cost the screen a frame.
// Every read is abandonable (ParseControl): it stops at its next check point when it runs past
// kReadLimit or its parsed data past max_parsed_bytes (then it is a refused file, backed off
// like a failed fetch), or when the jobs are dropped (the program stopping: dropping them takes
// microseconds, whatever a read is doing).
// Independent of how the fetches run: whatever hands back a finished fetch hands it on here.
// A finished read calls `wake` (from its own thread) once take_reads() can return it, so the
// caller can sleep until there is work instead of polling.
#pragma once

#include <atomic>
#include <chrono>
#include <cstddef>
#include <deque>
#include <functional>
#include <future>
#include <memory>
#include <string>
#include <vector>

#include "feeds/fetch.h"
#include "feeds/sync/accept.h"

namespace feeds {

inline constexpr std::size_t kMaxReads = 2;
inline constexpr std::chrono::seconds kReadLimit{5};  // a 4 MiB worst case takes well under 1 s

// Called from a worker thread when a result is ready to be taken; must be thread-safe and quick
// (the kiosk pushes an SDL event). Empty: nobody is told.
using Waker = std::function<void()>;

// One finished fetch and, once read, what its body says.
struct FetchRead {
    std::string key;
    FetchRequest request;
    FetchResult result;
    ParsedBody parsed;  // filled in by the read job
};

// A read under way: its result, and the job itself (joined when dropped).
struct ReadJob {
    std::future<FetchRead> result;
    std::future<void> job;
};

// Dropping it cancels the reads under way, then waits for them to reach a check point.
struct ReadJobs {
    ReadJobs() = default;
    ReadJobs(ReadJobs&&) = default;
    ReadJobs& operator=(ReadJobs&&) = default;
    ~ReadJobs();

    std::chrono::milliseconds read_limit = kReadLimit;
    std::size_t max_parsed_bytes = 0;  // ParseControl::max_parsed_bytes of each read; 0 = no limit
    bool fetch_signatures = false;     // a changed manifest's .minisig is fetched by its read (trust_step.h)
    Waker wake;
    std::shared_ptr<std::atomic<bool>> cancel = std::make_shared<std::atomic<bool>>(false);
    std::deque<FetchRead> waiting;
    std::vector<ReadJob> running;
    std::vector<std::future<void>> finishing;  // jobs whose result was taken, telling `wake`
};

// Queues a body to be read; starts reading at once when a slot is free. Never blocks.
void start_read(ReadJobs& r, FetchRead fetch);

// The reads finished since the last call; starts waiting ones in the freed slots. Never blocks.
std::vector<FetchRead> take_reads(ReadJobs& r);

// Some body is waiting or being read.
bool reads_pending(const ReadJobs& r);

// Waits until some read has finished, at most `limit`. False on timeout or when none runs.
bool wait_for_read(const ReadJobs& r, std::chrono::milliseconds limit);

}  // namespace feeds
