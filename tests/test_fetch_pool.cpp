// FetchPool (one thread, libcurl's multi interface) and https (a private CA, redirects) against
// tests/fetch_test_server.py. Waits are for real events (a result, the server's own count of
// requests it holds), bounded, never a guessed sleep.
#include <doctest/doctest.h>

#include "tests/temp_dir.h"

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <optional>
#include <string>

#include "feeds/fetch.h"
#include "feeds/fetch_pool.h"
#include "tests/test_server.h"

using namespace feeds;
using Clock = std::chrono::steady_clock;

namespace {

int process_threads() {
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line))
        if (line.rfind("Threads:", 0) == 0) return std::stoi(line.substr(8));
    return -1;
}

// Until the server holds `n` requests to /slow (it counts them), at most 20 s.
bool server_holds(const TestServer& server, int n) {
    const auto deadline = Clock::now() + std::chrono::seconds(20);
    const std::string want = "{\"hanging\": " + std::to_string(n) + "}";
    while (Clock::now() < deadline)
        if (fetch(test_request(server.url("/stats"))).body == want) return true;
    return false;
}

std::vector<FinishedFetch> take_n(FetchPool& pool, std::size_t n) {
    std::vector<FinishedFetch> out;
    const auto deadline = Clock::now() + std::chrono::seconds(20);
    while (out.size() < n && Clock::now() < deadline) {
        wait_for_finished(pool, std::chrono::milliseconds(500));
        for (auto& f : take_finished(pool)) out.push_back(std::move(f));
    }
    return out;
}

// A self-signed certificate for 127.0.0.1, made with the openssl tool for this test.
struct TestCert {
    TempDir dir{"tls"};
    std::string cert = dir.file("cert.pem"), key = dir.file("key.pem");
    bool made = false;
    TestCert() {
        const std::string cmd =
            "openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 2 "
            "-subj /CN=127.0.0.1 -addext subjectAltName=IP:127.0.0.1 -keyout " +
            key + " -out " + cert + " >/dev/null 2>&1";
        made = std::system(cmd.c_str()) == 0;
    }
};

}  // namespace

TEST_CASE("fetch pool: results come back with their keys, a default pool has no thread until used") {
    FetchPool idle;
    CHECK(take_finished(idle).empty());
    CHECK_FALSE(wait_for_finished(idle, std::chrono::milliseconds(1)));
    CHECK(fetches_active(idle) == 0);

    TestServer server;
    FetchPool pool;
    submit_fetch(pool, "a", test_request(server.url("/feed.json")));
    submit_fetch(pool, "b", test_request(server.url("/status/503")));
    const auto done = take_n(pool, 2);
    REQUIRE(done.size() == 2);
    for (const auto& f : done) {
        if (f.key == "a") CHECK(f.result.status == FetchStatus::Ok);
        if (f.key == "b")
            CHECK(f.result.error == "employment.json: HTTP 503 from " + server.url("/status/503"));
        CHECK(f.request.url == server.url(f.key == "a" ? "/feed.json" : "/status/503"));
    }
}

TEST_CASE("fetch pool: 40 fetches run on one thread, at most max_parallel at a time") {
    TestServer server;
    const int threads_before = process_threads();
    FetchPool pool;
    pool.max_parallel = 4;
    for (int i = 0; i < 40; ++i)
        submit_fetch(pool, "slow" + std::to_string(i), test_request(server.url("/slow")));
    REQUIRE(server_holds(server, 4));
    CHECK(fetches_active(pool) == 4);
    CHECK(process_threads() == threads_before + 1);
    // Local files do not wait behind hanging transfers.
    TempDir dir("pool");
    submit_fetch(pool, "local", test_request(dir.write("x.json", "{}")));
    const auto done = take_n(pool, 1);
    REQUIRE(done.size() == 1);
    CHECK(done[0].key == "local");
    CHECK(done[0].result.body == "{}");
}

TEST_CASE("fetch pool: dropping it with 50 hanging fetches ends them at once") {
    TestServer server;
    std::optional<FetchPool> pool(std::in_place);
    pool->max_parallel = 50;
    for (int i = 0; i < 50; ++i) submit_fetch(*pool, std::to_string(i), test_request(server.url("/slow")));
    REQUIRE(server_holds(server, 50));
    const auto start = Clock::now();
    pool.reset();
    const auto took = Clock::now() - start;
    MESSAGE("stopping 50 hanging fetches took "
            << std::chrono::duration_cast<std::chrono::microseconds>(took).count() << " us");
    CHECK(took < std::chrono::seconds(1));
}

TEST_CASE("https: a private CA given by ca_file is trusted, without it, or with a bad file, a clear error") {
    TestCert cert;
    REQUIRE(cert.made);
    TestServer server("", cert.cert, cert.key);
    FetchRequest with_ca = test_request(server.url("/feed.json"));
    with_ca.ca_file = cert.cert;
    const FetchResult ok = fetch(with_ca);
    CHECK(ok.error == "");
    CHECK(ok.status == FetchStatus::Ok);

    const FetchResult untrusted = fetch(test_request(server.url("/feed.json")));
    CHECK(untrusted.status == FetchStatus::Failed);
    CHECK(untrusted.error.rfind("employment.json: TLS error with " + server.url("/feed.json") + ": ", 0) ==
          0);

    FetchRequest missing = test_request(server.url("/feed.json"));
    missing.ca_file = cert.dir.file("no-such-ca.pem");
    const FetchResult bad = fetch(missing);
    CHECK(bad.status == FetchStatus::Failed);
    CHECK(bad.error.rfind("employment.json: TLS error with " + server.url("/feed.json") +
                              ": cannot use the CA file " + missing.ca_file + ": ",
                          0) == 0);
}

TEST_CASE("https: a redirect to plain http is refused, http to https is followed") {
    TestCert cert;
    REQUIRE(cert.made);
    TestServer secure("", cert.cert, cert.key);
    TestServer plain;
    FetchRequest down = test_request(secure.url("/to/" + plain.url("/feed.json")));
    down.ca_file = cert.cert;
    const FetchResult r = fetch(down);
    CHECK(r.status == FetchStatus::Failed);
    CHECK(r.error == "employment.json: refused a redirect from https to " + plain.url("/feed.json") +
                         " (from " + down.url + ")");

    FetchRequest up = test_request(plain.url("/to/" + secure.url("/feed.json")));
    up.ca_file = cert.cert;
    const FetchResult u = fetch(up);
    CHECK(u.error == "");
    CHECK(u.final_url == secure.url("/feed.json"));
}

TEST_CASE("fetch pool: a stalled answer on a reused connection is named as too slow, not unconnected") {
    TestServer server;
    FetchPool pool;
    submit_fetch(pool, "first", test_request(server.url("/feed.json")));
    REQUIRE(take_n(pool, 1).size() == 1);
    FetchRequest stalled = test_request(server.url("/slow"));  // the same host: the connection is reused
    stalled.low_speed_bytes_per_s = 2;
    stalled.low_speed_time_s = 1;
    submit_fetch(pool, "stalled", stalled);
    const auto done = take_n(pool, 1);
    REQUIRE(done.size() == 1);
    CHECK(done[0].result.error.rfind(
              "employment.json: answer from " + server.url("/slow") + " slower than 2 bytes/s for 1 s", 0) ==
          0);
}

TEST_CASE("fetch pool: an idle pool sleeps long, and a new fetch wakes it at once") {
    // Idle, the pool's thread waits up to 10 minutes (a screen that is off must not wake every
    // second); submit_fetch wakes it. Without that wake-up this would give up after 20 s.
    TestServer server;
    FetchPool pool;
    submit_fetch(pool, "first", test_request(server.url("/feed.json")));
    REQUIRE(take_n(pool, 1).size() == 1);
    for (int i = 0; i < 3; ++i) {  // each time from the idle wait
        submit_fetch(pool, "again", test_request(server.url("/feed.json")));
        const auto done = take_n(pool, 1);
        REQUIRE(done.size() == 1);
        CHECK(done[0].result.status == FetchStatus::Ok);
    }
}
