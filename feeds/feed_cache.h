// The last good copy of each feed, on disk, so the screen keeps its data through network and
// service outages and reboots.
//
// Layout, in one cache directory (default_cache_dir()):
//   <dir>/<feed id>.json        the feed text exactly as fetched
//   <dir>/<feed id>.meta.json   {"url", "fetched_at", "etag_hex", "last_modified_hex", "bytes",
//                                "next_due_at"}
// Validators are opaque bytes from the network (any byte, 0xFF included), so they are stored as
// hex; metadata written before that ("etag", "last_modified" as text) is still read.
//
// Storage only: read, write, touch, prune. Only ACCEPTED text may be stored: every text passes
// feeds/sync/accept.h accept_text() before write_cached() (feeds/sync/intake.h does both), so
// a bad feed never replaces a good copy.
//
// Writes are atomic: both files are written to new "<file>.<random>.tmp" files (created with
// O_EXCL|O_NOFOLLOW, so a planted link is never followed), fsync'ed, and only when both are
// complete renamed over the old ones (feed first, then metadata), then the directory is
// fsync'ed. A full disk or a crash while writing leaves the previous copy whole; the error is
// returned as a value. A crash between the two renames leaves a new feed with the old metadata:
// read_cached() notices ("bytes" differs) and drops the validators, so the next fetch is
// unconditional, and keeps the older fetched_at, so the age shown is never too young.
// Temporary files left by a crash are removed at start (remove_stale_tmp_files).
//
// The whole cache is bounded (Limits::max_cache_bytes): a copy that would take it over is not
// stored, with a problem saying so; the feed is still shown. Copies of feeds the manifest no
// longer lists are removed (prune_cached).
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "feeds/fetch.h"
#include "feeds/limits.h"
#include "feeds/problem.h"

namespace feeds {

struct CacheMeta {
    std::string url;              // where it was fetched from (the resolved FeedRef url)
    std::int64_t fetched_at = 0;  // unix seconds: last fetched, or last confirmed unchanged (304)
    std::string etag;             // validators for the next conditional request
    std::string last_modified;
    // When the next fetch is due (unix seconds; 0 = unknown, due at start): kept so a restart
    // does not fetch fresh data again (freshness.h FetchSchedule).
    std::int64_t next_due_at = 0;
};

struct CachedCopy {
    std::string text;  // the stored feed text
    CacheMeta meta;
};

struct CacheRead {
    std::optional<CachedCopy> copy;  // nullopt: nothing stored yet, or unreadable (see problems)
    std::vector<Problem> problems;   // each names the cache file and says what was ignored
};

// The cache directory from the environment's values, passed in (nullptr = unset):
// $CACHE_DIRECTORY (systemd CacheDirectory=; the first entry if it lists several), else
// $XDG_CACHE_HOME/infotavle, else $HOME/.cache/infotavle. Empty when none is set.
std::string default_cache_dir(const char* cache_directory, const char* xdg_cache_home, const char* home);

// The stored copy of feed_id, or none. A missing or corrupt metadata file still gives the copy
// (it was validated when stored), without validators and with the file's time as fetched_at;
// a problem (warning) says so. Files over limits.max_file_bytes are refused.
CacheRead read_cached(const std::string& dir, const std::string& feed_id, const Limits& limits = {});

// The file that holds feed_id's stored text (for messages about it).
std::string cached_text_path(const std::string& dir, const std::string& feed_id);

// Stores validated text atomically (see above); creates dir if needed. nullopt on success,
// else the problem, and the previous copy is untouched.
std::optional<Problem> write_cached(const std::string& dir, const std::string& feed_id, std::string_view text,
                                    const CacheMeta& meta, const Limits& limits = {});

// After a 304: the stored copy is still current. Rewrites only the metadata with fetched_at = now
// (and any new validators) and next_due_at. A problem if there is no stored copy or the write fails.
std::optional<Problem> touch_cached(const std::string& dir, const std::string& feed_id, std::int64_t now,
                                    const FetchResult& not_modified, std::int64_t next_due_at = 0);

// A request for url that is conditional on `last` only when `last` came from the same url
// (after the manifest moves a feed, the old validators mean nothing to the new server).
FetchRequest conditional_request(std::string url, std::string label, const CacheMeta* last);

// Removes every "*.tmp" file in dir (left by a crash mid-write; links are removed, never
// followed). Problems for those that cannot be removed.
std::vector<Problem> remove_stale_tmp_files(const std::string& dir);

// Removes the stored copies (feed and metadata) of every feed id not in `keep`; returns those
// ids, sorted. Only files this cache writes are touched.
std::vector<std::string> prune_cached(const std::string& dir, const std::set<std::string>& keep);

}  // namespace feeds
