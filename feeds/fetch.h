// Getting a feed's text: HTTP(S) GET with libcurl, or a read of a local file, so the kiosk
// treats both kinds of FeedRef.url alike (resolve it first with resolve_feed_url, url.h).
//
// fetch() blocks; it is for tools and tests. The kiosk runs its fetches through a FetchPool
// (fetch_pool.h): one thread, libcurl's multi interface, a bounded number at a time. Both use
// the same transfer set-up (fetch_transfer.h), so they behave alike. Nothing here parses or
// stores; see feeds/sync/intake.h take_fetched() for that.
//
// Timeouts: a link that is slow but working must not fail forever, and one that has stopped
// must not hold a transfer for long. So there is no short total timeout; instead
//   - connect_timeout_ms for the connection (TCP and TLS),
//   - a low-speed limit: fewer than low_speed_bytes_per_s for low_speed_time_s gives up,
//   - and a total cap scaled to the size limit, total_timeout_for(max_body_bytes): at 1 KiB/s a
//     file of the largest allowed size still arrives.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "feeds/limits.h"

namespace feeds {

// max(60 s, max_body_bytes at 1 KiB/s), in ms.
long total_timeout_for(std::size_t max_body_bytes);

struct FetchRequest {
    std::string url;    // http(s) URL or local file path (ResolvedUrl::location)
    std::string label;  // names the feed in messages, "employment.json"; empty = url_file_name(url)
    // Validators of the last good copy (CacheMeta). When given, the server may answer
    // 304 Not Modified and the result is NotModified with an empty body. Opaque bytes.
    std::string etag;                                      // sent as If-None-Match
    std::string last_modified;                             // sent as If-Modified-Since, verbatim
    std::size_t max_body_bytes = Limits{}.max_file_bytes;  // a longer body is abandoned: Failed
    long connect_timeout_ms = 10'000;
    long low_speed_bytes_per_s = 100;  // slower than this ...
    long low_speed_time_s = 30;        // ... for this long: given up
    long total_timeout_ms = 0;         // 0: total_timeout_for(max_body_bytes)
    long max_redirects = 3;
    // PEM file with the CA certificate(s) to trust for https instead of the system's (a private
    // CA: --ca-file). Empty: the system's trust store.
    std::string ca_file;
    std::string user_agent = "infotavle";  // the app passes user_agent(INFOTAVLE_VERSION)
    // A POST instead of a GET when post_type is set (the heartbeat: app/status/heartbeat.h):
    // post_body is sent with that Content-Type; a redirect keeps the POST (301/302/303 too).
    std::string post_type;
    std::string post_body;
};

enum class FetchStatus { Ok, NotModified, Failed };

struct FetchResult {
    FetchStatus status = FetchStatus::Failed;
    std::string body;           // Ok only: the text as received (not yet validated)
    std::string etag;           // Ok: the response's ETag; NotModified: the request's, or a new one
    std::string last_modified;  // likewise for Last-Modified (for files: the modification time)
    std::string final_url;      // after redirects
    long http_code = 0;         // 0 for local files and when no response arrived
    // The Retry-After header of a 429 or 503 answer, verbatim (seconds or an HTTP date; see
    // retry_after_s() in freshness.h). Empty otherwise.
    std::string retry_after;
    // Failed only: one line naming the feed, the URL and the reason:
    //   "employment.json: HTTP 503 from https://data.example.dk/employment.json"
    //   "employment.json: could not connect to http://10.0.0.5/employment.json: Connection refused"
    std::string error;
};

// "infotavle/0.1.0"
std::string user_agent(std::string_view version);

// Blocking. Never throws. HTTP: follows up to max_redirects redirects (http and https only; from
// an https URL only to https), accepts gzip/deflate (the size limit applies to the decoded
// body), 2xx = Ok, 304 = NotModified, anything else = Failed.
FetchResult fetch(const FetchRequest& request);

// A local file, read (a stat when it is unchanged). Used by fetch() and the pool.
FetchResult read_local_file(const FetchRequest& request);

}  // namespace feeds
