// intake.h: every fetched or cached text through accept_text() (accept.h), then into the cache.
#include <doctest/doctest.h>

#include "tests/temp_dir.h"

#include "feeds/sync/intake.h"
#include "tests/cache_fixture.h"

using namespace feeds;

namespace {

AcceptRules employment() {
    AcceptRules r;
    r.key = "employment";
    r.label = "employment.json";
    return r;
}

Intake into(const std::string& dir) {
    return {employment(), dir};
}

}  // namespace

TEST_CASE("intake: a stored copy loads as a feed with its metadata") {
    TempDir t;
    CHECK_FALSE(write_cached(t.dir(), "employment", feed_text("A"), kMeta).has_value());
    const CachedFeed loaded = load_cached_feed(t.dir(), employment());
    REQUIRE(loaded.feed.has_value());
    CHECK(loaded.feed->title == "A");
    CHECK(loaded.meta.fetched_at == kMeta.fetched_at);
}

TEST_CASE("intake: a stored feed that no longer parses is ignored with a clear problem") {
    TempDir t;
    spit(t.file("employment.json"), "{\"format\": \"infotavle-feed\", trunc");
    const CachedFeed c = load_cached_feed(t.dir(), employment());
    CHECK_FALSE(c.feed.has_value());
    REQUIRE_FALSE(c.problems.empty());
    CHECK(to_line(c.problems.back()) ==
          t.file("employment.json") + ": cached copy is not a valid feed: ignored");
    CHECK(has_errors(c.problems));
}

TEST_CASE("intake: take_fetched stores only a valid feed") {
    TempDir t;
    const FetchRequest req = conditional_request(kMeta.url, "employment.json", nullptr);
    FetchResult ok;
    ok.status = FetchStatus::Ok;
    ok.body = feed_text("A");
    ok.etag = "\"v1\"";

    const FetchOutcome good = take_fetched(into(t.dir()), req, ok, 1000);
    CHECK(good.succeeded);
    REQUIRE(good.feed.has_value());
    CHECK(good.feed->title == "A");
    CHECK(good.fetched_at == 1000);
    CHECK(good.problems.empty());
    CHECK(read_cached(t.dir(), "employment").copy->meta.etag == "\"v1\"");
    CHECK(read_cached(t.dir(), "employment").copy->meta.url == kMeta.url);

    FetchResult bad = ok;
    bad.body = R"({"format": "infotavle-feed", "version": "1.0", "id": "employment"})";
    bad.etag = "\"v2\"";
    const FetchOutcome refused = take_fetched(into(t.dir()), req, bad, 2000);
    CHECK_FALSE(refused.succeeded);
    CHECK_FALSE(refused.feed.has_value());
    CHECK_FALSE(refused.fetched_at.has_value());
    CHECK(has_errors(refused.problems));
    CHECK(refused.problems[0].file == "employment.json");
    const CacheRead kept = read_cached(t.dir(), "employment");
    CHECK(kept.copy->text == feed_text("A"));
    CHECK(kept.copy->meta.etag == "\"v1\"");
    CHECK(kept.copy->meta.fetched_at == 1000);
}

TEST_CASE("intake: take_fetched on 304 renews the age, on failure changes nothing") {
    TempDir t;
    const FetchRequest req = conditional_request(kMeta.url, "employment.json", nullptr);
    FetchResult not_modified;
    not_modified.status = FetchStatus::NotModified;

    const FetchOutcome nothing_stored = take_fetched(into(t.dir()), req, not_modified, 1000);
    CHECK_FALSE(nothing_stored.succeeded);  // a 304 with no copy confirms nothing
    CHECK_FALSE(nothing_stored.problems.empty());

    REQUIRE_FALSE(write_cached(t.dir(), "employment", feed_text("A"), kMeta).has_value());
    const FetchOutcome renewed = take_fetched(into(t.dir()), req, not_modified, kMeta.fetched_at + 60);
    CHECK(renewed.succeeded);
    CHECK_FALSE(renewed.feed.has_value());
    CHECK(renewed.fetched_at == kMeta.fetched_at + 60);
    CHECK(renewed.problems.empty());
    CHECK(read_cached(t.dir(), "employment").copy->meta.fetched_at == kMeta.fetched_at + 60);

    FetchResult failed;
    failed.error = "employment.json: HTTP 503 from https://h/employment.json";
    const FetchOutcome f = take_fetched(into(t.dir()), req, failed, kMeta.fetched_at + 120);
    CHECK_FALSE(f.succeeded);
    CHECK_FALSE(f.fetched_at.has_value());
    REQUIRE(f.problems.size() == 1);
    CHECK(to_line(f.problems[0]) == "employment.json: HTTP 503 from https://h/employment.json");
    CHECK(read_cached(t.dir(), "employment").copy->meta.fetched_at == kMeta.fetched_at + 60);
}

TEST_CASE("intake: take_fetched shows a valid feed even when it cannot be stored") {
    TempDir t;
    spit(t.file("file"), "x");
    const std::string dir = t.file("file") + "/cache";
    FetchResult ok;
    ok.status = FetchStatus::Ok;
    ok.body = feed_text("A");
    const FetchOutcome o =
        take_fetched(into(dir), conditional_request("u", "employment.json", nullptr), ok, 5);
    CHECK(o.succeeded);
    CHECK(o.feed.has_value());
    REQUIRE(o.problems.size() == 1);
    CHECK(o.problems[0].message.rfind("cannot create the cache directory", 0) == 0);
}
