// The slides to show: the manifest and its feeds, loaded, checked and turned into a plain list
// the screen can draw. Loading is the only I/O here (bundled text or local files); everything
// after it is pure.
//
// A slide whose feed, dataset or view fit is missing or broken is kept in the list but marked
// invalid: rotation skips it, and the screen never goes blank for it.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "app/qr_code.h"
#include "app/slide_chrome.h"
#include "feeds/feed_map.h"
#include "feeds/feed_model.h"

struct ScreenSlide {
    const feeds::Slide* slide = nullptr;      // into SlideSet::manifest
    const feeds::Dataset* dataset = nullptr;  // into SlideSet::feeds; null when invalid
    ChromeText parts;                         // all but the clock, which is filled in at draw time
    std::optional<QrCode> qr;                 // the slide's link, encoded once; none without one
    bool valid = false;
    std::string why_invalid;  // one line, for the log and the no-data screen
};

// Where the manifest comes from.
struct SlideSource {
    std::string manifest_path;  // empty = the bundled feeds compiled into the program
};

// Owns (or shares) what the ScreenSlide pointers point into: move it, never copy it.
struct SlideSet {
    SlideSet() = default;
    SlideSet(SlideSet&&) = default;
    SlideSet& operator=(SlideSet&&) = default;
    SlideSet(const SlideSet&) = delete;
    SlideSet& operator=(const SlideSet&) = delete;

    feeds::Manifest manifest;
    feeds::FeedMap feeds;               // by manifest feed id; only those that loaded
    std::vector<ScreenSlide> slides;    // one per playlist entry, in order
    std::vector<std::string> problems;  // one line each: "file: $.path: reason"
    // Of `problems`: errors, and parts the publisher wrote that are not shown (feeds::Problem::
    // lost). --render fails on either (on lost ones unless --allow-unknown); the screen goes on.
    std::size_t errors = 0, lost = 0;
    bool manifest_ok = false;  // false: nothing could be read at all
};

// Reads and checks everything. Never throws; problems are in the result.
SlideSet load_slide_set(const SlideSource& source);

// The slides of a manifest and feeds already read and parsed (fetched or cached: feed_sync.h).
// `feeds` holds only valid feeds, by manifest feed id; `problems` are carried into the set.
SlideSet build_slide_set(feeds::Manifest manifest, feeds::FeedMap feeds, const std::string& manifest_name,
                         std::vector<std::string> problems = {});

int count_valid(const SlideSet& set);

// The slide counter in the footer: "3 / 14".
std::string position_text(int index, int count);

// Why nothing can be shown, for the no-data screen: the first invalid reason, or the first problem.
std::string no_data_reason(const SlideSet& set);

// "Kilde: KKR Sjælland, Bilag til KKR Sjælland-møde, maj 2022, 2.7 Jobforum": empty parts left out.
std::string source_line(const feeds::SourceRef& s);
