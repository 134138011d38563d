// When to fetch a feed next, and how old its data is. Pure: `now` is passed in (unix seconds,
// wall clock, as the cache's fetched_at survives reboots), so tests use a fake clock.
// Only numbers here; the Danish words for an age are app/age_text.h.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "feeds/feed_model.h"

namespace feeds {

// What the scheduler remembers of one feed's fetches. next_due_s is kept in the cache's
// metadata (CacheMeta::next_due_at), so a screen that restarts does not fetch data that is
// still fresh: a fleet of screens coming back after a power cut does not all ask at once.
struct FetchSchedule {
    std::optional<std::int64_t> last_attempt_s;  // when the last fetch finished; nullopt = never
    int failures = 0;                            // consecutive failed attempts; 0 after a success
    std::optional<std::int64_t> next_due_s;      // nullopt: due now
};

// After a success the next fetch is refresh_s away, give or take refresh_jitter (±10 %).
// After a failure the feed is retried sooner, then less and less often: a random delay in
// [0, first_retry_s x 2^(failures-1)] ("full jitter"), the ceiling capped at refresh_s. A
// Retry-After from the server can only make that wait longer (plus up to 10 %, so screens do
// not come back at the same second): 0 or a date in the past changes nothing, and a wish
// longer than retry_after_cap_s() (what the screen can afford to miss) is cut to it, so there
// is always a later retry. Every delay is at least 1 s. The randomness is passed in as `unit`, a
// number in [0, 1), so tests choose it.
struct BackoffPolicy {
    int first_retry_s = 30;
    double refresh_jitter = 0.1;
};

inline constexpr std::int64_t kMaxRetryAfterS = 86400;
// The longest a server's Retry-After may hold a feed: one hour, or four refreshes of a feed
// that refreshes less often than every 15 minutes.
inline constexpr std::int64_t kRetryAfterCapFloorS = 3600;
std::int64_t retry_after_cap_s(const FeedRef& ref);
// A next_due_s further ahead than this was not set by this clock (it was set back, or the
// stored value is damaged): the feed is due.
inline constexpr std::int64_t kMaxScheduleAheadS = 2 * 86400;

// A Retry-After header in seconds from `now`: delta-seconds ("120") or an HTTP date
// ("Wed, 21 Oct 2015 07:28:00 GMT"), clamped to [0, kMaxRetryAfterS]. nullopt when empty or
// not understood.
std::optional<std::int64_t> retry_after_s(std::string_view header, std::int64_t now);

// The ceiling of the back-off after `failures` consecutive failures (refresh_s when none).
std::int64_t backoff_ceiling_s(const FeedRef& ref, int failures, const BackoffPolicy& policy = {});

// The schedule after an attempt that finished at `now`. NotModified counts as a success.
// unit: a random number in [0, 1) (FeedSync draws it); retry_after: retry_after_s() of a failure.
FetchSchedule after_attempt(FetchSchedule s, const FeedRef& ref, bool succeeded, std::int64_t now,
                            double unit, std::optional<std::int64_t> retry_after = std::nullopt,
                            const BackoffPolicy& policy = {});

// The unix time the next fetch is due: next_due_s, or `now` when due already.
std::int64_t next_fetch_at(const FetchSchedule& s, std::int64_t now);

// True when a fetch should start now. Also true when the clock has gone back past the last
// attempt (NTP fixing a wrong clock after boot), or next_due_s is implausibly far ahead.
bool fetch_due(const FetchSchedule& s, std::int64_t now);

struct DataAge {
    std::int64_t age_s = 0;  // now - fetched_at, never negative
    bool stale = false;      // age_s > max_age_s: the screen says how old the data is
};

// fetched_at: when the data was last fetched or confirmed unchanged (CacheMeta::fetched_at).
DataAge data_age(const FeedRef& ref, std::int64_t fetched_at, std::int64_t now);

}  // namespace feeds
