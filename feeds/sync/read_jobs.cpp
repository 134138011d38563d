#include "feeds/sync/read_jobs.h"

#include <algorithm>

#include "feeds/sync/trust_step.h"

namespace feeds {

namespace {

template <typename T>
bool ready(const std::future<T>& f, std::chrono::milliseconds wait) {
    return f.wait_for(wait) == std::future_status::ready;
}

void start_waiting(ReadJobs& r) {
    while (r.running.size() < kMaxReads && !r.waiting.empty()) {
        FetchRead f = std::move(r.waiting.front());
        r.waiting.pop_front();
        ParseControl control;
        control.cancel = r.cancel.get();  // the flag outlives the job: the lambda holds it
        control.deadline = std::chrono::steady_clock::now() + r.read_limit;
        control.max_parsed_bytes = r.max_parsed_bytes;
        // The result is set before `wake` is called, so a caller woken finds it ready.
        auto done = std::make_shared<std::promise<FetchRead>>();
        ReadJob job;
        job.result = done->get_future();
        job.job = std::async(std::launch::async, [f = std::move(f), control, done, wake = r.wake,
                                                  keep = r.cancel, sign = r.fetch_signatures]() mutable {
            try {
                f.parsed = parse_fetched(f.key, f.request, f.result, control);
                const bool taken = f.parsed.manifest && f.parsed.manifest->manifest;
                if (sign && taken && !control.cancel->load()) f.parsed.signature = fetch_signature(f.request);
                done->set_value(std::move(f));
            } catch (...) {  // rethrown by take_reads()
                done->set_exception(std::current_exception());
            }
            if (wake) wake();
        });
        r.running.push_back(std::move(job));
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
    std::erase_if(r.finishing,
                  [](const std::future<void>& f) { return ready(f, std::chrono::milliseconds(0)); });
    for (auto it = r.running.begin(); it != r.running.end();) {
        if (!ready(it->result, std::chrono::milliseconds(0))) {
            ++it;
            continue;
        }
        out.push_back(it->result.get());
        r.finishing.push_back(std::move(it->job));
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
        for (const auto& j : r.running)
            if (ready(j.result, std::chrono::milliseconds(50))) return true;
        if (std::chrono::steady_clock::now() >= deadline) return false;
    }
    return false;
}

}  // namespace feeds
