#include "app/kiosk/read_jobs.h"

namespace {

bool ready(const std::future<FetchRead>& f, std::chrono::milliseconds wait) {
    return f.wait_for(wait) == std::future_status::ready;
}

void start_waiting(ReadJobs& r) {
    while (r.running.size() < kMaxReads && !r.waiting.empty()) {
        FetchRead f = std::move(r.waiting.front());
        r.waiting.pop_front();
        feeds::ParseControl control;
        control.cancel = r.cancel.get();  // the flag outlives the job: the lambda holds it
        control.deadline = std::chrono::steady_clock::now() + r.read_limit;
        control.max_parsed_bytes = r.max_parsed_bytes;
        r.running.push_back(std::async(std::launch::async, [f = std::move(f), control, keep = r.cancel,
                                                            sign = r.fetch_signatures]() mutable {
            f.parsed = parse_fetched(f.key, f.request, f.result, control);
            const bool manifest_taken = f.parsed.manifest && f.parsed.manifest->manifest;
            if (sign && manifest_taken && !control.cancel->load())
                f.parsed.signature = fetch_signature(f.request);
            return std::move(f);
        }));
    }
}

}  // namespace

ReadJobs::~ReadJobs() {
    // The futures' destructors wait for their jobs: tell them to stop first.
    if (cancel) cancel->store(true);
}

void start_read(ReadJobs& r, FetchRead fetch) {
    r.waiting.push_back(std::move(fetch));
    start_waiting(r);
}

std::vector<FetchRead> take_reads(ReadJobs& r) {
    std::vector<FetchRead> out;
    for (auto it = r.running.begin(); it != r.running.end();) {
        if (!ready(*it, std::chrono::milliseconds(0))) {
            ++it;
            continue;
        }
        out.push_back(it->get());
        it = r.running.erase(it);
    }
    start_waiting(r);
    return out;
}

bool reads_pending(const ReadJobs& r) {
    return !r.waiting.empty() || !r.running.empty();
}

bool wait_for_read(const ReadJobs& r, std::chrono::milliseconds limit) {
    const auto deadline = std::chrono::steady_clock::now() + limit;
    while (!r.running.empty()) {
        for (const auto& f : r.running)
            if (ready(f, std::chrono::milliseconds(50))) return true;
        if (std::chrono::steady_clock::now() >= deadline) return false;
    }
    return false;
}
