#include "feeds/sync/sync_jobs.h"

#include <algorithm>

#include "feeds/url.h"

namespace feeds {

void set_waker(SyncJobs& jobs, Waker wake) {
    jobs.reads.wake = wake;
    jobs.pool.on_finished = std::move(wake);
}

SyncStep step_sync(FeedSync& s, SyncJobs& jobs, std::int64_t now) {
    SyncStep out;
    auto apply = [&](const std::string& key, const FetchRequest& request, const FetchResult& result,
                     ParsedBody* parsed) {
        jobs.running.erase(key);
        try {
            for (auto& n : apply_fetch(s, key, request, result, now, parsed))
                out.notes.push_back(std::move(n));
        } catch (const std::exception& e) {  // the fetch boundary: an answer never ends the run loop
            out.notes.push_back(
                {"apply " + key,
                 {key + ": the answer from " + request.url + " could not be applied: " + e.what()}});
        }
        out.applied = true;
        out.read = out.read || parsed != nullptr;
    };
    jobs.reads.max_parsed_bytes = s.options.data_max_bytes;  // one feed alone past the budget: abandoned
    for (FetchRead& r : take_reads(jobs.reads)) apply(r.key, r.request, r.result, &r.parsed);
    for (FinishedFetch& f : take_finished(jobs.pool)) {
        if (f.result.status == FetchStatus::Ok)  // a body to read, never on this thread
            start_read(jobs.reads, {std::move(f.key), std::move(f.request), std::move(f.result), {}});
        else
            apply(f.key, f.request, f.result, nullptr);
    }
    // Back-pressure: at most kMaxOrdered fetches between ordering and applying. Each may hold
    // limits.max_file_bytes, and sixty fast answers would otherwise all wait in memory at once.
    const std::size_t room = jobs.running.size() < kMaxOrdered ? kMaxOrdered - jobs.running.size() : 0;
    for (FetchOrder& o : due_fetches(s, now, room)) {
        jobs.running[o.key] = o.request;
        submit_fetch(jobs.pool, o.key, std::move(o.request));
    }
    return out;
}

std::optional<std::int64_t> next_step_due(const FeedSync& s, const SyncJobs& jobs, std::int64_t now) {
    if (jobs.running.size() >= kMaxOrdered) return std::nullopt;
    return next_fetch_due(s, now);
}

namespace {

bool waiting_for(const SyncJobs& jobs, bool local_only) {
    for (const auto& [key, req] : jobs.running)
        if (!local_only || !is_http_url(req.url)) return true;
    return false;
}

}  // namespace

std::vector<Note> sync_until_settled(FeedSync& s, SyncJobs& jobs, std::int64_t now, bool local_only) {
    // The manifest's fetch finishing makes its feeds due at the same `now`; every attempt moves
    // its item's schedule past `now`, so this ends when the last fetch has answered. Some
    // fetch finishes within the longest time limit of those running (plus a margin).
    std::vector<Note> notes = step_sync(s, jobs, now).notes;
    while (waiting_for(jobs, local_only)) {
        if (reads_pending(jobs.reads)) {  // a read ends within seconds: bounded by the size limit
            if (!wait_for_read(jobs.reads, std::chrono::seconds(30))) break;
            for (auto& n : step_sync(s, jobs, now).notes) notes.push_back(std::move(n));
            continue;
        }
        long limit_ms = 0;
        for (const auto& [key, req] : jobs.running)
            limit_ms = std::max(limit_ms, req.total_timeout_ms > 0 ? req.total_timeout_ms
                                                                   : total_timeout_for(req.max_body_bytes));
        if (!wait_for_finished(jobs.pool, std::chrono::milliseconds(limit_ms + 2000))) break;
        for (auto& n : step_sync(s, jobs, now).notes) notes.push_back(std::move(n));
    }
    return notes;
}

}  // namespace feeds
