// The status record: everything the centre needs to know of one screen, as one plain struct
// made by a pure function from the kiosk's state (its fetches, its slides, what is on screen,
// what the machine says). Four outlets format it: status_json.h (the status file and the
// heartbeat), prometheus_text.h (node_exporter's textfile collector), summary_line.h
// (systemctl status). The files, the heartbeat and the screenshot are the edge: outlets.h.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "platform/host_facts.h"

namespace feeds {
struct FeedSync;
}
struct SlideSet;

// Who the screen is, from the command line (or config): --screen-id (default the host name),
// --screen-name, --location (app/config/settings.h).
struct ScreenIdentity {
    std::string id, name, location;
};

struct ManifestStatus {
    std::string location;  // URL or path; "bundled" for the feeds built into the program
    std::string title;
    std::string version_tag;  // the held copy's ETag, else its Last-Modified; empty when neither
    std::optional<std::int64_t> fetched_at;  // unix s: last fetched or confirmed unchanged
    std::optional<std::int64_t> age_s;
    bool bundled = false;  // the screen shows the bundled slides (no manifest, or none valid)
    // Signed publishing (feeds/sync/trust_step.h trust_status): "unsigned (no trusted key)",
    // "signed by key 1AE71ACD881E014C", or "refused: " and why the last manifest was refused.
    std::string signature = "unsigned (no trusted key)";
};

struct FeedStatus {
    std::string id, location;
    std::string as_of;        // the held copy's as_of, "2021-12"; empty: none held
    std::string version_tag;  // the held copy's ETag, else its Last-Modified (a file's mtime)
    std::optional<std::int64_t> last_good_at;  // unix s: last fetched or confirmed unchanged
    std::optional<std::int64_t> age_s;
    bool stale = false;      // older than its max_age_s: the slide says how old it is
    std::string last_error;  // empty unless the last fetch failed
    int consecutive_failures = 0;
    std::uint64_t failures_total = 0;           // since start
    std::optional<std::int64_t> next_fetch_at;  // unix s; none: in flight or not scheduled
};

struct SkippedSlide {
    std::string id, reason;
};

struct HeartbeatStatus {
    bool configured = false;
    std::uint64_t sent_total = 0, failures_total = 0;
    int consecutive_failures = 0;
    std::optional<std::int64_t> last_ok_at;
    std::string last_error;
};

// The screen's power (app/kiosk/power.h): what is intended and what each channel did, so that
// off on purpose never looks like a failed screen.
struct DisplayChannel {
    std::string name;        // "cec", "dpms", "black"
    std::string state;       // "standby", "no adapter", "TV does not answer", "off", "not offered", ...
    std::string detail;      // the last failure's reason; empty when none
    std::optional<bool> on;  // known on or off; none: the channel could not say
};

struct DisplayStatus {
    bool intended_on = true;
    std::string reason = "no schedule";    // or "schedule"
    std::vector<DisplayChannel> channels;  // empty: no schedule, the channels are left alone
};

struct StatusRecord {
    ScreenIdentity screen;
    std::string version;
    std::int64_t now_s = 0;  // unix s, when the record was made
    std::int64_t uptime_s = 0;
    ManifestStatus manifest;
    std::vector<FeedStatus> feeds;       // in manifest order
    std::string slide_id;                // on screen now; empty: the no-data screen
    int slide_n = 0, slide_count = 0;    // "slide 7 of 26" (playlist positions, 1-based; 0: none)
    std::vector<SkippedSlide> skipped;   // slides rotation skips, each with its reason
    std::optional<double> frame_p95_ms;  // composing a frame, p95 over the last hour
    HostFacts host;
    std::string frame_hash;  // of the slide on screen as drawn; "" before the first frame
    std::optional<std::int64_t> frame_changed_at;  // unix s, when frame_hash last changed
    HeartbeatStatus heartbeat;
    DisplayStatus display;
};

// What the kiosk knows, by reference: the record is made from it and keeps nothing of it.
struct StatusInputs {
    ScreenIdentity screen;
    std::string version;
    std::int64_t now_s = 0, started_s = 0;
    const feeds::FeedSync* sync = nullptr;  // null: no --manifest, the bundled feeds as they are
    const SlideSet* set = nullptr;          // the slides shown (required)
    bool bundled = false;                   // `set` is the bundled fallback of a --manifest screen
    int current = -1;                       // rotation's slide on screen; -1 = the no-data screen
    std::optional<double> frame_p95_ms;
    HostFacts host;
    std::string frame_hash;
    std::optional<std::int64_t> frame_changed_at;
    HeartbeatStatus heartbeat;
    DisplayStatus display;
};

StatusRecord make_status_record(const StatusInputs& in);

// The record without what moves with the clock alone (ages, uptime, free space, temperature,
// memory, frame cost): when this changes, the screen has news and the status is written now.
std::string change_key(const StatusRecord& r);
