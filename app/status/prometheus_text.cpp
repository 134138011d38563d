#include "app/status/prometheus_text.h"

#include <cstdio>
#include <functional>
#include <optional>
#include <vector>

namespace {

std::string number(double v) {
    char text[32];
    std::snprintf(text, sizeof text, "%.15g", v);
    return text;
}

struct Sample {
    std::string labels;  // `feed="employment"`, or empty
    double value = 0;
};

// One family: HELP, TYPE and its samples; nothing at all when it has no sample.
void family(std::string& out, const char* name, const char* type, const char* help,
            const std::vector<Sample>& samples) {
    if (samples.empty()) return;
    out += std::string("# HELP ") + name + " " + help + "\n# TYPE " + name + " " + type + "\n";
    for (const auto& s : samples)
        out +=
            std::string(name) + (s.labels.empty() ? "" : "{" + s.labels + "}") + " " + number(s.value) + "\n";
}

template <class T>
std::vector<Sample> one(const std::optional<T>& v) {
    return v ? std::vector<Sample>{{"", double(*v)}} : std::vector<Sample>{};
}

std::vector<Sample> per_feed(const StatusRecord& r,
                             const std::function<std::optional<double>(const FeedStatus&)>& f) {
    std::vector<Sample> out;
    for (const auto& feed : r.feeds)
        if (auto v = f(feed)) out.push_back({"feed=\"" + prometheus_label(feed.id) + "\"", *v});
    return out;
}

template <class T>
std::optional<double> opt(const std::optional<T>& v) {
    return v ? std::optional<double>(double(*v)) : std::nullopt;
}

void feed_families(std::string& out, const StatusRecord& r) {
    std::vector<Sample> info;
    for (const auto& f : r.feeds)
        info.push_back(
            {"feed=\"" + prometheus_label(f.id) + "\",as_of=\"" + prometheus_label(f.as_of) + "\"", 1});
    family(out, "infotavle_feed_info", "gauge",
           "A feed of the manifest and the as_of of the copy held; always 1.", info);
    family(out, "infotavle_feed_age_seconds", "gauge",
           "Seconds since the feed was last fetched or confirmed unchanged.",
           per_feed(r, [](const FeedStatus& f) { return opt(f.age_s); }));
    family(out, "infotavle_feed_last_success_timestamp_seconds", "gauge",
           "When the feed was last fetched or confirmed unchanged (unix time).",
           per_feed(r, [](const FeedStatus& f) { return opt(f.last_good_at); }));
    family(out, "infotavle_feed_stale", "gauge",
           "1 when the feed is older than its max_age_s and the slide says so.",
           per_feed(r, [](const FeedStatus& f) { return std::optional<double>(f.stale); }));
    family(out, "infotavle_feed_consecutive_failures", "gauge",
           "Failed fetches of the feed since its last success.",
           per_feed(r, [](const FeedStatus& f) { return std::optional<double>(f.consecutive_failures); }));
    family(out, "infotavle_feed_failures_total", "counter",
           "Failed or refused fetches of the feed since start.",
           per_feed(r, [](const FeedStatus& f) { return std::optional<double>(double(f.failures_total)); }));
    family(out, "infotavle_feed_next_fetch_timestamp_seconds", "gauge",
           "When the feed is next fetched (unix time).",
           per_feed(r, [](const FeedStatus& f) { return opt(f.next_fetch_at); }));
}

void host_families(std::string& out, const StatusRecord& r) {
    const HostFacts& h = r.host;
    family(out, "infotavle_clock_synchronized", "gauge",
           "1 when systemd-timesyncd has synchronised the clock.", {{"", double(h.clock_synchronized)}});
    family(out, "infotavle_cache_free_bytes", "gauge", "Free space on the cache directory's file system.",
           one(h.cache_free_bytes));
    family(out, "infotavle_soc_temperature_celsius", "gauge", "The SoC's temperature.", one(h.soc_temp_c));
    family(out, "infotavle_resident_memory_bytes", "gauge", "The kiosk's resident memory.",
           one(h.resident_bytes));
}

void heartbeat_families(std::string& out, const HeartbeatStatus& hb) {
    if (!hb.configured) return;
    family(out, "infotavle_heartbeats_total", "counter", "Heartbeats sent since start.",
           {{"", double(hb.sent_total)}});
    family(out, "infotavle_heartbeat_failures_total", "counter", "Heartbeats that failed since start.",
           {{"", double(hb.failures_total)}});
    family(out, "infotavle_heartbeat_last_success_timestamp_seconds", "gauge",
           "When a heartbeat was last delivered (unix time).", one(hb.last_ok_at));
}

void display_families(std::string& out, const DisplayStatus& d) {
    family(out, "infotavle_display_intended_on", "gauge",
           "1 when the screen is meant to be on (always without a schedule), 0 when off on purpose.",
           {{"", double(d.intended_on)}});
    std::vector<Sample> on, state;
    for (const auto& c : d.channels) {
        const std::string channel = "channel=\"" + prometheus_label(c.name) + "\"";
        if (c.on) on.push_back({channel, double(*c.on)});
        state.push_back({channel + ",state=\"" + prometheus_label(c.state) + "\"", 1});
    }
    family(out, "infotavle_display_on", "gauge",
           "1 when the power channel (cec, dpms, black) has the picture on, 0 when off; absent when unknown.",
           on);
    family(out, "infotavle_display_channel_info", "gauge",
           "Each power channel's state (standby, no adapter, not offered, ...); always 1.", state);
}

}  // namespace

std::string prometheus_label(std::string_view value) {
    std::string out;
    for (char c : value) {
        if (c == '\\' || c == '"') out += '\\';
        if (c == '\n') {
            out += "\\n";
            continue;
        }
        out += c;
    }
    return out;
}

std::string prometheus_text(const StatusRecord& r) {
    std::string out;
    const std::string screen = "screen=\"" + prometheus_label(r.screen.id) + "\"";
    family(
        out, "infotavle_build_info", "gauge", "The version running and the screen's identity; always 1.",
        {{"version=\"" + prometheus_label(r.version) + "\"," + screen + ",name=\"" +
              prometheus_label(r.screen.name) + "\",location=\"" + prometheus_label(r.screen.location) + "\"",
          1}});
    family(out, "infotavle_start_time_seconds", "gauge", "When the kiosk started (unix time).",
           {{"", double(r.now_s - r.uptime_s)}});
    family(out, "infotavle_status_time_seconds", "gauge", "When this record was made (unix time).",
           {{"", double(r.now_s)}});
    const ManifestStatus& m = r.manifest;
    family(out, "infotavle_manifest_age_seconds", "gauge",
           "Seconds since the manifest was last fetched or confirmed unchanged.", one(m.age_s));
    family(out, "infotavle_manifest_bundled", "gauge",
           "1 when the bundled slides are shown instead of the manifest's.", {{"", double(m.bundled)}});
    feed_families(out, r);
    family(out, "infotavle_slides", "gauge", "Slides in the playlist.", {{"", double(r.slide_count)}});
    family(out, "infotavle_slides_skipped", "gauge", "Slides rotation skips (no valid data).",
           {{"", double(r.skipped.size())}});
    family(out, "infotavle_slide_position", "gauge",
           "The playlist position of the slide on screen; 0: the no-data screen.", {{"", double(r.slide_n)}});
    family(out, "infotavle_frame_compose_p95_seconds", "gauge",
           "Composing a frame, 95th percentile over the last hour.",
           r.frame_p95_ms ? std::vector<Sample>{{"", *r.frame_p95_ms / 1000.0}} : std::vector<Sample>{});
    family(out, "infotavle_frame_changed_timestamp_seconds", "gauge",
           "When the picture on screen last changed (unix time): a frozen screen stops moving it.",
           one(r.frame_changed_at));
    host_families(out, r);
    heartbeat_families(out, r.heartbeat);
    display_families(out, r.display);
    return out;
}
