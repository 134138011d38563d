#include "app/sync_jobs.h"

#include <algorithm>

SyncStep step_sync(FeedSync& s, SyncJobs& jobs, std::int64_t now) {
    SyncStep out;
    for (auto it = jobs.running.begin(); it != jobs.running.end();) {
        std::optional<feeds::FetchResult> r = feeds::poll_fetch(it->second.job);
        if (!r) {
            ++it;
            continue;
        }
        for (auto& n : apply_fetch(s, it->first, it->second.request, *r, now))
            out.notes.push_back(std::move(n));
        out.applied = true;
        it = jobs.running.erase(it);
    }
    for (FetchOrder& o : due_fetches(s, now)) {
        RunningFetch& f = jobs.running[o.key];
        f.request = o.request;
        f.job = feeds::start_fetch(std::move(o.request));
    }
    return out;
}

bool wait_for_a_fetch(const SyncJobs& jobs, std::chrono::milliseconds limit) {
    const auto deadline = std::chrono::steady_clock::now() + limit;
    for (;;) {
        // Each future in turn, in short slices, until one is ready or the deadline passes.
        bool any = false;
        for (const auto& [key, f] : jobs.running) {
            if (!f.job.result.valid()) continue;
            any = true;
            if (f.job.result.wait_for(std::chrono::milliseconds(50)) == std::future_status::ready)
                return true;
        }
        if (!any || std::chrono::steady_clock::now() >= deadline) return false;
    }
}

std::vector<SyncNote> sync_until_settled(FeedSync& s, SyncJobs& jobs, std::int64_t now) {
    // The manifest's fetch finishing makes its feeds due at the same `now`; every attempt moves
    // its item's schedule past `now`, so this ends when the last fetch has answered.
    std::vector<SyncNote> notes = step_sync(s, jobs, now).notes;
    while (!jobs.running.empty()) {
        long limit_ms = 0;
        for (const auto& [key, f] : jobs.running) limit_ms = std::max(limit_ms, f.request.total_timeout_ms);
        if (!wait_for_a_fetch(jobs, std::chrono::milliseconds(limit_ms + 2000))) break;
        for (auto& n : step_sync(s, jobs, now).notes) notes.push_back(std::move(n));
    }
    return notes;
}
