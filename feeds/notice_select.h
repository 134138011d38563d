// What a screen shows of its notices at an instant: pure, with `now` passed in (unix seconds,
// wall clock), so a screen that lost its network still ends each notice at its `expires`.
//
// The rules, in one place (FORMAT.md "Notices"):
//  - A notice is shown from `effective` (inclusive) until `expires` (exclusive), never outside.
//  - An Update replaces the notices it references; a Cancel removes them and is not shown itself.
//    An Update or Cancel only acts once it is effective, and while it has not expired.
//  - Areas: a regional notice is shown everywhere; a local one only on screens whose home is
//    among its areas. A screen without a home shows regional notices only.
//  - extreme and severe take over the screen (extreme first, then severe; the newest `sent`
//    first within a tier); moderate goes in a band at the bottom of every slide; info is a slide
//    of its own in the rotation. At most kMaxTakeovers / kMaxBands / kMaxInfoSlides are shown,
//    the rest are counted in `hidden` (and named by the screen: "+2 varsler mere").
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "feeds/feed_model.h"

namespace feeds {

inline constexpr std::size_t kMaxTakeovers = 3;
inline constexpr std::size_t kMaxBands = 3;
inline constexpr std::size_t kMaxInfoSlides = 5;

struct NoticeSelection {
    std::vector<const Notice*> takeover;  // extreme, then severe; newest first within a tier
    std::vector<const Notice*> bands;     // moderate, newest first
    std::vector<const Notice*> info;      // info, newest first
    std::size_t hidden_takeover = 0, hidden_bands = 0, hidden_info = 0;  // due but over the limit
    // The next instant this selection changes by the clock alone (a notice's effective or
    // expires); none when no notice has a boundary ahead.
    std::optional<std::int64_t> next_change;
    std::size_t hidden() const { return hidden_takeover + hidden_bands + hidden_info; }
    bool empty() const { return takeover.empty() && bands.empty() && info.empty(); }
};

// `lists`: every notice dataset the screen holds (pointers stay into them). `home`: the
// screen's municipality code ("259"), empty for none.
NoticeSelection select_notices(const std::vector<const NoticeList*>& lists, std::int64_t now,
                               std::string_view home);

// Whether a notice is live at `now` (effective <= now < expires).
bool notice_live(const Notice& n, std::int64_t now);

// Whether a notice is for a screen at `home` (a code; empty: regional notices only).
bool notice_for_home(const Notice& n, std::string_view home);

// Whether a feed holds a dataset of notices.
bool has_notices(const Feed& feed);

}  // namespace feeds
