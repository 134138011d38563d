// The kiosk's bounds on parsed data: the memory budget for all feeds together (feed_sync.h) and
// abandoned reads (read_jobs.h), each refused like an invalid feed: backed off, the last good
// copy kept, the others untouched. Results are made by hand; `now` is a number.
#include <doctest/doctest.h>

#include "tests/temp_dir.h"

#include <numeric>

#include "app/kiosk/feed_sync.h"
#include "app/kiosk/read_jobs.h"
#include "feeds/bundled_feeds.h"
#include "feeds/url.h"
#include "tests/worst_cases.h"

using namespace feeds;

namespace {

constexpr std::int64_t kT0 = 1'700'000'000;
const std::string kManifestUrl = "https://data.example.dk/infotavle/manifest.json";

std::string bundled(std::string_view name) {
    for (const auto& f : bundled_files())
        if (f.name == name) return std::string(f.text);
    FAIL("no bundled file " << name);
    return {};
}

FetchResult ok(std::string body) {
    FetchResult r;
    r.status = FetchStatus::Ok;
    r.body = std::move(body);
    r.http_code = 200;
    return r;
}

bool says(const std::vector<SyncNote>& notes, const std::string& what) {
    for (const auto& n : notes)
        for (const auto& l : n.lines)
            if (l.find(what) != std::string::npos) return true;
    return false;
}

// Answers the manifest, then each feed in manifest order, with the bundled file; the notes.
std::vector<SyncNote> answer_all(FeedSync& s, std::int64_t now) {
    std::vector<SyncNote> notes;
    for (int round = 0; round < 2; ++round)
        for (const auto& o : due_fetches(s, now))
            for (auto& n : apply_fetch(s, o.key, o.request, ok(bundled(url_file_name(o.request.url))), now))
                notes.push_back(std::move(n));
    return notes;
}

std::size_t parsed_size(const std::string& file) {
    return parse_feed(bundled(file), file).stats.parsed_bytes;
}

}  // namespace

TEST_CASE("budget: a feed that would take all feeds' data over the budget is refused, the others stay") {
    TempDir cache;
    std::vector<SyncNote> notes;
    FeedSync probe = open_sync(kManifestUrl, "", notes);
    answer_all(probe, kT0);
    REQUIRE(probe.manifest);
    const auto& refs = probe.manifest->feeds;
    REQUIRE(refs.size() >= 2);
    std::size_t all = 0;
    for (const auto& ref : refs) all += parsed_size(url_file_name(ref.url));
    const std::string last = refs.back().id;

    // Room for all but the last one.
    FeedSync s = open_sync(kManifestUrl, cache.dir(), notes, all - 1);
    const auto said = answer_all(s, kT0);
    CHECK(says(said, "refused: its data would take about"));
    CHECK(says(said, "over the budget of"));
    CHECK(says(said, "(--data-max-mb)"));
    CHECK(s.data.size() == refs.size() - 1);
    CHECK(s.data.count(last) == 0);
    CHECK_FALSE(load_cached_feed(cache.dir(), last).feed);  // not stored either
    for (const auto& item : s.feeds)
        CHECK_MESSAGE((item.key == last) == (item.schedule.failures > 0), item.key);  // backed off
    std::size_t held = 0;
    for (const auto& [id, bytes] : s.data_bytes) held += bytes;
    CHECK(held <= s.data_max_bytes);

    // A restart with a budget for one feed loads one cached copy, and says why not the others.
    std::vector<SyncNote> restart_notes;
    FeedSync r = open_sync(kManifestUrl, cache.dir(), restart_notes, parsed_size(url_file_name(refs[0].url)));
    CHECK(r.data.size() == 1);
    CHECK(says(restart_notes, "cached copy not loaded: its data would take about"));
}

TEST_CASE("read jobs: a cancelled read is abandoned at a check point and the feed is backed off") {
    std::vector<SyncNote> notes;
    FeedSync s = open_sync(kManifestUrl, "", notes);
    answer_all(s, kT0);
    REQUIRE(s.data.count("employment") == 1);
    const std::string title = s.data.at("employment")->title;
    const auto orders = due_fetches(s, kT0 + 10000);
    const FetchOrder* e = nullptr;
    for (const auto& o : orders)
        if (o.key == "employment") e = &o;
    REQUIRE(e);

    ReadJobs jobs;
    jobs.cancel->store(true);  // before the read starts: it stops at its first check point
    start_read(jobs, {e->key, e->request, ok(worst::text(worst::Shape::Numbers, 4 * 1024 * 1024)), {}});
    std::vector<FetchRead> done;
    for (int i = 0; i < 100 && done.empty(); ++i) {
        wait_for_read(jobs, std::chrono::seconds(10));
        done = take_reads(jobs);
    }
    REQUIRE(done.size() == 1);
    REQUIRE(done[0].parsed.feed);
    CHECK(done[0].parsed.feed->stats.abandoned);
    CHECK(done[0].parsed.feed->stats.events == kCheckEvery);

    const auto said = apply_fetch(s, e->key, e->request, done[0].result, kT0 + 10000, &done[0].parsed);
    CHECK(says(said, "abandoned: reading was cancelled"));
    CHECK(says(said, "keeping the last good copy"));
    CHECK(s.data.at("employment")->title == title);
    for (const auto& item : s.feeds)
        if (item.key == "employment") CHECK(item.schedule.failures == 1);
}

TEST_CASE("back-pressure: due_fetches orders at most `max`, the rest stay due for the next call") {
    std::vector<SyncNote> notes;
    FeedSync s = open_sync(kManifestUrl, "", notes);
    for (const auto& o : due_fetches(s, kT0))
        apply_fetch(s, o.key, o.request, ok(bundled(url_file_name(o.request.url))), kT0);
    REQUIRE(s.feeds.size() >= 2);
    const auto first = due_fetches(s, kT0, 1);
    CHECK(first.size() == 1);
    const auto rest = due_fetches(s, kT0);
    CHECK(rest.size() == s.feeds.size() - 1);
    for (const auto& o : rest) CHECK(o.key != first[0].key);
}
