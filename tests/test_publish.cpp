// feeds/publish.h: infotavle --publish SRC_DIR OUT_DIR [--key SECRET_KEY_FILE].
#include <doctest/doctest.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "feeds/crypto.h"
#include "feeds/feed_parse.h"
#include "feeds/publish.h"
#include "feeds/trust.h"
#include "feeds/utc_time.h"
#include "tests/temp_dir.h"
#include "tests/test_feeds_support.h"

using namespace feeds;
namespace fs = std::filesystem;

using feeds_test::fixture_path;
using feeds_test::read_all;

namespace {

void fill_source(const TempDir& src) {
    for (const char* f : {"manifest.json", "employment.json", "infrastructure.json"})
        src.write(f, read_all(fixture_path(std::string("feeds/good/") + f)));
}

const std::int64_t kNow = *parse_utc("2027-09-30T12:00:00Z");

}  // namespace

TEST_CASE("publish: content-addressed feeds, a 1.2 manifest, signed so that minisign agrees") {
    TempDir src("publish-src"), out("publish-out");
    fill_source(src);
    std::ostringstream said;
    REQUIRE(run_publish({src.dir(), out.dir(), fixture_path("minisign/test.key"), kNow}, said) == 0);
    INFO(said.str());
    const std::string bytes = read_all(out.file("manifest.json"));
    const auto m = parse_manifest(bytes, "manifest.json");
    REQUIRE(m.manifest);
    CHECK(m.manifest->format_version == "1.2");
    CHECK(m.manifest->serial == 20270930120000LL);
    CHECK(m.manifest->expires == kNow + kDefaultValidityS);
    const std::string employment = read_all(fixture_path("feeds/good/employment.json"));
    const FeedRef& ref = m.manifest->feeds.at(0);
    CHECK(ref.url == "feeds/" + sha256_hex(employment) + ".json");
    CHECK(ref.sha256 == sha256_hex(employment));
    CHECK(ref.length == static_cast<std::int64_t>(employment.size()));
    CHECK(read_all(out.file(ref.url)) == employment);

    const auto sig = parse_signature(read_all(out.file("manifest.json.minisig")), "sig");
    REQUIRE(sig.value);
    CHECK(sig.value->trusted_comment == "serial:20270930120000 expires:2027-10-07T12:00:00Z");
    const auto pub = parse_public_key(read_all(fixture_path("minisign/test.pub")), "test.pub");
    REQUIRE(pub.value);
    CHECK(verify_signature(bytes, *sig.value, {*pub.value}, "manifest.json", "sig") == "");
    const std::string tool =
        "minisign -q -Vm " + out.file("manifest.json") + " -p " + fixture_path("minisign/test.pub");
    CHECK(std::system(tool.c_str()) == 0);

    // Again in the same second: the serial still grows, and so does the file's time in whole
    // seconds, which a web server's Last-Modified and ETag (nginx: "mtime-size") are made of:
    // the same time and size would answer a screen "304 Not Modified" for the new manifest.
    using std::chrono::floor, std::chrono::seconds;
    const auto first_time = floor<seconds>(fs::last_write_time(out.file("manifest.json")));
    std::ostringstream again;
    REQUIRE(run_publish({src.dir(), out.dir(), fixture_path("minisign/test.key"), kNow}, again) == 0);
    CHECK(parse_manifest(read_all(out.file("manifest.json")), "m").manifest->serial == 20270930120001LL);
    CHECK(floor<seconds>(fs::last_write_time(out.file("manifest.json"))) > first_time);
}

TEST_CASE("publish: without a key, the minisign command to sign with") {
    TempDir src("publish-src"), out("publish-out");
    fill_source(src);
    std::ostringstream said;
    REQUIRE(run_publish({src.dir(), out.dir(), "", kNow}, said) == 0);
    CHECK(said.str().find("minisign -S -s SECRET_KEY_FILE -m '" + out.file("manifest.json") +
                          "' -t 'serial:20270930120000 expires:2027-10-07T12:00:00Z'") != std::string::npos);
    CHECK_FALSE(fs::exists(out.file("manifest.json.minisig")));
}

TEST_CASE("publish: any error --check finds refuses, and nothing is written") {
    TempDir src("publish-src"), out("publish-out");
    fill_source(src);
    src.write("broken.json", "{\"format\": \"infotavle-feed\"");
    std::ostringstream said;
    CHECK(run_publish({src.dir(), out.file("site"), fixture_path("minisign/test.key"), kNow}, said) == 1);
    CHECK(said.str().find("broken.json: line") != std::string::npos);
    CHECK(said.str().find("not published: fix the errors above first") != std::string::npos);
    CHECK_FALSE(fs::exists(out.file("site")));

    TempDir clean("publish-src");
    fill_source(clean);
    std::ostringstream encrypted;
    std::string key = read_all(fixture_path("minisign/test.key"));
    key.replace(key.find('\n') + 1, 8, "RWRTY0Iy");
    clean.write("enc.key", key);
    CHECK(run_publish({clean.dir(), out.file("site"), clean.file("enc.key"), kNow}, encrypted) == 1);
    CHECK(encrypted.str().find("encrypted with a password") != std::string::npos);
}
