#include "feeds/check.h"
#include "feeds/provenance.h"

#include <filesystem>
#include <memory>
#include <set>
#include <sstream>
#include <system_error>

#include "feeds/check_paths.h"
#include "feeds/feed_parse.h"
#include "feeds/file_read.h"
#include "feeds/json_document.h"
#include "feeds/parse_internal.h"
#include "feeds/playlist_check.h"
#include "feeds/trust.h"
#include "feeds/url.h"

namespace feeds {

namespace fs = std::filesystem;

namespace {

struct Tally {
    std::size_t files = 0, errors = 0, warnings = 0;
};

// Prints problems, each path with the ids of the items it passes through (when `doc` is given).
void report(std::ostream& out, Tally& tally, const std::vector<Problem>& problems, const CheckOptions& opt,
            const Json* doc = nullptr) {
    for (const auto& raw : problems) {
        Problem p = as_publisher_sees_it(raw, opt.allow_unknown);
        if (doc) p.path = path_with_ids(*doc, p.path);
        out << to_line(p) << '\n';
        (p.severity == Problem::Severity::Error ? tally.errors : tally.warnings) += 1;
    }
}

enum class Kind { Feed, Manifest, Unknown };

Kind detect_kind(const Json& doc) {
    if (doc.contains("format") && doc.at("format").is_string()) {
        const auto& f = doc.at("format").get_ref<const std::string&>();
        if (f == kFeedFormat) return Kind::Feed;
        if (f == kManifestFormat) return Kind::Manifest;
    }
    // A wrong or missing "format": guess from the content so the user gets the relevant problems.
    if (doc.contains("playlist")) return Kind::Manifest;
    if (doc.contains("datasets")) return Kind::Feed;
    return Kind::Unknown;
}

// Loads and checks one file, reporting its problems. Returns the JSON kind and the parsed result.
// A manifest with errors is kept (manifest_ok false): its feeds are still checked.
struct Checked {
    Kind kind = Kind::Unknown;
    bool readable = false;
    std::optional<Feed> feed;
    std::optional<Manifest> manifest;
    bool manifest_ok = false;
    std::string text;
};

Checked check_file(const std::string& path, const Limits& limits, const CheckOptions& opt, std::ostream& out,
                   Tally& tally) {
    ++tally.files;
    Checked result;
    Ctx ctx = make_ctx(path, limits);
    std::string why;
    std::optional<Json> doc;
    try {
        if (auto text = read_file_prefix(path, limits.max_file_bytes, why)) {
            result.readable = true;
            result.text = *text;
            doc = read_json_document(*text, ctx);
            if (doc) {
                result.kind = detect_kind(*doc);
                if (result.kind == Kind::Feed)
                    result.feed = read_feed(ctx, *doc);
                else if (result.kind == Kind::Manifest)
                    result.manifest = read_manifest(ctx, *doc);
                else
                    add_error(ctx, "$.format",
                              "not an infotavle file: expected \"format\": " + quote_text(kManifestFormat) +
                                  " or " + quote_text(kFeedFormat));
            }
        } else {
            add_error(ctx, "", "cannot read: " + why);
        }
    } catch (const std::exception& e) {
        add_error(ctx, "", std::string("internal error: ") + e.what());
    }
    result.manifest_ok = result.manifest && ctx.errors == 0;
    if (ctx.errors > 0) result.feed.reset();
    finish_problems(ctx);
    report(out, tally, ctx.problems, opt, doc ? &*doc : nullptr);
    // The editor's notes: never on screen, so the checker is where a publisher reviews them.
    if (result.feed)
        for (const auto& l : provenance_lines(*result.feed, path)) out << l << '\n';
    return result;
}

// Signed publishing (FORMAT.md): whether a signature lies beside the manifest, as a note.
void note_signature(std::ostream& out, const std::string& path, bool signed_fields) {
    std::string why;
    const auto sig = read_file_prefix(path + ".minisig", 4096, why);
    if (!sig && !signed_fields) return;  // a manifest not meant for signed publishing
    if (!sig) {
        out << path << ": note: unsigned (no " << path
            << ".minisig): a screen with a trusted key refuses it (infotavle --publish signs)\n";
        return;
    }
    const auto parsed = parse_signature(*sig, path + ".minisig");
    if (parsed.value)
        out << path << ": note: signed by key " << key_id_hex(parsed.value->key_id)
            << " (each screen checks it against its trusted keys)\n";
    else
        out << parsed.error << '\n';
}

// A local feed against the sha256 and length its manifest gives (1.2).
std::vector<Problem> integrity_problems(const FeedRef& ref, const std::string& feed_path,
                                        const std::string& manifest_path, const std::string& at,
                                        const Limits& limits) {
    std::string why;
    if (ref.sha256.empty() && !ref.length) return {};
    const auto bytes = read_file_prefix(feed_path, limits.max_file_bytes, why);
    if (!bytes) return {};  // reported by check_file already
    const std::string bad = verify_feed(*bytes, ref, feed_path);
    if (bad.empty()) return {};
    return {Problem{Problem::Severity::Error, manifest_path, at, bad}};
}

std::string canonical_key(const std::string& path) {
    std::error_code ec;
    auto c = fs::weakly_canonical(path, ec);
    return ec ? path : c.string();
}

// The manifest's feeds, each checked once, and (when the manifest itself is sound) its playlist
// against them.
void check_manifest_feeds(const std::string& path, const Checked& checked, const Limits& limits,
                          const CheckOptions& opt, std::set<std::string>& reported, std::ostream& out,
                          Tally& tally) {
    const Manifest& m = *checked.manifest;
    note_signature(out, path, m.serial.has_value());
    // Feeds stay alive until check_playlist has run; the map points into this vector.
    std::vector<std::unique_ptr<Feed>> feeds;
    LoadedFeeds loaded;
    FeedFiles files;
    std::vector<Problem> link_problems;
    const fs::path base = fs::path(path).parent_path();
    for (std::size_t i = 0; i < m.feeds.size(); ++i) {
        const FeedRef& ref = m.feeds[i];
        const std::string at = "$.feeds[" + std::to_string(i) + "].url";
        if (ref.url.empty()) continue;  // reported with the manifest
        if (is_http_url(ref.url)) {
            out << path << ": " << at << ": note: remote feed " << ref.url
                << " is not fetched by --check; check it separately\n";
            continue;
        }
        const std::string feed_path = (base / ref.url).lexically_normal().string();
        Tally ignored;
        std::ostringstream quiet;
        const bool first_time = reported.insert(canonical_key(feed_path)).second;
        Checked feed = first_time ? check_file(feed_path, limits, opt, out, tally)
                                  : check_file(feed_path, limits, opt, quiet, ignored);
        const std::string line = line_of_text(checked.text, quote_text(ref.url));
        if (!feed.readable && first_time)
            link_problems.push_back(Problem{Problem::Severity::Error, path,
                                            at + (line.empty() ? "" : " (" + line + ")"),
                                            "feed " + quote_text(ref.id) + " names " + quote_text(ref.url) +
                                                ", which cannot be read as " + feed_path});
        for (auto& p : integrity_problems(ref, feed_path, path, "$.feeds[" + std::to_string(i) + "]", limits))
            link_problems.push_back(std::move(p));
        if (feed.kind == Kind::Manifest)
            link_problems.push_back(Problem{Problem::Severity::Error, path, at,
                                            quote_text(ref.url) + " is a manifest, not a feed"});
        if (feed.feed) {
            feeds.push_back(std::make_unique<Feed>(std::move(*feed.feed)));
            loaded[ref.id] = feeds.back().get();
            files[ref.id] = feed_path;
        }
    }
    report(out, tally, link_problems, opt);
    if (!checked.manifest_ok) {
        out << path
            << ": note: the playlist is cross-checked against its feeds once the manifest's "
               "errors above are fixed\n";
        return;
    }
    report(out, tally, check_playlist(m, path, loaded, files), opt);
}

}  // namespace

Problem as_publisher_sees_it(Problem p, bool allow_unknown) {
    if (p.lost && !allow_unknown && p.severity == Problem::Severity::Warning) {
        p.severity = Problem::Severity::Error;
        p.message += " (not shown on screen; --allow-unknown makes this a warning, for a newer reader)";
    }
    return p;
}

int run_check(const std::vector<std::string>& paths, std::ostream& out, const Limits& limits,
              const CheckOptions& options) {
    Tally tally;
    if (paths.empty()) {
        out << "no files given: infotavle --check MANIFEST_OR_FEED.json...\n";
        return 1;
    }
    // A file named twice, or reached through a manifest and also named on the command line, is
    // reported once; a second visit only parses it quietly for the playlist cross-check.
    std::set<std::string> reported;
    for (const auto& path : paths) {
        if (!reported.insert(canonical_key(path)).second) continue;
        Checked checked = check_file(path, limits, options, out, tally);
        if (checked.manifest) check_manifest_feeds(path, checked, limits, options, reported, out, tally);
    }
    auto plural = [](std::size_t n, const char* word) {
        return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
    };
    out << plural(tally.files, "file") << " checked: " << plural(tally.errors, "error") << ", "
        << plural(tally.warnings, "warning") << '\n';
    return tally.errors == 0 ? 0 : 1;
}

}  // namespace feeds
