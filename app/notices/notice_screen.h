// What the screen shows of its notices at an instant, as words ready to draw: a whole-screen
// page (a takeover, or an info notice's turn), a band over the slides, or nothing. Pure: the
// time and the way to local time are passed in; the kiosk (app/kiosk/notice_step.h) and
// --render call it.
//
// Turns, all from the clock: takeover pages take turns every kTakeoverTurnS, each notice in
// Danish and then (when given) in English; bands take turns every kBandTurnS; info notices are
// shown kInfoTurnS each at the start of every kInfoCycleS (the slides pause for them), Danish
// and English in alternate cycles.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/notices/notice_text.h"
#include "feeds/feed_model.h"
#include "feeds/notice_select.h"

inline constexpr std::int64_t kTakeoverTurnS = 10;
inline constexpr std::int64_t kBandTurnS = 12;
inline constexpr std::int64_t kInfoTurnS = 12;
inline constexpr std::int64_t kInfoCycleS = 120;

// Unix seconds to the local civil minute (app/local_time.h in the app; fixed in tests).
using ToLocal = std::function<feeds::CivilMinute(std::int64_t unix_s)>;

struct NoticeView {
    std::optional<NoticePageText> page;  // takes the whole screen now
    bool takeover = false;               // page is a takeover (may wake a screen the schedule turned off)
    std::optional<NoticeBandText> band;  // across the bottom of the slides (when no page)
    std::string key;                     // what is shown: equal keys draw the same picture
    std::optional<std::int64_t> next_change;  // unix seconds when this changes by the clock alone
    std::size_t hidden = 0;                   // due but over the limits (feeds/notice_select.h)
};

NoticeView notice_view(const std::vector<const feeds::NoticeList*>& lists, std::int64_t now,
                       std::string_view home_code, const ToLocal& to_local);

// The notice datasets of the feeds a screen holds.
template <class FeedMapT>
std::vector<const feeds::NoticeList*> notice_lists(const FeedMapT& feeds) {
    std::vector<const feeds::NoticeList*> out;
    for (const auto& entry : feeds)
        if (entry.second)
            for (const auto& d : entry.second->datasets)
                if (const auto* l = std::get_if<feeds::NoticeList>(&d.body)) out.push_back(l);
    return out;
}

// --home (a code or a name, any case) as a Region Sjælland municipality code; empty when none.
std::string notice_home_code(std::string_view home);
