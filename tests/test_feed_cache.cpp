// feed_cache.h: the last good copy on disk.
#include <doctest/doctest.h>

#include <signal.h>
#include <sys/resource.h>

#include "tests/temp_dir.h"

#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "feeds/feed_cache.h"
#include "tests/cache_fixture.h"

using namespace feeds;
namespace fs = std::filesystem;

namespace {

bool no_tmp_files(const TempDir& t) {
    for (const auto& e : fs::directory_iterator(t.path))
        if (e.path().extension() == ".tmp") return false;
    return true;
}

}  // namespace

TEST_CASE("cache: a stored copy reads back with its metadata") {
    TempDir t;
    CHECK_FALSE(write_cached(t.dir(), "employment", feed_text("A"), kMeta).has_value());
    const CacheRead r = read_cached(t.dir(), "employment");
    REQUIRE(r.copy.has_value());
    CHECK(r.problems.empty());
    CHECK(r.copy->text == feed_text("A"));
    CHECK(r.copy->meta.url == kMeta.url);
    CHECK(r.copy->meta.fetched_at == kMeta.fetched_at);
    CHECK(r.copy->meta.etag == kMeta.etag);
    CHECK(r.copy->meta.last_modified == kMeta.last_modified);
    CHECK(fs::exists(t.file("employment.json")));
    CHECK(fs::exists(t.file("employment.meta.json")));
}

TEST_CASE("cache: nothing stored yet is no copy and no problem") {
    TempDir t;
    const CacheRead r = read_cached(t.dir(), "employment");
    CHECK_FALSE(r.copy.has_value());
    CHECK(r.problems.empty());
    CHECK_FALSE(read_cached(t.file("missing-dir"), "employment").copy.has_value());
}

TEST_CASE("cache: a new copy replaces the old one whole, leaving no temporary files") {
    TempDir t;
    REQUIRE_FALSE(write_cached(t.dir(), "employment", feed_text("A"), kMeta).has_value());
    CacheMeta newer = kMeta;
    newer.fetched_at += 900;
    newer.etag = "\"v2\"";
    REQUIRE_FALSE(write_cached(t.dir(), "employment", feed_text("Bbb"), newer).has_value());
    const CacheRead r = read_cached(t.dir(), "employment");
    REQUIRE(r.copy.has_value());
    CHECK(r.copy->text == feed_text("Bbb"));
    CHECK(r.copy->meta.etag == "\"v2\"");
    CHECK(no_tmp_files(t));
}

TEST_CASE("cache: a failed write returns the problem and keeps the old copy") {
    TempDir t;
    REQUIRE_FALSE(write_cached(t.dir(), "employment", feed_text("A"), kMeta).has_value());
    CacheMeta newer = kMeta;
    newer.etag = "\"v2\"";

    SUBCASE("a write fails half-way (here: the process's file size limit, EFBIG)") {
        const std::string big = feed_text(std::string(3000, 'B'));
        ::signal(SIGXFSZ, SIG_IGN);  // the limit is then an error from write(), not a signal
        rlimit old{};
        ::getrlimit(RLIMIT_FSIZE, &old);
        rlimit small = old;
        small.rlim_cur = 2000;
        REQUIRE(::setrlimit(RLIMIT_FSIZE, &small) == 0);
        const auto p = write_cached(t.dir(), "employment", big, newer);
        ::setrlimit(RLIMIT_FSIZE, &old);
        ::signal(SIGXFSZ, SIG_DFL);
        REQUIRE(p.has_value());
        CHECK(p->file == t.file("employment.json"));
        CHECK(p->message == "cannot write the cache file: File too large (the previous copy is kept)");
        CHECK(no_tmp_files(t));
    }
    SUBCASE("the cache would grow over its limit") {
        Limits limits;
        limits.max_cache_bytes = 1000;
        const std::string big = feed_text(std::string(1000, 'B'));
        const auto p = write_cached(t.dir(), "employment", big, newer, limits);
        REQUIRE(p.has_value());
        CHECK(p->file == t.file("employment.json"));
        CHECK(p->message.rfind("not stored: the cache would hold ", 0) == 0);
        CHECK(p->message.find(", over its limit of 1000 (--cache-max-mb); the previous copy is kept") !=
              std::string::npos);
        // A copy the size of the one it replaces fits: the old one's bytes are counted out.
        limits.max_cache_bytes =
            fs::file_size(t.file("employment.json")) + fs::file_size(t.file("employment.meta.json")) + 64;
        CHECK_FALSE(write_cached(t.dir(), "employment", feed_text("A"), kMeta, limits).has_value());
    }
    const CacheRead r = read_cached(t.dir(), "employment");
    REQUIRE(r.copy.has_value());
    CHECK(r.problems.empty());
    CHECK(r.copy->text == feed_text("A"));
    CHECK(r.copy->meta.etag == kMeta.etag);
}

TEST_CASE("cache: a link planted at a temporary name is never followed, stale temporary files go") {
    TempDir t, elsewhere("victim");
    const std::string victim = elsewhere.write("passwd", "root:x:0:0\n");
    fs::create_symlink(victim, t.file("employment.json.tmp"));  // the names used before
    fs::create_symlink(victim, t.file("employment.meta.json.tmp"));
    REQUIRE_FALSE(write_cached(t.dir(), "employment", feed_text("A"), kMeta).has_value());
    CHECK(read_cached(t.dir(), "employment").copy->text == feed_text("A"));
    CHECK(fs::is_symlink(t.file("employment.json.tmp")));  // left alone by the write ...
    std::ifstream in(victim);
    CHECK(std::string(std::istreambuf_iterator<char>(in), {}) == "root:x:0:0\n");
    CHECK(fs::status(t.file("employment.json")).permissions() ==
          (fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read | fs::perms::others_read));

    t.write("transport.json.0123456789abcdef.tmp", "half a feed");  // a crash mid-write
    CHECK(remove_stale_tmp_files(t.dir()).empty());                 // ... and removed at start, links and all
    CHECK(no_tmp_files(t));
    CHECK(fs::exists(victim));
    CHECK(read_cached(t.dir(), "employment").copy.has_value());
}

TEST_CASE("cache: validators with any byte (0xFF) are stored and read back exactly") {
    TempDir t;
    CacheMeta odd = kMeta;
    odd.etag = "\"v\xff\x01\"";
    odd.last_modified = std::string("Tue, 03 May 2022 \xff\0 GMT", 23);
    odd.next_due_at = 1'700'000'900;
    REQUIRE_FALSE(write_cached(t.dir(), "employment", feed_text("A"), odd).has_value());
    const CacheRead r = read_cached(t.dir(), "employment");
    REQUIRE(r.copy.has_value());
    CHECK(r.problems.empty());
    CHECK(r.copy->meta.etag == odd.etag);
    CHECK(r.copy->meta.last_modified == odd.last_modified);
    CHECK(r.copy->meta.next_due_at == 1'700'000'900);
    // Metadata from before validators were stored as hex still reads.
    t.write("employment.meta.json", R"({"url": "u", "fetched_at": 5, "etag": "\"v1\"", "bytes": )" +
                                        std::to_string(feed_text("A").size()) + "}");
    CHECK(read_cached(t.dir(), "employment").copy->meta.etag == "\"v1\"");
}

TEST_CASE("cache: prune_cached removes the copies of feeds not kept, and nothing else") {
    TempDir t;
    for (const char* id : {"employment", "transport", "business", "manifest"})
        REQUIRE_FALSE(write_cached(t.dir(), id, feed_text(id), kMeta).has_value());
    t.write("notes.txt", "someone's file");
    CHECK(prune_cached(t.dir(), {"employment", "manifest"}) ==
          std::vector<std::string>{"business", "transport"});
    CHECK(fs::exists(t.file("employment.json")));
    CHECK(fs::exists(t.file("manifest.meta.json")));
    CHECK_FALSE(fs::exists(t.file("transport.json")));
    CHECK_FALSE(fs::exists(t.file("business.meta.json")));
    CHECK(fs::exists(t.file("notes.txt")));
    CHECK(prune_cached(t.dir(), {"employment", "manifest"}).empty());
}

TEST_CASE("cache: a cache directory that cannot be created is a problem, not a crash") {
    TempDir t;
    spit(t.file("not-a-dir"), "x");
    const std::string dir = t.file("not-a-dir") + "/cache";
    const auto p = write_cached(dir, "employment", feed_text("A"), kMeta);
    REQUIRE(p.has_value());
    CHECK(p->file == dir);
    CHECK(p->message.rfind("cannot create the cache directory: ", 0) == 0);
}

TEST_CASE("cache: a feed id that is not a safe file name is refused") {
    TempDir t;
    const auto p = write_cached(t.dir(), "../escape", feed_text("A"), kMeta);
    REQUIRE(p.has_value());
    CHECK(p->message == "feed id \"../escape\" cannot name a cache file");
    CHECK_FALSE(read_cached(t.dir(), "a/b").copy.has_value());
}

TEST_CASE("cache: corrupt metadata keeps the copy, without validators, with a warning") {
    TempDir t;
    REQUIRE_FALSE(write_cached(t.dir(), "employment", feed_text("A"), kMeta).has_value());
    spit(t.file("employment.meta.json"), "{ not json");
    const CacheRead r = read_cached(t.dir(), "employment");
    REQUIRE(r.copy.has_value());
    CHECK(r.copy->meta.etag.empty());
    CHECK(r.copy->meta.url.empty());
    CHECK(r.copy->meta.fetched_at > 0);  // the feed file's own time
    REQUIRE(r.problems.size() == 1);
    CHECK(to_line(r.problems[0]) ==
          t.file("employment.meta.json") +
              ": warning: cache metadata ignored (not valid JSON); the next fetch is "
              "unconditional");
}

TEST_CASE("cache: metadata that does not match the feed drops the validators, keeps the older age") {
    TempDir t;
    REQUIRE_FALSE(write_cached(t.dir(), "employment", feed_text("A"), kMeta).has_value());
    spit(t.file("employment.json"), feed_text("Longer title"));  // as if a crash came between renames
    const CacheRead r = read_cached(t.dir(), "employment");
    REQUIRE(r.copy.has_value());
    CHECK(r.copy->meta.etag.empty());
    CHECK(r.copy->meta.last_modified.empty());
    CHECK(r.copy->meta.fetched_at == kMeta.fetched_at);
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].message.find("does not match the stored feed") != std::string::npos);
}

TEST_CASE("cache: a stored file over the size limit is not read") {
    TempDir t;
    REQUIRE_FALSE(write_cached(t.dir(), "employment", feed_text("A"), kMeta).has_value());
    Limits small;
    small.max_file_bytes = 10;
    const CacheRead r = read_cached(t.dir(), "employment", small);
    CHECK_FALSE(r.copy.has_value());
    REQUIRE(r.problems.size() == 1);
    CHECK(to_line(r.problems[0]) ==
          t.file("employment.json") + ": cached copy ignored: larger than 10 bytes");
}

TEST_CASE("cache: touch_cached after a 304 renews fetched_at and keeps the feed") {
    TempDir t;
    REQUIRE_FALSE(write_cached(t.dir(), "employment", feed_text("A"), kMeta).has_value());
    FetchResult not_modified;
    not_modified.status = FetchStatus::NotModified;
    not_modified.etag = "\"v1\"";
    REQUIRE_FALSE(touch_cached(t.dir(), "employment", kMeta.fetched_at + 5000, not_modified).has_value());
    const CacheRead r = read_cached(t.dir(), "employment");
    REQUIRE(r.copy.has_value());
    CHECK(r.problems.empty());
    CHECK(r.copy->text == feed_text("A"));
    CHECK(r.copy->meta.fetched_at == kMeta.fetched_at + 5000);
    CHECK(r.copy->meta.last_modified == kMeta.last_modified);

    TempDir empty;
    CHECK(touch_cached(empty.dir(), "employment", 1, not_modified).has_value());
}

TEST_CASE("cache: conditional_request sends validators only to the URL they came from") {
    const FetchRequest same = conditional_request(kMeta.url, "employment.json", &kMeta);
    CHECK(same.etag == kMeta.etag);
    CHECK(same.last_modified == kMeta.last_modified);
    CHECK(same.label == "employment.json");
    const FetchRequest moved = conditional_request("https://new/employment.json", "employment.json", &kMeta);
    CHECK(moved.etag.empty());
    CHECK(moved.last_modified.empty());
    CHECK(conditional_request(kMeta.url, "", nullptr).etag.empty());
}

TEST_CASE("cache: default_cache_dir follows systemd, then XDG, then HOME") {
    CHECK(default_cache_dir("/var/cache/infotavle", "/x", "/home/k") == "/var/cache/infotavle");
    CHECK(default_cache_dir("/var/cache/a:/var/cache/b", nullptr, nullptr) == "/var/cache/a");
    CHECK(default_cache_dir(nullptr, "/home/k/.cache", "/home/k") == "/home/k/.cache/infotavle");
    CHECK(default_cache_dir("", "", "/home/k") == "/home/k/.cache/infotavle");
    CHECK(default_cache_dir(nullptr, nullptr, nullptr).empty());
}
