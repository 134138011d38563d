#include "feeds/fetch.h"

#include <curl/curl.h>
#include <sys/stat.h>

#include <cctype>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <memory>

#include "feeds/file_read.h"
#include "feeds/url.h"

namespace feeds {

namespace {

// ---- local files -----------------------------------------------------------------------------

// A local feed's validator is its modification time, so an unchanged file is NotModified.
FetchResult read_local(const FetchRequest& req, const std::string& label) {
    FetchResult r;
    r.final_url = req.url;
    struct stat st {};
    if (::stat(req.url.c_str(), &st) != 0) {
        r.error = label + ": cannot read " + req.url + ": " + std::strerror(errno);
        return r;
    }
    if (!S_ISREG(st.st_mode)) {  // a FIFO or device would block or never end
        r.error = label + ": cannot read " + req.url + ": not a regular file";
        return r;
    }
    const std::string mtime =
        "mtime " + std::to_string(st.st_mtim.tv_sec) + "." + std::to_string(st.st_mtim.tv_nsec);
    r.last_modified = mtime;
    if (!req.last_modified.empty() && req.last_modified == mtime) {
        r.status = FetchStatus::NotModified;
        return r;
    }
    std::string why;
    std::optional<std::string> read = read_file_prefix(req.url, req.max_body_bytes, why);
    if (!read) {
        r.error = label + ": cannot read " + req.url + ": " + why;
        return r;
    }
    std::string text = std::move(*read);
    if (text.size() > req.max_body_bytes) {
        r.error = label + ": " + req.url + " is larger than " + std::to_string(req.max_body_bytes) + " bytes";
        return r;
    }
    r.status = FetchStatus::Ok;
    r.body = std::move(text);
    return r;
}

// ---- HTTP --------------------------------------------------------------------------------------

// What the libcurl callbacks fill in during one transfer.
struct Transfer {
    std::size_t max_body = 0;
    std::stop_token stop;
    std::string body;
    bool too_big = false;
    std::string etag;
    std::string last_modified;
};

std::size_t on_body(char* data, std::size_t, std::size_t n, void* user) {
    auto* t = static_cast<Transfer*>(user);
    if (n > t->max_body - t->body.size()) {
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

std::string header_value(std::string_view line) {
    line.remove_prefix(line.find(':') + 1);
    while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
    while (!line.empty() && (line.back() == '\r' || line.back() == '\n' || line.back() == ' '))
        line.remove_suffix(1);
    return std::string(line);
}

// Called once per header line, for every response including redirects: a status line starts a
// new response, so only the final response's validators are kept.
std::size_t on_header(char* data, std::size_t, std::size_t n, void* user) {
    auto* t = static_cast<Transfer*>(user);
    const std::string_view line(data, n);
    if (line.rfind("HTTP/", 0) == 0) {
        t->etag.clear();
        t->last_modified.clear();
    } else if (header_is(line, "etag")) {
        t->etag = header_value(line);
    } else if (header_is(line, "last-modified")) {
        t->last_modified = header_value(line);
    }
    return n;
}

// Called about once a second and whenever data moves; lets a stop request end the transfer.
int on_progress(void* user, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
    return static_cast<Transfer*>(user)->stop.stop_requested() ? 1 : 0;
}

struct CurlDeleter {
    void operator()(CURL* c) const { curl_easy_cleanup(c); }
    void operator()(curl_slist* l) const { curl_slist_free_all(l); }
};
using CurlPtr = std::unique_ptr<CURL, CurlDeleter>;
using HeaderList = std::unique_ptr<curl_slist, CurlDeleter>;

HeaderList conditional_headers(const FetchRequest& req) {
    curl_slist* list = nullptr;
    if (!req.etag.empty()) list = curl_slist_append(list, ("If-None-Match: " + req.etag).c_str());
    if (!req.last_modified.empty())
        list = curl_slist_append(list, ("If-Modified-Since: " + req.last_modified).c_str());
    return HeaderList(list);
}

void set_options(CURL* c, const FetchRequest& req, Transfer& t, curl_slist* headers, char* errbuf) {
    curl_easy_setopt(c, CURLOPT_URL, req.url.c_str());
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);  // required with threads: no SIGALRM for DNS timeouts
    curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(c, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");  // a redirect may not reach file:
    curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 1L);
    curl_easy_setopt(c, CURLOPT_MAXREDIRS, req.max_redirects);
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, req.connect_timeout_ms);
    curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, req.total_timeout_ms);
    curl_easy_setopt(c, CURLOPT_USERAGENT, req.user_agent.c_str());
    curl_easy_setopt(c, CURLOPT_ACCEPT_ENCODING, "");  // whatever this libcurl can decode
    curl_easy_setopt(c, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(req.max_body_bytes));
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(c, CURLOPT_ERRORBUFFER, errbuf);
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, &t);
    curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, on_header);
    curl_easy_setopt(c, CURLOPT_HEADERDATA, &t);
    curl_easy_setopt(c, CURLOPT_NOPROGRESS, 0L);
    curl_easy_setopt(c, CURLOPT_XFERINFOFUNCTION, on_progress);
    curl_easy_setopt(c, CURLOPT_XFERINFODATA, &t);
}

std::string duration_text(long ms) {
    return ms % 1000 == 0 ? std::to_string(ms / 1000) + " s" : std::to_string(ms) + " ms";
}

// The reason a transfer failed, in words a technician can act on.
std::string failure_reason(CURL* c, CURLcode code, const FetchRequest& req, const Transfer& t,
                           const std::string& url, const char* errbuf) {
    const std::string detail = errbuf[0] ? errbuf : curl_easy_strerror(code);
    if (t.too_big || code == CURLE_FILESIZE_EXCEEDED)
        return "response from " + url + " is larger than " + std::to_string(req.max_body_bytes) + " bytes";
    switch (code) {
        case CURLE_ABORTED_BY_CALLBACK:
            return "cancelled fetching " + url;
        case CURLE_COULDNT_CONNECT: {
            long os_errno = 0;
            curl_easy_getinfo(c, CURLINFO_OS_ERRNO, &os_errno);
            return "could not connect to " + url + ": " +
                   (os_errno ? std::strerror(static_cast<int>(os_errno)) : detail);
        }
        case CURLE_COULDNT_RESOLVE_HOST:
            return "could not resolve the host of " + url + ": " + detail;
        case CURLE_OPERATION_TIMEDOUT:
            return "no complete answer from " + url + " within " + duration_text(req.total_timeout_ms) +
                   ": " + detail;
        case CURLE_TOO_MANY_REDIRECTS:
            return "more than " + std::to_string(req.max_redirects) + " redirects from " + req.url;
        case CURLE_PEER_FAILED_VERIFICATION:
        case CURLE_SSL_CONNECT_ERROR:
        case CURLE_SSL_CERTPROBLEM:
        case CURLE_SSL_CACERT_BADFILE:
            return "TLS error with " + url + ": " + detail;
        default:
            return "fetching " + url + " failed: " + detail;
    }
}

FetchResult fetch_http(const FetchRequest& req, const std::string& label, std::stop_token stop) {
    FetchResult r;
    r.final_url = req.url;
    CurlPtr c(curl_easy_init());
    if (!c) {
        r.error = label + ": fetching " + req.url + " failed: libcurl could not start";
        return r;
    }
    Transfer t;
    t.max_body = req.max_body_bytes;
    t.stop = std::move(stop);
    char errbuf[CURL_ERROR_SIZE] = {};
    HeaderList headers = conditional_headers(req);
    set_options(c.get(), req, t, headers.get(), errbuf);
    const CURLcode code = curl_easy_perform(c.get());

    char* effective = nullptr;
    if (curl_easy_getinfo(c.get(), CURLINFO_EFFECTIVE_URL, &effective) == CURLE_OK && effective)
        r.final_url = effective;
    curl_easy_getinfo(c.get(), CURLINFO_RESPONSE_CODE, &r.http_code);
    if (code != CURLE_OK) {
        r.error = label + ": " + failure_reason(c.get(), code, req, t, r.final_url, errbuf);
        return r;
    }
    if (r.http_code == 304) {
        r.status = FetchStatus::NotModified;
        r.etag = t.etag.empty() ? req.etag : t.etag;
        r.last_modified = t.last_modified.empty() ? req.last_modified : t.last_modified;
        return r;
    }
    if (r.http_code < 200 || r.http_code > 299) {
        r.error = label + ": HTTP " + std::to_string(r.http_code) + " from " + r.final_url;
        return r;
    }
    r.status = FetchStatus::Ok;
    r.body = std::move(t.body);
    r.etag = std::move(t.etag);
    r.last_modified = std::move(t.last_modified);
    return r;
}

}  // namespace

std::string user_agent(std::string_view version) {
    return "infotavle/" + std::string(version);
}

FetchResult fetch(const FetchRequest& request, std::stop_token stop) {
    const std::string label = request.label.empty() ? url_file_name(request.url) : request.label;
    try {
        if (is_http_url(request.url)) return fetch_http(request, label, std::move(stop));
        return read_local(request, label);
    } catch (const std::exception& e) {  // bad_alloc and the like: still a value, never a crash
        FetchResult r;
        r.error = label + ": fetching " + request.url + " failed: " + e.what();
        return r;
    }
}

FetchJob start_fetch(FetchRequest request) {
    const std::string label = request.label.empty() ? url_file_name(request.url) : request.label;
    std::promise<FetchResult> promise;
    FetchJob job;
    job.result = promise.get_future();
    try {
        job.thread = std::jthread([req = std::move(request), p = std::move(promise)](
                                      std::stop_token st) mutable { p.set_value(fetch(req, st)); });
    } catch (const std::system_error& e) {  // no thread could be made: report it like a failed fetch
        std::promise<FetchResult> failed;
        job.result = failed.get_future();
        FetchResult r;
        r.error = label + ": could not start a fetch thread: " + e.what();
        failed.set_value(std::move(r));
    }
    return job;
}

std::optional<FetchResult> poll_fetch(FetchJob& job) {
    if (!job.result.valid()) return std::nullopt;
    if (job.result.wait_for(std::chrono::seconds(0)) != std::future_status::ready) return std::nullopt;
    FetchResult r = job.result.get();
    // The thread has delivered its result, its last act: joining now takes microseconds.
    if (job.thread.joinable()) job.thread.join();
    return r;
}

bool fetch_running(const FetchJob& job) {
    return job.result.valid();
}

}  // namespace feeds
