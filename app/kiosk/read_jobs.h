// Reading fetched bodies off the caller's thread, which in the kiosk is the render thread: each
// Ok body is parsed (parse_fetched, feed_sync.h) by a job of its own, at most kMaxReads at once;
// the rest wait their turn in order. Parsing up to limits.max_file_bytes of JSON takes time in
// proportion to the file, so a large or hostile file must never cost the screen a frame.
// Independent of how the fetches run: whatever hands back a finished fetch hands it on here.
#pragma once

#include <chrono>
#include <cstddef>
#include <deque>
#include <future>
#include <string>
#include <vector>

#include "app/kiosk/feed_sync.h"

inline constexpr std::size_t kMaxReads = 2;

// One finished fetch and, once read, what its body says.
struct FetchRead {
    std::string key;
    feeds::FetchRequest request;
    feeds::FetchResult result;
    ParsedBody parsed;  // filled in by the read job
};

// Dropping it waits for the reads under way (each bounded by the file size limit).
struct ReadJobs {
    std::deque<FetchRead> waiting;
    std::vector<std::future<FetchRead>> running;
};

// Queues a body to be read; starts reading at once when a slot is free. Never blocks.
void start_read(ReadJobs& r, FetchRead fetch);

// The reads finished since the last call; starts waiting ones in the freed slots. Never blocks.
std::vector<FetchRead> take_reads(ReadJobs& r);

// Some body is waiting or being read.
bool reads_pending(const ReadJobs& r);

// Waits until some read has finished, at most `limit`. False on timeout or when none runs.
bool wait_for_read(const ReadJobs& r, std::chrono::milliseconds limit);
