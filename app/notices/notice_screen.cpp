#include "app/notices/notice_screen.h"

#include <algorithm>

#include "app/views/home_match.h"
#include "feeds/geo_reference.h"

namespace {

void sooner(std::optional<std::int64_t>& next, std::int64_t t) {
    if (!next || t < *next) next = t;
}

std::int64_t next_multiple(std::int64_t now, std::int64_t step) {
    return (now / step + 1) * step;
}

NoticeTimes times_of(const feeds::Notice& n, std::int64_t now, const ToLocal& to_local) {
    return {to_local(now), to_local(n.sent), to_local(n.expires)};
}

// The takeover's pages in turn: each notice in Danish, then in English when given.
struct Turn {
    std::size_t index;
    bool english;
};

std::vector<Turn> takeover_turns(const std::vector<const feeds::Notice*>& takeover) {
    std::vector<Turn> turns;
    for (std::size_t i = 0; i < takeover.size(); ++i) {
        turns.push_back({i, false});
        if (takeover[i]->en) turns.push_back({i, true});
    }
    return turns;
}

}  // namespace

NoticeView notice_view(const std::vector<const feeds::NoticeList*>& lists, std::int64_t now,
                       std::string_view home_code, const ToLocal& to_local) {
    const feeds::NoticeSelection sel = feeds::select_notices(lists, now, home_code);
    NoticeView v;
    v.next_change = sel.next_change;
    v.hidden = sel.hidden();
    if (!sel.takeover.empty()) {
        const auto turns = takeover_turns(sel.takeover);
        const Turn t = turns[std::size_t(now / kTakeoverTurnS) % turns.size()];
        const feeds::Notice& n = *sel.takeover[t.index];
        v.page = notice_page_text(n, t.english, times_of(n, now, to_local), t.index, sel.takeover.size(),
                                  sel.hidden_takeover);
        v.takeover = true;
        v.key = "takeover " + n.id + (t.english ? " en" : " da");
        if (turns.size() > 1) sooner(v.next_change, next_multiple(now, kTakeoverTurnS));
    } else if (!sel.info.empty() && now % kInfoCycleS < kInfoTurnS * std::int64_t(sel.info.size())) {
        const std::size_t i = std::size_t(now % kInfoCycleS / kInfoTurnS);
        const feeds::Notice& n = *sel.info[i];
        const bool english = (now / kInfoCycleS) % 2 == 1;
        v.page =
            notice_page_text(n, english, times_of(n, now, to_local), i, sel.info.size(), sel.hidden_info);
        v.key = "info " + n.id + (english && n.en ? " en" : " da");
        sooner(v.next_change, next_multiple(now, kInfoTurnS));
    } else if (!sel.info.empty()) {
        sooner(v.next_change, next_multiple(now, kInfoCycleS));
    }
    if (!v.page && !sel.bands.empty()) {
        const std::size_t i = std::size_t(now / kBandTurnS) % sel.bands.size();
        const feeds::Notice& n = *sel.bands[i];
        v.band = notice_band_text(n, times_of(n, now, to_local), i, sel.bands.size(), sel.hidden_bands);
        v.key = "band " + n.id;
        if (sel.bands.size() > 1) sooner(v.next_change, next_multiple(now, kBandTurnS));
    }
    // The sender line says "i dag"/"i morgen": a new local minute may change it.
    if (v.page || v.band) sooner(v.next_change, next_multiple(now, 60));
    if (v.page || v.band) v.key += " " + std::to_string(to_local(now));
    return v;
}

std::string notice_home_code(std::string_view home) {
    if (home.empty()) return {};
    for (const auto& m : feeds::region_municipalities())
        if (m.code == home || same_text(m.name, home)) return m.code;
    return {};
}
