// app/status/heartbeat.h: the schedule (pure, a fake clock), and real POSTs through the fetch
// pool to tests/fetch_test_server.py: delivered, server down, slow, 500, a redirect. One log
// line per change, one beat per interval however long the outage, nothing retried early.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "app/kiosk/log.h"
#include "app/status/heartbeat.h"
#include "tests/test_server.h"

namespace {

// Sends one beat now and waits (bounded by the request's own time limit) for its answer.
// Returns the log lines this turn added.
std::vector<std::string> beat_once(Heartbeat& h, KioskLog& klog, std::int64_t& now_ms,
                                   const std::string& png = "") {
    h.state.next_at_ms = now_ms;  // due now
    std::vector<HeartbeatNote> notes;
    REQUIRE(step_heartbeat(h, now_ms, 1000, notes).send_now);
    send_heartbeat(h, R"({"screen":{"id":"t"}})", png);
    const int expected = png.empty() ? 1 : 2;
    std::ostringstream log;
    for (int got = 0; got < expected;) {
        REQUIRE(feeds::wait_for_finished(h.pool, std::chrono::milliseconds(kHeartbeatTimeoutMs + 5000)));
        notes.clear();
        const std::size_t before = h.state.in_flight;
        step_heartbeat(h, now_ms, 1000, notes);
        got += int(before - std::size_t(h.state.in_flight));
        for (auto& n : notes) log_news(klog, log, n.topic, n.lines);
    }
    std::vector<std::string> lines;
    std::istringstream in(log.str());
    for (std::string l; std::getline(in, l);) lines.push_back(l);
    now_ms += 300'000;
    return lines;
}

nlohmann::json beats(const TestServer& s) {
    feeds::FetchRequest req;
    req.url = s.url("/beats");
    const feeds::FetchResult r = feeds::fetch(req);
    REQUIRE(r.status == feeds::FetchStatus::Ok);
    return nlohmann::json::parse(r.body);
}

}  // namespace

TEST_CASE("heartbeat schedule: first at a random point, then every interval ±20 %, never two at once") {
    CHECK(heartbeat_delay_ms(300, 0.0, true) == 1);
    CHECK(heartbeat_delay_ms(300, 0.5, true) == 150'000);
    CHECK(heartbeat_delay_ms(300, 0.0, false) == 240'000);
    CHECK(heartbeat_delay_ms(300, 0.999, false) < 360'000);
    HeartbeatState s;
    CHECK_FALSE(heartbeat_due(s, 0, 0.5));  // schedules the first, at 150 s
    CHECK(s.next_at_ms == 150'000);
    CHECK_FALSE(heartbeat_due(s, 149'999, 0.5));
    CHECK(heartbeat_due(s, 150'000, 0.5));
    s.in_flight = 1;
    CHECK_FALSE(heartbeat_due(s, 500'000, 0.5));  // still under way: this beat is skipped
    CHECK(s.next_at_ms == 800'000);

    // An outage of a day: one attempt per interval, each failure counted, no extra attempts.
    HeartbeatState o;
    heartbeat_due(o, 0, 0.0);
    int attempts = 0;
    for (std::int64_t t = 0; t <= 86'400'000; t += 1000)
        if (heartbeat_due(o, t, 0.5)) {
            ++attempts;
            feeds::FetchResult down;
            down.error = "heartbeat: could not connect";
            heartbeat_answered(o, down, t / 1000);
        }
    CHECK(attempts == 288);  // 86 400 s / 300 s
    CHECK(o.status.consecutive_failures == attempts);
    CHECK(o.status.failures_total == std::uint64_t(attempts));
}

TEST_CASE(
    "heartbeat over HTTP: delivered with a screenshot, then a 500, a server down and a redirect, each said "
    "once") {
    TestServer server;
    Heartbeat h;
    h.user_agent = "infotavle-test";
    h.pool.max_parallel = 1;
    KioskLog klog;
    std::int64_t now = 0;

    h.url = server.url("/beat");
    CHECK(beat_once(h, klog, now, "\x89PNG fake").empty());
    const auto got = beats(server);
    REQUIRE(got.size() == 2);
    CHECK(got[0]["type"] == "application/json");
    CHECK(got[0]["body"] == R"({"screen":{"id":"t"}})");
    CHECK(got[1]["type"] == "image/png");
    CHECK(got[1]["bytes"] == 9);
    CHECK(h.state.status.sent_total == 1);
    CHECK(h.state.status.last_ok_at == 1000);

    h.url = server.url("/status/500");
    auto lines = beat_once(h, klog, now);
    REQUIRE(lines.size() == 1);
    CHECK(lines[0].find("HTTP 500") != std::string::npos);
    CHECK(beat_once(h, klog, now).empty());  // the same failure again: not said again
    CHECK(h.state.status.consecutive_failures == 2);

    h.url = "http://127.0.0.1:1/beat";  // nothing listens: down
    lines = beat_once(h, klog, now);
    REQUIRE(lines.size() == 1);
    CHECK(lines[0].find("could not connect") != std::string::npos);

    h.url = server.url("/to/" + server.url("/beat"));  // a redirect keeps the POST
    lines = beat_once(h, klog, now);
    REQUIRE(lines.size() == 1);
    CHECK(lines[0].find("delivered again") != std::string::npos);
    CHECK(beats(server).back()["body"] == R"({"screen":{"id":"t"}})");
    CHECK(h.state.status.consecutive_failures == 0);
    CHECK(h.state.status.failures_total == 3);
}

TEST_CASE("heartbeat to a server that hangs: the turn never waits, the next beat is skipped until it ends") {
    TestServer server;
    Heartbeat h;
    h.url = server.url("/slow");
    h.state.next_at_ms = 0;
    std::vector<HeartbeatNote> notes;
    REQUIRE(step_heartbeat(h, 0, 0, notes).send_now);
    send_heartbeat(h, "{}", "");
    // Turns go on while it hangs (each returns at once: nothing to take), and a beat that falls
    // due meanwhile is not sent on top of it.
    for (std::int64_t t = 1000; t <= 600'000; t += 1000) CHECK_FALSE(step_heartbeat(h, t, 0, notes).send_now);
    CHECK(h.state.in_flight == 1);
    CHECK(notes.empty());
}
