#include "feeds/url.h"

#include <cctype>
#include <filesystem>
#include <vector>

namespace feeds {

namespace {

bool starts_with_nocase(std::string_view s, std::string_view prefix) {
    if (s.size() < prefix.size()) return false;
    for (std::size_t i = 0; i < prefix.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(s[i])) != prefix[i]) return false;
    return true;
}

// RFC 3986 scheme: ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) ":". At least two characters
// before the colon, so a Windows drive letter ("C:") counts as a path, not a scheme.
bool has_scheme(std::string_view s) {
    const auto colon = s.find(':');
    if (colon == std::string_view::npos || colon < 2) return false;
    if (!std::isalpha(static_cast<unsigned char>(s[0]))) return false;
    for (std::size_t i = 1; i < colon; ++i) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        if (!std::isalnum(c) && c != '+' && c != '-' && c != '.') return false;
    }
    return true;
}

bool is_absolute_path(std::string_view s) {
    return s[0] == '/' || s[0] == '\\' || (s.size() > 1 && s[1] == ':');
}

// Encodes what may not appear raw in an HTTP request line; '%' is left alone, as a publisher
// who wrote "%20" already encoded it.
std::string percent_encode(std::string_view s) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    for (char ch : s) {
        const unsigned char c = static_cast<unsigned char>(ch);
        const bool unsafe =
            c <= 0x20 || c >= 0x7f || std::string_view("\"<>\\^`{|}").find(ch) != std::string_view::npos;
        if (!unsafe) {
            out += ch;
            continue;
        }
        out += '%';
        out += kHex[c >> 4];
        out += kHex[c & 0xf];
    }
    return out;
}

// RFC 3986 5.2.4 for an absolute path ("/a/b/../c" -> "/a/c"); ".." at the root stays at the root.
std::string remove_dot_segments(std::string_view path) {
    std::vector<std::string_view> out;
    bool trailing_slash = false;
    std::size_t start = path.empty() || path[0] != '/' ? 0 : 1;
    while (start <= path.size()) {
        auto end = path.find('/', start);
        if (end == std::string_view::npos) end = path.size();
        const auto seg = path.substr(start, end - start);
        trailing_slash = false;
        if (seg == ".") {
            trailing_slash = true;  // only the last segment's value survives the loop
        } else if (seg == "..") {
            if (!out.empty()) out.pop_back();
            trailing_slash = true;
        } else {
            out.push_back(seg);
        }
        start = end + 1;
    }
    std::string result;
    for (const auto& seg : out) {
        result += '/';
        result += seg;
    }
    if (trailing_slash || result.empty()) result += '/';
    return result;
}

// "https://h:8080/a/b.json?q#f" -> origin "https://h:8080", path "/a/b.json".
void split_http_url(std::string_view url, std::string_view& origin, std::string_view& path) {
    url = url.substr(0, url.find_first_of("?#"));
    const auto authority = url.find("://") + 3;
    const auto slash = url.find('/', authority);
    origin = url.substr(0, slash);
    path = slash == std::string_view::npos ? std::string_view("/") : url.substr(slash);
}

ResolvedUrl against_http(std::string_view manifest_url, std::string_view ref) {
    std::string_view origin, base_path;
    split_http_url(manifest_url, origin, base_path);
    ref = ref.substr(0, ref.find('#'));
    const auto q = ref.find('?');
    const auto ref_path = ref.substr(0, q);
    const auto ref_query = q == std::string_view::npos ? std::string_view() : ref.substr(q);
    std::string merged(base_path.substr(0, base_path.rfind('/') + 1));
    merged += ref_path;
    std::string url(origin);
    url += remove_dot_segments(merged);
    url += ref_query;
    return {percent_encode(url), true, {}};
}

ResolvedUrl against_file(std::string_view manifest_path, std::string_view ref) {
    namespace fs = std::filesystem;
    const fs::path base = fs::path(manifest_path).parent_path();
    return {(base / fs::path(ref)).lexically_normal().string(), false, {}};
}

std::string quoted(std::string_view s) {
    return "\"" + std::string(s) + "\"";
}

}  // namespace

bool is_http_url(std::string_view s) {
    return starts_with_nocase(s, "http://") || starts_with_nocase(s, "https://");
}

ResolvedUrl resolve_feed_url(std::string_view manifest_location, std::string_view feed_url) {
    if (feed_url.empty()) return {{}, false, "empty feed url"};
    if (is_http_url(feed_url)) {
        if (starts_with_nocase(manifest_location, "https://") && !starts_with_nocase(feed_url, "https://"))
            return {{},
                    false,
                    "plain http URL " + quoted(feed_url) + " in a manifest read over https: use https://"};
        return {percent_encode(feed_url), true, {}};
    }
    if (has_scheme(feed_url))
        return {{}, false, "unsupported URL " + quoted(feed_url) + ": use a relative path or http(s)://"};
    if (is_absolute_path(feed_url))
        return {{}, false, "absolute path " + quoted(feed_url) + ": use a path relative to the manifest"};
    if (is_http_url(manifest_location)) return against_http(manifest_location, feed_url);
    return against_file(manifest_location, feed_url);
}

std::string url_file_name(std::string_view url) {
    if (is_http_url(url)) url = url.substr(0, url.find_first_of("?#"));
    const auto slash = url.find_last_of("/\\");
    const auto name = slash == std::string_view::npos ? url : url.substr(slash + 1);
    return std::string(name.empty() ? url : name);
}

}  // namespace feeds
