// When to fetch a feed next, and how old its data is. Pure: `now` is passed in (unix seconds,
// wall clock, as the cache's fetched_at survives reboots), so tests use a fake clock.
// Only numbers here; the Danish words for an age are app/age_text.h.
#pragma once

#include <cstdint>
#include <optional>

#include "feeds/feed_model.h"

namespace feeds {

// What the scheduler remembers of one feed's fetches. Not persisted: after a restart every
// feed is due at once, which is what a screen that has just booted wants.
struct FetchSchedule {
    std::optional<std::int64_t> last_attempt_s;  // when the last fetch finished; nullopt = never
    int failures = 0;                            // consecutive failed attempts; 0 after a success
};

// After a failure the feed is retried sooner than refresh_s, then less and less often:
// first_retry_s, 2x, 4x, ... capped at refresh_s. An optional jitter spreads many screens'
// retries after a shared outage; it is deterministic: the same seed, feed and failure count
// always give the same delay (seed it per screen, e.g. from /etc/machine-id).
struct BackoffPolicy {
    int first_retry_s = 30;
    double jitter = 0.0;  // 0..0.5: the delay is scaled by a factor in [1 - jitter, 1 + jitter]
    std::uint64_t seed = 0;
};

// Seconds between the last attempt and the next: refresh_s after a success (failures == 0),
// else the backoff above. Always at least 1.
std::int64_t fetch_delay_s(const FeedRef& ref, int failures, const BackoffPolicy& policy = {});

// The unix time the next fetch is due; last_attempt + fetch_delay_s, or `now` if never tried.
std::int64_t next_fetch_at(const FeedRef& ref, const FetchSchedule& s, std::int64_t now,
                           const BackoffPolicy& policy = {});

// True when a fetch should start now. Also true when the clock has gone back past the last
// attempt (NTP fixing a wrong clock after boot), rather than waiting a possibly long time.
bool fetch_due(const FeedRef& ref, const FetchSchedule& s, std::int64_t now,
               const BackoffPolicy& policy = {});

// The schedule after an attempt that finished at `now`. NotModified counts as a success.
FetchSchedule after_attempt(FetchSchedule s, bool succeeded, std::int64_t now);

struct DataAge {
    std::int64_t age_s = 0;  // now - fetched_at, never negative
    bool stale = false;      // age_s > max_age_s: the screen says how old the data is
};

// fetched_at: when the data was last fetched or confirmed unchanged (CacheMeta::fetched_at).
DataAge data_age(const FeedRef& ref, std::int64_t fetched_at, std::int64_t now);

}  // namespace feeds
