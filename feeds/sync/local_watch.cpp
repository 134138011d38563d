#include "feeds/sync/local_watch.h"

#include <algorithm>

namespace feeds {

namespace {

bool is_local(const SyncItem& item) {
    return !item.remote && !item.location.empty();
}

template <class F>
void for_each_item(FeedSync& s, F f) {
    f(s.manifest_item);
    for (auto& item : s.feeds) f(item);
}

}  // namespace

std::vector<std::string> local_paths(const FeedSync& s) {
    std::vector<std::string> out;
    auto add = [&](const SyncItem& item) {
        if (is_local(item) && std::find(out.begin(), out.end(), item.location) == out.end())
            out.push_back(item.location);
    };
    add(s.manifest_item);
    for (const auto& item : s.feeds) add(item);
    return out;
}

void set_watched(FeedSync& s, const std::set<std::string>& watched) {
    for_each_item(s, [&](SyncItem& item) {
        const bool now_watched = is_local(item) && watched.count(item.location) > 0;
        if (item.watched && !now_watched) item.schedule.next_due_s.reset();
        item.watched = now_watched;
    });
}

void mark_changed(FeedSync& s, const std::set<std::string>& paths, bool all) {
    for_each_item(s, [&](SyncItem& item) {
        if (!is_local(item) || (!all && !paths.count(item.location))) return;
        item.schedule.next_due_s.reset();
        if (item.in_flight) item.changed = true;
    });
}

}  // namespace feeds
