// The kiosk's data side end to end: feed_sync.h and its threads (sync_jobs.h) against the real
// test server (tests/fetch_test_server.py) serving the bundled manifest and feeds from a
// directory the test changes. Time is a number passed in; every wait is bounded and waits for
// a real event (a fetch finishing), never for a guessed time.
#include <doctest/doctest.h>

#include "tests/temp_dir.h"

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <optional>

#include "app/kiosk/shown_slides.h"
#include "feeds/bundled_feeds.h"
#include "feeds/sync/sync_jobs.h"
#include "tests/test_server.h"

using namespace feeds;

namespace fs = std::filesystem;

namespace {

constexpr std::int64_t kT0 = 1'700'000'000;

// The bundled manifest and feeds, as the central service would publish them.
void publish_bundled(const TempDir& site) {
    for (const auto& f : feeds::bundled_files()) site.write(std::string(f.name), f.text);
}

// What the kiosk would show and log after fetching everything due at `now`.
struct Screen {
    ShownSlides shown;
    std::vector<std::string> lines;
};

Screen sync_at(FeedSync& s, SyncJobs& jobs, std::int64_t now) {
    Screen out;
    for (const auto& n : sync_until_settled(s, jobs, now))
        out.lines.insert(out.lines.end(), n.lines.begin(), n.lines.end());
    CHECK(jobs.running.empty());  // every fetch answered within its bounded wait
    out.shown = slides_to_show(s);
    update_stale_texts(out.shown, s, now);
    return out;
}

std::vector<std::string> slide_ids(const ShownSlides& shown) {
    std::vector<std::string> ids;
    for (const auto& slide : shown.set.slides)
        if (slide.valid) ids.push_back(slide.slide->id);
    return ids;
}

std::vector<std::string> stale_texts(const ShownSlides& shown) {
    std::vector<std::string> out;
    for (const auto& slide : shown.set.slides)
        if (slide.valid) out.push_back(slide.parts.stale);
    return out;
}

bool any_line_has(const std::vector<std::string>& lines, const std::string& part) {
    for (const auto& l : lines)
        if (l.find(part) != std::string::npos) return true;
    return false;
}

// Nothing said but one "took new data" line for each of `feeds` feeds (the log's record of
// each accepted update).
bool only_updates(const std::vector<std::string>& lines, std::size_t feeds) {
    for (const auto& l : lines)
        if (l.find(": took new data as of ") == std::string::npos) return false;
    return lines.size() == feeds;
}

}  // namespace

TEST_CASE(
    "sync with a server: served data, then an outage, a bad feed and a restart keep the last good data") {
    TempDir site("site"), cache("cache");
    publish_bundled(site);
    std::optional<TestServer> server(std::in_place, site.dir());
    const std::string manifest = server->url("/site/manifest.json");
    const std::vector<std::string> bundled_ids = slide_ids(ShownSlides{load_slide_set({}), true, ""});

    std::vector<Note> notes;
    FeedSync s = open_sync({manifest, cache.dir()}, notes);
    SyncJobs jobs;
    CHECK(slides_to_show(s).bundled);  // empty cache: the bundled slides until the fetch answers

    // Empty cache: the slides come from the served manifest and feeds, and are stored.
    Screen first = sync_at(s, jobs, kT0);
    CHECK(only_updates(first.lines, 3));
    CHECK_FALSE(first.shown.bundled);
    CHECK(slide_ids(first.shown) == bundled_ids);
    for (const auto& t : stale_texts(first.shown)) CHECK(t.empty());
    CHECK(fs::exists(cache.path / "manifest.json"));
    CHECK(fs::exists(cache.path / "employment.json"));

    // The service goes down: the same slides stay, fresh until max_age_s (7 days), then stale.
    site.write("STATUS", "503");
    Screen down = sync_at(s, jobs, kT0 + 990);  // refresh_s 900, +10 % at most
    CHECK(any_line_has(down.lines, "HTTP 503 from " + server->url("/site/employment.json")));
    CHECK(slide_ids(down.shown) == bundled_ids);
    for (const auto& t : stale_texts(down.shown)) CHECK(t.empty());
    Screen week = sync_at(s, jobs, kT0 + 7 * 86400 + 3600);
    CHECK(slide_ids(week.shown) == bundled_ids);
    for (const auto& t : stale_texts(week.shown)) CHECK(t == "Seneste data hentet for 7 dage siden");

    // It comes back with an invalid employment feed: that feed's last good copy stays.
    fs::remove(site.path / "STATUS");
    site.write("employment.json", R"({"format": "infotavle-feed", "version": "1.0"})");
    Screen bad = sync_at(s, jobs, kT0 + 8 * 86400);
    CHECK(any_line_has(bad.lines, "employment.json: "));
    CHECK(any_line_has(bad.lines, "keeping the last good copy"));
    CHECK(slide_ids(bad.shown) == bundled_ids);
    for (const auto& slide : bad.shown.set.slides) {
        if (!slide.valid) continue;
        // The broken feed's slides still say how old their data is; the others were just fetched.
        CHECK(slide.parts.stale.empty() == (slide.slide->feed != "employment"));
    }

    // A restart with the server gone: the cached slides at once, and still after failed fetches.
    jobs = {};
    server.reset();
    std::vector<Note> notes2;
    FeedSync again = open_sync({manifest, cache.dir()}, notes2);
    CHECK(slide_ids(slides_to_show(again)) == bundled_ids);
    SyncJobs jobs2;
    Screen restarted = sync_at(again, jobs2, kT0 + 9 * 86400);
    CHECK(any_line_has(restarted.lines, "could not connect"));
    CHECK_FALSE(restarted.shown.bundled);
    CHECK(slide_ids(restarted.shown) == bundled_ids);
    CHECK(any_line_has(stale_texts(restarted.shown), "Seneste data hentet for"));
}

TEST_CASE("sync with no server and no cache: the bundled slides, and why") {
    TempDir cache("cache");
    std::string url;
    {
        TestServer gone;  // a port that was just served and now refuses connections
        url = gone.url("/site/manifest.json");
    }
    std::vector<Note> notes;
    FeedSync s = open_sync({url, cache.dir()}, notes);
    SyncJobs jobs;
    Screen screen = sync_at(s, jobs, kT0);
    CHECK(any_line_has(screen.lines, "manifest.json: could not connect to " + url));
    CHECK(screen.shown.bundled);
    CHECK(count_valid(screen.shown.set) > 0);
    CHECK(screen.shown.why_bundled.find("none cached, and fetching it failed") != std::string::npos);
    for (const auto& t : stale_texts(screen.shown)) CHECK(t.empty());  // bundled data is never stale
}

TEST_CASE("sync with a server: validators holding byte 0xFF are kept and sent back, nothing throws") {
    TempDir site("site"), cache("cache");
    publish_bundled(site);
    site.write("ODD_VALIDATORS", "");
    TestServer server(site.dir());
    std::vector<Note> notes;
    FeedSync s = open_sync({server.url("/site/manifest.json"), cache.dir()}, notes);
    SyncJobs jobs;
    Screen first = sync_at(s, jobs, kT0);
    CHECK(only_updates(first.lines, 3));
    CHECK_FALSE(first.shown.bundled);
    const feeds::CacheRead stored = feeds::read_cached(cache.dir(), "employment");
    REQUIRE(stored.copy.has_value());
    CHECK(stored.copy->meta.etag.rfind("\"\xff", 0) == 0);
    CHECK(stored.copy->meta.last_modified == "Tue, 03 May 2022 \xff GMT");
    // Sent back as they came: the server answers 304, and nothing changes.
    const std::uint64_t version = s.version;
    Screen again = sync_at(s, jobs, kT0 + 990);
    CHECK(again.lines.empty());
    CHECK(s.version == version);
    CHECK(feeds::read_cached(cache.dir(), "employment").copy->meta.fetched_at == kT0 + 990);
}
