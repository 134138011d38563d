// feeds/sync/trust_step.h: the sync's cached copies checked again at start with trusted keys.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "feeds/crypto.h"
#include "feeds/sync/feed_sync.h"
#include "tests/temp_dir.h"
#include "tests/test_feeds_support.h"

using namespace feeds;

using feeds_test::fixture_path;
using feeds_test::read_all;

namespace {

constexpr const char* kWhere = "http://example.invalid/manifest.json";

std::vector<feeds::MinisignPublicKey> trusted() {
    auto k = feeds::parse_public_key(read_all(fixture_path("minisign/test.pub")), "test.pub");
    REQUIRE(k.value);
    return {*k.value};
}

// A cache as a screen trusting test.pub leaves it: a signed manifest, its signature, one feed.
void fill_cache(const TempDir& cache, const std::string& feed) {
    const std::string manifest =
        R"({"format": "infotavle-manifest", "version": "1.2", "title": "T", "serial": 20270930120000,
  "feeds": [{"id": "employment", "url": "feeds/e.json", "sha256": ")" +
        feeds::sha256_hex(feed) + R"(", "length": )" + std::to_string(feed.size()) + R"(}],
  "playlist": [{"id": "s", "feed": "employment", "dataset": "noegletal", "view": "kpi_tiles", "title": "T"}]})";
    auto key = feeds::parse_secret_key(read_all(fixture_path("minisign/test.key")), "test.key");
    REQUIRE(key.value);
    cache.write("manifest.minisig", *feeds::sign_message(manifest, *key.value, "serial:20270930120000"));
    REQUIRE_FALSE(feeds::write_cached(cache.dir(), kManifestKey, manifest, {kWhere, 1, "", "", 0}));
    REQUIRE_FALSE(feeds::write_cached(cache.dir(), "employment", feed,
                                      {"http://example.invalid/feeds/e.json", 1, "", "", 0}));
}

SyncOptions options(const TempDir& cache, bool with_key) {
    SyncOptions o;
    o.manifest_location = kWhere;
    o.cache_dir = cache.dir();
    if (with_key) o.trusted_keys = trusted();
    return o;
}

std::string all_lines(const std::vector<feeds::Note>& notes) {
    std::string out;
    for (const auto& n : notes)
        for (const auto& l : n.lines) out += l + "\n";
    return out;
}

}  // namespace

TEST_CASE("feed trust: cached copies are checked again at start") {
    TempDir cache("trust-cache");
    const std::string feed = read_all(fixture_path("feeds/good/employment.json"));
    fill_cache(cache, feed);
    std::vector<feeds::Note> notes;
    FeedSync s = open_sync(options(cache, true), notes);
    CHECK(s.manifest.has_value());
    CHECK(s.data.count("employment") == 1);
    CHECK(trust_status(s.trust) == "signed by key 1AE71ACD881E014C");

    // A cache tampered between runs: the feed is dropped, not shown.
    std::string tampered = feed;
    tampered.replace(tampered.find("Ledighed"), 8, "Ledigheb");
    cache.write("employment.json", tampered);
    notes.clear();
    FeedSync t = open_sync(options(cache, true), notes);
    CHECK(t.manifest.has_value());
    CHECK(t.data.count("employment") == 0);
    CHECK(all_lines(notes).find("cached e.json: sha256 differs from the manifest's") != std::string::npos);
    CHECK(all_lines(notes).find("(dropped, not shown)") != std::string::npos);

    // Without a trusted key the same cache is used as before.
    notes.clear();
    CHECK(open_sync(options(cache, false), notes).data.count("employment") == 1);

    // The cached manifest's signature gone: the manifest is not used.
    std::filesystem::remove(cache.file("manifest.minisig"));
    notes.clear();
    FeedSync u = open_sync(options(cache, true), notes);
    CHECK_FALSE(u.manifest.has_value());
    CHECK(all_lines(notes).find("unsigned (no cached manifest.json.minisig)") != std::string::npos);
}
