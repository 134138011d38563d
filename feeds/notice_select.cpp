#include "feeds/notice_select.h"

#include <algorithm>
#include <set>
#include <string>

namespace feeds {

bool notice_live(const Notice& n, std::int64_t now) {
    return n.effective <= now && now < n.expires;
}

bool notice_for_home(const Notice& n, std::string_view home) {
    if (n.whole_region) return true;
    if (home.empty()) return false;
    return std::find(n.areas.begin(), n.areas.end(), home) != n.areas.end();
}

bool has_notices(const Feed& feed) {
    return std::any_of(feed.datasets.begin(), feed.datasets.end(),
                       [](const Dataset& d) { return std::holds_alternative<NoticeList>(d.body); });
}

namespace {

// Later first; ties by id so the order never depends on the feed's.
bool newer(const Notice* a, const Notice* b) {
    if (a->sent != b->sent) return a->sent > b->sent;
    return a->id < b->id;
}

void keep_at_most(std::vector<const Notice*>& v, std::size_t max, std::size_t& hidden) {
    if (v.size() > max) {
        hidden = v.size() - max;
        v.resize(max);
    }
}

void note_boundary(std::optional<std::int64_t>& next, std::int64_t t, std::int64_t now) {
    if (t > now && (!next || t < *next)) next = t;
}

}  // namespace

NoticeSelection select_notices(const std::vector<const NoticeList*>& lists, std::int64_t now,
                               std::string_view home) {
    NoticeSelection out;
    // What live updates and cancels take away: their references, for any screen (an update of a
    // notice for another area still ends the old one).
    std::set<std::string> replaced;
    for (const NoticeList* list : lists)
        for (const Notice& n : list->items) {
            note_boundary(out.next_change, n.effective, now);
            note_boundary(out.next_change, n.expires, now);
            if (n.kind != NoticeKind::Alert && notice_live(n, now))
                replaced.insert(n.references.begin(), n.references.end());
        }
    std::vector<const Notice*> extreme, severe;
    for (const NoticeList* list : lists)
        for (const Notice& n : list->items) {
            if (n.kind == NoticeKind::Cancel || !notice_live(n, now) || !notice_for_home(n, home) ||
                replaced.count(n.id))
                continue;
            switch (n.severity) {
                case NoticeSeverity::Extreme:
                    extreme.push_back(&n);
                    break;
                case NoticeSeverity::Severe:
                    severe.push_back(&n);
                    break;
                case NoticeSeverity::Moderate:
                    out.bands.push_back(&n);
                    break;
                case NoticeSeverity::Info:
                    out.info.push_back(&n);
                    break;
            }
        }
    for (auto* v : {&extreme, &severe, &out.bands, &out.info}) std::sort(v->begin(), v->end(), newer);
    out.takeover = std::move(extreme);
    out.takeover.insert(out.takeover.end(), severe.begin(), severe.end());
    keep_at_most(out.takeover, kMaxTakeovers, out.hidden_takeover);
    keep_at_most(out.bands, kMaxBands, out.hidden_bands);
    keep_at_most(out.info, kMaxInfoSlides, out.hidden_info);
    return out;
}

}  // namespace feeds
