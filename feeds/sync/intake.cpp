#include "feeds/sync/intake.h"

namespace feeds {

namespace {

Problem error_at(const std::string& file, std::string message) {
    return Problem{Problem::Severity::Error, file, "", std::move(message)};
}

// FetchResult::error already starts with the label; a Problem names its file separately.
Problem fetch_error(const std::string& label, const FetchResult& result) {
    const std::string prefix = label + ": ";
    const bool named = result.error.rfind(prefix, 0) == 0;
    return error_at(label, named ? result.error.substr(prefix.size()) : result.error);
}

// A 304 or an unchanged local file: the copy held is current. Without a stored copy a 304
// confirms nothing: it fails, so the retry is unconditional.
FetchOutcome take_unchanged(const Intake& to, const FetchResult& result, std::int64_t now,
                            std::int64_t next_due_at) {
    FetchOutcome out;
    // A local file's NotModified is only a stat: rewriting the metadata every few seconds would
    // wear an SD card for nothing. Its in-memory age is renewed all the same.
    if (to.remote && !to.cache_dir.empty()) {
        if (auto p = touch_cached(to.cache_dir, to.accept.key, now, result, next_due_at)) {
            out.problems.push_back(*p);
            if (!read_cached(to.cache_dir, to.accept.key).copy) return out;
        }
    }
    out.succeeded = true;
    out.fetched_at = now;
    return out;
}

}  // namespace

FetchOutcome take_fetched(const Intake& to, const FetchRequest& request, const FetchResult& result,
                          std::int64_t now, std::int64_t next_due_at, ParsedBody* parsed) {
    if (result.status == FetchStatus::Failed) {
        FetchOutcome out;
        out.problems.push_back(
            fetch_error(request.label.empty() ? to.accept.key + ".json" : request.label, result));
        return out;
    }
    if (result.status == FetchStatus::NotModified) return take_unchanged(to, result, now, next_due_at);
    Acceptance a = accept_text(result.body, to.accept, parsed);
    FetchOutcome out;
    out.problems = std::move(a.problems);
    out.parsed_bytes = a.parsed_bytes;
    if (a.verdict == Verdict::Untrusted) out.untrusted = a.reason;
    if (!a.accepted()) {  // everything or nothing: the last good copy stays
        const bool budget = a.verdict == Verdict::OverBudget;
        if (!a.reason.empty())
            out.problems.push_back(error_at(to.accept.label, (budget ? "refused: " : "") + a.reason));
        return out;
    }
    out.succeeded = true;
    out.signed_by = std::move(a.signed_by);
    out.fetched_at = now;
    out.feed = std::move(a.feed);
    out.manifest = std::move(a.manifest);
    if (to.cache_dir.empty()) return out;
    Limits limits;
    limits.max_cache_bytes = to.cache_max_bytes;
    const CacheMeta meta{request.url, now, result.etag, result.last_modified, next_due_at};
    if (auto p = write_cached(to.cache_dir, to.accept.key, result.body, meta, limits))
        out.problems.push_back(*p);
    return out;
}

CachedFeed load_cached_feed(const std::string& dir, const AcceptRules& rules, const Limits& limits) {
    CachedFeed out;
    CacheRead read = read_cached(dir, rules.key, limits);
    out.problems = std::move(read.problems);
    if (!read.copy) return out;
    AcceptRules from_file = rules;
    from_file.label = cached_text_path(dir, rules.key);
    Acceptance a = accept_text(read.copy->text, from_file);
    out.problems.insert(out.problems.end(), a.problems.begin(), a.problems.end());
    if (a.verdict == Verdict::Invalid) {
        out.problems.push_back(error_at(from_file.label, "cached copy is not a valid feed: ignored"));
        return out;
    }
    if (a.verdict == Verdict::Untrusted) {
        out.problems.push_back(error_at(from_file.label, a.reason + " (dropped, not shown)"));
        return out;
    }
    if (!a.accepted()) {
        out.problems.push_back(error_at(rules.label, "cached copy not loaded: " + a.reason));
        return out;
    }
    out.feed = std::move(a.feed);
    out.meta = std::move(read.copy->meta);
    out.parsed_bytes = a.parsed_bytes;
    return out;
}

}  // namespace feeds
