#include "app/status/status_json.h"

#include <nlohmann/json.hpp>

namespace {

using json = nlohmann::ordered_json;

template <class T>
json or_null(const std::optional<T>& v) {
    return v ? json(*v) : json(nullptr);
}

json feed_json(const FeedStatus& f) {
    return {{"id", f.id},
            {"location", f.location},
            {"as_of", f.as_of.empty() ? json(nullptr) : json(f.as_of)},
            {"version_tag", f.version_tag},
            {"last_good_at", or_null(f.last_good_at)},
            {"age_s", or_null(f.age_s)},
            {"stale", f.stale},
            {"last_error", f.last_error.empty() ? json(nullptr) : json(f.last_error)},
            {"consecutive_failures", f.consecutive_failures},
            {"failures_total", f.failures_total},
            {"next_fetch_at", or_null(f.next_fetch_at)}};
}

json host_json(const HostFacts& h) {
    return {{"clock_synchronized", h.clock_synchronized},
            {"cache_free_bytes", or_null(h.cache_free_bytes)},
            {"soc_temp_c", or_null(h.soc_temp_c)},
            {"resident_bytes", or_null(h.resident_bytes)}};
}

json display_json(const DisplayStatus& d) {
    json channels = json::object();
    for (const auto& c : d.channels)
        channels[c.name] = {{"state", c.state},
                            {"on", or_null(c.on)},
                            {"detail", c.detail.empty() ? json(nullptr) : json(c.detail)}};
    return {{"intended", d.intended_on ? "on" : "off"}, {"reason", d.reason}, {"channels", channels}};
}

}  // namespace

std::string status_json(const StatusRecord& r) {
    json feeds = json::array();
    for (const auto& f : r.feeds) feeds.push_back(feed_json(f));
    json skipped = json::array();
    for (const auto& s : r.skipped) skipped.push_back({{"id", s.id}, {"reason", s.reason}});
    const ManifestStatus& m = r.manifest;
    const HeartbeatStatus& hb = r.heartbeat;
    const json j = {
        {"screen", {{"id", r.screen.id}, {"name", r.screen.name}, {"location", r.screen.location}}},
        {"version", r.version},
        {"now", r.now_s},
        {"uptime_s", r.uptime_s},
        {"manifest",
         {{"location", m.location},
          {"title", m.title},
          {"version_tag", m.version_tag},
          {"fetched_at", or_null(m.fetched_at)},
          {"age_s", or_null(m.age_s)},
          {"bundled", m.bundled},
          {"signature", m.signature}}},
        {"feeds", feeds},
        {"slide",
         {{"id", r.slide_id.empty() ? json(nullptr) : json(r.slide_id)},
          {"n", r.slide_n},
          {"of", r.slide_count}}},
        {"skipped", skipped},
        {"frame",
         {{"p95_ms", or_null(r.frame_p95_ms)},
          {"hash", r.frame_hash},
          {"changed_at", or_null(r.frame_changed_at)}}},
        {"host", host_json(r.host)},
        {"heartbeat",
         {{"configured", hb.configured},
          {"sent_total", hb.sent_total},
          {"failures_total", hb.failures_total},
          {"consecutive_failures", hb.consecutive_failures},
          {"last_ok_at", or_null(hb.last_ok_at)},
          {"last_error", hb.last_error.empty() ? json(nullptr) : json(hb.last_error)}}},
        {"display", display_json(r.display)}};
    // A server's error text may hold bytes that are not UTF-8: replaced, never a throw.
    return j.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}
