#include "feeds/cap_convert.h"

#include <algorithm>
#include <cstdio>
#include <sstream>

#include "feeds/geo_reference.h"
#include "feeds/limits.h"
#include "feeds/notice_parse.h"
#include "feeds/parse_control.h"
#include "feeds/schedule.h"
#include "feeds/screen_text.h"

namespace feeds {

NoticeSeverity cap_tier(const std::string& severity, const std::string& urgency) {
    if (urgency == "Past") return NoticeSeverity::Info;
    const bool now = urgency == "Immediate" || urgency == "Expected";
    if (severity == "Extreme") return now ? NoticeSeverity::Extreme : NoticeSeverity::Severe;
    if (severity == "Severe") return now ? NoticeSeverity::Severe : NoticeSeverity::Moderate;
    if (severity == "Moderate") return NoticeSeverity::Moderate;
    return NoticeSeverity::Info;  // Minor, Unknown
}

std::string cap_id(const std::string& identifier) {
    std::string id;
    for (char c : identifier) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                        c == '_' || c == '-';
        id += ok ? c : '-';
    }
    if (id.size() <= 64) return id;
    std::uint32_t h = 2166136261u;  // FNV-1a: the same identifier gives the same id
    for (unsigned char c : identifier) h = (h ^ c) * 16777619u;
    char hex[10];
    std::snprintf(hex, sizeof hex, "-%08x", h);
    return id.substr(0, 55) + hex;
}

namespace {

// Runs of whitespace (line breaks in a CAP description) as one space, trimmed.
std::string one_line(const std::string& text) {
    std::string out;
    bool space = false;
    for (char c : text) {
        if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        out += c;
    }
    return out;
}

// Whole sentences of `text` within `max` characters; words with " (...)" when not even one fits.
std::string shortened(const std::string& text, std::size_t max) {
    if (utf8_length(text) <= max) return text;
    std::string best;
    for (std::size_t i = 0; i < text.size(); ++i)
        if ((text[i] == '.' || text[i] == '!' || text[i] == '?') &&
            (i + 1 == text.size() || text[i + 1] == ' ') && utf8_length(text.substr(0, i + 1)) <= max)
            best = text.substr(0, i + 1);
    if (!best.empty()) return best;
    const std::string mark = " (...)";
    std::string words;
    std::istringstream in(text);
    for (std::string w; in >> w;) {
        const std::string next = words.empty() ? w : words + " " + w;
        if (utf8_length(next) + mark.size() > max) break;
        words = next;
    }
    return words + mark;
}

const CapInfo* pick(const CapAlert& a, const char* prefix) {
    for (const CapInfo& i : a.infos)
        if (i.language.rfind(prefix, 0) == 0) return &i;
    return nullptr;
}

struct Out {
    CapConversion& c;
    void error(const std::string& s) { c.errors.push_back(s); }
    void warn(const std::string& s) { c.warnings.push_back(s); }
};

NoticeText text_of(const CapInfo& info, Out& out) {
    NoticeText t;
    t.headline = one_line(info.headline);
    if (t.headline.empty() || utf8_length(t.headline) > kMaxNoticeHeadline) {
        const std::string event = one_line(info.event);
        if (!event.empty() && utf8_length(event) <= kMaxNoticeHeadline) {
            if (!t.headline.empty())
                out.warn(info.language + ": <headline> over " + std::to_string(kMaxNoticeHeadline) +
                         " characters: <event> \"" + event +
                         "\" shown instead, the headline starts the body");
            t.body = t.headline;
            t.headline = event;
        }
    }
    const std::string description = one_line(info.description);
    t.body = one_line(t.body.empty() ? description : t.body + ". " + description);
    const std::string body = shortened(t.body, kMaxNoticeBody);
    if (body != t.body)
        out.warn(info.language + ": the text is over " + std::to_string(kMaxNoticeBody) +
                 " characters: shortened to whole sentences");
    t.body = body;
    for (const std::string* s : {&t.headline, &t.body})
        for (const auto& why : screen_text_problems(*s)) out.error(info.language + ": " + why);
    if (t.headline.empty()) out.error(info.language + ": no <headline> or <event> to show");
    return t;
}

std::optional<NoticeKind> kind_of(const std::string& msg_type) {
    if (msg_type == "Alert") return NoticeKind::Alert;
    if (msg_type == "Update") return NoticeKind::Update;
    if (msg_type == "Cancel") return NoticeKind::Cancel;
    return std::nullopt;
}

void read_times(const CapAlert& a, const CapInfo& info, Notice& n, Out& out) {
    const auto sent = parse_instant(a.sent);
    if (!sent) out.error("<sent> \"" + a.sent + "\" is not a CAP date and time");
    n.sent = sent.value_or(0);
    const auto effective = info.effective.empty() ? sent : parse_instant(info.effective);
    if (!effective) out.error("<effective> \"" + info.effective + "\" is not a CAP date and time");
    n.effective = effective.value_or(0);
    if (info.expires.empty()) {
        out.error("no <expires>: a notice without an end is refused");
        return;
    }
    const auto expires = parse_instant(info.expires);
    if (!expires) out.error("<expires> \"" + info.expires + "\" is not a CAP date and time");
    n.expires = expires.value_or(0);
    if (expires && effective && *expires <= *effective) out.error("<expires> is not after <effective>");
}

void read_areas(const CapInfo& info, Notice& n) {
    const std::vector<GeoMunicipality> region = region_municipalities();
    for (const auto& geocode : info.geocodes) {
        const std::string& value = geocode.second;  // no structured binding: clang 14 cannot capture one
        const bool in_region = std::any_of(region.begin(), region.end(),
                                           [&value](const GeoMunicipality& m) { return m.code == value; });
        if (geocode.first == "kommunekode" && in_region &&
            std::find(n.areas.begin(), n.areas.end(), value) == n.areas.end())
            n.areas.push_back(value);
    }
    n.whole_region = n.areas.empty();
}

}  // namespace

CapConversion convert_cap(const CapAlert& a, bool allow_test) {
    CapConversion c;
    Out out{c};
    if (a.status == "Test" || a.status == "Exercise") {
        if (!allow_test)
            out.error("<status> " + a.status + ": converted only with --cap-test (shown marked TEST)");
    } else if (a.status != "Actual") {
        out.error("<status> \"" + a.status + "\": only Actual alerts are notices");
    }
    const auto kind = kind_of(a.msg_type);
    if (!kind) out.error("<msgType> \"" + a.msg_type + "\": only Alert, Update and Cancel are notices");
    const CapInfo* da = pick(a, "da");
    const CapInfo* en = pick(a, "en");
    const CapInfo* main = da ? da : a.infos.empty() ? nullptr : &a.infos.front();
    CapInfo cancel_info;  // a Cancel may come without <info>: it says only what it ends
    if (!main && kind == NoticeKind::Cancel) {
        cancel_info.language = "da-DK";
        cancel_info.headline = "Varslet er aflyst";
        const auto sent = parse_instant(a.sent);
        if (sent) cancel_info.expires = utc_instant(*sent + 7 * 86400);
        da = main = &cancel_info;
    }
    if (!main) {
        out.error("no <info> block: nothing to show");
        return c;
    }
    if (!da) out.warn("no Danish <info> block: the " + main->language + " text is the main text");
    for (const CapInfo& i : a.infos)
        if (&i != main && &i != en && i.language.rfind("da", 0) != 0 && i.language.rfind("en", 0) != 0)
            out.warn("<info> in " + i.language + " left out: a notice holds Danish and English");
    Notice n;
    n.id = cap_id(a.identifier);
    if (n.id.empty()) out.error("no <identifier>");
    n.kind = kind.value_or(NoticeKind::Alert);
    std::istringstream refs(a.references);
    for (std::string triple; refs >> triple;) {
        const auto first = triple.find(','), last = triple.rfind(',');
        if (first != std::string::npos && last > first)
            n.references.push_back(cap_id(triple.substr(first + 1, last - first - 1)));
    }
    if (n.kind != NoticeKind::Alert && n.references.empty())
        out.error("<msgType> " + a.msg_type + " without <references>");
    if (n.kind == NoticeKind::Alert) n.references.clear();
    n.severity = cap_tier(main->severity, main->urgency);
    n.da = text_of(*main, out);
    if (en && en != main) n.en = text_of(*en, out);
    n.sender = one_line(main->sender_name);
    if (n.sender.empty() || utf8_length(n.sender) > kMaxNoticeSender) n.sender = one_line(a.sender);
    if (n.sender.empty() || utf8_length(n.sender) > kMaxNoticeSender)
        out.error("<senderName> and <sender> empty or over " + std::to_string(kMaxNoticeSender) +
                  " characters");
    read_times(a, *main, n, out);
    read_areas(*main, n);
    const std::string web = one_line(main->web);
    if ((web.rfind("https://", 0) == 0 || web.rfind("http://", 0) == 0) && web.size() <= kMaxLinkBytes)
        n.link = SlideLink{web, da ? "Læs mere" : "More information"};
    n.test = a.status == "Test" || a.status == "Exercise";
    if (c.errors.empty()) c.notice = std::move(n);
    return c;
}

}  // namespace feeds
