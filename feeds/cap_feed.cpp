// The notice feed --from-cap writes: the converted notices as format 1.2 JSON, read back by the
// feed parser before it is given out, so what is published is what a screen accepts.
#include <cstdio>
#include <nlohmann/json.hpp>

#include "feeds/cap_convert.h"
#include "feeds/feed_parse.h"
#include "feeds/file_read.h"
#include "feeds/schedule.h"

namespace feeds {

std::string utc_instant(std::int64_t unix_s) {
    const std::int64_t days = unix_s >= 0 ? unix_s / 86400 : (unix_s - 86399) / 86400;
    const std::int64_t rest = unix_s - days * 86400;
    const CivilDate d = civil_from_days(days);
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02dZ", d.year, d.month, d.day, int(rest / 3600),
                  int(rest % 3600 / 60), int(rest % 60));
    return buf;
}

namespace {

using Json = nlohmann::json;

Json text_json(const NoticeText& t) {
    Json j{{"headline", t.headline}};
    if (!t.body.empty()) j["body"] = t.body;
    return j;
}

Json notice_json(const Notice& n) {
    static constexpr const char* kKinds[] = {"alert", "update", "cancel"};
    static constexpr const char* kSeverities[] = {"info", "moderate", "severe", "extreme"};
    Json j{{"id", n.id}, {"kind", kKinds[int(n.kind)]}};
    if (!n.references.empty()) j["references"] = n.references;
    j["severity"] = kSeverities[int(n.severity)];
    j.update(text_json(n.da));
    if (n.en) j["en"] = text_json(*n.en);
    j["sender"] = n.sender;
    j["sent"] = utc_instant(n.sent);
    j["effective"] = utc_instant(n.effective);
    j["expires"] = utc_instant(n.expires);
    j["areas"] = n.whole_region ? Json("region") : Json(n.areas);
    if (n.link) j["link"] = Json{{"url", n.link->url}, {"caption", n.link->caption}};
    if (n.test) j["test"] = true;
    return j;
}

}  // namespace

std::string notice_feed_json(const std::vector<Notice>& notices) {
    std::int64_t latest = 0;
    Json items = Json::array();
    for (const Notice& n : notices) {
        latest = std::max(latest, n.sent);
        items.push_back(notice_json(n));
    }
    const Json feed{
        {"format", "infotavle-feed"},
        {"version", "1.2"},
        {"id", "varsler"},
        {"title", "Varsler"},
        {"as_of", utc_instant(latest).substr(0, 10)},
        {"source", {{"publisher", notices.empty() ? "CAP" : notices.front().sender}}},
        {"datasets", Json::array({Json{
                         {"id", "varsler"}, {"type", "notices"}, {"title", "Varsler"}, {"items", items}}})}};
    return feed.dump(2) + "\n";
}

FromCapResult from_cap_files(const std::vector<std::string>& paths, bool allow_test) {
    FromCapResult r;
    std::vector<Notice> notices;
    bool failed = paths.empty();
    if (paths.empty()) r.lines.push_back("no files given: infotavle --from-cap ALERT.xml...");
    for (const std::string& path : paths) {
        std::string why;
        const auto text = read_file_prefix(path, kMaxCapBytes, why);
        CapRead read = text ? read_cap(*text) : CapRead{std::nullopt, "cannot read: " + why};
        if (!read.alert) {
            r.lines.push_back(path + ": " + read.error);
            failed = true;
            continue;
        }
        CapConversion c = convert_cap(*read.alert, allow_test);
        for (const auto& e : c.errors) r.lines.push_back(path + ": " + e);
        for (const auto& w : c.warnings) r.lines.push_back(path + ": warning: " + w);
        if (c.notice)
            notices.push_back(std::move(*c.notice));
        else
            failed = true;
    }
    if (failed) return r;
    std::string json = notice_feed_json(notices);
    const FeedResult check = parse_feed(json, "notice feed");
    for (const auto& p : check.problems) r.lines.push_back(to_line(p));
    if (!check.feed) return r;
    r.json = std::move(json);
    r.ok = true;
    return r;
}

}  // namespace feeds
