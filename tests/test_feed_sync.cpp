// feed_sync.h: what is due, what a result changes, what is shown. Results are made by hand and
// `now` is a number: no thread, network or window. (test_sync_jobs_server.cpp runs the real thing.)
#include <doctest/doctest.h>

#include "tests/temp_dir.h"

#include <unistd.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>

#include "app/kiosk/log.h"
#include "app/kiosk/shown_slides.h"
#include "feeds/bundled_feeds.h"
#include "feeds/sync/intake.h"
#include "feeds/url.h"
#include "tests/sync_fixture.h"

using namespace feeds;
using namespace sync_fixture;
namespace fs = std::filesystem;

namespace {

FetchResult failed(const std::string& label, const std::string& url) {
    FetchResult r;
    r.error = label + ": HTTP 503 from " + url;
    r.http_code = 503;
    return r;
}

const FetchOrder* order_for(const std::vector<FetchOrder>& orders, const std::string& key) {
    for (const auto& o : orders)
        if (o.key == key) return &o;
    return nullptr;
}

}  // namespace

TEST_CASE("sync: first boot with no cache shows the bundled slides and fetches the manifest first") {
    TempDir cache;
    std::vector<Note> notes;
    FeedSync s = open_sync({kManifestUrl, cache.dir()}, notes);
    CHECK_FALSE(s.manifest);
    const ShownSlides shown = slides_to_show(s);
    CHECK(shown.bundled);
    CHECK(count_valid(shown.set) > 0);
    CHECK(shown.why_bundled.find("no manifest from " + kManifestUrl) != std::string::npos);

    const auto orders = due_fetches(s, kT0);
    REQUIRE(orders.size() == 1);
    CHECK(orders[0].key == kManifestKey);
    CHECK(orders[0].request.url == kManifestUrl);
    CHECK(due_fetches(s, kT0).empty());  // in flight: not ordered twice
    CHECK_FALSE(next_fetch_due(s, kT0));
}

TEST_CASE(
    "sync: the manifest brings its feeds, resolved against it; their data replaces the bundled slides") {
    TempDir cache;
    std::vector<Note> notes;
    FeedSync s = open_sync({kManifestUrl, cache.dir()}, notes);
    const auto m = due_fetches(s, kT0);
    apply_fetch(s, m[0].key, m[0].request, ok(bundled("manifest.json")), kT0);
    REQUIRE(s.manifest);
    // No feed data yet: still the bundled slides, never a no-data screen.
    CHECK(slides_to_show(s).bundled);
    CHECK(slides_to_show(s).why_bundled.find("has valid data yet") != std::string::npos);

    const auto feeds = due_fetches(s, kT0);
    REQUIRE(feeds.size() == 3);
    const FetchOrder* e = order_for(feeds, "employment");
    REQUIRE(e);
    CHECK(e->request.url == "https://data.example.dk/infotavle/employment.json");
    for (const auto& o : feeds)
        apply_fetch(s, o.key, o.request, ok(bundled(url_file_name(o.request.url))), kT0);

    const ShownSlides shown = slides_to_show(s);
    CHECK_FALSE(shown.bundled);
    CHECK(count_valid(shown.set) == count_valid(load_slide_set({})));
    // Next due: the manifest and the feeds after refresh_s (900 s in the bundled manifest), each
    // give or take 10 %.
    const std::int64_t next = *next_fetch_due(s, kT0);
    CHECK(next >= kT0 + 810);
    CHECK(next <= kT0 + 990);
    CHECK(due_fetches(s, kT0 + 809).empty());
    CHECK(due_fetches(s, kT0 + 990).size() == 4);
}

TEST_CASE("sync: a failing feed keeps its last good copy, backs off, and is logged once") {
    TempDir cache;
    FeedSync s = answered(cache.dir());
    const std::uint64_t version = s.version;

    KioskLog log;
    std::vector<std::string> logged;
    auto fail_employment = [&](std::int64_t now) {
        const auto orders = due_fetches(s, now);
        const FetchOrder* e = order_for(orders, "employment");
        REQUIRE(e);
        for (auto& n : apply_fetch(s, e->key, e->request, failed("employment.json", e->request.url), now))
            for (auto& l : news_for(log, n.topic, n.lines)) logged.push_back(l);
        for (const auto& o : orders)  // the others answer "unchanged"
            if (o.key != "employment") {
                FetchResult r;
                r.status = FetchStatus::NotModified;
                apply_fetch(s, o.key, o.request, r, now);
            }
    };
    fail_employment(kT0 + 990);
    REQUIRE(logged.size() == 1);
    CHECK(
        logged[0] ==
        "employment.json: HTTP 503 from https://data.example.dk/infotavle/employment.json; keeping the last "
        "good copy");
    CHECK(s.version == version);  // nothing to redraw
    CHECK(s.data.count("employment") == 1);
    // The first retry within 30 s, then within 60 s (full jitter, at least 1 s).
    const std::int64_t retry = *next_fetch_due(s, kT0 + 990);
    CHECK(retry >= kT0 + 990 + 1);
    CHECK(retry <= kT0 + 990 + 30);
    fail_employment(retry);
    CHECK(*next_fetch_due(s, retry) >= retry + 1);
    CHECK(*next_fetch_due(s, retry) <= retry + 60);
    CHECK(logged.size() == 1);  // the same problem is not logged again

    // Stale only after max_age_s (7 days) from the last good fetch, and only on its slides.
    ShownSlides shown = slides_to_show(s);
    CHECK_FALSE(update_stale_texts(shown, s, kT0 + 3600));
    CHECK(update_stale_texts(shown, s, kT0 + 604800 + 60));
    int stale = 0;
    for (const auto& slide : shown.set.slides) {
        if (!slide.valid) continue;
        if (slide.slide->feed == "employment") {
            CHECK(slide.parts.stale == "Seneste data hentet for 7 dage siden");
            ++stale;
        } else {
            CHECK(slide.parts.stale.empty());  // the others were confirmed unchanged since
        }
    }
    CHECK(stale > 0);
}

TEST_CASE("sync: an invalid feed is not shown or stored, the problem names the feed") {
    TempDir cache;
    FeedSync s = answered(cache.dir());
    const std::string title = s.data.at("employment")->title;
    const std::uint64_t version = s.version;

    const auto orders = due_fetches(s, kT0 + 990);
    const FetchOrder* e = order_for(orders, "employment");
    REQUIRE(e);
    const auto lines =
        all_lines(apply_fetch(s, e->key, e->request, ok(R"({"format": "infotavle-feed"})"), kT0 + 990));
    REQUIRE_FALSE(lines.empty());
    CHECK(lines.front().rfind("employment.json: ", 0) == 0);
    CHECK(lines.back().ends_with("; keeping the last good copy"));
    CHECK(s.version == version);
    CHECK(s.data.at("employment")->title == title);
    CHECK(load_cached_feed(cache.dir(), {.key = "employment"}).feed->title == title);
    // Retried within 30 s in case the publisher fixes it.
    CHECK(*next_fetch_due(s, kT0 + 990) <= kT0 + 990 + 30);
}

TEST_CASE("sync: a restart shows the cached manifest and feeds at once, with their age") {
    TempDir cache;
    fill_cache(cache.dir());
    std::vector<Note> notes;
    FeedSync s = open_sync({kManifestUrl, cache.dir()}, notes);
    CHECK(all_lines(notes).empty());
    REQUIRE(s.manifest);
    ShownSlides shown = slides_to_show(s);
    CHECK_FALSE(shown.bundled);
    CHECK(count_valid(shown.set) == count_valid(load_slide_set({})));
    CHECK(update_stale_texts(shown, s, kT0 + 8 * 86400));
    // Everything is due at once after a restart, conditional on the cached validators.
    const auto orders = due_fetches(s, kT0 + 8 * 86400);
    CHECK(orders.size() == 4);
    CHECK(order_for(orders, "employment")->request.etag == "\"e1\"");
}

TEST_CASE("sync: a cached manifest from another location is not used") {
    TempDir cache;
    fill_cache(cache.dir());
    std::vector<Note> notes;
    FeedSync s = open_sync({"https://other.example.dk/manifest.json", cache.dir()}, notes);
    CHECK_FALSE(s.manifest);
    const auto lines = all_lines(notes);
    REQUIRE(lines.size() == 1);
    CHECK(lines[0].find("cached manifest is from " + kManifestUrl) != std::string::npos);
    CHECK(slides_to_show(s).bundled);
}

TEST_CASE("sync: without a cache directory data is shown but nothing is written") {
    FeedSync s = answered("");
    CHECK_FALSE(slides_to_show(s).bundled);
}

TEST_CASE("sync: a result for a feed the manifest has since dropped is ignored") {
    TempDir cache;
    FeedSync s = answered(cache.dir());
    const auto orders = due_fetches(s, kT0 + 990);
    const FetchOrder* m = order_for(orders, kManifestKey);
    const FetchOrder* e = order_for(orders, "employment");
    REQUIRE(m);
    REQUIRE(e);
    std::string manifest = bundled("manifest.json");
    const auto at = manifest.find("employment.json");
    manifest.replace(at, std::string("employment.json").size(), "moved/employment.json");
    apply_fetch(s, m->key, m->request, ok(manifest, "\"e2\""), kT0 + 990);
    CHECK(apply_fetch(s, e->key, e->request, ok("not json"), kT0 + 990).empty());
    CHECK(s.data.count("employment") == 1);  // its old data stays until the new place answers
    const auto again = due_fetches(s, kT0 + 990);
    REQUIRE(order_for(again, "employment"));
    CHECK(order_for(again, "employment")->request.url ==
          "https://data.example.dk/infotavle/moved/employment.json");
    CHECK(order_for(again, "employment")->request.etag.empty());  // old validators mean nothing there
}

TEST_CASE("sync: local files are looked at every few seconds") {
    TempDir cache;
    std::vector<Note> notes;
    FeedSync s = open_sync({"/srv/infotavle/manifest.json", cache.dir()}, notes);
    const auto m = due_fetches(s, kT0);
    REQUIRE(m.size() == 1);
    CHECK(m[0].request.url == "/srv/infotavle/manifest.json");
    apply_fetch(s, m[0].key, m[0].request, ok(bundled("manifest.json")), kT0);
    const auto feeds = due_fetches(s, kT0);
    REQUIRE(order_for(feeds, "employment"));
    CHECK(order_for(feeds, "employment")->request.url == "/srv/infotavle/employment.json");
    CHECK(next_fetch_due(s, kT0) == kT0 + kLocalCheckS);
}

TEST_CASE("sync: a restart does not fetch again what is not due yet, SIGHUP makes the manifest due") {
    TempDir cache;
    std::vector<Note> notes;
    FeedSync s = open_sync({kManifestUrl, cache.dir()}, notes);
    answer_all(s, kT0);
    FeedSync again = open_sync({kManifestUrl, cache.dir()}, notes);
    CHECK(due_fetches(again, kT0 + 60).empty());  // a fleet rebooting after a power cut waits
    const std::int64_t next = *next_fetch_due(again, kT0 + 60);
    CHECK(next >= kT0 + 810);
    CHECK(next <= kT0 + 990);
    CHECK(due_fetches(again, kT0 + 990).size() == 4);

    FeedSync hup = open_sync({kManifestUrl, cache.dir()}, notes);
    CHECK(all_lines(reload_manifest(hup)) ==
          std::vector<std::string>{"SIGHUP: reading the manifest again from " + kManifestUrl});
    const auto orders = due_fetches(hup, kT0 + 60);
    REQUIRE(orders.size() == 1);
    CHECK(orders[0].key == kManifestKey);
}

TEST_CASE("sync: jitter comes from the seeded rng, so two screens differ and a seed repeats") {
    auto next_after_start = [](std::uint64_t seed) {
        TempDir cache;
        std::vector<Note> notes;
        FeedSync s = open_sync({kManifestUrl, cache.dir()}, notes);
        s.rng.seed(seed);
        answer_all(s, kT0);
        return *next_fetch_due(s, kT0);
    };
    CHECK(next_after_start(1) == next_after_start(1));
    std::set<std::int64_t> seen;
    for (std::uint64_t seed = 0; seed < 8; ++seed) seen.insert(next_after_start(seed));
    CHECK(seen.size() > 1);
}

TEST_CASE("sync: a 503 with Retry-After waits as long as the server asks") {
    TempDir cache;
    FeedSync s = answered(cache.dir());
    const auto orders = due_fetches(s, kT0 + 990);
    const FetchOrder* e = order_for(orders, "employment");
    REQUIRE(e);
    FetchResult busy = failed("employment.json", e->request.url);
    busy.retry_after = "3600";
    apply_fetch(s, e->key, e->request, busy, kT0 + 990);
    for (const auto& o : orders)
        if (o.key != "employment")
            apply_fetch(s, o.key, o.request, ok(bundled(url_file_name(o.request.url))), kT0 + 990);
    CHECK(order_for(due_fetches(s, kT0 + 990 + 3599), "employment") == nullptr);
    CHECK(order_for(due_fetches(s, kT0 + 990 + 3960), "employment") != nullptr);
}

TEST_CASE("sync: after a start with an empty cache the manifest's next fetch follows its feeds' refresh") {
    TempDir cache;
    std::vector<Note> notes;
    FeedSync s = open_sync({kManifestUrl, cache.dir()}, notes);
    nlohmann::json j = nlohmann::json::parse(bundled("manifest.json"));
    for (auto& f : j["feeds"]) f["refresh_s"] = 30;
    const auto orders = due_fetches(s, kT0);
    const FetchOrder* m = order_for(orders, kManifestKey);
    REQUIRE(m);
    apply_fetch(s, m->key, m->request, ok(j.dump()), kT0);
    REQUIRE(s.manifest);
    REQUIRE(s.manifest_item.schedule.next_due_s);
    CHECK(*s.manifest_item.schedule.next_due_s <= kT0 + 33);  // 30 s, give or take 10 %
    CHECK(*s.manifest_item.schedule.next_due_s >= kT0 + 27);
    // and the due time stored with the copy says the same
    std::vector<Note> again;
    const FeedSync restarted = open_sync({kManifestUrl, cache.dir()}, again);
    CHECK(restarted.manifest_item.schedule.next_due_s == s.manifest_item.schedule.next_due_s);
}

TEST_CASE("sync: a plain-http feed in a manifest read over https is refused with a message, never fetched") {
    TempDir cache;
    std::vector<Note> notes;
    FeedSync s = open_sync({kManifestUrl, cache.dir()}, notes);
    nlohmann::json j = nlohmann::json::parse(bundled("manifest.json"));
    j["feeds"][0]["url"] = "http://data.example.dk/infotavle/" + j["feeds"][0]["url"].get<std::string>();
    const std::string id = j["feeds"][0]["id"];
    const auto orders = due_fetches(s, kT0);
    const FetchOrder* m = order_for(orders, kManifestKey);
    REQUIRE(m);
    const auto lines = all_lines(apply_fetch(s, m->key, m->request, ok(j.dump()), kT0));
    REQUIRE(s.manifest);
    bool said = false;
    for (const auto& l : lines) said = said || l.find("plain http URL") != std::string::npos;
    CHECK(said);
    const auto next = due_fetches(s, kT0);
    CHECK(order_for(next, id) == nullptr);
    CHECK(next.size() == s.feeds.size() - 1);  // the other feeds are fetched
}

TEST_CASE("sync: a new manifest's dropped feeds lose their cached copies, said once") {
    TempDir cache;
    FeedSync s = answered(cache.dir());
    REQUIRE(fs::exists(cache.path / "business.json"));
    // The bundled manifest without the business feed and its slides.
    const std::string manifest = bundled("manifest.json");
    nlohmann::json j = nlohmann::json::parse(manifest);
    auto& feeds_list = j["feeds"];
    for (auto it = feeds_list.begin(); it != feeds_list.end();)
        it = (*it)["id"] == "business" ? feeds_list.erase(it) : std::next(it);
    auto& playlist = j["playlist"];
    for (auto it = playlist.begin(); it != playlist.end();)
        it = (*it)["feed"] == "business" ? playlist.erase(it) : std::next(it);
    const auto orders = due_fetches(s, kT0 + 990);
    const FetchOrder* mo = order_for(orders, kManifestKey);
    REQUIRE(mo);
    const auto lines = all_lines(apply_fetch(s, mo->key, mo->request, ok(j.dump(), "\"e2\""), kT0 + 990));
    CHECK(lines == std::vector<std::string>{
                       "removed the cached copies of 1 feeds the manifest no longer lists: business"});
    CHECK_FALSE(fs::exists(cache.path / "business.json"));
    CHECK_FALSE(fs::exists(cache.path / "business.meta.json"));
    CHECK(fs::exists(cache.path / "employment.json"));
    CHECK(fs::exists(cache.path / "manifest.json"));
}

TEST_CASE("sync: validators with byte 0xFF are stored and sent back (no exception ends the loop)") {
    TempDir cache;
    std::vector<Note> notes;
    FeedSync s = open_sync({kManifestUrl, cache.dir()}, notes);
    const auto m = due_fetches(s, kT0);
    FetchResult odd = ok(bundled("manifest.json"), "\"\xff\"");
    odd.last_modified = "\xff";
    CHECK(all_lines(apply_fetch(s, m[0].key, m[0].request, odd, kT0)).empty());
    REQUIRE(s.manifest);
    FeedSync again = open_sync({kManifestUrl, cache.dir()}, notes);
    REQUIRE(again.manifest);
    reload_manifest(again);
    const auto orders = due_fetches(again, kT0 + 1);
    REQUIRE(order_for(orders, kManifestKey));
    CHECK(order_for(orders, kManifestKey)->request.etag == "\"\xff\"");
    CHECK(order_for(orders, kManifestKey)->request.last_modified == "\xff");
}

TEST_CASE("sync: every fetch carries the screen's CA file and user agent") {
    std::vector<Note> notes;
    FeedSync s = open_sync(
        {.manifest_location = kManifestUrl, .user_agent = "infotavle/9", .ca_file = "/etc/infotavle/ca.pem"},
        notes);
    const auto orders = due_fetches(s, kT0);
    REQUIRE(orders.size() == 1);
    CHECK(orders[0].request.ca_file == "/etc/infotavle/ca.pem");
    CHECK(orders[0].request.user_agent == "infotavle/9");
}
