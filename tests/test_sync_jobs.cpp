// read_jobs.h, and sync_jobs.h with local files: a fetched body is read (parsed) by a job of its
// own, never by the thread calling step_sync, which in the kiosk is the render thread; a
// finished fetch or read wakes the caller (set_waker). Every wait is bounded and waits for a
// real event (a fetch or a read finishing).
#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>

#include "app/kiosk/shown_slides.h"
#include "feeds/bundled_feeds.h"
#include "feeds/sync/read_jobs.h"
#include "feeds/sync/sync_jobs.h"
#include "tests/temp_dir.h"
#include "tests/test_server.h"

using namespace feeds;

namespace {

constexpr std::int64_t kT0 = 1'700'000'000;

// The bundled files as a local site in `site`, and a sync state for its manifest.
FeedSync bundled_site(TempDir& site) {
    for (const auto& f : feeds::bundled_files()) site.write(std::string(f.name), f.text);
    std::vector<Note> notes;
    return open_sync({site.file("manifest.json"), ""}, notes);
}

}  // namespace

TEST_CASE("step_sync hands a fetched body to a read job and applies it once read") {
    TempDir site("sync-jobs");
    FeedSync s = bundled_site(site);
    SyncJobs jobs;

    step_sync(s, jobs, kT0);  // orders the manifest
    REQUIRE(jobs.running.count(kManifestKey) == 1);
    REQUIRE(feeds::wait_for_finished(jobs.pool, std::chrono::seconds(30)));

    // Picked up: the text goes to a read job; nothing of it is applied on this thread yet.
    step_sync(s, jobs, kT0);
    CHECK(reads_pending(jobs.reads));
    CHECK(jobs.running.count(kManifestKey) == 1);  // ordered and not yet applied
    CHECK_FALSE(s.manifest);
    CHECK(s.manifest_item.in_flight);  // not ordered again while it is read

    sync_until_settled(s, jobs, kT0);
    CHECK(jobs.running.empty());
    CHECK_FALSE(reads_pending(jobs.reads));
    REQUIRE(s.manifest);
    CHECK(s.data.size() == s.manifest->feeds.size());  // every feed read the same way
    CHECK(count_valid(slides_to_show(s).set) > 0);
}

TEST_CASE("a bad fetched body is reported from its read job, and the last good copy kept") {
    TempDir site("sync-jobs-bad");
    FeedSync s = bundled_site(site);
    SyncJobs jobs;
    sync_until_settled(s, jobs, kT0);
    REQUIRE(s.data.count("employment") == 1);
    site.write("employment.json", std::string("{\"format\":\"infotavle-feed\"}\0tail", 32));
    std::vector<std::string> lines;
    for (const auto& n : sync_until_settled(s, jobs, kT0 + 3600))
        for (const auto& l : n.lines) lines.push_back(l);
    CHECK(jobs.running.empty());
    CHECK_FALSE(reads_pending(jobs.reads));
    bool reported = false;
    for (const auto& l : lines) reported = reported || l.find("NUL byte") != std::string::npos;
    CHECK(reported);
    CHECK(s.data.count("employment") == 1);  // still shown
}

TEST_CASE("read jobs: at most kMaxReads at once, the rest in order, each body parsed as its key says") {
    std::string manifest, feed;
    for (const auto& f : feeds::bundled_files()) {
        if (f.name == "manifest.json") manifest = f.text;
        if (f.name == "employment.json") feed = f.text;
    }
    ReadJobs r;
    auto fetched = [](std::string key, std::string body) {
        feeds::FetchResult res;
        res.status = feeds::FetchStatus::Ok;
        res.body = std::move(body);
        feeds::FetchRequest req;
        req.label = key + ".json";
        return FetchRead{std::move(key), std::move(req), std::move(res), {}};
    };
    start_read(r, fetched(kManifestKey, manifest));
    for (int i = 0; i < 4; ++i) start_read(r, fetched("f" + std::to_string(i), feed));
    start_read(r, fetched("bad", "{\"format\":\"infotavle-feed\"}"));
    CHECK(r.running.size() == kMaxReads);
    CHECK(r.waiting.size() == 6 - kMaxReads);

    std::vector<FetchRead> done;
    for (int i = 0; i < 100 && reads_pending(r); ++i) {
        REQUIRE(wait_for_read(r, std::chrono::seconds(30)));
        for (auto& f : take_reads(r)) done.push_back(std::move(f));
        CHECK(r.running.size() <= kMaxReads);
    }
    CHECK_FALSE(reads_pending(r));
    REQUIRE(done.size() == 6);
    for (const auto& f : done) {
        CAPTURE(f.key);
        if (f.key == kManifestKey) {
            REQUIRE(f.parsed.manifest);
            CHECK(f.parsed.manifest->manifest);
            CHECK_FALSE(f.parsed.feed);
        } else {
            REQUIRE(f.parsed.feed);
            CHECK(f.parsed.feed->feed.has_value() == (f.key != "bad"));
            CHECK_FALSE(f.parsed.manifest);
        }
        CHECK(f.result.body.size() > 0);  // the body travels with its result, for the cache
    }
}

namespace {

// A waker that counts its calls and, at each, takes what there is to take: the loop woken by a
// finished job must find it ready. Waits block on a condition, bounded, never on the clock.
struct CountingWaker {
    std::mutex mu;
    std::condition_variable cv;
    int wakes = 0;

    feeds::Waker waker() {
        return [this] {
            {
                std::lock_guard lock(mu);
                ++wakes;
            }
            cv.notify_all();
        };
    }
    bool wait_for(int n) {
        std::unique_lock lock(mu);
        return cv.wait_for(lock, std::chrono::seconds(30), [&] { return wakes >= n; });
    }
    int count() {
        std::lock_guard lock(mu);
        return wakes;
    }
};

}  // namespace

TEST_CASE("wake-up: a finished fetch and a finished read each call the waker once they can be taken") {
    TempDir site("sync-wake");
    CountingWaker w;  // outlives the jobs: fetches still running at the end call it
    FeedSync s = bundled_site(site);
    SyncJobs jobs;
    set_waker(jobs, w.waker());

    step_sync(s, jobs, kT0);  // orders the manifest
    REQUIRE(w.wait_for(1));   // the fetch finished: its result is there to take
    CHECK(w.count() == 1);
    const SyncStep fetched = step_sync(s, jobs, kT0);
    CHECK_FALSE(fetched.applied);      // an Ok body goes to a read job
    CHECK(reads_pending(jobs.reads));  // the read is under way
    REQUIRE(w.wait_for(2));            // the read finished: its result is there to take
    const SyncStep read = step_sync(s, jobs, kT0);
    CHECK(read.applied);
    REQUIRE(s.manifest);
    CHECK(jobs.running.size() == std::min(kMaxOrdered, s.manifest->feeds.size()));  // its feeds ordered
}

TEST_CASE("wake-up: the pool's waker is called after the fetch can be taken") {
    TempDir dir("pool-wake");
    CountingWaker w;  // outlives the pool, whose thread calls it
    FetchPool pool;
    pool.on_finished = w.waker();
    submit_fetch(pool, "local", test_request(dir.write("x.json", "{}")));
    REQUIRE(w.wait_for(1));
    const auto done = take_finished(pool);
    REQUIRE(done.size() == 1);
    CHECK(done[0].result.body == "{}");
    CHECK(w.count() == 1);
}

TEST_CASE(
    "wake-up: with kMaxOrdered fetches under way the loop waits for one to finish, not for a due time") {
    std::vector<Note> notes;
    FeedSync s = open_sync({"https://data.example.dk/manifest.json", ""}, notes);
    SyncJobs jobs;
    CHECK(next_step_due(s, jobs, kT0) == kT0);  // the manifest is due at once
    for (std::size_t i = 0; i < kMaxOrdered; ++i) jobs.running["feed" + std::to_string(i)] = {};
    CHECK(next_fetch_due(s, kT0) == kT0);      // still due
    CHECK_FALSE(next_step_due(s, jobs, kT0));  // but no room: a finishing fetch wakes the loop
}
