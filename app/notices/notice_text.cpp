#include "app/notices/notice_text.h"

#include <cstdio>

#include "app/kiosk/screen_plan.h"

NoticeTier tier_of(feeds::NoticeSeverity s) {
    switch (s) {
        case feeds::NoticeSeverity::Extreme:
            return NoticeTier::Extreme;
        case feeds::NoticeSeverity::Severe:
            return NoticeTier::Severe;
        case feeds::NoticeSeverity::Moderate:
            return NoticeTier::Moderate;
        case feeds::NoticeSeverity::Info:
            break;
    }
    return NoticeTier::Info;
}

std::string english_when(feeds::CivilMinute at) {
    static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                              "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const std::int64_t day = at >= 0 ? at / 1440 : (at - 1439) / 1440;
    const feeds::CivilDate d = feeds::civil_from_days(day);
    const int minute = int(at - day * 1440);
    char buf[40];
    std::snprintf(buf, sizeof buf, "%d %s %02d:%02d", d.day, kMonths[(d.month + 11) % 12], minute / 60,
                  minute % 60);
    return buf;
}

namespace {

std::string label_of(const feeds::Notice& n, bool english) {
    std::string word;
    switch (tier_of(n.severity)) {
        case NoticeTier::Extreme:
            word = english ? "EMERGENCY" : "EKSTREMT VARSEL";
            break;
        case NoticeTier::Severe:
        case NoticeTier::Moderate:
            word = english ? "WARNING" : "VARSEL";
            break;
        case NoticeTier::Info:
            word = english ? "INFORMATION" : "INFORMATION";
            break;
    }
    return n.test ? "TEST · " + word : word;
}

std::string count_text(std::size_t index, std::size_t shown, std::size_t hidden, bool english) {
    std::string s;
    if (shown > 1) s = std::to_string(index + 1) + (english ? " of " : " af ") + std::to_string(shown);
    if (hidden > 0)
        s += (s.empty() ? "" : " · ") + ("+" + std::to_string(hidden)) +
             (english ? (hidden == 1 ? " more notice" : " more notices")
                      : (hidden == 1 ? " varsel mere" : " varsler mere"));
    return s;
}

}  // namespace

NoticePageText notice_page_text(const feeds::Notice& n, bool english, const NoticeTimes& t, std::size_t index,
                                std::size_t shown, std::size_t hidden) {
    english = english && n.en.has_value();
    NoticePageText p;
    p.tier = tier_of(n.severity);
    p.label = label_of(n, english);
    const feeds::NoticeText& text = english ? *n.en : n.da;
    p.headline = text.headline;
    p.body = text.body;
    p.sender_line = english
                        ? n.sender + " · sent " + english_when(t.sent) + " · until " + english_when(t.expires)
                        : n.sender + " · udsendt " + when_text(t.now, t.sent) + " · gælder til " +
                              when_text(t.now, t.expires);
    p.count_line = count_text(index, shown, hidden, english);
    p.language = english ? "English" : "";
    if (n.link) {
        p.qr = encode_qr(n.link->url);
        p.qr_caption = n.link->caption;
    }
    return p;
}

NoticeBandText notice_band_text(const feeds::Notice& n, const NoticeTimes& t, std::size_t index,
                                std::size_t shown, std::size_t hidden) {
    NoticeBandText b;
    b.label = label_of(n, false);
    b.headline = n.da.headline;
    b.detail = n.sender + " · til " + when_text(t.now, t.expires);
    if (shown > 1 || hidden > 0) b.count = std::to_string(index + 1) + "/" + std::to_string(shown);
    if (hidden > 0) b.count += " +" + std::to_string(hidden);
    return b;
}
