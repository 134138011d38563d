// read_jobs.h, and sync_jobs.h with local files: a fetched body is read (parsed) by a job of its
// own, never by the thread calling step_sync, which in the kiosk is the render thread. Every
// wait is bounded and waits for a real event (a fetch or a read finishing).
#include <doctest/doctest.h>

#include <chrono>
#include <string>

#include "app/kiosk/feed_sync.h"
#include "app/kiosk/read_jobs.h"
#include "app/kiosk/sync_jobs.h"
#include "feeds/bundled_feeds.h"
#include "tests/temp_dir.h"

namespace {

constexpr std::int64_t kT0 = 1'700'000'000;

}  // namespace

TEST_CASE("step_sync hands a fetched body to a read job and applies it once read") {
    TempDir site("sync-jobs");
    for (const auto& f : feeds::bundled_files()) site.write(std::string(f.name), f.text);
    std::vector<SyncNote> notes;
    FeedSync s = open_sync(site.file("manifest.json"), "", notes);
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
    for (const auto& f : feeds::bundled_files()) site.write(std::string(f.name), f.text);
    std::vector<SyncNote> notes;
    FeedSync s = open_sync(site.file("manifest.json"), "", notes);
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
