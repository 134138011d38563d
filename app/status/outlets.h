// The edge of the status record (record.h): when to make it, and where it goes.
//   - sd_notify STATUS= (systemctl status): the summary line, whenever it changes.
//   - --status-file: JSON, replaced whole (temp + rename) on every change and every 10 s.
//   - --metrics-file: the same record for node_exporter's textfile collector, same rule.
//   - --heartbeat-url: a POST every --heartbeat-s (heartbeat.h), with the latest screenshot.
//   - --screenshot-s and SIGUSR1: screenshot.png (at most 640 px wide) next to the status file.
// The record is made when something cheap to see changed (the slide on screen, the data, the
// picture, a heartbeat's answer) or 10 s have passed; it reads /proc and /sys then, never per
// frame. Nothing here blocks: files are small, the heartbeat runs on its own fetch thread.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <ostream>
#include <string>

#include "app/kiosk/frame_grab.h"
#include "app/kiosk/log.h"
#include "app/status/frame_cost.h"
#include "app/status/heartbeat.h"
#include "app/status/record.h"

inline constexpr std::int64_t kStatusRefreshMs = 10'000;  // the files' age at most
inline constexpr std::int64_t kStatusMinGapMs = 1'000;    // changes closer than this wait

struct StatusOptions {
    std::string status_file, metrics_file, heartbeat_url;
    int heartbeat_s = kDefaultHeartbeatS;
    int screenshot_s = 0;  // 0: only on SIGUSR1
    ScreenIdentity screen;
};

struct StatusOutlets {
    StatusOptions opt;
    std::string version, cache_dir;
    std::int64_t started_s = 0;
    FrameCosts costs;
    FrameGrab grab;        // the picture on screen, the last one read back
    std::string grab_key;  // shown_picture_key() it was read for
    std::string frame_hash;
    std::optional<std::int64_t> frame_changed_at;
    std::string trigger;                          // the cheap signs of news at the last record
    std::string written_key;                      // change_key() of the last files written
    std::string summary;                          // the last STATUS= sent
    std::int64_t made_ms = -kStatusRefreshMs;     // when the record was last made (monotonic)
    std::int64_t written_ms = -kStatusRefreshMs;  // when the files were last written
    std::int64_t next_screenshot_ms = 0;
    bool screenshot_new = false;  // a screenshot not yet sent with a heartbeat
    std::unique_ptr<Heartbeat> heartbeat;
};

// Fills in the outlets; a heartbeat URL starts its schedule (nothing is sent yet).
void open_outlets(StatusOutlets& o, StatusOptions opt, std::string version, std::string cache_dir,
                  std::string ca_file, std::string user_agent, std::int64_t now_s, std::uint64_t seed);

// True when the picture on screen is wanted (status, metrics, heartbeat or screenshot).
bool outlets_want_picture(const StatusOutlets& o);

// A composed frame took `ms`.
void note_frame_cost(StatusOutlets& o, std::int64_t now_s, double ms);

// The picture on screen, read back (grab_shown_slide) when its key has changed.
void note_picture(StatusOutlets& o, KioskScreen& k, std::int64_t now_s);

// One turn of the run loop. `view` has sync, set, bundled and current filled; `data_version`
// is FeedSync::version (news when it moves). `screenshot`: SIGUSR1 came.
void step_outlets(StatusOutlets& o, StatusInputs view, std::uint64_t data_version, std::int64_t now_ms,
                  std::int64_t now_s, bool screenshot, KioskLog& klog, std::ostream& log);

// How long the loop may sleep before the outlets need it.
std::int64_t outlets_wait_ms(const StatusOutlets& o, std::int64_t now_ms);
