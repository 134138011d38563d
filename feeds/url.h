// Where a manifest's feed lives. A FeedRef.url is either an absolute http(s) URL or a path
// relative to the manifest's own location, which may itself be a local file or an http(s) URL.
// Pure: no I/O, no network. The manifest parser has already refused absolute file paths and
// other schemes; resolve_feed_url refuses them again so it is safe on its own.
#pragma once

#include <string>
#include <string_view>

namespace feeds {

// True for "http://..." and "https://..." (scheme case-insensitive).
bool is_http_url(std::string_view s);

struct ResolvedUrl {
    std::string location;  // an http(s) URL, or a local path; empty when error is set
    bool remote = false;   // true: fetch over HTTP; false: read the local file
    std::string error;     // why it could not be resolved, naming the url; empty on success
};

// manifest_location: where the manifest was read from, "/etc/infotavle/manifest.json",
// "feeds/manifest.json" or "https://data.example.dk/infotavle/manifest.json".
// feed_url: FeedRef.url as written in the manifest.
//   ("https://h/i/manifest.json", "employment.json")      -> "https://h/i/employment.json"
//   ("https://h/i/manifest.json?v=2", "../x/a b.json")     -> "https://h/x/a%20b.json"
//   ("/etc/infotavle/manifest.json", "data/employment.json") -> "/etc/infotavle/data/employment.json"
//   (anything, "https://other/t.json")                     -> "https://other/t.json"
//   ("https://h/i/manifest.json", "http://other/t.json")   -> an error: no downgrade from https
// Relative references follow RFC 3986 section 5.2 ("../" never climbs above the host's root).
// Spaces and non-ASCII bytes in an http result are percent-encoded ("fælles" -> "f%C3%A6lles").
ResolvedUrl resolve_feed_url(std::string_view manifest_location, std::string_view feed_url);

// The last path segment, for messages: "https://h/i/employment.json?x=1" -> "employment.json",
// "/srv/feeds/transport.json" -> "transport.json". The whole input when there is no segment.
std::string url_file_name(std::string_view url);

}  // namespace feeds
