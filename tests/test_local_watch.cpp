// local_watch.h (what a seen change makes due: no files, no threads) and platform/file_watch.h
// on a real temp dir: a file written, renamed over (an atomic replace), removed and created
// again is each reported, and the sync takes it. Every wait is for the event itself, bounded
// by a generous timeout; nothing sleeps for timing.
#include <doctest/doctest.h>

#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <mutex>
#include <set>
#include <string>

#include "feeds/bundled_feeds.h"
#include "feeds/sync/local_watch.h"
#include "feeds/sync/sync_jobs.h"
#include "platform/file_watch.h"
#include "tests/sync_fixture.h"
#include "tests/temp_dir.h"

using namespace feeds;
using namespace sync_fixture;
namespace fs = std::filesystem;

namespace {

constexpr int kGenerousMs = 10000;  // an event comes in microseconds; a loaded machine is slower

// A local screen that has read the bundled manifest and its feeds at kT0 (results by hand).
FeedSync local_screen() {
    std::vector<Note> notes;
    FeedSync s = open_sync({"/srv/infotavle/manifest.json", ""}, notes);
    for (int round = 0; round < 2; ++round)
        for (const auto& o : due_fetches(s, kT0))
            apply_fetch(s, o.key, o.request, ok(bundled(url_file_name(o.request.url)), ""), kT0);
    return s;
}

SyncItem& item(FeedSync& s, const std::string& key) {
    for (auto& f : s.feeds)
        if (f.key == key) return f;
    return s.manifest_item;
}

FetchResult unchanged() {
    FetchResult r;
    r.status = FetchStatus::NotModified;
    return r;
}

std::vector<std::string> keys(const std::vector<FetchOrder>& orders) {
    std::vector<std::string> out;
    for (const auto& o : orders) out.push_back(o.key);
    return out;
}

// Every due look answered "unchanged" at `now`.
void look_all(FeedSync& s, std::int64_t now) {
    for (const auto& o : due_fetches(s, now)) apply_fetch(s, o.key, o.request, unchanged(), now);
}

std::set<std::string> all_local(const FeedSync& s) {
    const auto paths = local_paths(s);
    return {paths.begin(), paths.end()};
}

// Reads changes until `path` is among them, at most `turns` batches; what was read.
FileChanges changes_for(FileWatch& w, const std::string& path, int turns = 20) {
    FileChanges seen;
    for (int i = 0; i < turns && wait_for_changes(w, kGenerousMs); ++i) {
        FileChanges c = read_changes(w);
        seen.paths.insert(c.paths.begin(), c.paths.end());
        seen.all = seen.all || c.all;
        seen.rewatch = seen.rewatch || c.rewatch;
        if (c.all || c.paths.count(path)) break;
    }
    return seen;
}

bool sees(FileWatch& w, const std::string& path) {
    const FileChanges c = changes_for(w, path);
    return c.all || c.paths.count(path) > 0;
}

// An atomic replace, as editors and --publish do it: a new file renamed over the old one.
void replace(const TempDir& dir, const std::string& name, const std::string& text) {
    fs::rename(dir.write(name + ".tmp", text), dir.file(name));
}

}  // namespace

TEST_CASE("local watch: the local files are the manifest's and its feeds', each once") {
    const FeedSync s = local_screen();
    const std::vector<std::string> paths = local_paths(s);
    REQUIRE(paths.size() == s.feeds.size() + 1);
    CHECK(paths.front() == "/srv/infotavle/manifest.json");
    CHECK(paths[1] == "/srv/infotavle/employment.json");

    std::vector<Note> notes;
    const FeedSync remote = open_sync({kManifestUrl, ""}, notes);
    CHECK(local_paths(remote).empty());
}

TEST_CASE("local watch: a watched file is looked at every kLocalSafetyS, and at once when it changes") {
    FeedSync s = local_screen();
    CHECK(next_fetch_due(s, kT0) == kT0 + kLocalCheckS);  // unwatched: as before

    set_watched(s, all_local(s));
    look_all(s, kT0 + kLocalCheckS);  // the look planned before; the next is a safety look
    const std::int64_t t = kT0 + kLocalCheckS;
    REQUIRE(next_fetch_due(s, t));
    CHECK(*next_fetch_due(s, t) >= t + kLocalSafetyS * 9 / 10);
    CHECK(due_fetches(s, t + 1).empty());

    mark_changed(s, {"/srv/infotavle/employment.json", "/srv/infotavle/elsewhere.json"});
    CHECK(keys(due_fetches(s, t + 1)) == std::vector<std::string>{"employment"});

    mark_changed(s, {}, true);                              // events lost: every local file is due
    CHECK(due_fetches(s, t + 1).size() == s.feeds.size());  // the manifest and the others
}

TEST_CASE("local watch: a change while the file is being read makes it due again after that read") {
    FeedSync s = local_screen();
    set_watched(s, all_local(s));
    look_all(s, kT0 + kLocalCheckS);
    const std::int64_t t = kT0 + kLocalCheckS + 1;
    mark_changed(s, {"/srv/infotavle/employment.json"});
    const auto orders = due_fetches(s, t);
    REQUIRE(orders.size() == 1);
    mark_changed(s, {"/srv/infotavle/employment.json"});  // written again while being read
    CHECK(due_fetches(s, t).empty());                     // one read at a time
    apply_fetch(s, orders[0].key, orders[0].request, unchanged(), t);
    CHECK(keys(due_fetches(s, t)) == std::vector<std::string>{"employment"});
}

TEST_CASE("local watch: a file no longer watched is looked at now, then every kLocalCheckS") {
    FeedSync s = local_screen();
    set_watched(s, all_local(s));
    look_all(s, kT0 + kLocalCheckS);
    const std::int64_t t = kT0 + kLocalCheckS + 1;
    std::set<std::string> watched = all_local(s);
    watched.erase("/srv/infotavle/transport.json");
    set_watched(s, watched);
    const auto orders = due_fetches(s, t);
    CHECK(keys(orders) == std::vector<std::string>{"transport"});
    for (const auto& o : orders) apply_fetch(s, o.key, o.request, unchanged(), t);
    CHECK(next_fetch_due(s, t) <= t + kLocalCheckS + 1);
}

TEST_CASE("file watch: a write, an atomic replace, a removal and a re-creation are each reported") {
    TempDir dir("watch");
    const std::string path = dir.write("feed.json", "1");
    dir.write("other.json", "x");
    FileWatch w = open_file_watch();
    REQUIRE_MESSAGE(w.fd >= 0, w.error);
    watch_paths(w, {path});
    CHECK(w.watched.count(path) == 1);

    dir.write("other.json", "y");  // not asked for: never reported
    dir.write("feed.json", "2");   // written in place
    const FileChanges first = changes_for(w, path);
    CHECK(first.paths == std::set<std::string>{path});
    replace(dir, "feed.json", "3");
    CHECK(sees(w, path));
    fs::remove(path);
    CHECK(sees(w, path));
    dir.write("feed.json", "4");
    CHECK(sees(w, path));
    replace(dir, "feed.json", "5");  // the watch outlives the replaced file
    CHECK(sees(w, path));
}

TEST_CASE("file watch: a removed directory is reported and watched again once it is back") {
    TempDir top("watch-dir");
    fs::create_directories(top.path / "site");
    const std::string path = top.write("site/feed.json", "1");
    FileWatch w = open_file_watch();
    REQUIRE_MESSAGE(w.fd >= 0, w.error);
    watch_paths(w, {path});
    REQUIRE(w.watched.count(path) == 1);

    fs::rename(top.path / "site", top.path / "old");  // replaced: renamed away, then a new one
    const FileChanges gone = changes_for(w, path);
    CHECK(gone.rewatch);
    CHECK(gone.paths.count(path) == 1);
    watch_paths(w, {path});
    CHECK(w.watched.empty());  // nothing there to watch: the caller looks at it every few seconds
    CHECK(!w.error.empty());

    fs::create_directories(top.path / "site");
    top.write("site/feed.json", "2");
    watch_paths(w, {path});
    CHECK(w.watched.count(path) == 1);
    replace(top, "site/feed.json", "3");
    CHECK(sees(w, path));
    fs::remove(top.path / "old" / "feed.json");  // the old directory is no longer watched
    replace(top, "site/feed.json", "4");
    CHECK(changes_for(w, path).paths == std::set<std::string>{path});
}

TEST_CASE("file watch: a symlinked file is reported when its target is replaced") {
    TempDir top("watch-link");
    fs::create_directories(top.path / "real");
    fs::create_directories(top.path / "site");
    top.write("real/feed.json", "1");
    const std::string path = top.file("site/feed.json");
    fs::create_symlink(top.path / "real" / "feed.json", path);
    FileWatch w = open_file_watch();
    REQUIRE_MESSAGE(w.fd >= 0, w.error);
    watch_paths(w, {path});
    REQUIRE(w.watched.count(path) == 1);
    replace(top, "real/feed.json", "2");
    CHECK(sees(w, path));
}

TEST_CASE("file watch: the bell wakes its caller when changes wait, and reading quiets it") {
    TempDir dir("watch-bell");
    const std::string path = dir.write("feed.json", "1");
    std::mutex m;
    std::condition_variable cv;
    int rings = 0;
    FileWatch w = open_file_watch();
    REQUIRE_MESSAGE(w.fd >= 0, w.error);
    watch_paths(w, {path});
    start_file_watch_bell(w, [&] {
        std::lock_guard lock(m);
        ++rings;
        cv.notify_all();
    });
    CHECK(!read_changes(w).any());  // not rung: not even a read

    int taken = 0;  // the rings answered by a read
    auto next_batch = [&] {
        std::unique_lock lock(m);
        REQUIRE(cv.wait_for(lock, std::chrono::milliseconds(kGenerousMs), [&] { return rings > taken; }));
        taken = rings;
        lock.unlock();
        return read_changes(w);
    };
    for (int round = 1; round <= 2; ++round) {
        replace(dir, "feed.json", std::to_string(round));
        bool seen = false;  // the temporary file's events may ring first, in a batch of their own
        for (int i = 0; i < 20 && !seen; ++i) seen = next_batch().paths.count(path) > 0;
        CHECK(seen);
    }
}

TEST_CASE("file watch and sync: each change of a real feed file is read, and only that file") {
    TempDir site("watch-sync");
    for (const auto& f : bundled_files()) site.write(std::string(f.name), f.text);
    std::vector<Note> notes;
    FeedSync s = open_sync({site.file("manifest.json"), ""}, notes);
    SyncJobs jobs;
    sync_until_settled(s, jobs, kT0, true);
    REQUIRE(s.data.count("employment") == 1);
    FileWatch w = open_file_watch();
    REQUIRE_MESSAGE(w.fd >= 0, w.error);
    watch_paths(w, local_paths(s));
    set_watched(s, w.watched);
    REQUIRE(w.watched.size() == local_paths(s).size());

    const std::string path = item(s, "employment").location;
    const std::string text = bundled("employment.json");
    std::int64_t now = kT0;  // within the first kLocalCheckS: nothing is due by time
    auto take = [&] {
        const FileChanges c = changes_for(w, path);
        REQUIRE(c.paths.count(path) == 1);
        mark_changed(s, c.paths, c.all);
        sync_until_settled(s, jobs, ++now, true);
    };
    std::uint64_t version = s.version;
    site.write("employment.json", text + "\n");  // written in place
    take();
    CHECK(s.version > version);
    version = s.version;
    replace(site, "employment.json", text + "\n\n");
    take();
    CHECK(s.version > version);
    fs::remove(path);
    take();
    CHECK(item(s, "employment").last_error.find("No such file") != std::string::npos);
    CHECK(s.data.count("employment") == 1);  // the last good copy stays
    version = s.version;
    site.write("employment.json", text);
    take();
    CHECK(item(s, "employment").last_error.empty());
    CHECK(s.version > version);
    CHECK(item(s, "transport").schedule.last_attempt_s == kT0);  // the others were not read
}
