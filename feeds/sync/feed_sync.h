// Keeping the screen's data current: which of the manifest and its feeds are due for a fetch,
// what a finished fetch changes, and which slides to show (fetched or cached data, else the
// bundled feeds). Plain structs and functions with `now` passed in (unix seconds, wall clock,
// like the cache's fetched_at); the threads that run the fetches are sync_jobs.h's, so
// everything here is tested without a window, a thread or a network. No SDL: the app asks only
// which slides to show (app/kiosk/shown_slides.h).
//
// The rules, in one place:
//  - Start-up shows what the cache holds at once: the manifest when it was fetched from the same
//    location (another location is another screen's configuration), and each feed's last good
//    copy by feed id (a feed the manifest has moved keeps its data until the new place answers).
//  - Everything is due at start, unless its cached copy says when it is next due (a screen that
//    restarts does not fetch fresh data again); then each feed every refresh_s (±10 %), the
//    manifest as often as its most often refreshed feed, and local files every kLocalCheckS (a
//    stat: NotModified is free), or every kLocalSafetyS when inotify watches them and a change
//    makes them due at once (local_watch.h). A failure retries with a jittered back-off, or after the
//    server's Retry-After (freshness.h). The randomness is FeedSync::rng (seed it in tests).
//  - A crash's temporary files are removed at start; the cached copies of feeds a new manifest
//    no longer lists are removed; the whole cache is held to cache_max_bytes.
//  - Only accepted text (accept.h: valid, and within the data budget) replaces what is shown or
//    stored; a bad or missing fetch keeps the last good copy and says so once (the notes are for
//    change-only logging: app/kiosk/log.h). Every text, fetched or cached, passes accept_text(),
//    which with trusted keys also judges its signature (trust_step.h gives it what it needs).
//  - All feeds' parsed data together is held to data_max_bytes (by ParseStats::parsed_bytes, an
//    estimate counted while parsing): a feed that would take it over is refused like an invalid
//    one (backed off, the last good copy kept, said once), the others keep working.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "feeds/feed_cache.h"
#include "feeds/feed_map.h"
#include "feeds/feed_parse.h"
#include "feeds/freshness.h"
#include "feeds/note.h"
#include "feeds/sync/accept.h"
#include "feeds/sync/trust_step.h"

namespace feeds {

inline constexpr int kLocalCheckS = 5;    // how often local files are looked at, unwatched
inline constexpr int kLocalSafetyS = 60;  // ... and watched (local_watch.h): a missed event's limit
inline constexpr int kDefaultManifestRefreshS = 900;                // a manifest that lists no feeds
inline constexpr std::uint64_t kDefaultDataMaxBytes = 64ull << 20;  // --data-max-mb

// The manifest or one of its feeds: where it comes from and what is known of its fetches.
struct SyncItem {
    std::string key;       // cache key: kManifestKey or the feed id
    std::string label;     // for messages: "employment.json"
    std::string location;  // resolved URL or local path; empty when it could not be resolved
    bool remote = false;
    FeedRef ref;  // refresh_s and max_age_s (the manifest's are made up: manifest_ref)
    FetchSchedule schedule;
    CacheMeta meta;          // of the copy held: fetched_at and validators
    bool have_copy = false;  // a valid copy is held (meta applies to it)
    bool stored = true;      // kept in the cache dir; false without one (or for a clashing key)
    bool in_flight = false;  // a fetch was ordered and its result not yet applied
    bool watched = false;    // local, and inotify reports its changes (local_watch.h)
    bool changed = false;    // changed while in flight: due again once that result is applied
    // For the status record (app/status/record.h): the last failure's reason (empty after a
    // success) and the failures since start.
    std::string last_error;
    std::uint64_t failures_total = 0;
};

// Everything open_sync() needs to know, from the command line or the configuration file.
struct SyncOptions {
    std::string manifest_location{};  // local path or http(s) URL
    std::string cache_dir{};          // empty: nothing is stored, nothing survives a restart
    std::string user_agent = "infotavle";
    std::string ca_file{};  // FetchRequest::ca_file for every fetch (--ca-file)
    std::uint64_t cache_max_bytes = Limits{}.max_cache_bytes;  // --cache-max-mb
    std::uint64_t data_max_bytes = kDefaultDataMaxBytes;       // all feeds' data together; 0 = no limit
    // Signed publishing (trust_step.h): with any key, only what they signed is taken, cached copies too.
    std::vector<MinisignPublicKey> trusted_keys{};
    // Fetch every remote copy at once, whatever its cached copy's next due time (--render: what
    // is published now, not what was cached before); the kiosk keeps the cached schedule.
    bool fetch_all_now = false;
};

struct FeedSync {
    SyncOptions options;
    std::mt19937_64 rng;  // jitter; the kiosk seeds it from std::random_device
    SyncItem manifest_item;
    std::optional<Manifest> manifest;               // the last good manifest
    std::vector<SyncItem> feeds;                    // one per manifest FeedRef, in manifest order
    FeedMap data;                                   // the last good copy of each feed, by id
    std::map<std::string, std::size_t> data_bytes;  // the estimated size of each in `data`
    std::uint64_t version = 0;                      // bumped whenever the manifest or a feed's data changes
    SyncTrust trust;  // signed publishing (trust_step.h); no keys: unsigned, as before
};

// A fetch to start now, for the item with this key.
struct FetchOrder {
    std::string key;
    FetchRequest request;
};

// Sets up for the manifest at options.manifest_location and loads whatever the cache holds for
// it (within options.data_max_bytes). `notes` gets the cache's problems (a corrupt copy,
// another location).
FeedSync open_sync(SyncOptions options, std::vector<Note>& notes);

// The fetches due at `now`, each item marked in flight until apply_fetch() sees its result;
// at most `max` of them (the rest stay due for a later call).
std::vector<FetchOrder> due_fetches(FeedSync& s, std::int64_t now, std::size_t max = SIZE_MAX);

// The unix time the next fetch falls due (now or earlier: due already); nullopt when nothing
// is waiting (all in flight, or nothing to fetch).
std::optional<std::int64_t> next_fetch_due(const FeedSync& s, std::int64_t now);

// A finished fetch for `key` (the request is the one from its FetchOrder): stores a valid copy,
// keeps the last good one otherwise, moves the schedule on (intake.h). A result for an item the
// manifest has since dropped or moved is ignored. `parsed` is parse_fetched() of the same fetch,
// when the caller has done it already; otherwise the body is parsed here.
std::vector<Note> apply_fetch(FeedSync& s, const std::string& key, const FetchRequest& request,
                              const FetchResult& result, std::int64_t now, ParsedBody* parsed = nullptr);

// SIGHUP: the manifest is due now (and read again at once if it is a local file).
std::vector<Note> reload_manifest(FeedSync& s);

// True once the manifest and every feed it lists have been tried (or have a copy): from then
// on what the slides show only changes when data does, so it is worth a log line.
bool first_round_done(const FeedSync& s);

}  // namespace feeds
