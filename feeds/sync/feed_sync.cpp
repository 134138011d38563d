#include "feeds/sync/feed_sync.h"

#include <algorithm>
#include <set>
#include <utility>

#include "feeds/feed_lookup.h"
#include "feeds/sync/intake.h"
#include "feeds/url.h"

namespace feeds {

namespace {

std::vector<std::string> lines_of(const std::vector<Problem>& problems) {
    std::vector<std::string> out;
    for (const auto& p : problems) out.push_back(to_line(p));
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
FeedRef manifest_ref(const std::string& location, const std::optional<Manifest>& m) {
    FeedRef ref{kManifestKey, location, kDefaultManifestRefreshS, 0, {}, {}};
    if (m && !m->feeds.empty()) {
        ref.refresh_s = m->feeds.front().refresh_s;
        for (const auto& f : m->feeds) ref.refresh_s = std::min(ref.refresh_s, f.refresh_s);
    }
    return ref;
}

// Local files are cheap to look at (a stat), so a changed file shows within seconds. A watched
// one is due at once when it changes (local_watch.h); it is still looked at now and then, as a
// missed event (a watch lost and not yet back, a filesystem that did not say) must not leave old
// data on the screen for ever. A manifest just fetched plans its next fetch by its own feeds,
// not by the one it replaces.
FeedRef schedule_ref(const SyncItem& item, const ParsedBody& fetched = {}) {
    FeedRef r = item.ref;
    if (fetched.manifest && fetched.manifest->manifest)
        r = manifest_ref(item.location, fetched.manifest->manifest);
    if (!item.remote) r.refresh_s = std::min(r.refresh_s, item.watched ? kLocalSafetyS : kLocalCheckS);
    return r;
}

// A remote copy fetched in an earlier run is not fetched again before it is due, unless the
// options ask for the data of this moment (--render: a feed published a minute ago is checked).
void resume_schedule(const SyncOptions& options, SyncItem& item) {
    if (options.fetch_all_now) return;
    if (item.remote && item.meta.next_due_at > 0 && item.meta.url == item.location)
        item.schedule.next_due_s = item.meta.next_due_at;
}

// What a text for `item` must pass (accept.h): its parse abandoned past the whole data budget,
// the budget with the other feeds held now, and the signed-publishing checks at `now`.
AcceptRules accept_rules(const FeedSync& s, const SyncItem& item, std::int64_t now) {
    AcceptRules rules;
    rules.key = item.key;
    rules.label = item.label;
    rules.data_max_bytes = s.options.data_max_bytes;
    for (const auto& [id, bytes] : s.data_bytes)
        if (id != item.key) rules.others_bytes += bytes;
    rules.control.max_parsed_bytes = s.options.data_max_bytes;
    rules.trust = trust_rules(s.trust, now);
    rules.trust.what = item.key == kManifestKey ? item.label : "feed " + item.key + " (" + item.label + ")";
    rules.trust.ref = item.ref;
    return rules;
}

// Keeps what is known of a feed the old manifest had at the same id; loads the cache for a new one.
SyncItem feed_item(FeedSync& s, const std::string& manifest_location, const FeedRef& ref,
                   std::vector<Note>& notes) {
    SyncItem item;
    item.key = ref.id;
    item.ref = ref;
    const ResolvedUrl r = resolve_feed_url(manifest_location, ref.url);
    item.location = r.location;
    item.remote = r.remote;
    item.label = url_file_name(r.error.empty() ? r.location : ref.url);
    item.stored = !s.options.cache_dir.empty() && ref.id != kManifestKey;
    notes.push_back({"resolve " + ref.id,
                     r.error.empty() ? std::vector<std::string>{} : std::vector<std::string>{r.error}});
    if (const SyncItem* old = find_item(s, ref.id); old && old->key != kManifestKey) {
        // (an item already known keeps its schedule; its next_due is not re-read from the cache)
        item.meta = old->meta;
        item.have_copy = old->have_copy;
        item.in_flight = old->in_flight;
        item.watched = old->watched && old->location == item.location;
        item.changed = old->changed;
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
    AcceptRules rules = accept_rules(s, item, 0);
    rules.trust.what = "cached " + item.label;
    CachedFeed cached = load_cached_feed(s.options.cache_dir, rules);
    notes.push_back({"cache " + ref.id, lines_of(cached.problems)});
    if (cached.feed) {
        s.data[ref.id] = std::make_shared<const Feed>(std::move(*cached.feed));
        s.data_bytes[ref.id] = cached.parsed_bytes;
        item.meta = cached.meta;
        item.have_copy = true;
        resume_schedule(s.options, item);
    }
    return item;
}

// The cached copies of feeds the manifest no longer lists go: they would only fill the disk.
void prune(FeedSync& s, const Manifest& m, std::vector<Note>& notes) {
    if (s.options.cache_dir.empty()) return;
    std::set<std::string> keep{kManifestKey};
    for (const auto& f : m.feeds) keep.insert(f.id);
    const std::vector<std::string> removed = prune_cached(s.options.cache_dir, keep);
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

void adopt_manifest(FeedSync& s, Manifest m, std::vector<Note>& notes) {
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
void load_cached_manifest(FeedSync& s, std::vector<Note>& notes) {
    SyncItem& item = s.manifest_item;
    const CacheRead read = read_cached(s.options.cache_dir, kManifestKey);
    std::vector<std::string> lines = lines_of(read.problems);
    if (read.copy && read.copy->meta.url != item.location) {
        lines.push_back("cached manifest is from " + read.copy->meta.url + ", not " + item.location +
                        ": not used");
    } else if (read.copy) {
        AcceptRules rules{.key = kManifestKey, .label = item.label, .trust = trust_rules(s.trust, 0)};
        rules.trust.what = "cached " + item.label;
        rules.trust.new_data = false;  // what was shown before a restart is shown again
        if (trust_on(s.trust)) rules.trust.signature = read_cached_signature(s.options.cache_dir);
        Acceptance a = accept_text(read.copy->text, rules);
        for (auto& l : lines_of(a.problems)) lines.push_back("cached copy: " + l);
        if (a.verdict == Verdict::Untrusted) lines.push_back(a.reason + ": not used");
        record_verdict(s.trust, a.verdict == Verdict::Untrusted ? a.reason : "", a.signed_by);
        if (a.manifest) {
            item.meta = read.copy->meta;
            item.have_copy = true;
            resume_schedule(s.options, item);
            adopt_manifest(s, std::move(*a.manifest), notes);
        }
    }
    notes.push_back({"cache " + item.key, std::move(lines)});
}

// Where a fetched text for `item` goes (intake.h), with the manifest's signature fetched with it.
Intake intake_for(const FeedSync& s, const SyncItem& item, std::int64_t now, const ParsedBody& body) {
    Intake to;
    to.accept = accept_rules(s, item, now);
    to.accept.control = {};  // the fetched text is parsed by its read job, or here as it is
    take_signature(body.signature, to.accept.trust);
    if (item.stored) to.cache_dir = s.options.cache_dir;
    to.remote = item.remote;
    to.cache_max_bytes = s.options.cache_max_bytes;
    return to;
}

// The topic's lines after a fetch: its problems, and what the screen does about them.
std::vector<std::string> outcome_lines(const SyncItem& item, const FetchOutcome& out, int failures_before) {
    std::vector<std::string> lines = lines_of(out.problems);
    if (!out.succeeded && !lines.empty())
        lines.back() += item.have_copy ? "; keeping the last good copy" : "; nothing to show from it yet";
    if (out.succeeded && lines.empty() && failures_before > 0)
        lines.push_back(item.label + ": fetched again from " + item.location);
    return lines;
}

// An accepted update, in one line: a publisher reads in the journal that the screen took it.
Note update_note(const SyncItem& item, const Feed& feed, std::size_t bytes) {
    return {"update " + item.key,
            {item.label + ": took new data as of " + format_partial_date(feed.as_of) + " (" +
             std::to_string(bytes) + " bytes) from " + item.location}};
}

}  // namespace

FeedSync open_sync(SyncOptions options, std::vector<Note>& notes) {
    FeedSync s;
    s.options = std::move(options);
    s.trust.keys = s.options.trusted_keys;
    const std::string& manifest_location = s.options.manifest_location;
    SyncItem& m = s.manifest_item;
    m.key = kManifestKey;
    m.location = manifest_location;
    m.remote = is_http_url(manifest_location);
    m.label = url_file_name(manifest_location);
    m.ref = manifest_ref(manifest_location, std::nullopt);
    m.stored = !s.options.cache_dir.empty();
    if (m.stored) {
        notes.push_back({"cache tmp", lines_of(remove_stale_tmp_files(s.options.cache_dir))});
        std::string damaged;
        if (trust_on(s.trust)) s.trust.state = read_trust_state(s.options.cache_dir, damaged);
        notes.push_back({"trust state", damaged.empty() ? std::vector<std::string>{} : std::vector{damaged}});
        load_cached_manifest(s, notes);
    }
    return s;
}

std::vector<FetchOrder> due_fetches(FeedSync& s, std::int64_t now, std::size_t max) {
    std::vector<FetchOrder> out;
    auto order = [&](SyncItem& item) {
        if (out.size() >= max || item.in_flight || item.location.empty()) return;
        if (!fetch_due(item.schedule, now)) return;
        item.in_flight = true;
        FetchRequest req =
            conditional_request(item.location, item.label, item.have_copy ? &item.meta : nullptr);
        req.user_agent = s.options.user_agent;
        req.ca_file = s.options.ca_file;
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
        const std::int64_t at = next_fetch_at(item.schedule, now);
        next = next ? std::min(*next, at) : at;
    };
    consider(s.manifest_item);
    for (const auto& f : s.feeds) consider(f);
    return next;
}

std::vector<Note> apply_fetch(FeedSync& s, const std::string& key, const FetchRequest& request,
                              const FetchResult& result, std::int64_t now, ParsedBody* parsed) {
    SyncItem* item = find_item(s, key);
    if (!item) return {};  // the manifest dropped it meanwhile
    item->in_flight = false;
    if (request.url != item->location) return {};  // moved meanwhile: its new place is due already

    // Both possible next schedules first: the success one's due time is stored with the copy.
    const double unit = std::uniform_real_distribution<double>(0.0, 1.0)(s.rng);
    const FetchSchedule if_failed = after_attempt(item->schedule, schedule_ref(*item), false, now, unit,
                                                  retry_after_s(result.retry_after, now));
    FetchSchedule if_ok;
    FetchOutcome out;
    try {
        ParsedBody parsed_here;
        if (!parsed) parsed_here = parse_fetched(key, request, result);
        ParsedBody& body = parsed ? *parsed : parsed_here;
        if_ok = after_attempt(item->schedule, schedule_ref(*item, body), true, now, unit);
        ensure_signature(s.trust, key, request, result, body);
        out = take_fetched(intake_for(s, *item, now, body), request, result, now, *if_ok.next_due_s, &body);
    } catch (const std::exception& e) {  // nothing a server sends may end the run loop
        out = {};
        out.problems.push_back({Problem::Severity::Error, item->label, "",
                                "the answer from " + request.url + " could not be used: " + e.what()});
    }
    if (key == kManifestKey) record_verdict(s.trust, out.untrusted, out.signed_by);
    const int failures_before = item->schedule.failures;
    item->schedule = out.succeeded ? if_ok : if_failed;
    if (std::exchange(item->changed, false))
        item->schedule.next_due_s.reset();  // it may have read the old text
    std::vector<Note> notes{{topic_for(*item), outcome_lines(*item, out, failures_before)}};
    item->last_error = out.succeeded || notes.front().lines.empty() ? "" : notes.front().lines.back();
    item->failures_total += out.succeeded ? 0 : 1;
    if (!out.succeeded) return notes;

    item->meta.fetched_at = *out.fetched_at;
    if (!result.etag.empty()) item->meta.etag = result.etag;
    if (!result.last_modified.empty()) item->meta.last_modified = result.last_modified;
    item->meta.url = request.url;
    if (key == kManifestKey) {
        if (out.manifest) {  // new text; a 304 or an unchanged file keeps the manifest as it is
            item->have_copy = true;
            adopt_manifest(s, std::move(*out.manifest), notes);
            if (out.signed_by) notes.push_back({"trust", remember_manifest(s, *out.signed_by)});
        }
        return notes;
    }
    if (out.feed) {
        notes.push_back(update_note(*item, *out.feed, result.body.size()));
        notes.push_back({"update " + key, {}});  // said every time: the next update is news too
        item->have_copy = true;
        s.data[key] = std::make_shared<const Feed>(std::move(*out.feed));
        s.data_bytes[key] = out.parsed_bytes;
        ++s.version;
    }
    return notes;
}

std::vector<Note> reload_manifest(FeedSync& s) {
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

}  // namespace feeds
