#include "feeds/feed_cache.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>

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

// A name for a temporary copy of `path` that no one can have planted: "<path>.<random>.tmp".
std::string tmp_name(const std::string& path) {
    static thread_local std::mt19937_64 rng{std::random_device{}() ^ static_cast<std::uint64_t>(::getpid())};
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(rng()));
    return path + "." + hex + ".tmp";
}

// Writes and fsyncs a new temporary file next to `path`; its name in `tmp`. The file is
// created, never opened if it exists and never through a symbolic link (O_EXCL|O_NOFOLLOW), so
// a link planted in the cache directory cannot make this write to another file. On failure
// removes it and returns the reason.
std::optional<std::string> write_tmp(const std::string& path, std::string_view bytes, std::string& tmp) {
    int fd = -1;
    for (int attempt = 0; attempt < 8 && fd < 0; ++attempt) {
        tmp = tmp_name(path);
        fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
        if (fd < 0 && errno != EEXIST) break;
    }
    if (fd < 0) {
        const std::string why = std::strerror(errno);
        tmp.clear();
        return why;
    }
    bool ok = ::fchmod(fd, 0644) == 0 && write_all(fd, bytes) && ::fsync(fd) == 0;  // 0644 whatever the umask
    int saved = errno;
    if (::close(fd) != 0 && ok) {  // NFS and some filesystems report a full disk only here
        ok = false;
        saved = errno;
    }
    if (ok) return std::nullopt;
    ::unlink(tmp.c_str());
    tmp.clear();
    return std::string(std::strerror(saved));
}

// Makes the renames durable. Best effort: the data is already safe in either name.
void sync_dir(const std::string& dir) {
    const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return;
    ::fsync(fd);
    ::close(fd);
}

std::string to_hex(std::string_view bytes) {
    static const char digits[] = "0123456789abcdef";
    std::string out;
    for (unsigned char c : bytes) {
        out += digits[c >> 4];
        out += digits[c & 15];
    }
    return out;
}

std::optional<std::string> from_hex(const std::string& hex) {
    auto value = [](char c) -> int {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        return -1;
    };
    if (hex.size() % 2) return std::nullopt;
    std::string out;
    for (std::size_t i = 0; i < hex.size(); i += 2) {
        const int hi = value(hex[i]), lo = value(hex[i + 1]);
        if (hi < 0 || lo < 0) return std::nullopt;
        out += static_cast<char>(hi * 16 + lo);
    }
    return out;
}

// Validators are whatever bytes the server sent (0xFF included), so they are stored as hex;
// any other text that is not UTF-8 is written with U+FFFD rather than stop the write.
std::string meta_json(const CacheMeta& meta, std::size_t bytes) {
    nlohmann::json j = {{"url", meta.url},
                        {"fetched_at", meta.fetched_at},
                        {"etag_hex", to_hex(meta.etag)},
                        {"last_modified_hex", to_hex(meta.last_modified)},
                        {"bytes", bytes}};
    if (meta.next_due_at > 0) j["next_due_at"] = meta.next_due_at;
    return j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

std::uint64_t file_size_or_0(const std::string& path) {
    struct stat st {};
    return ::lstat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode) ? static_cast<std::uint64_t>(st.st_size)
                                                                  : 0;
}

// Bytes the regular files in dir hold now.
std::uint64_t dir_bytes(const std::string& dir) {
    std::uint64_t total = 0;
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
        total += file_size_or_0(it->path().string());
    return total;
}

// Writes the given files' tmp copies, then renames them in order; none is renamed unless all
// were written, so a failure leaves every old file as it was. Refused when the directory would
// hold more than max_bytes afterwards (0: no limit).
std::optional<Problem> write_files_atomically(const std::string& dir,
                                              const std::vector<std::pair<std::string, std::string>>& files,
                                              std::uint64_t max_bytes) {
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) return error_at(dir, "cannot create the cache directory: " + ec.message());
    if (max_bytes > 0) {
        std::uint64_t after = dir_bytes(dir), adding = 0;
        for (const auto& [path, bytes] : files) {
            after = after - std::min(after, file_size_or_0(path)) + bytes.size();
            adding += bytes.size();
        }
        if (after > max_bytes)
            return error_at(files.front().first, "not stored: the cache would hold " + std::to_string(after) +
                                                     " bytes with these " + std::to_string(adding) +
                                                     ", over its limit of " + std::to_string(max_bytes) +
                                                     " (--cache-max-mb); the previous copy is kept");
    }
    std::vector<std::string> tmps(files.size());
    auto remove_tmps = [&](std::size_t from) {
        for (std::size_t k = from; k < tmps.size(); ++k)
            if (!tmps[k].empty()) ::unlink(tmps[k].c_str());
    };
    for (std::size_t i = 0; i < files.size(); ++i) {
        if (auto why = write_tmp(files[i].first, files[i].second, tmps[i])) {
            remove_tmps(0);
            return error_at(files[i].first,
                            "cannot write the cache file: " + *why + " (the previous copy is kept)");
        }
    }
    for (std::size_t i = 0; i < files.size(); ++i) {
        if (::rename(tmps[i].c_str(), files[i].first.c_str()) == 0) continue;
        const int saved = errno;
        remove_tmps(i);
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
    // Validators as hex (written since they may hold any byte), or as text (older caches).
    const auto validator = [&](const char* key) {
        if (auto hex = j.find(std::string(key) + "_hex"); hex != j.end() && hex->is_string())
            return from_hex(hex->get<std::string>()).value_or(std::string());
        return text_field(key);
    };
    CacheMeta meta{text_field("url"), fetched->get<std::int64_t>(), validator("etag"),
                   validator("last_modified")};
    if (auto due = j.find("next_due_at"); due != j.end() && due->is_number_integer())
        meta.next_due_at = due->get<std::int64_t>();
    if (bytes->get<std::size_t>() != body_bytes) {
        // A crash between the two renames: the feed is newer than this metadata (see the header).
        why = "does not match the stored feed";
        meta.etag.clear();
        meta.last_modified.clear();
        meta.next_due_at = 0;
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

std::string cached_text_path(const std::string& dir, const std::string& feed_id) {
    return body_path(dir, feed_id);
}

std::optional<Problem> write_cached(const std::string& dir, const std::string& feed_id, std::string_view text,
                                    const CacheMeta& meta, const Limits& limits) {
    if (!safe_id(feed_id)) return error_at(dir, "feed id \"" + feed_id + "\" cannot name a cache file");
    // The feed before its metadata: see the header for why this order.
    return write_files_atomically(dir,
                                  {{body_path(dir, feed_id), std::string(text)},
                                   {meta_path(dir, feed_id), meta_json(meta, text.size())}},
                                  limits.max_cache_bytes);
}

std::optional<Problem> touch_cached(const std::string& dir, const std::string& feed_id, std::int64_t now,
                                    const FetchResult& not_modified, std::int64_t next_due_at) {
    CacheRead read = read_cached(dir, feed_id);
    if (!read.copy)
        return error_at(body_path(dir, feed_id), "no stored copy to confirm after 304 Not Modified");
    CacheMeta meta = read.copy->meta;
    meta.fetched_at = now;
    meta.next_due_at = next_due_at;
    if (!not_modified.etag.empty()) meta.etag = not_modified.etag;
    if (!not_modified.last_modified.empty()) meta.last_modified = not_modified.last_modified;
    // The same size as before, give or take a few bytes: not held to the cache's limit.
    return write_files_atomically(dir, {{meta_path(dir, feed_id), meta_json(meta, read.copy->text.size())}},
                                  0);
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

std::vector<Problem> remove_stale_tmp_files(const std::string& dir) {
    std::vector<Problem> problems;
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (name.size() < 4 || name.compare(name.size() - 4, 4, ".tmp") != 0) continue;
        if (::unlink(it->path().c_str()) != 0 && errno != ENOENT)  // a link goes, never its target
            problems.push_back(
                warning_at(it->path().string(),
                           std::string("cannot remove a stale temporary file: ") + std::strerror(errno)));
    }
    return problems;
}

std::vector<std::string> prune_cached(const std::string& dir, const std::set<std::string>& keep) {
    std::vector<std::string> removed;
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        constexpr std::string_view suffix = ".meta.json";
        if (name.size() <= suffix.size() ||
            name.compare(name.size() - suffix.size(), suffix.size(), suffix) != 0)
            continue;
        const std::string id = name.substr(0, name.size() - suffix.size());
        if (!safe_id(id) || keep.count(id)) continue;
        ::unlink(body_path(dir, id).c_str());
        ::unlink(meta_path(dir, id).c_str());
        removed.push_back(id);
    }
    std::sort(removed.begin(), removed.end());
    return removed;
}

}  // namespace feeds
