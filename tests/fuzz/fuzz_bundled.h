// Shared by the fuzz targets: the bundled manifest and feeds, parsed once, to check and draw
// fuzzed files against real counterparts.
#pragma once

#include <map>
#include <string>

#include "feeds/bundled_feeds.h"
#include "feeds/feed_parse.h"

struct FuzzBundled {
    feeds::Manifest manifest;
    std::map<std::string, feeds::Feed> feeds;  // by feed id, as the bundled manifest names them
};

inline const FuzzBundled& fuzz_bundled() {
    static const FuzzBundled b = [] {
        FuzzBundled out;
        for (const auto& f : feeds::bundled_files()) {
            if (f.name == "manifest.json") {
                if (auto m = feeds::parse_manifest(f.text, std::string(f.name)).manifest) out.manifest = *m;
            } else if (auto feed = feeds::parse_feed(f.text, std::string(f.name)).feed) {
                out.feeds[feed->id] = *feed;
            }
        }
        return out;
    }();
    return b;
}
