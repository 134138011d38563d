#include "feeds/fetch.h"

#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "feeds/fetch_transfer.h"
#include "feeds/file_read.h"
#include "feeds/url.h"

namespace feeds {

long total_timeout_for(std::size_t max_body_bytes) {
    const std::size_t at_1kib_per_s_ms = max_body_bytes / 1024 * 1000;
    return static_cast<long>(std::clamp<std::size_t>(at_1kib_per_s_ms, 60'000, 24L * 3600 * 1000));
}

// A local feed's validator is its modification time, so an unchanged file is NotModified.
FetchResult read_local_file(const FetchRequest& req) {
    const std::string label = fetch_label(req);
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
    // The validator: the mtime alone misses a file replaced within one tick of the kernel's
    // coarse clock (a few ms: a script, or an edit seen at once by the file watch); a rename
    // over it brings another inode, and most edits another size.
    const std::string mtime = "mtime " + std::to_string(st.st_mtim.tv_sec) + "." +
                              std::to_string(st.st_mtim.tv_nsec) + " size " + std::to_string(st.st_size) +
                              " inode " + std::to_string(st.st_ino);
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

std::string user_agent(std::string_view version) {
    return "infotavle/" + std::string(version);
}

FetchResult fetch(const FetchRequest& request) {
    try {
        if (!is_http_url(request.url)) return read_local_file(request);
        FetchResult failed;
        std::unique_ptr<HttpTransfer> t = make_transfer(request, failed);
        if (!t) return failed;
        return finish_transfer(*t, curl_easy_perform(t->easy));
    } catch (const std::exception& e) {  // bad_alloc and the like: still a value, never a crash
        FetchResult r;
        r.error = fetch_label(request) + ": fetching " + request.url + " failed: " + e.what();
        return r;
    }
}

}  // namespace feeds
