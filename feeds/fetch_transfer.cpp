#include "feeds/fetch_transfer.h"

#include <cctype>
#include <cstring>
#include <string_view>

#include "feeds/url.h"

namespace feeds {

namespace {

std::size_t on_body(char* data, std::size_t, std::size_t n, void* user) {
    auto* t = static_cast<HttpTransfer*>(user);
    if (n > t->request.max_body_bytes - t->body.size()) {
        t->too_big = true;
        return 0;  // makes libcurl abandon the transfer with CURLE_WRITE_ERROR
    }
    t->body.append(data, n);
    return n;
}

bool header_is(std::string_view line, std::string_view name) {
    if (line.size() <= name.size() || line[name.size()] != ':') return false;
    for (std::size_t i = 0; i < name.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(line[i])) != name[i]) return false;
    return true;
}

// The value as bytes: whatever the server sent, trimmed of blanks and the line end.
std::string header_value(std::string_view line) {
    line.remove_prefix(line.find(':') + 1);
    while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
    while (!line.empty() && (line.back() == '\r' || line.back() == '\n' || line.back() == ' '))
        line.remove_suffix(1);
    return std::string(line);
}

// Called once per header line, for every response including redirects: a status line starts a
// new response, so only the final response's headers are kept.
std::size_t on_header(char* data, std::size_t, std::size_t n, void* user) {
    auto* t = static_cast<HttpTransfer*>(user);
    const std::string_view line(data, n);
    if (line.rfind("HTTP/", 0) == 0) {
        t->etag.clear();
        t->last_modified.clear();
        t->retry_after.clear();
    } else if (header_is(line, "etag")) {
        t->etag = header_value(line);
    } else if (header_is(line, "last-modified")) {
        t->last_modified = header_value(line);
    } else if (header_is(line, "retry-after")) {
        t->retry_after = header_value(line);
    }
    return n;
}

bool is_https(std::string_view url) {
    constexpr std::string_view scheme = "https://";
    if (url.size() < scheme.size()) return false;
    for (std::size_t i = 0; i < scheme.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(url[i])) != scheme[i]) return false;
    return true;
}

void set_options(HttpTransfer& t) {
    CURL* c = t.easy;
    const FetchRequest& req = t.request;
    curl_easy_setopt(c, CURLOPT_URL, req.url.c_str());
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);  // required with threads: no SIGALRM for DNS timeouts
    curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
    // A redirect may not reach file:, nor take an https fetch to plain http.
    curl_easy_setopt(c, CURLOPT_REDIR_PROTOCOLS_STR, is_https(req.url) ? "https" : "http,https");
    curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 1L);
    curl_easy_setopt(c, CURLOPT_MAXREDIRS, req.max_redirects);
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, req.connect_timeout_ms);
    curl_easy_setopt(c, CURLOPT_LOW_SPEED_LIMIT, req.low_speed_bytes_per_s);
    curl_easy_setopt(c, CURLOPT_LOW_SPEED_TIME, req.low_speed_time_s);
    curl_easy_setopt(c, CURLOPT_TIMEOUT_MS,
                     req.total_timeout_ms > 0 ? req.total_timeout_ms : total_timeout_for(req.max_body_bytes));
    if (!req.ca_file.empty()) curl_easy_setopt(c, CURLOPT_CAINFO, req.ca_file.c_str());
    curl_easy_setopt(c, CURLOPT_USERAGENT, req.user_agent.c_str());
    curl_easy_setopt(c, CURLOPT_ACCEPT_ENCODING, "");  // whatever this libcurl can decode
    curl_easy_setopt(c, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(req.max_body_bytes));
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, t.headers);
    curl_easy_setopt(c, CURLOPT_ERRORBUFFER, t.errbuf);
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, &t);
    curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, on_header);
    curl_easy_setopt(c, CURLOPT_HEADERDATA, &t);
    curl_easy_setopt(c, CURLOPT_PRIVATE, &t);
    if (!req.post_type.empty()) {
        curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(req.post_body.size()));
        curl_easy_setopt(c, CURLOPT_POSTFIELDS, req.post_body.data());  // not copied: t.request owns it
        curl_easy_setopt(c, CURLOPT_POSTREDIR, long(CURL_REDIR_POST_ALL));
    }
}

std::string duration_text(long ms) {
    return ms % 1000 == 0 ? std::to_string(ms / 1000) + " s" : std::to_string(ms) + " ms";
}

// Which of the three time limits ended the transfer, from how far it got.
std::string timeout_reason(const HttpTransfer& t, const std::string& url, const std::string& detail) {
    const FetchRequest& req = t.request;
    const long total =
        req.total_timeout_ms > 0 ? req.total_timeout_ms : total_timeout_for(req.max_body_bytes);
    // A reused connection has connect times of 0; the request was sent all the same, which
    // the pre-transfer time (or a response header) tells.
    curl_off_t connected_us = 0, pretransfer_us = 0, elapsed_us = 0;
    long response_code = 0;
    curl_easy_getinfo(t.easy, CURLINFO_APPCONNECT_TIME_T, &connected_us);
    if (connected_us == 0) curl_easy_getinfo(t.easy, CURLINFO_CONNECT_TIME_T, &connected_us);
    curl_easy_getinfo(t.easy, CURLINFO_PRETRANSFER_TIME_T, &pretransfer_us);
    curl_easy_getinfo(t.easy, CURLINFO_RESPONSE_CODE, &response_code);
    curl_easy_getinfo(t.easy, CURLINFO_TOTAL_TIME_T, &elapsed_us);
    const bool connected = connected_us > 0 || pretransfer_us > 0 || response_code > 0;
    if (!connected && elapsed_us / 1000 < total)
        return "no connection to " + url + " within " + duration_text(req.connect_timeout_ms) + ": " + detail;
    if (elapsed_us / 1000 + 50 < total)
        return "answer from " + url + " slower than " + std::to_string(req.low_speed_bytes_per_s) +
               " bytes/s for " + std::to_string(req.low_speed_time_s) + " s: " + detail;
    return "no complete answer from " + url + " within " + duration_text(total) + ": " + detail;
}

// The reason a transfer failed, in words a technician can act on.
std::string failure_reason(const HttpTransfer& t, CURLcode code, const std::string& url) {
    const FetchRequest& req = t.request;
    const std::string detail = t.errbuf[0] ? t.errbuf : curl_easy_strerror(code);
    if (t.too_big || code == CURLE_FILESIZE_EXCEEDED)
        return "response from " + url + " is larger than " + std::to_string(req.max_body_bytes) + " bytes";
    switch (code) {
        case CURLE_COULDNT_CONNECT: {
            long os_errno = 0;
            curl_easy_getinfo(t.easy, CURLINFO_OS_ERRNO, &os_errno);
            return "could not connect to " + url + ": " +
                   (os_errno ? std::strerror(static_cast<int>(os_errno)) : detail);
        }
        case CURLE_COULDNT_RESOLVE_HOST:
            return "could not resolve the host of " + url + ": " + detail;
        case CURLE_OPERATION_TIMEDOUT:
            return timeout_reason(t, url, detail);
        case CURLE_TOO_MANY_REDIRECTS:
            return "more than " + std::to_string(req.max_redirects) + " redirects from " + req.url;
        case CURLE_UNSUPPORTED_PROTOCOL: {
            // libcurl reports the refused redirect's target as the effective URL.
            if (is_https(req.url) && !is_https(url))
                return "refused a redirect from https to " + url + " (from " + req.url + ")";
            return "fetching " + url + " failed: " + detail;
        }
        case CURLE_SSL_CACERT_BADFILE:
            return "TLS error with " + url + ": cannot use the CA file " +
                   (req.ca_file.empty() ? std::string("of the system") : req.ca_file) + ": " + detail;
        case CURLE_PEER_FAILED_VERIFICATION:
        case CURLE_SSL_CONNECT_ERROR:
        case CURLE_SSL_CERTPROBLEM:
            return "TLS error with " + url + ": " + detail;
        default:
            return "fetching " + url + " failed: " + detail;
    }
}

}  // namespace

HttpTransfer::~HttpTransfer() {
    if (easy) curl_easy_cleanup(easy);
    if (headers) curl_slist_free_all(headers);
}

std::string fetch_label(const FetchRequest& request) {
    return request.label.empty() ? url_file_name(request.url) : request.label;
}

std::unique_ptr<HttpTransfer> make_transfer(FetchRequest request, FetchResult& failed) {
    auto t = std::make_unique<HttpTransfer>();
    t->label = fetch_label(request);
    t->request = std::move(request);
    t->easy = curl_easy_init();
    if (!t->easy) {
        failed = FetchResult{};
        failed.final_url = t->request.url;
        failed.error = t->label + ": fetching " + t->request.url + " failed: libcurl could not start";
        return nullptr;
    }
    const FetchRequest& req = t->request;
    if (!req.etag.empty()) t->headers = curl_slist_append(t->headers, ("If-None-Match: " + req.etag).c_str());
    if (!req.last_modified.empty())
        t->headers = curl_slist_append(t->headers, ("If-Modified-Since: " + req.last_modified).c_str());
    if (!req.post_type.empty()) {
        t->headers = curl_slist_append(t->headers, ("Content-Type: " + req.post_type).c_str());
        t->headers = curl_slist_append(t->headers, "Expect:");  // no 100-continue round trip
    }
    set_options(*t);
    return t;
}

FetchResult finish_transfer(HttpTransfer& t, CURLcode code) {
    FetchResult r;
    r.final_url = t.request.url;
    char* effective = nullptr;
    if (curl_easy_getinfo(t.easy, CURLINFO_EFFECTIVE_URL, &effective) == CURLE_OK && effective)
        r.final_url = effective;
    curl_easy_getinfo(t.easy, CURLINFO_RESPONSE_CODE, &r.http_code);
    if (code != CURLE_OK) {
        r.error = t.label + ": " + failure_reason(t, code, r.final_url);
        return r;
    }
    if (is_https(t.request.url) && !is_https(r.final_url)) {  // CURLOPT_REDIR_PROTOCOLS_STR forbids it
        r.error =
            t.label + ": refused a redirect from https to " + r.final_url + " (from " + t.request.url + ")";
        return r;
    }
    if (r.http_code == 429 || r.http_code == 503) r.retry_after = std::move(t.retry_after);
    if (r.http_code == 304) {
        r.status = FetchStatus::NotModified;
        r.etag = t.etag.empty() ? t.request.etag : t.etag;
        r.last_modified = t.last_modified.empty() ? t.request.last_modified : t.last_modified;
        return r;
    }
    if (r.http_code < 200 || r.http_code > 299) {
        r.error = t.label + ": HTTP " + std::to_string(r.http_code) + " from " + r.final_url;
        return r;
    }
    r.status = FetchStatus::Ok;
    r.body = std::move(t.body);
    r.etag = std::move(t.etag);
    r.last_modified = std::move(t.last_modified);
    return r;
}

}  // namespace feeds
