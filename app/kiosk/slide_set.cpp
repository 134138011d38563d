#include "app/kiosk/slide_set.h"

#include <filesystem>

#include "app/danish_format.h"
#include "feeds/bundled_feeds.h"
#include "feeds/feed_lookup.h"
#include "feeds/feed_parse.h"
#include "feeds/file_read.h"
#include "feeds/playlist_check.h"
#include "feeds/url.h"

namespace fs = std::filesystem;

namespace {

struct Text {
    bool found = false;
    std::string text;
    std::string error;
};

Text bundled_text(std::string_view name) {
    for (const auto& f : feeds::bundled_files())
        if (f.name == name) return {true, std::string(f.text), {}};
    return {false, {}, "not among the bundled files"};
}

// Up to one byte over the parser's size limit, so the parser can say the file is too large.
Text file_text(const std::string& path) {
    std::string why;
    auto text = feeds::read_file_prefix(path, feeds::Limits{}.max_file_bytes, why);
    if (!text) return {false, {}, "cannot read: " + why};
    return {true, std::move(*text), {}};
}

void log_problems(SlideSet& set, const std::vector<feeds::Problem>& problems) {
    for (const auto& p : problems) {
        set.problems.push_back(feeds::to_line(p));
        set.errors += p.severity == feeds::Problem::Severity::Error;
        set.lost += p.lost;
    }
}

// The feed file's name as a reader of the log knows it: the bundled name or the local path.
std::string feed_location(const SlideSource& src, const feeds::FeedRef& ref) {
    if (src.manifest_path.empty() || feeds::is_http_url(ref.url)) return ref.url;
    return (fs::path(src.manifest_path).parent_path() / ref.url).lexically_normal().string();
}

void load_feeds(const SlideSource& src, SlideSet& set) {
    for (const auto& ref : set.manifest.feeds) {
        const std::string where = feed_location(src, ref);
        if (feeds::is_http_url(ref.url)) {
            set.problems.push_back(where +
                                   ": remote feeds are not fetched by this program yet; slides on feed \"" +
                                   ref.id + "\" are skipped");
            ++set.errors;
            continue;
        }
        Text t;
        if (src.manifest_path.empty()) {
            t = bundled_text(ref.url);
        } else {
            t = file_text(where);
        }
        if (!t.found) {
            set.problems.push_back(where + ": " + t.error);
            ++set.errors;
            continue;
        }
        feeds::FeedResult r = feeds::parse_feed(t.text, where);
        log_problems(set, r.problems);
        if (r.feed) set.feeds.emplace(ref.id, std::make_shared<const feeds::Feed>(std::move(*r.feed)));
    }
}

ScreenSlide make_slide(const SlideSet& set, const feeds::Slide& s) {
    ScreenSlide out;
    out.slide = &s;
    out.parts.title = s.title;
    out.parts.caption = s.options.caption;
    if (s.link) out.qr = encode_qr(s.link->url);
    const auto feed_it = set.feeds.find(s.feed);
    if (feed_it == set.feeds.end()) {
        out.why_invalid = "slide \"" + s.id + "\": feed \"" + s.feed + "\" has no valid data";
        return out;
    }
    const feeds::Feed& feed = *feed_it->second;
    const feeds::Dataset* d = feeds::find_dataset(feed, s.dataset);
    if (!d) {
        out.why_invalid =
            "slide \"" + s.id + "\": feed \"" + s.feed + "\" has no dataset \"" + s.dataset + "\"";
        return out;
    }
    const std::string mismatch = feeds::view_mismatch(s.view, d->body);
    if (!mismatch.empty()) {
        out.why_invalid = "slide \"" + s.id + "\": " + mismatch;
        return out;
    }
    out.dataset = d;
    out.valid = true;
    out.parts.source = source_line(feeds::resolve_source(feed, *d));
    out.parts.as_of =
        format_data_as_of(feeds::effective_as_of(feed, *d), feeds::effective_as_of_text(feed, *d));
    return out;
}

// The slides of a loaded manifest and feeds: playlist checks, one ScreenSlide per entry.
void finish_slide_set(SlideSet& set, const std::string& manifest_name) {
    feeds::LoadedFeeds loaded;
    for (const auto& [id, feed] : set.feeds) loaded.emplace(id, feed.get());
    log_problems(set, feeds::check_playlist(set.manifest, manifest_name, loaded));

    for (const auto& s : set.manifest.playlist) set.slides.push_back(make_slide(set, s));
    const int valid = count_valid(set);
    int n = 0;
    for (auto& s : set.slides) {
        if (s.valid)
            s.parts.position = position_text(++n, valid);
        else
            set.problems.push_back(manifest_name + ": " + s.why_invalid + " (skipped)");
    }
}

}  // namespace

std::string position_text(int index, int count) {
    return std::to_string(index) + " / " + std::to_string(count);
}

std::string source_line(const feeds::SourceRef& s) {
    // The publisher's own short form fits the footer: the long one is cut on most screens.
    if (!s.short_text.empty()) return "Kilde: " + s.short_text;
    // "Kilde: publisher · document · item". The document often names the publisher already
    // ("KKR Sjælland" / "KKR Sjælland, mødebilag maj 2022"): say it once.
    const bool doc_names_publisher = !s.publisher.empty() && s.document.rfind(s.publisher, 0) == 0;
    std::string out;
    for (const std::string* part : {&s.publisher, &s.document, &s.item}) {
        if (part->empty() || (part == &s.publisher && doc_names_publisher)) continue;
        out += out.empty() ? "Kilde: " : " \u00B7 ";
        out += *part;
    }
    return out;
}

SlideSet load_slide_set(const SlideSource& src) {
    SlideSet set;
    const bool bundled = src.manifest_path.empty();
    const std::string manifest_name = bundled ? "manifest.json" : src.manifest_path;
    const Text t = bundled ? bundled_text("manifest.json") : file_text(src.manifest_path);
    if (!t.found) {
        set.problems.push_back(manifest_name + ": " + t.error);
        ++set.errors;
        return set;
    }
    feeds::ManifestResult m = feeds::parse_manifest(t.text, manifest_name);
    log_problems(set, m.problems);
    if (!m.manifest) return set;
    set.manifest = std::move(*m.manifest);
    set.manifest_ok = true;
    load_feeds(src, set);
    finish_slide_set(set, manifest_name);
    return set;
}

SlideSet build_slide_set(feeds::Manifest manifest, feeds::FeedMap feeds, const std::string& manifest_name,
                         std::vector<std::string> problems) {
    SlideSet set;
    set.manifest = std::move(manifest);
    set.feeds = std::move(feeds);
    set.problems = std::move(problems);
    set.manifest_ok = true;
    finish_slide_set(set, manifest_name);
    return set;
}

int count_valid(const SlideSet& set) {
    int n = 0;
    for (const auto& s : set.slides) n += s.valid ? 1 : 0;
    return n;
}

std::string no_data_reason(const SlideSet& set) {
    for (const auto& s : set.slides)
        if (!s.valid) return s.why_invalid;
    if (!set.problems.empty()) return set.problems.front();
    return "afspilningslisten er tom";
}
