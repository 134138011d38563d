#include "app/kiosk/feed_sync.h"

#include <algorithm>
#include <set>

#include "app/age_text.h"
#include "feeds/feed_lookup.h"
#include "feeds/feed_parse.h"
#include "feeds/url.h"

namespace {

std::vector<std::string> lines_of(const std::vector<feeds::Problem>& problems) {
    std::vector<std::string> out;
    for (const auto& p : problems) out.push_back(feeds::to_line(p));
    return out;
}

std::string topic_for(const SyncItem& item) {
    return "fetch " + item.key;
}

SyncItem* find_item(FeedSync& s, const std::string& key) {
    if (key == kManifestKey) return &s.manifest_item;
    for (auto& f : s.feeds)
        if (f.key == key) return &f;
    return nullptr;
}

// The manifest has no refresh_s of its own: it is looked at as often as its busiest feed, so a
// new feed or slide shows up no later than new data would.
feeds::FeedRef manifest_ref(const std::string& location, const std::optional<feeds::Manifest>& m) {
    feeds::FeedRef ref{kManifestKey, location, kDefaultManifestRefreshS, 0, {}, {}};
    if (m && !m->feeds.empty()) {
        ref.refresh_s = m->feeds.front().refresh_s;
        for (const auto& f : m->feeds) ref.refresh_s = std::min(ref.refresh_s, f.refresh_s);
    }
    return ref;
}

// Local files are cheap to look at (a stat), so a changed file shows within seconds. A manifest
// just fetched plans its next fetch by its own feeds, not by the one it replaces.
feeds::FeedRef schedule_ref(const SyncItem& item, const ParsedBody& fetched = {}) {
    feeds::FeedRef r = item.ref;
    if (fetched.manifest && fetched.manifest->manifest)
        r = manifest_ref(item.location, fetched.manifest->manifest);
    if (!item.remote) r.refresh_s = std::min(r.refresh_s, kLocalCheckS);
    return r;
}

// A remote copy fetched in an earlier run is not fetched again before it is due.
void resume_schedule(SyncItem& item) {
    if (item.remote && item.meta.next_due_at > 0 && item.meta.url == item.location)
        item.schedule.next_due_s = item.meta.next_due_at;
}

// Keeps what is known of a feed the old manifest had at the same id; loads the cache for a new one.
SyncItem feed_item(FeedSync& s, const std::string& manifest_location, const feeds::FeedRef& ref,
                   std::vector<SyncNote>& notes) {
    SyncItem item;
    item.key = ref.id;
    item.ref = ref;
    const feeds::ResolvedUrl r = feeds::resolve_feed_url(manifest_location, ref.url);
    item.location = r.location;
    item.remote = r.remote;
    item.label = feeds::url_file_name(r.error.empty() ? r.location : ref.url);
    item.stored = !s.cache_dir.empty() && ref.id != kManifestKey;
    notes.push_back({"resolve " + ref.id,
                     r.error.empty() ? std::vector<std::string>{} : std::vector<std::string>{r.error}});
    if (const SyncItem* old = find_item(s, ref.id); old && old->key != kManifestKey) {
        // (an item already known keeps its schedule; its next_due is not re-read from the cache)
        item.meta = old->meta;
        item.have_copy = old->have_copy;
        item.in_flight = old->in_flight;
        item.last_error = old->last_error;
        item.failures_total = old->failures_total;
        // A moved feed is fetched from its new place at once; until then its old data stays.
        if (old->location == item.location) item.schedule = old->schedule;
        return item;
    }
    if (!item.stored) {
        if (ref.id == kManifestKey)
            notes.push_back({"cache " + ref.id,
                             {"feed \"manifest\": its id is the manifest's cache key, so it is not cached"}});
        return item;
    }
    if (auto why = check_cached_feed(s, ref, item.label); !why.empty()) {
        notes.push_back({"cache " + ref.id, {why}});
        return item;
    }
    feeds::ParseControl control;
    control.max_parsed_bytes = s.data_max_bytes;
    feeds::CachedFeed cached = feeds::load_cached_feed(s.cache_dir, ref.id, {}, control);
    std::vector<std::string> lines = lines_of(cached.problems);
    if (cached.feed) {
        if (auto why = over_data_budget(s, ref.id, cached.parsed_bytes); !why.empty()) {
            lines.push_back(item.label + ": cached copy not loaded: " + why);
            cached.feed.reset();
        }
    }
    notes.push_back({"cache " + ref.id, std::move(lines)});
    if (cached.feed) {
        s.data[ref.id] = std::make_shared<const feeds::Feed>(std::move(*cached.feed));
        s.data_bytes[ref.id] = cached.parsed_bytes;
        item.meta = cached.meta;
        item.have_copy = true;
        resume_schedule(item);
    }
    return item;
}

// The cached copies of feeds the manifest no longer lists go: they would only fill the disk.
void prune(FeedSync& s, const feeds::Manifest& m, std::vector<SyncNote>& notes) {
    if (s.cache_dir.empty()) return;
    std::set<std::string> keep{kManifestKey};
    for (const auto& f : m.feeds) keep.insert(f.id);
    const std::vector<std::string> removed = feeds::prune_cached(s.cache_dir, keep);
    if (removed.empty()) return;
    std::string ids;
    for (std::size_t i = 0; i < removed.size() && i < 5; ++i) ids += (i ? ", " : "") + removed[i];
    if (removed.size() > 5) ids += " and " + std::to_string(removed.size() - 5) + " more";
    // Said when it happens (the empty note after it clears the topic for the next time).
    notes.push_back({"cache pruned",
                     {"removed the cached copies of " + std::to_string(removed.size()) +
                      " feeds the manifest no longer lists: " + ids}});
    notes.push_back({"cache pruned", {}});
}

void adopt_manifest(FeedSync& s, feeds::Manifest m, std::vector<SyncNote>& notes) {
    const std::string& where = s.manifest_item.location;
    std::vector<SyncItem> items;
    for (const auto& ref : m.feeds) items.push_back(feed_item(s, where, ref, notes));
    s.feeds = std::move(items);
    prune(s, m, notes);
    for (auto it = s.data.begin(); it != s.data.end();) {
        if (find_item(s, it->first)) {
            ++it;
            continue;
        }
        s.data_bytes.erase(it->first);
        it = s.data.erase(it);
    }
    s.manifest_item.ref = manifest_ref(where, m);
    s.manifest = std::move(m);
    ++s.version;
}

// The cached manifest, if it is valid and from this location.
void load_cached_manifest(FeedSync& s, std::vector<SyncNote>& notes) {
    SyncItem& item = s.manifest_item;
    const feeds::CacheRead read = feeds::read_cached(s.cache_dir, kManifestKey);
    std::vector<std::string> lines = lines_of(read.problems);
    if (read.copy && read.copy->meta.url != item.location) {
        lines.push_back("cached manifest is from " + read.copy->meta.url + ", not " + item.location +
                        ": not used");
    } else if (read.copy) {
        feeds::ManifestResult m = feeds::parse_manifest(read.copy->text, item.label);
        for (auto& l : lines_of(m.problems)) lines.push_back("cached copy: " + l);
        if (m.manifest)
            if (auto why = check_cached_manifest(s, read.copy->text, *m.manifest, 0); !why.empty()) {
                lines.push_back(why);
                m.manifest.reset();
            }
        if (m.manifest) {
            item.meta = read.copy->meta;
            item.have_copy = true;
            resume_schedule(item);
            adopt_manifest(s, std::move(*m.manifest), notes);
        }
    }
    notes.push_back({"cache " + item.key, std::move(lines)});
}

feeds::Limits cache_limits(const FeedSync& s) {
    feeds::Limits l;
    l.max_cache_bytes = s.cache_max_bytes;
    return l;
}

// Moves what parse_fetched() found into `out` (its problems, a feed) or `manifest`. True when
// the text was valid.
bool take_parsed(ParsedBody& parsed, feeds::FetchOutcome& out, std::optional<feeds::Manifest>& manifest) {
    if (parsed.manifest) {
        out.problems = std::move(parsed.manifest->problems);
        manifest = std::move(parsed.manifest->manifest);
        return manifest.has_value();
    }
    if (parsed.feed) {
        out.problems = std::move(parsed.feed->problems);
        out.feed = std::move(parsed.feed->feed);
        return out.feed.has_value();
    }
    return false;
}

// accept_fetched() for an Ok body already parsed, off the render thread: the same rules for a
// feed and the manifest (which goes into `manifest`).
feeds::FetchOutcome accept_stored(FeedSync& s, const SyncItem& item, const feeds::FetchRequest& req,
                                  const feeds::FetchResult& res, std::int64_t now, ParsedBody& parsed,
                                  std::optional<feeds::Manifest>& manifest, std::int64_t next_due) {
    feeds::FetchOutcome out;
    if (!take_parsed(parsed, out, manifest)) return out;
    out.succeeded = true;
    out.fetched_at = now;
    const feeds::CacheMeta meta{req.url, now, res.etag, res.last_modified, next_due};
    if (auto p = feeds::write_cached(s.cache_dir, item.key, res.body, meta, cache_limits(s)))
        out.problems.push_back(*p);
    return out;
}

// The same rules without a cache: nothing is written (no cache dir, a clashing key, or a
// local file found unchanged). A manifest goes into `manifest`.
feeds::FetchOutcome accept_unstored(const feeds::FetchResult& res, std::int64_t now, ParsedBody& parsed,
                                    std::optional<feeds::Manifest>& manifest) {
    feeds::FetchOutcome out;
    out.succeeded = res.status == feeds::FetchStatus::NotModified;
    if (res.status == feeds::FetchStatus::Ok) out.succeeded = take_parsed(parsed, out, manifest);
    if (out.succeeded) out.fetched_at = now;
    return out;
}

feeds::FetchOutcome accept(FeedSync& s, SyncItem& item, const feeds::FetchRequest& req,
                           const feeds::FetchResult& res, std::int64_t now, ParsedBody& parsed,
                           std::optional<feeds::Manifest>& manifest, std::int64_t next_due) {
    if (res.status == feeds::FetchStatus::Failed)  // the error as a problem; no disk touched
        return feeds::accept_fetched(s.cache_dir, item.key, req, res, now);
    // A local file's NotModified is only a stat: rewriting the metadata every few seconds would
    // wear an SD card for nothing. Its in-memory age is renewed all the same.
    const bool local_unchanged = !item.remote && res.status == feeds::FetchStatus::NotModified;
    if (local_unchanged || !item.stored) return accept_unstored(res, now, parsed, manifest);
    if (res.status == feeds::FetchStatus::Ok)
        return accept_stored(s, item, req, res, now, parsed, manifest, next_due);
    // NotModified: the stored copy is renewed
    return feeds::accept_fetched(s.cache_dir, item.key, req, res, now, cache_limits(s), next_due);
}

std::string mib(std::size_t bytes) {
    const std::size_t tenths = (bytes * 10 + (1 << 19)) >> 20;
    return std::to_string(tenths / 10) + "." + std::to_string(tenths % 10) + " MiB";
}

// A valid feed that does not fit the data budget is refused here, before it is stored or shown:
// from then on it is a failed fetch like any other. Returns the size of what is kept.
std::size_t keep_within_budget(const FeedSync& s, const SyncItem& item, ParsedBody& body) {
    if (!body.feed || !body.feed->feed) return 0;
    const std::size_t bytes = body.feed->stats.parsed_bytes;
    if (auto why = over_data_budget(s, item.key, bytes); !why.empty()) {
        body.feed->feed.reset();
        body.feed->problems.push_back({feeds::Problem::Severity::Error, item.label, "", "refused: " + why});
    }
    return bytes;
}

// The topic's lines after a fetch: its problems, and what the screen does about them.
std::vector<std::string> outcome_lines(const SyncItem& item, const feeds::FetchOutcome& out,
                                       int failures_before) {
    std::vector<std::string> lines = lines_of(out.problems);
    if (!out.succeeded && !lines.empty())
        lines.back() += item.have_copy ? "; keeping the last good copy" : "; nothing to show from it yet";
    if (out.succeeded && lines.empty() && failures_before > 0)
        lines.push_back(item.label + ": fetched again from " + item.location);
    return lines;
}

// An accepted update, in one line: a publisher reads in the journal that the screen took it.
SyncNote update_note(const SyncItem& item, const feeds::Feed& feed, std::size_t bytes) {
    return {"update " + item.key,
            {item.label + ": took new data as of " + feeds::format_partial_date(feed.as_of) + " (" +
             std::to_string(bytes) + " bytes) from " + item.location}};
}

}  // namespace

FeedSync open_sync(const std::string& manifest_location, std::string cache_dir, std::vector<SyncNote>& notes,
                   std::uint64_t data_max_bytes, std::vector<feeds::MinisignPublicKey> trusted_keys) {
    FeedSync s;
    s.trust.keys = std::move(trusted_keys);
    s.cache_dir = std::move(cache_dir);
    s.data_max_bytes = data_max_bytes;
    SyncItem& m = s.manifest_item;
    m.key = kManifestKey;
    m.location = manifest_location;
    m.remote = feeds::is_http_url(manifest_location);
    m.label = feeds::url_file_name(manifest_location);
    m.ref = manifest_ref(manifest_location, std::nullopt);
    m.stored = !s.cache_dir.empty();
    if (m.stored) {
        notes.push_back({"cache tmp", lines_of(feeds::remove_stale_tmp_files(s.cache_dir))});
        std::string damaged;
        if (trust_on(s.trust)) s.trust.state = feeds::read_trust_state(s.cache_dir, damaged);
        notes.push_back({"trust state", damaged.empty() ? std::vector<std::string>{} : std::vector{damaged}});
        load_cached_manifest(s, notes);
    }
    return s;
}

std::vector<FetchOrder> due_fetches(FeedSync& s, std::int64_t now, std::size_t max) {
    std::vector<FetchOrder> out;
    auto order = [&](SyncItem& item) {
        if (out.size() >= max || item.in_flight || item.location.empty()) return;
        if (!feeds::fetch_due(item.schedule, now)) return;
        item.in_flight = true;
        feeds::FetchRequest req =
            feeds::conditional_request(item.location, item.label, item.have_copy ? &item.meta : nullptr);
        req.user_agent = s.user_agent;
        req.ca_file = s.ca_file;
        out.push_back({item.key, std::move(req)});
    };
    order(s.manifest_item);
    for (auto& f : s.feeds) order(f);
    return out;
}

std::optional<std::int64_t> next_fetch_due(const FeedSync& s, std::int64_t now) {
    std::optional<std::int64_t> next;
    auto consider = [&](const SyncItem& item) {
        if (item.in_flight || item.location.empty()) return;
        const std::int64_t at = feeds::next_fetch_at(item.schedule, now);
        next = next ? std::min(*next, at) : at;
    };
    consider(s.manifest_item);
    for (const auto& f : s.feeds) consider(f);
    return next;
}

std::string over_data_budget(const FeedSync& s, const std::string& key, std::size_t bytes) {
    if (s.data_max_bytes == 0) return {};
    std::size_t others = 0;
    for (const auto& [id, b] : s.data_bytes)
        if (id != key) others += b;
    if (others + bytes <= s.data_max_bytes) return {};
    return "its data would take about " + mib(bytes) + " of memory; with the other feeds' " + mib(others) +
           " that is over the budget of " + mib(s.data_max_bytes) + " for all feeds together (--data-max-mb)";
}

ParsedBody parse_fetched(const std::string& key, const feeds::FetchRequest& request,
                         const feeds::FetchResult& result, const feeds::ParseControl& control) {
    ParsedBody out;
    if (result.status != feeds::FetchStatus::Ok) return out;
    const std::string label = request.label.empty() ? feeds::url_file_name(request.url) : request.label;
    if (key == kManifestKey)
        out.manifest = feeds::parse_manifest(result.body, label, {}, control);
    else
        out.feed = feeds::parse_feed(result.body, label, {}, control);
    return out;
}

std::vector<SyncNote> apply_fetch(FeedSync& s, const std::string& key, const feeds::FetchRequest& request,
                                  const feeds::FetchResult& result, std::int64_t now, ParsedBody* parsed) {
    SyncItem* item = find_item(s, key);
    if (!item) return {};  // the manifest dropped it meanwhile
    item->in_flight = false;
    if (request.url != item->location) return {};  // moved meanwhile: its new place is due already

    // Both possible next schedules first: the success one's due time is stored with the copy.
    const double unit = std::uniform_real_distribution<double>(0.0, 1.0)(s.rng);
    const feeds::FetchSchedule if_failed = feeds::after_attempt(
        item->schedule, schedule_ref(*item), false, now, unit, feeds::retry_after_s(result.retry_after, now));
    feeds::FetchSchedule if_ok;
    std::optional<feeds::Manifest> manifest;
    feeds::FetchOutcome out;
    std::size_t bytes = 0;
    PendingTrust trusted;
    try {
        ParsedBody parsed_here;
        if (!parsed) parsed_here = parse_fetched(key, request, result);
        ParsedBody& body = parsed ? *parsed : parsed_here;
        if_ok = feeds::after_attempt(item->schedule, schedule_ref(*item, body), true, now, unit);
        check_fetched(s, *item, request, result, body, now, trusted);
        bytes = keep_within_budget(s, *item, body);
        out = accept(s, *item, request, result, now, body, manifest, *if_ok.next_due_s);
    } catch (const std::exception& e) {  // nothing a server sends may end the run loop
        out = {};
        manifest.reset();
        out.problems.push_back({feeds::Problem::Severity::Error, item->label, "",
                                "the answer from " + request.url + " could not be used: " + e.what()});
    }
    const int failures_before = item->schedule.failures;
    item->schedule = out.succeeded ? if_ok : if_failed;
    std::vector<SyncNote> notes{{topic_for(*item), outcome_lines(*item, out, failures_before)}};
    item->last_error = out.succeeded || notes.front().lines.empty() ? "" : notes.front().lines.back();
    item->failures_total += out.succeeded ? 0 : 1;
    if (!out.succeeded) return notes;

    item->meta.fetched_at = *out.fetched_at;
    if (!result.etag.empty()) item->meta.etag = result.etag;
    if (!result.last_modified.empty()) item->meta.last_modified = result.last_modified;
    item->meta.url = request.url;
    if (key == kManifestKey) {
        if (manifest) {  // new text; a 304 or an unchanged file keeps the manifest as it is
            item->have_copy = true;
            adopt_manifest(s, std::move(*manifest), notes);
            if (trusted.sig) notes.push_back({"trust", remember_manifest(s, *trusted.sig, trusted.next)});
        }
        return notes;
    }
    if (out.feed) {
        notes.push_back(update_note(*item, *out.feed, result.body.size()));
        notes.push_back({"update " + key, {}});  // said every time: the next update is news too
        item->have_copy = true;
        s.data[key] = std::make_shared<const feeds::Feed>(std::move(*out.feed));
        s.data_bytes[key] = bytes;
        ++s.version;
    }
    return notes;
}

std::vector<SyncNote> reload_manifest(FeedSync& s) {
    s.manifest_item.schedule.next_due_s.reset();
    // Said every time (the empty note after it clears the topic for the next one).
    return {{"reload", {"SIGHUP: reading the manifest again from " + s.manifest_item.location}},
            {"reload", {}}};
}

bool first_round_done(const FeedSync& s) {
    auto done = [](const SyncItem& i) {
        return i.have_copy || i.schedule.last_attempt_s || i.location.empty();
    };
    if (!done(s.manifest_item)) return false;
    return std::all_of(s.feeds.begin(), s.feeds.end(), done);
}

ShownSlides slides_to_show(const FeedSync& s) {
    ShownSlides out;
    const std::string& where = s.manifest_item.location;
    if (s.manifest) {
        SlideSet set = build_slide_set(*s.manifest, s.data, s.manifest_item.label);
        if (count_valid(set) > 0) {
            out.set = std::move(set);
            return out;
        }
        out.why_bundled = "none of the " + std::to_string(set.slides.size()) + " slides of " + where +
                          " has valid data yet (" + no_data_reason(set) + "); showing the bundled slides";
    } else {
        out.why_bundled = "no manifest from " + where +
                          (s.manifest_item.schedule.last_attempt_s ? " (none cached, and fetching it failed)"
                                                                   : " yet (none cached; fetching it)") +
                          "; showing the bundled slides";
    }
    out.set = load_slide_set({});
    out.bundled = true;
    return out;
}

bool update_stale_texts(ShownSlides& shown, const FeedSync& s, std::int64_t now) {
    if (shown.bundled) return false;
    bool changed = false;
    for (auto& slide : shown.set.slides) {
        std::string text;
        for (const auto& item : s.feeds) {
            if (!slide.valid || item.key != slide.slide->feed || !item.have_copy) continue;
            const feeds::DataAge age = feeds::data_age(item.ref, item.meta.fetched_at, now);
            if (age.stale) text = stale_text(age.age_s);
        }
        changed = changed || slide.parts.stale != text;
        slide.parts.stale = std::move(text);
    }
    return changed;
}
