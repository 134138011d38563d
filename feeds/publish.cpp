#include "feeds/publish.h"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "feeds/check.h"
#include "feeds/crypto.h"
#include "feeds/feed_parse.h"
#include "feeds/file_read.h"
#include "feeds/limits.h"
#include "feeds/minisign.h"
#include "feeds/url.h"
#include "feeds/utc_time.h"

namespace feeds {

namespace fs = std::filesystem;
using Ordered = nlohmann::ordered_json;

namespace {

// Every *.json of the source folder, the manifest first: "every file exactly as --check does".
std::vector<std::string> source_files(const std::string& src_dir) {
    std::vector<std::string> files;
    std::error_code ec;
    for (fs::directory_iterator it(src_dir, ec), end; !ec && it != end; it.increment(ec))
        if (it->path().extension() == ".json" && it->path().filename() != "manifest.json")
            files.push_back(it->path().string());
    std::sort(files.begin(), files.end());
    files.insert(files.begin(), (fs::path(src_dir) / "manifest.json").string());
    return files;
}

// Written to a temporary file beside `path`, then renamed over it: never half a file.
std::string write_whole(const std::string& path, const std::string& bytes) {
    const std::string tmp = path + "." + std::to_string(::getpid()) + ".tmp";
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        out << bytes;
        out.flush();
        if (!out) return tmp + ": cannot write";
    }
    std::error_code ec;
    fs::rename(tmp, path, ec);
    return ec ? path + ": cannot write: " + ec.message() : "";
}

std::optional<std::string> read_whole(const std::string& path, std::ostream& out) {
    std::string why;
    auto text = read_file_prefix(path, Limits{}.max_file_bytes, why);
    if (!text) out << path << ": cannot read: " << why << '\n';
    return text;
}

// The serial: the UTC time stamp, and always above the one already published in out_dir (two
// runs in one second, or a clock set back).
std::int64_t next_serial(const std::string& out_dir, std::int64_t now) {
    std::int64_t serial = utc_serial(now);
    std::string why;
    const auto old =
        read_file_prefix((fs::path(out_dir) / "manifest.json").string(), Limits{}.max_file_bytes, why);
    if (!old) return serial;
    const auto parsed = parse_manifest(*old, "manifest.json");
    if (parsed.manifest && parsed.manifest->serial) serial = std::max(serial, *parsed.manifest->serial + 1);
    return serial;
}

// Copies each local feed to feeds/<sha256>.json and points the manifest at it. False on error.
bool address_feeds(Ordered& doc, const PublishRequest& r, std::ostream& out) {
    const fs::path feeds_dir = fs::path(r.out_dir) / "feeds";
    std::error_code ec;
    fs::create_directories(feeds_dir, ec);
    if (ec) {
        out << feeds_dir.string() << ": cannot create: " << ec.message() << '\n';
        return false;
    }
    for (auto& ref : doc["feeds"]) {
        const std::string url = ref.value("url", "");
        if (is_http_url(url)) {
            out << "note: feed " << ref.value("id", "") << " stays remote (" << url
                << "): it is not content-addressed, so a screen cannot check its bytes\n";
            continue;
        }
        const auto bytes = read_whole((fs::path(r.src_dir) / url).lexically_normal().string(), out);
        if (!bytes) return false;
        const std::string sha = sha256_hex(*bytes);
        const std::string name = "feeds/" + sha + ".json";
        if (auto bad = write_whole((fs::path(r.out_dir) / name).string(), *bytes); !bad.empty()) {
            out << bad << '\n';
            return false;
        }
        ref["url"] = name;
        ref["sha256"] = sha;
        ref["length"] = bytes->size();
    }
    return true;
}

std::string quoted(const std::string& s) {
    return "'" + s + "'";
}

// Web servers answer a screen's "If-Modified-Since" and "If-None-Match" from the file's time in
// whole seconds (nginx's ETag is "mtime-size"): a manifest of the same size written within the
// second a screen fetched the old one would be answered "304 Not Modified" and never fetched.
// The new manifest is dated at least a second after the one it replaces.
void later_than(const std::string& path, fs::file_time_type old_time) {
    std::error_code ec;
    const auto now = fs::last_write_time(path, ec);
    if (ec) return;
    using std::chrono::floor, std::chrono::seconds;
    if (floor<seconds>(now) <= floor<seconds>(old_time))
        fs::last_write_time(path, floor<seconds>(old_time) + seconds(1), ec);
}

}  // namespace

int run_publish(const PublishRequest& r, std::ostream& out) {
    std::ostringstream checked;
    if (run_check(source_files(r.src_dir), checked) != 0) {
        out << checked.str() << "not published: fix the errors above first (infotavle --check)\n";
        return 1;
    }
    std::optional<MinisignSecretKey> key;
    if (!r.key_file.empty()) {
        const auto text = read_whole(r.key_file, out);
        if (!text) return 1;
        auto read = parse_secret_key(*text, r.key_file);
        if (!read.value) {
            out << read.error << "\nnot published\n";
            return 1;
        }
        key = *read.value;
    }
    const std::string manifest_src = (fs::path(r.src_dir) / "manifest.json").string();
    const auto src = read_whole(manifest_src, out);
    if (!src) return 1;
    Ordered doc = Ordered::parse(*src);
    if (!address_feeds(doc, r, out)) return 1;
    const std::int64_t serial = next_serial(r.out_dir, r.now);
    const std::string expires = format_utc(r.now + r.valid_s);
    if (doc.value("version", "") == "1.0" || doc.value("version", "") == "1.1")
        doc["version"] = "1.2";  // the first version with sha256, length, serial and expires
    doc["serial"] = serial;
    doc["expires"] = expires;
    const std::string bytes = doc.dump(2) + "\n";
    const std::string manifest_out = (fs::path(r.out_dir) / "manifest.json").string();
    const std::string comment = "serial:" + std::to_string(serial) + " expires:" + expires;
    std::optional<std::string> sig;
    if (key && !(sig = sign_message(bytes, *key, comment))) {
        out << r.key_file << ": signing failed (libcrypto)\n";
        return 1;
    }
    // The signature before the manifest: a screen fetching in between sees the old manifest
    // with the new signature, refuses it and tries again; never a new manifest unsigned.
    std::error_code ignored;
    const auto old_time = fs::last_write_time(manifest_out, ignored);
    const bool had_old = !ignored;
    if (!key) fs::remove(manifest_out + ".minisig", ignored);  // it would not match the new bytes
    for (const auto& [path, text] :
         {std::pair{manifest_out + ".minisig", sig.value_or("")}, {manifest_out, bytes}}) {
        if (text.empty()) continue;
        if (auto bad = write_whole(path, text); !bad.empty()) {
            out << bad << "\nnot published\n";
            return 1;
        }
    }
    if (had_old) later_than(manifest_out, old_time);
    std::ostringstream again;
    if (run_check({manifest_out}, again) != 0) {  // what was written, read back as a screen would
        out << again.str() << "published output does not check: not usable\n";
        return 1;
    }
    out << "published " << manifest_out << " (serial " << serial << ", expires " << expires << ")\n";
    if (key)
        out << "signed with key " << key_id_hex(key->key_id) << ": " << manifest_out << ".minisig\n";
    else
        out << "not signed; sign it with:\n  minisign -S -s SECRET_KEY_FILE -m " << quoted(manifest_out)
            << " -t " << quoted(comment) << "\n";
    return 0;
}

}  // namespace feeds
