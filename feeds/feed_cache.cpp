#include "feeds/feed_cache.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "feeds/feed_parse.h"
#include "feeds/file_read.h"

namespace feeds {

namespace fs = std::filesystem;

namespace {

constexpr std::size_t kMaxMetaBytes = 64 * 1024;

Problem error_at(const std::string& file, std::string message) {
    return Problem{Problem::Severity::Error, file, "", std::move(message)};
}

Problem warning_at(const std::string& file, std::string message) {
    return Problem{Problem::Severity::Warning, file, "", std::move(message)};
}

// Feed ids are already restricted by the parser; checked again because they become file names.
bool safe_id(const std::string& id) {
    if (id.empty() || id.size() > 64) return false;
    for (unsigned char c : id)
        if (!std::isalnum(c) && c != '_' && c != '-') return false;
    return true;
}

std::string body_path(const std::string& dir, const std::string& id) {
    return (fs::path(dir) / (id + ".json")).string();
}
std::string meta_path(const std::string& dir, const std::string& id) {
    return (fs::path(dir) / (id + ".meta.json")).string();
}

// ---- writing -------------------------------------------------------------------------------

bool write_all(int fd, std::string_view bytes) {
    while (!bytes.empty()) {
        const ssize_t n = ::write(fd, bytes.data(), bytes.size());
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        bytes.remove_prefix(static_cast<std::size_t>(n));
    }
    return true;
}

// Writes and fsyncs "<path>.tmp". On failure removes it and returns the reason.
std::optional<std::string> write_tmp(const std::string& path, std::string_view bytes) {
    const std::string tmp = path + ".tmp";
    const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) return std::string(std::strerror(errno));
    bool ok = write_all(fd, bytes) && ::fsync(fd) == 0;
    int saved = errno;
    if (::close(fd) != 0 && ok) {  // NFS and some filesystems report a full disk only here
        ok = false;
        saved = errno;
    }
    if (ok) return std::nullopt;
    ::unlink(tmp.c_str());
    return std::string(std::strerror(saved));
}

bool commit_tmp(const std::string& path) {
    return ::rename((path + ".tmp").c_str(), path.c_str()) == 0;
}

// Makes the renames durable. Best effort: the data is already safe in either name.
void sync_dir(const std::string& dir) {
    const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return;
    ::fsync(fd);
    ::close(fd);
}

std::string meta_json(const CacheMeta& meta, std::size_t bytes) {
    const nlohmann::json j = {{"url", meta.url},
                              {"fetched_at", meta.fetched_at},
                              {"etag", meta.etag},
                              {"last_modified", meta.last_modified},
                              {"bytes", bytes}};
    return j.dump(2) + "\n";
}

// Writes the given files' tmp copies, then renames them in order; none is renamed unless all
// were written, so a failure leaves every old file as it was.
std::optional<Problem> write_files_atomically(const std::string& dir,
                                              const std::vector<std::pair<std::string, std::string>>& files) {
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) return error_at(dir, "cannot create the cache directory: " + ec.message());
    for (std::size_t i = 0; i < files.size(); ++i) {
        if (auto why = write_tmp(files[i].first, files[i].second)) {
            for (std::size_t k = 0; k < i; ++k) ::unlink((files[k].first + ".tmp").c_str());
            return error_at(files[i].first,
                            "cannot write the cache file: " + *why + " (the previous copy is kept)");
        }
    }
    for (std::size_t i = 0; i < files.size(); ++i) {
        if (commit_tmp(files[i].first)) continue;
        const int saved = errno;
        for (std::size_t k = i; k < files.size(); ++k) ::unlink((files[k].first + ".tmp").c_str());
        return error_at(files[i].first,
                        std::string("cannot replace the cache file: ") + std::strerror(saved));
    }
    sync_dir(dir);
    return std::nullopt;
}

// ---- reading -------------------------------------------------------------------------------

// Reads a regular file of at most max_bytes. nullopt with `why` set when missing, unreadable
// or larger.
std::optional<std::string> read_small_file(const std::string& path, std::size_t max_bytes, std::string& why) {
    auto text = read_file_prefix(path, max_bytes, why);
    if (text && text->size() > max_bytes) {
        why = "larger than " + std::to_string(max_bytes) + " bytes";
        return std::nullopt;
    }
    return text;
}

std::int64_t file_time(const std::string& path) {
    struct stat st {};
    return ::stat(path.c_str(), &st) == 0 ? static_cast<std::int64_t>(st.st_mtim.tv_sec) : 0;
}

// Parses the metadata; nullopt with `why` when it is not what write_cached writes.
std::optional<CacheMeta> parse_meta(const std::string& text, std::size_t body_bytes, std::string& why) {
    const auto j = nlohmann::json::parse(text, nullptr, false);
    if (j.is_discarded() || !j.is_object()) {
        why = "not valid JSON";
        return std::nullopt;
    }
    const auto text_field = [&](const char* key) {
        auto it = j.find(key);
        return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
    };
    const auto fetched = j.find("fetched_at");
    const auto bytes = j.find("bytes");
    if (fetched == j.end() || !fetched->is_number_integer() || bytes == j.end() ||
        !bytes->is_number_unsigned()) {
        why = "\"fetched_at\" or \"bytes\" missing or not a whole number";
        return std::nullopt;
    }
    CacheMeta meta{text_field("url"), fetched->get<std::int64_t>(), text_field("etag"),
                   text_field("last_modified")};
    if (bytes->get<std::size_t>() != body_bytes) {
        // A crash between the two renames: the feed is newer than this metadata (see the header).
        why = "does not match the stored feed";
        meta.etag.clear();
        meta.last_modified.clear();
    }
    return meta;
}

}  // namespace

std::string default_cache_dir(const char* cache_directory, const char* xdg_cache_home, const char* home) {
    if (cache_directory && *cache_directory) {
        const std::string dirs(cache_directory);
        return dirs.substr(0, dirs.find(':'));
    }
    if (xdg_cache_home && *xdg_cache_home) return (fs::path(xdg_cache_home) / "infotavle").string();
    if (home && *home) return (fs::path(home) / ".cache" / "infotavle").string();
    return {};
}

CacheRead read_cached(const std::string& dir, const std::string& feed_id, const Limits& limits) {
    CacheRead r;
    if (!safe_id(feed_id)) {
        r.problems.push_back(error_at(dir, "feed id \"" + feed_id + "\" cannot name a cache file"));
        return r;
    }
    const std::string body_file = body_path(dir, feed_id);
    std::string why;
    auto text = read_small_file(body_file, limits.max_file_bytes, why);
    if (!text) {
        if (why != "no such file") r.problems.push_back(error_at(body_file, "cached copy ignored: " + why));
        return r;
    }
    CachedCopy copy;
    const std::string meta_file = meta_path(dir, feed_id);
    std::optional<CacheMeta> meta;
    if (auto meta_text = read_small_file(meta_file, kMaxMetaBytes, why))
        meta = parse_meta(*meta_text, text->size(), why);
    if (!meta || !why.empty()) {
        r.problems.push_back(
            warning_at(meta_file, "cache metadata ignored (" + why + "); the next fetch is unconditional"));
    }
    if (!meta) meta = CacheMeta{{}, file_time(body_file), {}, {}};  // the feed file was written at fetch time
    copy.text = std::move(*text);
    copy.meta = std::move(*meta);
    r.copy = std::move(copy);
    return r;
}

CachedFeed load_cached_feed(const std::string& dir, const std::string& feed_id, const Limits& limits) {
    CachedFeed out;
    CacheRead read = read_cached(dir, feed_id, limits);
    out.problems = std::move(read.problems);
    if (!read.copy) return out;
    const std::string file = body_path(dir, feed_id);
    FeedResult parsed = parse_feed(read.copy->text, file, limits);
    out.problems.insert(out.problems.end(), parsed.problems.begin(), parsed.problems.end());
    if (!parsed.feed) {
        out.problems.push_back(error_at(file, "cached copy is not a valid feed: ignored"));
        return out;
    }
    out.feed = std::move(parsed.feed);
    out.meta = std::move(read.copy->meta);
    return out;
}

std::optional<Problem> write_cached(const std::string& dir, const std::string& feed_id, std::string_view text,
                                    const CacheMeta& meta) {
    if (!safe_id(feed_id)) return error_at(dir, "feed id \"" + feed_id + "\" cannot name a cache file");
    // The feed before its metadata: see the header for why this order.
    return write_files_atomically(dir, {{body_path(dir, feed_id), std::string(text)},
                                        {meta_path(dir, feed_id), meta_json(meta, text.size())}});
}

std::optional<Problem> touch_cached(const std::string& dir, const std::string& feed_id, std::int64_t now,
                                    const FetchResult& not_modified) {
    CacheRead read = read_cached(dir, feed_id);
    if (!read.copy)
        return error_at(body_path(dir, feed_id), "no stored copy to confirm after 304 Not Modified");
    CacheMeta meta = read.copy->meta;
    meta.fetched_at = now;
    if (!not_modified.etag.empty()) meta.etag = not_modified.etag;
    if (!not_modified.last_modified.empty()) meta.last_modified = not_modified.last_modified;
    return write_files_atomically(dir, {{meta_path(dir, feed_id), meta_json(meta, read.copy->text.size())}});
}

FetchRequest conditional_request(std::string url, std::string label, const CacheMeta* last) {
    FetchRequest req;
    if (last && last->url == url) {
        req.etag = last->etag;
        req.last_modified = last->last_modified;
    }
    req.url = std::move(url);
    req.label = std::move(label);
    return req;
}

FetchOutcome accept_fetched(const std::string& dir, const std::string& feed_id, const FetchRequest& request,
                            const FetchResult& result, std::int64_t now, const Limits& limits) {
    FetchOutcome out;
    const std::string label = request.label.empty() ? feed_id + ".json" : request.label;
    if (result.status == FetchStatus::Failed) {
        // FetchResult::error already starts with the label; a Problem names its file separately.
        const std::string prefix = label + ": ";
        const bool named = result.error.rfind(prefix, 0) == 0;
        out.problems.push_back(error_at(label, named ? result.error.substr(prefix.size()) : result.error));
        return out;
    }
    if (result.status == FetchStatus::NotModified) {
        // Without a stored copy a 304 confirms nothing: fail, so the retry is unconditional.
        if (auto p = touch_cached(dir, feed_id, now, result)) {
            out.problems.push_back(*p);
            if (!read_cached(dir, feed_id, limits).copy) return out;
        }
        out.succeeded = true;
        out.fetched_at = now;
        return out;
    }
    out.succeeded = true;
    out.fetched_at = now;
    FeedResult parsed = parse_feed(result.body, label, limits);
    out.problems = std::move(parsed.problems);
    if (!parsed.feed) {  // everything or nothing: the last good copy stays
        out.succeeded = false;
        out.fetched_at.reset();
        return out;
    }
    out.feed = std::move(parsed.feed);
    const CacheMeta meta{request.url, now, result.etag, result.last_modified};
    if (auto p = write_cached(dir, feed_id, result.body, meta)) out.problems.push_back(*p);
    return out;
}

}  // namespace feeds
