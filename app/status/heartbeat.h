// The heartbeat: an HTTP(S) POST of the status JSON every interval_s (±20 %, the first at a
// random point of the first interval, so a fleet that boots together does not beat together),
// through the feeds' fetch code (feeds/fetch_pool.h: TLS verified, --ca-file, the same time
// limits), on a pool of its own so it never holds up a feed. With a new screenshot since the
// last beat, a second POST to the same URL carries it as image/png.
//
// A beat that fails is counted and logged once per change of its reason; it is never retried
// before the next regular beat, and no beat starts while one is still under way, so a server
// that was down for hours gets one beat per interval, no burst, when it returns.
#pragma once

#include <cstdint>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "app/status/record.h"
#include "feeds/fetch.h"
#include "feeds/fetch_pool.h"

inline constexpr int kDefaultHeartbeatS = 300;
inline constexpr long kHeartbeatTimeoutMs = 30'000;

// The schedule and counts: pure, with times passed in (monotonic ms).
struct HeartbeatState {
    int interval_s = kDefaultHeartbeatS;
    std::optional<std::int64_t> next_at_ms;  // nullopt: not yet scheduled
    int in_flight = 0;                       // POSTs sent and not yet answered
    HeartbeatStatus status;
};

// ms until the next beat: the first at unit x interval, later ones interval x (0.8 + 0.4 unit).
// unit: a random number in [0, 1).
std::int64_t heartbeat_delay_ms(int interval_s, double unit, bool first);

// Schedules the first beat (once), and says whether one is to be sent now: due, and none
// under way (a due beat with one still under way is skipped, and the next one scheduled).
bool heartbeat_due(HeartbeatState& s, std::int64_t now_ms, double unit);

// The JSON POST's answer: counts, and the lines for the "heartbeat" log topic (empty: fine).
std::vector<std::string> heartbeat_answered(HeartbeatState& s, const feeds::FetchResult& r,
                                            std::int64_t now_s);

// The edge: the state, its randomness and its own fetch pool (one transfer at a time).
struct Heartbeat {
    std::string url, ca_file, user_agent;
    HeartbeatState state;
    std::mt19937_64 rng;
    feeds::FetchPool pool;
};

// The POST of `body` (Content-Type `type`) to the heartbeat's URL.
feeds::FetchRequest heartbeat_request(const Heartbeat& h, std::string type, std::string body);

// One turn: takes the answers that came (their log lines go to `notes`). Never blocks.
struct HeartbeatNote {
    std::string topic;
    std::vector<std::string> lines;
};
struct HeartbeatTurn {
    bool answered = false;  // an answer came: the record has news
    bool send_now = false;  // a beat is due: call send_heartbeat
};
HeartbeatTurn step_heartbeat(Heartbeat& h, std::int64_t now_ms, std::int64_t now_s,
                             std::vector<HeartbeatNote>& notes);

// Sends the beat: the record's JSON, and a screenshot (PNG bytes) when not empty.
void send_heartbeat(Heartbeat& h, std::string json_body, std::string png);
