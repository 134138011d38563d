// What comes in, from the network or the cache, on its way to the screen: each text through
// accept_text() (accept.h), then, when accepted and fetched, into the cache (feed_cache.h).
//   Ok:          accept_text(body); accepted -> stored (when there is a cache) and shown; refused
//                -> its problems, nothing stored (not succeeded: retried with back-off in case
//                the publisher fixes it)
//   NotModified: the stored copy is renewed (touch_cached; a local file's is only a stat and is
//                not written down); succeeded, fetched_at = now, nothing new to show
//   Failed:      the error as a problem; nothing changes
// A cache write failure does not stop an accepted text being shown: succeeded, with the write
// problem in problems.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "feeds/feed_cache.h"
#include "feeds/sync/accept.h"

namespace feeds {

// What the sync should do with one finished fetch; see take_fetched().
struct FetchOutcome {
    bool succeeded = false;                   // for after_attempt(): an accepted text, or 304
    std::optional<Feed> feed;                 // a new feed to show (accepted only)
    std::optional<Manifest> manifest;         // a new manifest (accepted only)
    std::size_t parsed_bytes = 0;             // of the feed
    std::optional<std::int64_t> fetched_at;   // the data's new age base, when succeeded
    std::vector<Problem> problems;            // fetch error, parse problems (warnings too), cache error
    std::string untrusted;                    // refused by the signed-publishing checks: why
    std::optional<SignedManifest> signed_by;  // an accepted signed manifest (accept.h)
};

// Where a fetched text goes.
struct Intake {
    AcceptRules accept{};     // its key (the cache key too), label and the data budget
    std::string cache_dir{};  // where an accepted text is stored; empty: not stored
    bool remote = true;       // false: a local file, whose NotModified is not written down
    std::uint64_t cache_max_bytes = Limits{}.max_cache_bytes;
};

// The one call for a finished fetch (request is the one passed to submit_fetch); `parsed` as
// for accept_text(). next_due_at is stored with the copy (CacheMeta).
FetchOutcome take_fetched(const Intake& to, const FetchRequest& request, const FetchResult& result,
                          std::int64_t now, std::int64_t next_due_at = 0, ParsedBody* parsed = nullptr);

struct CachedFeed {
    std::optional<Feed> feed;  // nullopt: nothing stored, or the stored copy was refused
    CacheMeta meta;
    std::vector<Problem> problems;  // reading, parsing, and why a copy was refused
    std::size_t parsed_bytes = 0;   // ParseStats::parsed_bytes of the copy
};

// read_cached() and accept_text(): what to show at start-up, before any network. A stored copy
// that no longer parses (a disk fault, or a newer reader's file) or no longer fits the budget
// or fails rules.trust is ignored with its problems. rules.key is the feed id; rules.label names it in a
// refusal (parse problems name the cache file).
CachedFeed load_cached_feed(const std::string& dir, const AcceptRules& rules, const Limits& limits = {});

}  // namespace feeds
