// The kiosk's bounds on parsed data: the memory budget for all feeds together (feed_sync.h) and
// abandoned reads (read_jobs.h), each refused like an invalid feed: backed off, the last good
// copy kept, the others untouched. Results are made by hand; `now` is a number.
#include <doctest/doctest.h>

#include "tests/temp_dir.h"

#include <numeric>

#include "app/kiosk/shown_slides.h"
#include "feeds/bundled_feeds.h"
#include "feeds/sync/intake.h"
#include "feeds/sync/read_jobs.h"
#include "feeds/url.h"
#include "tests/sync_fixture.h"
#include "tests/worst_cases.h"

using namespace feeds;
using namespace sync_fixture;

namespace {

std::size_t parsed_size(const std::string& file) {
    return parse_feed(bundled(file), file).stats.parsed_bytes;
}

}  // namespace

TEST_CASE("budget: a feed that would take all feeds' data over the budget is refused, the others stay") {
    TempDir cache;
    std::vector<Note> notes;
    FeedSync probe = open_sync({kManifestUrl, ""}, notes);
    answer_all(probe, kT0);
    REQUIRE(probe.manifest);
    const auto& refs = probe.manifest->feeds;
    REQUIRE(refs.size() >= 2);
    std::size_t all = 0;
    for (const auto& ref : refs) all += parsed_size(url_file_name(ref.url));
    const std::string last = refs.back().id;

    // Room for all but the last one.
    FeedSync s = open_sync(
        {.manifest_location = kManifestUrl, .cache_dir = cache.dir(), .data_max_bytes = all - 1}, notes);
    const auto said = answer_all(s, kT0);
    CHECK(says(said, "refused: its data would take about"));
    CHECK(says(said, "over the budget of"));
    CHECK(says(said, "(--data-max-mb)"));
    CHECK(s.data.size() == refs.size() - 1);
    CHECK(s.data.count(last) == 0);
    CHECK_FALSE(load_cached_feed(cache.dir(), {.key = last}).feed);  // not stored either
    for (const auto& item : s.feeds)
        CHECK_MESSAGE((item.key == last) == (item.schedule.failures > 0), item.key);  // backed off
    std::size_t held = 0;
    for (const auto& [id, bytes] : s.data_bytes) held += bytes;
    CHECK(held <= s.options.data_max_bytes);

    // A restart with a budget for one feed loads one cached copy, and says why not the others.
    std::vector<Note> restart_notes;
    FeedSync r = open_sync({.manifest_location = kManifestUrl,
                            .cache_dir = cache.dir(),
                            .data_max_bytes = parsed_size(url_file_name(refs[0].url))},
                           restart_notes);
    CHECK(r.data.size() == 1);
    CHECK(says(restart_notes, "cached copy not loaded: its data would take about"));
}

TEST_CASE("read jobs: a cancelled read is abandoned at a check point and the feed is backed off") {
    std::vector<Note> notes;
    FeedSync s = open_sync({kManifestUrl, ""}, notes);
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
    std::vector<Note> notes;
    FeedSync s = open_sync({kManifestUrl, ""}, notes);
    for (const auto& o : due_fetches(s, kT0))
        apply_fetch(s, o.key, o.request, ok(bundled(url_file_name(o.request.url))), kT0);
    REQUIRE(s.feeds.size() >= 2);
    const auto first = due_fetches(s, kT0, 1);
    CHECK(first.size() == 1);
    const auto rest = due_fetches(s, kT0);
    CHECK(rest.size() == s.feeds.size() - 1);
    for (const auto& o : rest) CHECK(o.key != first[0].key);
}
