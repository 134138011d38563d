// Getting a feed's text: HTTP(S) GET with libcurl, or a read of a local file, so the kiosk
// treats both kinds of FeedRef.url alike (resolve it first with resolve_feed_url, url.h).
//
// fetch() blocks (up to total_timeout_ms). The kiosk must not call it on the render thread:
// start_fetch() runs one fetch on its own thread and poll_fetch() picks the result up without
// blocking. Nothing here parses or stores; see feed_cache.h accept_fetched() for that.
//
// libcurl is initialised on first use by curl_easy_init (thread-safe in libcurl >= 7.84, which
// Debian 12 has); main may call curl_global_init(CURL_GLOBAL_DEFAULT) early, but need not.
#pragma once

#include <cstddef>
#include <future>
#include <optional>
#include <stop_token>
#include <string>
#include <string_view>
#include <thread>

#include "feeds/limits.h"

namespace feeds {

struct FetchRequest {
    std::string url;    // http(s) URL or local file path (ResolvedUrl::location)
    std::string label;  // names the feed in messages, "employment.json"; empty = url_file_name(url)
    // Validators of the last good copy (CacheMeta). When given, the server may answer
    // 304 Not Modified and the result is NotModified with an empty body.
    std::string etag;                                      // sent as If-None-Match
    std::string last_modified;                             // sent as If-Modified-Since, verbatim
    std::size_t max_body_bytes = Limits{}.max_file_bytes;  // a longer body is abandoned: Failed
    long connect_timeout_ms = 10'000;
    long total_timeout_ms = 30'000;
    long max_redirects = 3;
    std::string user_agent = "infotavle";  // the app passes user_agent(INFOTAVLE_VERSION)
};

enum class FetchStatus { Ok, NotModified, Failed };

struct FetchResult {
    FetchStatus status = FetchStatus::Failed;
    std::string body;           // Ok only: the text as received (not yet validated)
    std::string etag;           // Ok: the response's ETag; NotModified: the request's, or a new one
    std::string last_modified;  // likewise for Last-Modified (for files: the modification time)
    std::string final_url;      // after redirects
    long http_code = 0;         // 0 for local files and when no response arrived
    // Failed only: one line naming the feed, the URL and the reason:
    //   "employment.json: HTTP 503 from https://data.example.dk/employment.json"
    //   "employment.json: could not connect to http://10.0.0.5/employment.json: Connection refused"
    std::string error;
};

// "infotavle/0.1.0"
std::string user_agent(std::string_view version);

// Blocking. Never throws. HTTP: follows up to max_redirects redirects (http and https only),
// accepts gzip/deflate (the size limit applies to the decoded body), 2xx = Ok, 304 = NotModified,
// anything else = Failed. A stop request (FetchJob going away) abandons the transfer within
// about a second: Failed, "cancelled".
FetchResult fetch(const FetchRequest& request, std::stop_token stop = {});

// One fetch running on its own thread. Movable, not copyable. Destroying a running job asks the
// fetch to stop and waits for its thread (about a second at most), so the owner (one per feed in
// the kiosk's state) simply lets it go out of scope; no thread outlives it.
// A default-constructed job is idle.
struct FetchJob {
    std::future<FetchResult> result;
    std::jthread thread;  // declared last: stopped and joined before `result` goes away
};

FetchJob start_fetch(FetchRequest request);

// Never blocks. The result once the fetch has finished (the job is then idle again); nullopt
// while it is still running or when the job is idle.
std::optional<FetchResult> poll_fetch(FetchJob& job);

// Started and its result not yet taken by poll_fetch.
bool fetch_running(const FetchJob& job);

}  // namespace feeds
