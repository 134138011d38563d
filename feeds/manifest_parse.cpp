// Reads a manifest: feeds to fetch and the playlist of slides. Cross-references between slides
// and feeds are checked later, by check_playlist(), once the feeds are loaded.
#include "feeds/feed_parse.h"
#include "feeds/near_miss.h"
#include "feeds/parse_internal.h"
#include "feeds/playlist_check.h"
#include "feeds/schedule_parse.h"
#include "feeds/utc_time.h"

namespace feeds {

namespace {

constexpr long long kMaxAgeLimit = 366LL * 86400;  // a year: older figures are not "stale", they are wrong

bool is_remote(const std::string& url) {
    return url.rfind("http://", 0) == 0 || url.rfind("https://", 0) == 0;
}

void check_url(Ctx& ctx, const std::string& url, const std::string& path) {
    if (url.empty() || is_remote(url)) return;
    const bool has_scheme = url.find("://") != std::string::npos || url.rfind("file:", 0) == 0;
    const bool absolute_path = url[0] == '/' || url[0] == '\\' || (url.size() > 1 && url[1] == ':');
    if (has_scheme)
        add_error(ctx, path, "unsupported URL " + quote_text(url) + ": use a relative path or http(s)://");
    else if (absolute_path)
        add_error(ctx, path, "absolute path " + quote_text(url) + ": use a path relative to the manifest");
}

// 1.2: the feed's sha256 and length, both or neither (FORMAT.md "Signed publishing").
void read_integrity(Ctx& ctx, const Json& o, const std::string& p, FeedRef& ref) {
    ref.sha256 = get_string(ctx, o, p, "sha256", Need::Optional);
    const bool hex =
        ref.sha256.size() == 64 && ref.sha256.find_first_not_of("0123456789abcdef") == std::string::npos;
    if (o.contains("sha256") && !hex) {
        add_error(ctx, key_path(p, "sha256"),
                  "expected 64 lower-case hex digits, got " + quote_text(ref.sha256));
        ref.sha256.clear();
    }
    ref.length = get_integer(ctx, o, p, "length", Need::Optional, 0, 1LL << 40);
    if (o.contains("sha256") != o.contains("length"))
        add_error(ctx, p, "\"sha256\" and \"length\" go together: give both or neither");
}

// 1.2: serial and expires (FORMAT.md "Signed publishing").
void read_signed_fields(Ctx& ctx, const Json& doc, Manifest& m) {
    m.serial = get_integer(ctx, doc, "$", "serial", Need::Optional, 0, 99999999999999LL);
    if (!doc.contains("expires")) return;
    const std::string text = get_string(ctx, doc, "$", "expires", Need::Required);
    m.expires = parse_utc(text);
    if (!m.expires)
        add_error(ctx, "$.expires", "expected a UTC time \"YYYY-MM-DDTHH:MM:SSZ\", got " + quote_text(text));
}

FeedRef read_feed_ref(Ctx& ctx, const Json& o, const std::string& p) {
    warn_unknown_keys(ctx, o, p, {"id", "url", "refresh_s", "max_age_s", "sha256", "length"});
    FeedRef ref;
    ref.id = get_id(ctx, o, p, "id", Need::Required);
    ref.url = get_text(ctx, o, p, "url", Need::Required);
    check_url(ctx, ref.url, key_path(p, "url"));
    read_integrity(ctx, o, p, ref);
    if (auto r = get_integer(ctx, o, p, "refresh_s", Need::Optional, 30, 86400))
        ref.refresh_s = static_cast<int>(*r);
    if (auto m = get_integer(ctx, o, p, "max_age_s", Need::Optional, 30, kMaxAgeLimit)) {
        ref.max_age_s = static_cast<int>(*m);
        if (ref.max_age_s < ref.refresh_s)
            add_error(ctx, key_path(p, "max_age_s"),
                      "must be at least refresh_s (" + std::to_string(ref.refresh_s) + "), got " +
                          std::to_string(ref.max_age_s));
    }
    return ref;
}

ViewOptions read_options(Ctx& ctx, const Json& o, const std::string& p) {
    warn_unknown_keys(
        ctx, o, p,
        {"sort", "highlight", "unit", "columns", "column", "limit", "decimals", "caption", "reference"});
    ViewOptions opt;
    opt.sort =
        get_enum(ctx, o, p, "sort", Need::Optional,
                 {{"none", SortOrder::None}, {"asc", SortOrder::Ascending}, {"desc", SortOrder::Descending}},
                 SortOrder::None);
    opt.highlight = get_string_list(ctx, o, p, "highlight", Need::Optional);
    opt.unit = get_string(ctx, o, p, "unit", Need::Optional);
    opt.columns = get_string_list(ctx, o, p, "columns", Need::Optional);
    opt.column = get_string(ctx, o, p, "column", Need::Optional);
    if (auto l = get_integer(ctx, o, p, "limit", Need::Optional, 0, 100)) opt.limit = static_cast<int>(*l);
    if (auto d = get_integer(ctx, o, p, "decimals", Need::Optional, 0, 3))
        opt.decimals = static_cast<int>(*d);
    opt.caption = get_string(ctx, o, p, "caption", Need::Optional);
    if (const Json* ref = get_object(ctx, o, p, "reference", Need::Optional)) {
        const std::string rp = key_path(p, "reference");
        warn_unknown_keys(ctx, *ref, rp, {"label", "value"});
        ReferenceLine line;
        line.label = get_text(ctx, *ref, rp, "label", Need::Required);
        const auto value = get_number(ctx, *ref, rp, "value", Need::Required);
        line.value = value.value_or(0);
        if (value) opt.reference = line;
    }
    return opt;
}

// A QR hand-off: an absolute http(s) URL and a short caption.
}  // namespace

std::optional<SlideLink> read_link(Ctx& ctx, const Json& o, const std::string& p) {
    warn_unknown_keys(ctx, o, p, {"url", "caption"});
    SlideLink link;
    link.url = get_text(ctx, o, p, "url", Need::Required);
    link.caption = get_text(ctx, o, p, "caption", Need::Required);
    if (!link.url.empty() && !is_remote(link.url)) {
        add_error(ctx, key_path(p, "url"),
                  "expected an http:// or https:// URL, got " + quote_text(link.url));
        return std::nullopt;
    }
    if (link.url.size() > kMaxLinkBytes) {
        add_error(ctx, key_path(p, "url"),
                  "link of " + std::to_string(link.url.size()) + " bytes; at most " +
                      std::to_string(kMaxLinkBytes) +
                      " fit a QR code the smallest screen (800x480) shows readably (version 10, level M, "
                      "3 px modules): use a shorter address");
        return std::nullopt;
    }
    if (link.url.empty() || link.caption.empty()) return std::nullopt;
    return link;
}

namespace {

// nullopt for a slide of an unknown view (warned; forward compatible) or one without a view.
std::optional<Slide> read_slide(Ctx& ctx, const Json& o, const std::string& p) {
    const bool has_view = o.contains("view") && o.at("view").is_string();
    const std::string view_name = get_string(ctx, o, p, "view", Need::Required);
    std::optional<ViewType> view = has_view ? parse_view_type(view_name) : std::nullopt;
    if (has_view && !view) {
        std::string known;
        std::vector<std::string_view> names;
        for (const ViewType v : kAllViewTypes) {
            known += std::string(known.empty() ? "" : ", ") + view_type_name(v);
            names.push_back(view_type_name(v));
        }
        add_lost(ctx, key_path(p, "view"),
                 "unknown view " + quote_text(view_name) + " (slide skipped)" +
                     did_you_mean(view_name, names) + "; known views: " + known);
        return std::nullopt;
    }
    warn_unknown_keys(ctx, o, p,
                      {"id", "feed", "dataset", "view", "title", "duration_s", "options", "link", "show"});
    Slide slide;
    slide.id = get_id(ctx, o, p, "id", Need::Required);
    slide.feed = get_id(ctx, o, p, "feed", Need::Required);
    slide.dataset = get_id(ctx, o, p, "dataset", Need::Required);
    slide.title = get_text(ctx, o, p, "title", Need::Required);
    if (auto d = get_integer(ctx, o, p, "duration_s", Need::Optional, 3, 600))
        slide.duration_s = static_cast<int>(*d);
    if (const Json* options = get_object(ctx, o, p, "options", Need::Optional))
        slide.options = read_options(ctx, *options, key_path(p, "options"));
    if (const Json* link = get_object(ctx, o, p, "link", Need::Optional))
        slide.link = read_link(ctx, *link, key_path(p, "link"));
    if (const Json* show = get_object(ctx, o, p, "show", Need::Optional))
        slide.show = read_slide_show(ctx, *show, key_path(p, "show"));
    if (!view) return std::nullopt;
    slide.view = *view;
    return slide;
}

}  // namespace

std::optional<Manifest> read_manifest(Ctx& ctx, const Json& doc) {
    Manifest m;
    if (!check_format_and_version(ctx, doc, kManifestFormat, m.format_version)) return std::nullopt;
    warn_unknown_keys(
        ctx, doc, "$",
        {"format", "version", "title", "feeds", "playlist", "display_schedule", "serial", "expires"});
    read_signed_fields(ctx, doc, m);
    m.title = get_text(ctx, doc, "$", "title", Need::Required);
    if (const Json* s = get_object(ctx, doc, "$", "display_schedule", Need::Optional))
        m.display_schedule = read_display_schedule(ctx, *s, "$.display_schedule");

    std::vector<std::pair<std::string, std::string>> feed_ids, slide_ids;
    if (const Json* feeds = get_array(ctx, doc, "$", "feeds", Need::Required)) {
        for (std::size_t i = 0; i < feeds->size(); ++i) {
            const std::string p = index_path("$.feeds", i);
            if (!expect_object(ctx, (*feeds)[i], p)) continue;
            m.feeds.push_back(read_feed_ref(ctx, (*feeds)[i], p));
            feed_ids.emplace_back(m.feeds.back().id, key_path(p, "id"));
        }
        if (feeds->empty()) add_error(ctx, "$.feeds", "a manifest needs at least one feed");
    }
    if (const Json* playlist = get_array(ctx, doc, "$", "playlist", Need::Required)) {
        for (std::size_t i = 0; i < playlist->size(); ++i) {
            const std::string p = index_path("$.playlist", i);
            if (!expect_object(ctx, (*playlist)[i], p)) continue;
            if (auto slide = read_slide(ctx, (*playlist)[i], p)) {
                slide->json_index = i;
                slide_ids.emplace_back(slide->id, key_path(p, "id"));
                m.playlist.push_back(std::move(*slide));
            }
        }
        // An empty screen is never what the publisher meant.
        if (m.playlist.empty() && ctx.errors == 0)
            add_error(ctx, "$.playlist",
                      "no slides to show (the playlist is empty or all its views are unknown)");
    }
    check_unique(ctx, feed_ids, "feed id");
    check_unique(ctx, slide_ids, "slide id");
    // With errors too: --check goes on to the feeds it names. parse_manifest() refuses it.
    return m;
}

}  // namespace feeds
