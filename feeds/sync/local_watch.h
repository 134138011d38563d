// What a change seen by a file watch (platform/file_watch.h: inotify) means for the sync: the
// manifest or feed read from that file is due now, exactly as when the look every kLocalCheckS
// found it changed; reading, validating, caching and keeping the last good copy stay
// feed_sync.h's. Plain functions over FeedSync, tested without files or threads.
//
// A watched file is looked at only every kLocalSafetyS (feed_sync.cpp: schedule_ref), so
// nothing is read while nothing changes; a file that is not watched (no inotify, out of watches,
// a network filesystem) is looked at every kLocalCheckS as before.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "feeds/sync/feed_sync.h"

namespace feeds {

// The local files of the manifest and its feeds, manifest first, each once.
std::vector<std::string> local_paths(const FeedSync& s);

// Which local files are watched now. A file that stops being watched is due at once: it may
// have changed while nobody could tell, and its next look may be up to kLocalSafetyS away.
void set_watched(FeedSync& s, const std::set<std::string>& watched);

// These files changed (all: any local file may have): due now. One being read already is due
// again once that read is applied, as the read may have seen the text before the change.
void mark_changed(FeedSync& s, const std::set<std::string>& paths, bool all = false);

}  // namespace feeds
