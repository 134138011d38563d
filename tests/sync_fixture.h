// Shared by the tests of the sync state (test_feed_sync.cpp, test_accept.cpp,
// test_status.cpp): a screen's manifest URL, a fixed `now`, the bundled files as fetched bodies,
// the lines of a list of notes, and a screen answered from the bundled files.
#pragma once

#include <doctest/doctest.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "feeds/bundled_feeds.h"
#include "feeds/fetch.h"
#include "feeds/note.h"
#include "feeds/sync/feed_sync.h"
#include "feeds/url.h"

namespace sync_fixture {

inline constexpr std::int64_t kT0 = 1'700'000'000;
inline const std::string kManifestUrl = "https://data.example.dk/infotavle/manifest.json";

inline std::string bundled(std::string_view name) {
    for (const auto& f : feeds::bundled_files())
        if (f.name == name) return std::string(f.text);
    FAIL("no bundled file " << name);
    return {};
}

inline feeds::FetchResult ok(std::string body, std::string etag = "\"e1\"") {
    feeds::FetchResult r;
    r.status = feeds::FetchStatus::Ok;
    r.body = std::move(body);
    r.etag = std::move(etag);
    r.http_code = 200;
    return r;
}

inline std::vector<std::string> all_lines(const std::vector<feeds::Note>& notes) {
    std::vector<std::string> out;
    for (const auto& n : notes) out.insert(out.end(), n.lines.begin(), n.lines.end());
    return out;
}

inline bool says(const std::vector<feeds::Note>& notes, const std::string& what) {
    for (const auto& line : all_lines(notes))
        if (line.find(what) != std::string::npos) return true;
    return false;
}

// Answers the manifest, then each feed in manifest order, with the bundled file; the notes.
inline std::vector<feeds::Note> answer_all(feeds::FeedSync& s, std::int64_t now) {
    std::vector<feeds::Note> notes;
    for (int round = 0; round < 2; ++round)
        for (const auto& o : feeds::due_fetches(s, now))
            for (auto& n : feeds::apply_fetch(s, o.key, o.request,
                                              ok(bundled(feeds::url_file_name(o.request.url))), now))
                notes.push_back(std::move(n));
    return notes;
}

// A screen that fetched everything once at kT0 (cached in cache_dir, when not empty).
inline feeds::FeedSync answered(const std::string& cache_dir) {
    std::vector<feeds::Note> notes;
    feeds::FeedSync s = feeds::open_sync({kManifestUrl, cache_dir}, notes);
    answer_all(s, kT0);
    return s;
}

// The same screen, stopped: what it left in cache_dir.
inline void fill_cache(const std::string& cache_dir) {
    answered(cache_dir);
}

}  // namespace sync_fixture
