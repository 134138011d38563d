// fetch() against a real HTTP server on the loopback interface:
// tests/fetch_test_server.py, started per test case on an ephemeral port and killed after.
#include <doctest/doctest.h>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>

#include "feeds/feed_parse.h"
#include "feeds/fetch.h"
#include "tests/test_server.h"

using namespace feeds;

namespace {

// A loopback port that refuses connections: bound (so no one else takes it) but not listening.
struct ClosedPort {
    int fd = -1;
    int port = 0;
    ClosedPort() {
        fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_in a{};
        a.sin_family = AF_INET;
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t len = sizeof a;
        REQUIRE(::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0);
        REQUIRE(::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len) == 0);
        port = ntohs(a.sin_port);
    }
    ~ClosedPort() { ::close(fd); }
};

// A fetch of `path` from `server` that ends as `status` with HTTP `code`.
FetchResult fetch_as(const TestServer& server, const std::string& path, FetchStatus status, long code) {
    FetchResult r = fetch(test_request(server.url(path)));
    REQUIRE(r.status == status);
    CHECK(r.http_code == code);
    return r;
}

// A fetch of `path` from `server` that may take at most `max_bytes` of body.
FetchResult fetch_at_most(const TestServer& server, const std::string& path, std::size_t max_bytes) {
    FetchRequest request = test_request(server.url(path));
    request.max_body_bytes = max_bytes;
    return fetch(request);
}

}  // namespace

TEST_CASE("fetch: 200 gives the body and validators, the same request with them gives 304") {
    TestServer server;
    const FetchResult first = fetch_as(server, "/feed.json", FetchStatus::Ok, 200);
    CHECK(first.error.empty());
    CHECK(first.etag == "\"v1\"");
    CHECK(first.last_modified == "Tue, 03 May 2022 10:00:00 GMT");
    CHECK(parse_feed(first.body, "employment.json").feed.has_value());

    FetchRequest again = test_request(server.url("/feed.json"));
    again.etag = first.etag;
    const FetchResult second = fetch(again);
    CHECK(second.status == FetchStatus::NotModified);
    CHECK(second.http_code == 304);
    CHECK(second.body.empty());
    CHECK(second.etag == "\"v1\"");

    FetchRequest by_date = test_request(server.url("/feed.json"));
    by_date.last_modified = first.last_modified;
    CHECK(fetch(by_date).status == FetchStatus::NotModified);
}

TEST_CASE("fetch: HTTP 503 is Failed, naming the feed, the status and the URL") {
    TestServer server;
    const FetchResult r = fetch_as(server, "/status/503", FetchStatus::Failed, 503);
    CHECK(r.body.empty());
    CHECK(r.error == "employment.json: HTTP 503 from " + server.url("/status/503"));
    CHECK(fetch(test_request(server.url("/status/404"))).error ==
          "employment.json: HTTP 404 from " + server.url("/status/404"));
}

TEST_CASE("fetch: a refused connection is Failed with the reason") {
    ClosedPort closed;
    const std::string url = "http://127.0.0.1:" + std::to_string(closed.port) + "/feed.json";
    const FetchResult r = fetch(test_request(url));
    CHECK(r.status == FetchStatus::Failed);
    CHECK(r.http_code == 0);
    CHECK(r.error == "employment.json: could not connect to " + url + ": Connection refused");
}

TEST_CASE("fetch: a body over the limit is abandoned, with or without Content-Length") {
    TestServer server;
    const FetchResult r = fetch_at_most(server, "/big/2000", 1000);
    CHECK(r.status == FetchStatus::Failed);
    CHECK(r.body.empty());
    CHECK(r.error ==
          "employment.json: response from " + server.url("/big/2000") + " is larger than 1000 bytes");

    const FetchResult s = fetch_at_most(server, "/stream/5000000", 100000);  // chunked: no size announced
    CHECK(s.status == FetchStatus::Failed);
    CHECK(s.error.find("is larger than 100000 bytes") != std::string::npos);

    const FetchResult e = fetch_at_most(server, "/big/1000", 1000);
    CHECK(e.status == FetchStatus::Ok);
    CHECK(e.body.size() == 1000);
}

TEST_CASE("fetch: redirects are followed up to max_redirects") {
    TestServer server;
    const FetchResult r = fetch(test_request(server.url("/redirect/2")));  // 3 redirects in all
    CHECK(r.status == FetchStatus::Ok);
    CHECK(r.final_url == server.url("/feed.json"));
    CHECK(r.etag == "\"v1\"");  // the final response's, not a redirect's

    const FetchResult too_many = fetch(test_request(server.url("/redirect/4")));
    CHECK(too_many.status == FetchStatus::Failed);
    CHECK(too_many.error == "employment.json: more than 3 redirects from " + server.url("/redirect/4"));
}

TEST_CASE("fetch: a server that stops answering times out") {
    TestServer server;
    FetchRequest slow = test_request(server.url("/slow"));
    slow.total_timeout_ms = 300;
    const FetchResult r = fetch(slow);
    CHECK(r.status == FetchStatus::Failed);
    CHECK(r.error.rfind("employment.json: no complete answer from " + server.url("/slow") + " within 300 ms",
                        0) == 0);
}

TEST_CASE("fetch: sends the User-Agent and no validators unless given") {
    TestServer server;
    FetchRequest req = test_request(server.url("/headers"));
    req.user_agent = user_agent("1.2.3");
    const FetchResult r = fetch(req);
    REQUIRE(r.status == FetchStatus::Ok);
    CHECK(r.body.find("\"User-Agent\": \"infotavle/1.2.3\"") != std::string::npos);
    CHECK(r.body.find("If-None-Match") == std::string::npos);
    CHECK(r.body.find("If-Modified-Since") == std::string::npos);
}

TEST_CASE("fetch: the label defaults to the URL's file name") {
    ClosedPort closed;
    FetchRequest req;
    req.url = "http://127.0.0.1:" + std::to_string(closed.port) + "/data/transport.json";
    CHECK(fetch(req).error.rfind("transport.json: could not connect", 0) == 0);
}

TEST_CASE("fetch: local files are read with the size cap, an unchanged file is NotModified") {
    namespace fs = std::filesystem;
    const fs::path file =
        fs::temp_directory_path() / ("infotavle-fetch-" + std::to_string(::getpid()) + ".json");
    std::ofstream(file) << "{\"x\": 1}";
    FetchRequest req;
    req.url = file.string();
    const FetchResult r = fetch(req);
    REQUIRE(r.status == FetchStatus::Ok);
    CHECK(r.body == "{\"x\": 1}");
    req.last_modified = r.last_modified;
    CHECK(fetch(req).status == FetchStatus::NotModified);
    // Replaced within one tick of the file clock (the same mtime, the same size): read again.
    const fs::path next = file.string() + ".tmp";
    std::ofstream(next) << "{\"x\": 2}";
    fs::last_write_time(next, fs::last_write_time(file));
    fs::rename(next, file);
    const FetchResult replaced = fetch(req);
    REQUIRE(replaced.status == FetchStatus::Ok);
    CHECK(replaced.body == "{\"x\": 2}");

    req.last_modified.clear();
    req.max_body_bytes = 4;
    CHECK(fetch(req).error == file.filename().string() + ": " + file.string() + " is larger than 4 bytes");
    fs::remove(file);
    const FetchResult missing = fetch(req);
    CHECK(missing.status == FetchStatus::Failed);
    CHECK(missing.error ==
          file.filename().string() + ": cannot read " + file.string() + ": No such file or directory");
}

TEST_CASE("fetch: the total time cap scales with the size limit, never under a minute") {
    CHECK(total_timeout_for(1000) == 60'000);
    CHECK(total_timeout_for(Limits{}.max_file_bytes) == 4096'000);  // 4 MiB at 1 KiB/s
    FetchRequest defaults;
    CHECK(defaults.total_timeout_ms == 0);  // 0: total_timeout_for(max_body_bytes)
    CHECK(defaults.connect_timeout_ms == 10'000);
    CHECK(defaults.low_speed_bytes_per_s == 100);
    CHECK(defaults.low_speed_time_s == 30);
}

TEST_CASE("fetch: a slow answer that keeps coming succeeds, one that stalls ends by the low-speed limit") {
    TestServer server;
    // 24 bytes over about 1.2 s: slower than any fixed sub-second cap would allow, but above
    // the low-speed limit, so it arrives whole.
    FetchRequest drip = test_request(server.url("/drip/24/50"));
    drip.low_speed_bytes_per_s = 2;
    drip.low_speed_time_s = 1;
    const FetchResult ok = fetch(drip);
    CHECK(ok.error == "");
    CHECK(ok.status == FetchStatus::Ok);
    CHECK(ok.body == std::string(24, 'z'));

    FetchRequest stalled = test_request(server.url("/slow"));
    stalled.low_speed_bytes_per_s = 2;
    stalled.low_speed_time_s = 1;
    const FetchResult r = fetch(stalled);
    CHECK(r.status == FetchStatus::Failed);
    CHECK(r.error.rfind(
              "employment.json: answer from " + server.url("/slow") + " slower than 2 bytes/s for 1 s", 0) ==
          0);
}

TEST_CASE("fetch: a 429 or 503 answer's Retry-After is kept verbatim, others' are not") {
    TestServer server;
    CHECK(fetch(test_request(server.url("/retry/503/120"))).retry_after == "120");
    const std::string date = "Wed, 21 Oct 2015 07:28:00 GMT";
    CHECK(fetch(test_request(server.url("/retry/429/Wed%2C%2021%20Oct%202015%2007%3A28%3A00%20GMT")))
              .retry_after == date);
    CHECK(fetch(test_request(server.url("/retry/500/120"))).retry_after.empty());
}

TEST_CASE("fetch: validators are opaque bytes, 0xFF included") {
    TestServer server;
    const FetchResult r = fetch(test_request(server.url("/odd-validators")));
    REQUIRE(r.status == FetchStatus::Ok);
    CHECK(r.etag ==
          "\"v\xff"
          "1\"");
    CHECK(r.last_modified == "Tue, 03 May 2022 \xff GMT");
}
