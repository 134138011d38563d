// Notice feeds for the tests: a valid notice as JSON to vary, and the feed around it.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "feeds/feed_parse.h"

namespace notice_test {

using Json = nlohmann::json;

// 2027-10-01T10:00:00Z
inline constexpr std::int64_t kT0 = 1822384800;

inline std::string iso(std::int64_t unix_s) {
    const std::int64_t days = unix_s / 86400, rest = unix_s % 86400;
    // days_from_civil's inverse, enough for 2000-2099 (the tests' years).
    int y = 1970;
    std::int64_t d = days;
    auto leap = [](int yy) { return (yy % 4 == 0 && yy % 100 != 0) || yy % 400 == 0; };
    while (d >= (leap(y) ? 366 : 365)) d -= leap(y) ? 366 : 365, ++y;
    const int mdays[] = {31, leap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int m = 0;
    while (d >= mdays[m]) d -= mdays[m], ++m;
    char buf[40];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02dZ", y, m + 1, int(d + 1), int(rest / 3600),
                  int(rest % 3600 / 60), int(rest % 60));
    return buf;
}

inline Json notice(const std::string& id, const std::string& severity, std::int64_t effective = kT0,
                   std::int64_t expires = kT0 + 3600) {
    return Json{
        {"id", id},
        {"kind", "alert"},
        {"severity", severity},
        {"headline", "Vandet er afbrudt i Rønnede til kl. 15"},
        {"body", "Faxe Forsyning reparerer en hovedledning. Der er vand i hanerne igen i eftermiddag."},
        {"sender", "Faxe Forsyning"},
        {"sent", iso(effective)},
        {"effective", iso(effective)},
        {"expires", iso(expires)},
        {"areas", "region"}};
}

inline Json notice_feed(const Json& items) {
    return Json{
        {"format", "infotavle-feed"},
        {"version", "1.2"},
        {"id", "varsler"},
        {"title", "Varsler"},
        {"as_of", "2027-10-01"},
        {"source", Json{{"publisher", "Beredskab Øst"}}},
        {"datasets", Json::array({Json{
                         {"id", "varsler"}, {"type", "notices"}, {"title", "Varsler"}, {"items", items}}})}};
}

inline feeds::FeedResult parse_notices(const Json& items) {
    return feeds::parse_feed(notice_feed(items).dump(), "varsler.json");
}

inline const feeds::NoticeList& notices_of(const feeds::Feed& f) {
    return std::get<feeds::NoticeList>(f.datasets.at(0).body);
}

}  // namespace notice_test
