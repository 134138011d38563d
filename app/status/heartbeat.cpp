#include "app/status/heartbeat.h"

#include <algorithm>

std::int64_t heartbeat_delay_ms(int interval_s, double unit, bool first) {
    const double interval_ms = double(std::max(1, interval_s)) * 1000.0;
    const double ms = first ? unit * interval_ms : interval_ms * (0.8 + 0.4 * unit);
    return std::max<std::int64_t>(1, std::int64_t(ms));
}

bool heartbeat_due(HeartbeatState& s, std::int64_t now_ms, double unit) {
    if (!s.next_at_ms) {
        s.next_at_ms = now_ms + heartbeat_delay_ms(s.interval_s, unit, true);
        return false;
    }
    if (now_ms < *s.next_at_ms) return false;
    s.next_at_ms = now_ms + heartbeat_delay_ms(s.interval_s, unit, false);
    return s.in_flight == 0;
}

std::vector<std::string> heartbeat_answered(HeartbeatState& s, const feeds::FetchResult& r,
                                            std::int64_t now_s) {
    s.in_flight = std::max(0, s.in_flight - 1);
    ++s.status.sent_total;
    if (r.status != feeds::FetchStatus::Failed) {
        const bool recovered = s.status.consecutive_failures > 0;
        s.status.consecutive_failures = 0;
        s.status.last_error.clear();
        s.status.last_ok_at = now_s;
        if (recovered) return {"heartbeat: delivered again to " + r.final_url};
        return {};
    }
    ++s.status.failures_total;
    ++s.status.consecutive_failures;
    s.status.last_error = r.error;
    return {r.error + "; the next heartbeat is sent at its regular time"};
}

feeds::FetchRequest heartbeat_request(const Heartbeat& h, std::string type, std::string body) {
    feeds::FetchRequest req;
    req.url = h.url;
    req.label = "heartbeat";
    req.ca_file = h.ca_file;
    req.user_agent = h.user_agent;
    req.max_body_bytes = 64 * 1024;  // the answer is not read
    req.total_timeout_ms = kHeartbeatTimeoutMs;
    req.max_redirects = 3;
    req.post_type = std::move(type);
    req.post_body = std::move(body);
    return req;
}

HeartbeatTurn step_heartbeat(Heartbeat& h, std::int64_t now_ms, std::int64_t now_s,
                             std::vector<HeartbeatNote>& notes) {
    HeartbeatTurn turn;
    for (feeds::FinishedFetch& f : feeds::take_finished(h.pool)) {
        if (f.key == "png") {  // the screenshot: said when it fails, not counted as a beat
            h.state.in_flight = std::max(0, h.state.in_flight - 1);
            const bool failed = f.result.status == feeds::FetchStatus::Failed;
            notes.push_back({"heartbeat screenshot",
                             failed ? std::vector<std::string>{f.result.error} : std::vector<std::string>{}});
            continue;
        }
        notes.push_back({"heartbeat", heartbeat_answered(h.state, f.result, now_s)});
        turn.answered = true;
    }
    const double unit = std::uniform_real_distribution<double>(0.0, 1.0)(h.rng);
    turn.send_now = heartbeat_due(h.state, now_ms, unit);
    return turn;
}

void send_heartbeat(Heartbeat& h, std::string json_body, std::string png) {
    feeds::submit_fetch(h.pool, "json", heartbeat_request(h, "application/json", std::move(json_body)));
    ++h.state.in_flight;
    if (png.empty()) return;
    feeds::submit_fetch(h.pool, "png", heartbeat_request(h, "image/png", std::move(png)));
    ++h.state.in_flight;
}
