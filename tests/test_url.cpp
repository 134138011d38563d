#include <doctest/doctest.h>

#include "feeds/url.h"

using feeds::resolve_feed_url;

TEST_CASE("url: relative feed urls resolve against an http manifest") {
    const auto r = resolve_feed_url("https://data.example.dk/infotavle/manifest.json", "employment.json");
    CHECK(r.error.empty());
    CHECK(r.remote);
    CHECK(r.location == "https://data.example.dk/infotavle/employment.json");
    CHECK(resolve_feed_url("https://h/i/manifest.json", "data/t.json").location == "https://h/i/data/t.json");
    CHECK(resolve_feed_url("https://h/i/j/manifest.json", "../t.json").location == "https://h/i/t.json");
    CHECK(resolve_feed_url("https://h/i/manifest.json", "./a/./b/../t.json").location ==
          "https://h/i/a/t.json");
    CHECK(resolve_feed_url("http://h:8080/manifest.json", "t.json").location == "http://h:8080/t.json");
}

TEST_CASE("url: the manifest's query and fragment are dropped, the feed's query is kept") {
    CHECK(resolve_feed_url("https://h/i/manifest.json?v=2#top", "t.json").location == "https://h/i/t.json");
    CHECK(resolve_feed_url("https://h/i/manifest.json", "t.json?key=1#x").location ==
          "https://h/i/t.json?key=1");
}

TEST_CASE("url: '..' never climbs above the host, and a host-only manifest works") {
    CHECK(resolve_feed_url("https://h/manifest.json", "../../t.json").location == "https://h/t.json");
    CHECK(resolve_feed_url("https://h", "t.json").location == "https://h/t.json");
    CHECK(resolve_feed_url("https://h/i/manifest.json", "sub/").location == "https://h/i/sub/");
    CHECK(resolve_feed_url("https://h/i/manifest.json", "sub/..").location == "https://h/i/");
}

TEST_CASE("url: spaces and non-ASCII are percent-encoded for http, existing escapes kept") {
    CHECK(resolve_feed_url("https://h/i/manifest.json", "../fælles/a b.json").location ==
          "https://h/f%C3%A6lles/a%20b.json");
    CHECK(resolve_feed_url("https://h/i/manifest.json", "a%20b.json").location == "https://h/i/a%20b.json");
}

TEST_CASE("url: absolute http(s) feed urls are used as they are, whatever the manifest") {
    const auto r = resolve_feed_url("/etc/infotavle/manifest.json", "https://other.dk/t.json");
    CHECK(r.remote);
    CHECK(r.location == "https://other.dk/t.json");
    CHECK(resolve_feed_url("http://h/m.json", "HTTP://Other.dk/t.json").location == "HTTP://Other.dk/t.json");
    CHECK(resolve_feed_url("http://h/m.json", "https://other.dk/t.json").location ==
          "https://other.dk/t.json");
}

TEST_CASE("url: a manifest read over https may not name a plain-http feed") {
    const auto r = resolve_feed_url("https://h/m.json", "http://other.dk/t.json");
    CHECK(r.location.empty());
    CHECK_FALSE(r.remote);
    CHECK(r.error == "plain http URL \"http://other.dk/t.json\" in a manifest read over https: use https://");
    CHECK_FALSE(resolve_feed_url("HTTPS://h/m.json", "HTTP://other.dk/t.json").error.empty());
    CHECK(resolve_feed_url("HTTPS://h/m.json", "Https://other.dk/t.json").error.empty());
}

TEST_CASE("url: relative feed urls resolve against a local manifest path") {
    auto r = resolve_feed_url("/etc/infotavle/manifest.json", "data/employment.json");
    CHECK(r.error.empty());
    CHECK_FALSE(r.remote);
    CHECK(r.location == "/etc/infotavle/data/employment.json");
    CHECK(resolve_feed_url("/etc/infotavle/manifest.json", "../fælles/t.json").location ==
          "/etc/fælles/t.json");
    CHECK(resolve_feed_url("manifest.json", "t.json").location == "t.json");
    CHECK(resolve_feed_url("feeds/bundled/manifest.json", "./t.json").location == "feeds/bundled/t.json");
}

TEST_CASE("url: absolute paths, other schemes and empty urls are refused with the reason") {
    auto r = resolve_feed_url("/etc/infotavle/manifest.json", "/srv/t.json");
    CHECK(r.location.empty());
    CHECK(r.error == "absolute path \"/srv/t.json\": use a path relative to the manifest");
    CHECK(resolve_feed_url("https://h/m.json", "file:///etc/passwd").error ==
          "unsupported URL \"file:///etc/passwd\": use a relative path or http(s)://");
    CHECK_FALSE(resolve_feed_url("https://h/m.json", "ftp://h/t.json").error.empty());
    CHECK_FALSE(resolve_feed_url("m.json", "C:\\feeds\\t.json").error.empty());
    CHECK_FALSE(resolve_feed_url("https://h/m.json", "//evil/t.json").error.empty());
    CHECK(resolve_feed_url("m.json", "").error == "empty feed url");
}

TEST_CASE("url: is_http_url and url_file_name") {
    CHECK(feeds::is_http_url("http://h/x"));
    CHECK(feeds::is_http_url("HTTPS://h/x"));
    CHECK_FALSE(feeds::is_http_url("httpx://h"));
    CHECK_FALSE(feeds::is_http_url("/srv/http://"));
    CHECK(feeds::url_file_name("https://h/i/employment.json?x=1#f") == "employment.json");
    CHECK(feeds::url_file_name("/srv/feeds/transport.json") == "transport.json");
    CHECK(feeds::url_file_name("t.json") == "t.json");
    CHECK(feeds::url_file_name("https://h/") == "https://h/");
}
