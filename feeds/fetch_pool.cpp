#include "feeds/fetch_pool.h"

#include <curl/curl.h>

#include <condition_variable>
#include <deque>
#include <map>
#include <mutex>
#include <thread>
#include <utility>

#include "feeds/fetch_transfer.h"
#include "feeds/url.h"

namespace feeds {

struct FetchPoolState {
    int max_parallel = kDefaultMaxParallelFetches;
    std::function<void()> on_finished;  // set before the thread starts, then only read
    CURLM* multi = nullptr;
    std::mutex mu;  // guards everything below
    std::condition_variable finished_cv;
    std::deque<std::pair<std::string, FetchRequest>> queued;
    std::vector<FinishedFetch> finished;
    std::size_t active = 0;
    bool stop = false;
    std::thread thread;  // started last
};

namespace {

constexpr int kIdlePollMs = 10 * 60 * 1000;  // no transfer under way: submit and stop wake the thread

struct Active {
    std::string key;
    std::unique_ptr<HttpTransfer> transfer;
};

void deliver(FetchPoolState& s, FinishedFetch f) {
    {
        std::lock_guard lock(s.mu);
        s.finished.push_back(std::move(f));
    }
    s.finished_cv.notify_all();
    if (s.on_finished) s.on_finished();
}

FetchResult failure(const FetchRequest& req, const std::string& why) {
    FetchResult r;
    r.final_url = req.url;
    r.error = fetch_label(req) + ": fetching " + req.url + " failed: " + why;
    return r;
}

// Starts one queued fetch: a local file is read at once, an HTTP one joins the multi handle.
void start(FetchPoolState& s, std::map<CURL*, Active>& active, std::string key, FetchRequest req) {
    try {
        if (!is_http_url(req.url)) {
            FetchResult r = read_local_file(req);
            deliver(s, {std::move(key), std::move(req), std::move(r)});
            return;
        }
        FetchResult failed;
        std::unique_ptr<HttpTransfer> t = make_transfer(req, failed);
        if (!t) return deliver(s, {std::move(key), std::move(req), std::move(failed)});
        if (const CURLMcode mc = curl_multi_add_handle(s.multi, t->easy); mc != CURLM_OK)
            return deliver(s, {std::move(key), std::move(req), failure(req, curl_multi_strerror(mc))});
        CURL* easy = t->easy;
        active.emplace(easy, Active{std::move(key), std::move(t)});
    } catch (const std::exception& e) {  // bad_alloc: a failed fetch, not a dead thread
        deliver(s, {std::move(key), req, failure(req, e.what())});
    }
}

void collect_done(FetchPoolState& s, std::map<CURL*, Active>& active) {
    int left = 0;
    while (CURLMsg* m = curl_multi_info_read(s.multi, &left)) {
        if (m->msg != CURLMSG_DONE) continue;
        CURL* easy = m->easy_handle;
        const CURLcode code = m->data.result;
        auto it = active.find(easy);
        if (it == active.end()) continue;
        curl_multi_remove_handle(s.multi, easy);
        HttpTransfer& t = *it->second.transfer;
        FinishedFetch f{std::move(it->second.key), t.request, {}};
        try {
            f.result = finish_transfer(t, code);
        } catch (const std::exception& e) {
            f.result = failure(t.request, e.what());
        }
        active.erase(it);
        deliver(s, std::move(f));
    }
}

void run(FetchPoolState& s) {
    std::map<CURL*, Active> active;
    for (;;) {
        std::vector<std::pair<std::string, FetchRequest>> starting;
        {
            std::lock_guard lock(s.mu);
            if (s.stop) break;
            // Local files are read at once (a stat, or a read of a few MB): they never wait
            // behind hanging transfers. HTTP fetches start in order while there is room.
            std::size_t room =
                std::size_t(s.max_parallel) - std::min<std::size_t>(active.size(), s.max_parallel);
            for (auto it = s.queued.begin(); it != s.queued.end();) {
                const bool local = !is_http_url(it->second.url);
                if (!local && room == 0) {
                    ++it;
                    continue;
                }
                if (!local) --room;
                starting.push_back(std::move(*it));
                it = s.queued.erase(it);
            }
        }
        for (auto& [key, req] : starting) start(s, active, std::move(key), std::move(req));
        int running = 0;
        curl_multi_perform(s.multi, &running);
        collect_done(s, active);
        {
            std::lock_guard lock(s.mu);
            s.active = active.size();
            if (s.stop) break;
            if (!s.queued.empty() && active.size() < std::size_t(s.max_parallel)) continue;
        }
        // Sleeps until a socket is ready, a libcurl timer is due, or submit/stop wakes it
        // (curl_multi_wakeup). Idle, there is nothing to look at: a screen that is off and
        // fetches every 15 minutes should not wake every second for nothing.
        curl_multi_poll(s.multi, nullptr, 0, active.empty() ? kIdlePollMs : 1000, nullptr);
    }
    for (auto& [easy, a] : active) curl_multi_remove_handle(s.multi, easy);
}

FetchPoolState& started(FetchPool& pool) {
    if (pool.state) return *pool.state;
    auto s = std::unique_ptr<FetchPoolState, FetchPoolStop>(new FetchPoolState);
    s->max_parallel = std::max(1, pool.max_parallel);
    s->on_finished = pool.on_finished;
    s->multi = curl_multi_init();
    // Connections too: at most max_parallel open, idle ones included.
    curl_multi_setopt(s->multi, CURLMOPT_MAX_TOTAL_CONNECTIONS, long(s->max_parallel));
    curl_multi_setopt(s->multi, CURLMOPT_MAXCONNECTS, long(s->max_parallel));
    FetchPoolState* raw = s.get();
    if (s->multi) s->thread = std::thread([raw] { run(*raw); });
    pool.state = std::move(s);
    return *pool.state;
}

}  // namespace

void FetchPoolStop::operator()(FetchPoolState* s) const {
    if (!s) return;
    {
        std::lock_guard lock(s->mu);
        s->stop = true;
    }
    if (s->multi) curl_multi_wakeup(s->multi);
    if (s->thread.joinable()) s->thread.join();
    if (s->multi) curl_multi_cleanup(s->multi);
    delete s;
}

void submit_fetch(FetchPool& pool, std::string key, FetchRequest request) {
    FetchPoolState& s = started(pool);
    if (!s.multi) return deliver(s, {std::move(key), request, failure(request, "libcurl could not start")});
    {
        std::lock_guard lock(s.mu);
        s.queued.emplace_back(std::move(key), std::move(request));
    }
    curl_multi_wakeup(s.multi);
}

std::vector<FinishedFetch> take_finished(FetchPool& pool) {
    if (!pool.state) return {};
    std::lock_guard lock(pool.state->mu);
    return std::exchange(pool.state->finished, {});
}

bool wait_for_finished(FetchPool& pool, std::chrono::milliseconds limit) {
    if (!pool.state) return false;
    std::unique_lock lock(pool.state->mu);
    return pool.state->finished_cv.wait_for(lock, limit, [&] { return !pool.state->finished.empty(); });
}

std::size_t fetches_active(const FetchPool& pool) {
    if (!pool.state) return 0;
    std::lock_guard lock(pool.state->mu);
    return pool.state->active;
}

}  // namespace feeds
