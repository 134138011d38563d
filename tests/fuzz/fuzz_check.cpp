// libFuzzer target: any bytes, read as the kiosk and `--check` read a fetched or local file:
// parsed as a feed and as a manifest, a manifest's feed URLs resolved and its playlist checked
// against the bundled feeds, a feed checked against the bundled playlist. Nothing may crash,
// hang or take memory out of proportion to the input.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "feeds/feed_parse.h"
#include "feeds/playlist_check.h"
#include "feeds/url.h"
#include "tests/fuzz/fuzz_bundled.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const FuzzBundled& bundled = fuzz_bundled();

    const feeds::FeedResult f = feeds::parse_feed(text, "fuzz.json");
    for (const auto& p : f.problems) (void)feeds::to_line(p);
    if (f.feed) {
        feeds::LoadedFeeds loaded;
        for (const auto& ref : bundled.manifest.feeds) loaded[ref.id] = &*f.feed;
        for (const auto& p : feeds::check_playlist(bundled.manifest, "manifest.json", loaded))
            (void)feeds::to_line(p);
    }

    const feeds::ManifestResult m = feeds::parse_manifest(text, "fuzz.json");
    for (const auto& p : m.problems) (void)feeds::to_line(p);
    if (m.manifest) {
        feeds::LoadedFeeds loaded;
        for (const auto& ref : m.manifest->feeds) {
            (void)feeds::resolve_feed_url("https://data.example.dk/skærm/manifest.json", ref.url);
            (void)feeds::resolve_feed_url("/etc/infotavle/manifest.json", ref.url);
            (void)feeds::url_file_name(ref.url);
            if (auto it = bundled.feeds.find(ref.id); it != bundled.feeds.end()) loaded[ref.id] = &it->second;
        }
        for (const auto& p : feeds::check_playlist(*m.manifest, "fuzz.json", loaded)) (void)feeds::to_line(p);
    }
    return 0;
}
