// A dataset of type `notices` (FORMAT.md "Notices"): every rule a notice's keys follow, with
// the error naming the notice by its id as well as its JSON path.
#include "feeds/notice_parse.h"

#include <algorithm>

#include "feeds/geo_reference.h"
#include "feeds/parse_internal.h"
#include "feeds/schedule.h"

namespace feeds {

namespace {

std::optional<int> digits(std::string_view t, std::size_t at, std::size_t n) {
    if (at + n > t.size()) return std::nullopt;
    int v = 0;
    for (std::size_t i = at; i < at + n; ++i) {
        if (t[i] < '0' || t[i] > '9') return std::nullopt;
        v = v * 10 + (t[i] - '0');
    }
    return v;
}

// "+02:00" / "-01:30" / "Z" at the end of an instant -> seconds east of UTC.
std::optional<int> parse_offset(std::string_view t) {
    if (t == "Z") return 0;
    if (t.size() != 6 || (t[0] != '+' && t[0] != '-') || t[3] != ':') return std::nullopt;
    const auto h = digits(t, 1, 2), m = digits(t, 4, 2);
    if (!h || !m || *h > 14 || *m > 59) return std::nullopt;
    return (t[0] == '-' ? -1 : 1) * (*h * 3600 + *m * 60);
}

const char* kInstantHelp =
    "expected an instant with its offset, \"2027-10-01T06:00:00+02:00\" or \"2027-10-01T04:00Z\"";

std::optional<std::int64_t> get_instant(Ctx& ctx, const Json& o, const std::string& p, std::string_view key,
                                        const std::string& label) {
    const bool present = o.contains(key) && o.at(key).is_string();
    const std::string text = get_string(ctx, o, p, key, Need::Required);
    if (!present) return std::nullopt;
    auto t = parse_instant(text);
    if (!t) add_error(ctx, key_path(p, key), label + quote_text(text) + ": " + kInstantHelp);
    return t;
}

void check_length(Ctx& ctx, const std::string& text, std::size_t max, const std::string& at,
                  const std::string& label) {
    const std::size_t n = utf8_length(text);
    if (n > max)
        add_error(ctx, at,
                  label + std::to_string(n) + " characters; at most " + std::to_string(max) +
                      " fit every screen (FORMAT.md, Notices)");
}

NoticeText read_text(Ctx& ctx, const Json& o, const std::string& p, const std::string& label) {
    NoticeText t;
    t.headline = get_text(ctx, o, p, "headline", Need::Required);
    t.body = get_string(ctx, o, p, "body", Need::Optional);
    check_length(ctx, t.headline, kMaxNoticeHeadline, key_path(p, "headline"), label);
    check_length(ctx, t.body, kMaxNoticeBody, key_path(p, "body"), label);
    return t;
}

void read_areas(Ctx& ctx, const Json& o, const std::string& p, const std::string& label,
                const std::vector<GeoMunicipality>& region, Notice& n) {
    const std::string at = key_path(p, "areas");
    if (!o.contains("areas")) {
        add_error(ctx, at,
                  label + "missing required key \"areas\": \"region\" or municipality codes [\"259\"]");
        return;
    }
    const Json& a = o.at("areas");
    if (a.is_string() && a.get_ref<const std::string&>() == "region") {
        n.whole_region = true;
        return;
    }
    if (!a.is_array() || a.empty()) {
        add_error(
            ctx, at,
            label + "expected \"region\" or a non-empty array of municipality codes, got " + describe(a));
        return;
    }
    n.areas = get_string_list(ctx, o, p, "areas", Need::Required);
    for (std::size_t i = 0; i < n.areas.size(); ++i) {
        const std::string& code = n.areas[i];
        const bool known =
            std::any_of(region.begin(), region.end(), [&](const auto& m) { return m.code == code; });
        if (!known)
            add_error(ctx, index_path(at, i),
                      label + "not a municipality code of Region Sjælland: " + quote_text(code) +
                          " (three digits, \"259\" for Køge; \"region\" for all of them)");
    }
}

Notice read_notice(Ctx& ctx, const Json& o, const std::string& p,
                   const std::vector<GeoMunicipality>& region) {
    warn_unknown_keys(ctx, o, p,
                      {"id", "kind", "references", "severity", "headline", "body", "en", "sender", "sent",
                       "effective", "expires", "areas", "link", "test"});
    Notice n;
    n.id = get_id(ctx, o, p, "id", Need::Required);
    const std::string label = n.id.empty() ? "" : "notice " + quote_text(n.id) + ": ";
    n.kind = get_enum(
        ctx, o, p, "kind", Need::Required,
        {{"alert", NoticeKind::Alert}, {"update", NoticeKind::Update}, {"cancel", NoticeKind::Cancel}},
        NoticeKind::Alert);
    n.references = get_string_list(ctx, o, p, "references", Need::Optional);
    if (n.kind != NoticeKind::Alert && n.references.empty())
        add_error(ctx, key_path(p, "references"),
                  label + "an update or a cancel names the notice ids it replaces or removes");
    if (n.kind == NoticeKind::Alert && !n.references.empty())
        add_error(ctx, key_path(p, "references"),
                  label + "an alert replaces nothing: use \"kind\": \"update\"");
    n.severity = get_enum(ctx, o, p, "severity", Need::Required,
                          {{"info", NoticeSeverity::Info},
                           {"moderate", NoticeSeverity::Moderate},
                           {"severe", NoticeSeverity::Severe},
                           {"extreme", NoticeSeverity::Extreme}},
                          NoticeSeverity::Info);
    n.da = read_text(ctx, o, p, label);
    if (const Json* en = get_object(ctx, o, p, "en", Need::Optional)) {
        const std::string ep = key_path(p, "en");
        warn_unknown_keys(ctx, *en, ep, {"headline", "body"});
        n.en = read_text(ctx, *en, ep, label);
    }
    n.sender = get_text(ctx, o, p, "sender", Need::Required);
    check_length(ctx, n.sender, kMaxNoticeSender, key_path(p, "sender"), label);
    n.sent = get_instant(ctx, o, p, "sent", label).value_or(0);
    const auto effective = get_instant(ctx, o, p, "effective", label);
    const auto expires = get_instant(ctx, o, p, "expires", label);
    n.effective = effective.value_or(0);
    n.expires = expires.value_or(0);
    if (effective && expires && *expires <= *effective)
        add_error(ctx, key_path(p, "expires"),
                  label + "expires before it is effective: a notice must end after it starts");
    read_areas(ctx, o, p, label, region, n);
    if (const Json* link = get_object(ctx, o, p, "link", Need::Optional))
        n.link = read_link(ctx, *link, key_path(p, "link"));
    if (o.contains("test")) {
        if (o.at("test").is_boolean())
            n.test = o.at("test").get<bool>();
        else
            add_error(ctx, key_path(p, "test"),
                      label + "expected true or false, got " + describe(o.at("test")));
    }
    return n;
}

}  // namespace

std::size_t utf8_length(std::string_view text) {
    return std::size_t(std::count_if(text.begin(), text.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

std::optional<std::int64_t> parse_instant(std::string_view t) {
    // YYYY-MM-DDTHH:MM[:SS]offset
    if (t.size() < 17 || t[4] != '-' || t[7] != '-' || t[10] != 'T' || t[13] != ':') return std::nullopt;
    const auto y = digits(t, 0, 4), mo = digits(t, 5, 2), d = digits(t, 8, 2);
    const auto h = digits(t, 11, 2), mi = digits(t, 14, 2);
    if (!y || !mo || !d || !h || !mi || *h > 23 || *mi > 59) return std::nullopt;
    const CivilDate date{*y, *mo, *d};
    if (!date_exists(date)) return std::nullopt;
    std::size_t rest = 16;
    int sec = 0;
    if (t.size() > 16 && t[16] == ':') {
        const auto s = digits(t, 17, 2);
        if (!s || *s > 59) return std::nullopt;
        sec = *s;
        rest = 19;
    }
    const auto offset = parse_offset(t.substr(rest));
    if (!offset) return std::nullopt;
    return days_from_civil(date) * 86400 + *h * 3600 + *mi * 60 + sec - *offset;
}

NoticeList read_notices(Ctx& ctx, const Json& obj, const std::string& path) {
    NoticeList list;
    const std::vector<GeoMunicipality> region = region_municipalities();
    std::vector<std::pair<std::string, std::string>> ids;
    const Json* array = get_array(ctx, obj, path, "items", Need::Required);
    if (!array) return list;
    const std::string at = key_path(path, "items");
    for (std::size_t i = 0; i < array->size(); ++i) {
        const std::string p = index_path(at, i);
        if (!expect_object(ctx, (*array)[i], p)) continue;
        Notice n = read_notice(ctx, (*array)[i], p, region);
        ids.emplace_back(n.id, key_path(p, "id"));
        list.items.push_back(std::move(n));
    }
    check_unique(ctx, ids, "notice id");
    return list;
}

}  // namespace feeds
