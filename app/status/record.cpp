#include "app/status/record.h"

#include "app/kiosk/slide_set.h"
#include "app/status/summary_line.h"
#include "feeds/feed_parse.h"
#include "feeds/sync/feed_sync.h"

namespace {

std::string version_tag(const feeds::CacheMeta& m) {
    return m.etag.empty() ? m.last_modified : m.etag;
}

ManifestStatus manifest_status(const StatusInputs& in) {
    ManifestStatus m;
    m.title = in.set->manifest.title;
    m.bundled = !in.sync || in.bundled;
    if (!in.sync) {
        m.location = "bundled";
        return m;
    }
    const feeds::SyncItem& item = in.sync->manifest_item;
    m.location = item.location;
    if (in.sync->manifest) m.title = in.sync->manifest->title;
    m.signature = feeds::trust_status(in.sync->trust);
    if (!item.have_copy) return m;
    m.version_tag = version_tag(item.meta);
    m.fetched_at = item.meta.fetched_at;
    m.age_s = feeds::data_age(item.ref, item.meta.fetched_at, in.now_s).age_s;
    return m;
}

FeedStatus fetched_feed(const feeds::SyncItem& item, const feeds::FeedSync& sync, std::int64_t now) {
    FeedStatus f;
    f.id = item.key;
    f.location = item.location;
    if (auto it = sync.data.find(item.key); it != sync.data.end())
        f.as_of = feeds::format_partial_date(it->second->as_of);
    if (item.have_copy) {
        const feeds::DataAge age = feeds::data_age(item.ref, item.meta.fetched_at, now);
        f.version_tag = version_tag(item.meta);
        f.last_good_at = item.meta.fetched_at;
        f.age_s = age.age_s;
        f.stale = age.stale;
    }
    f.last_error = item.last_error;
    f.consecutive_failures = item.schedule.failures;
    f.failures_total = item.failures_total;
    if (!item.in_flight && !item.location.empty()) f.next_fetch_at = feeds::next_fetch_at(item.schedule, now);
    return f;
}

// Without --manifest: the bundled feeds, never fetched, never stale.
std::vector<FeedStatus> bundled_feeds(const SlideSet& set) {
    std::vector<FeedStatus> out;
    for (const auto& ref : set.manifest.feeds) {
        FeedStatus f;
        f.id = ref.id;
        f.location = "bundled";
        if (auto it = set.feeds.find(ref.id); it != set.feeds.end())
            f.as_of = feeds::format_partial_date(it->second->as_of);
        out.push_back(std::move(f));
    }
    return out;
}

}  // namespace

StatusRecord make_status_record(const StatusInputs& in) {
    StatusRecord r;
    r.screen = in.screen;
    r.version = in.version;
    r.now_s = in.now_s;
    r.uptime_s = std::max<std::int64_t>(0, in.now_s - in.started_s);
    r.manifest = manifest_status(in);
    if (in.sync)
        for (const auto& item : in.sync->feeds) r.feeds.push_back(fetched_feed(item, *in.sync, in.now_s));
    else
        r.feeds = bundled_feeds(*in.set);
    const auto& slides = in.set->slides;
    r.slide_count = int(slides.size());
    if (in.current >= 0 && std::size_t(in.current) < slides.size() && slides[std::size_t(in.current)].slide) {
        r.slide_id = slides[std::size_t(in.current)].slide->id;
        r.slide_n = in.current + 1;
    }
    for (const auto& s : slides)
        if (!s.valid) r.skipped.push_back({s.slide ? s.slide->id : "", s.why_invalid});
    r.frame_p95_ms = in.frame_p95_ms;
    r.host = in.host;
    r.frame_hash = in.frame_hash;
    r.frame_changed_at = in.frame_changed_at;
    r.heartbeat = in.heartbeat;
    r.display = in.display;
    return r;
}

std::string change_key(const StatusRecord& r) {
    // Not the times of the last good fetches: a local file is confirmed unchanged every few
    // seconds. Its version tag (the held copy's ETag or modification time) says what changed.
    std::string k = r.manifest.location + '\n' + r.manifest.version_tag +
                    (r.manifest.bundled ? " B\n" : "\n") + r.manifest.signature + '\n';
    for (const auto& f : r.feeds)
        k += f.id + ' ' + f.as_of + ' ' + f.version_tag + (f.last_good_at ? " G" : " -") +
             (f.stale ? " S " : " ") + std::to_string(f.failures_total) + ' ' + f.last_error + '\n';
    k += r.slide_id + ' ' + std::to_string(r.slide_n) + '/' + std::to_string(r.slide_count) + '\n';
    for (const auto& s : r.skipped) k += s.id + ": " + s.reason + '\n';
    k += r.frame_hash + (r.host.clock_synchronized ? " sync\n" : "\n");
    k += std::to_string(r.heartbeat.sent_total) + ' ' + std::to_string(r.heartbeat.failures_total) + '\n';
    k += display_line(r.display) + '\n';
    return k;
}
