// feeds/trust.h and the 1.2 signed-publishing fields: what a screen with trusted keys accepts.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "feeds/check.h"
#include "feeds/feed_parse.h"
#include "feeds/trust.h"
#include "feeds/utc_time.h"
#include "tests/temp_dir.h"
#include "tests/test_feeds_support.h"

using namespace feeds;

using feeds_test::fixture_path;
using feeds_test::read_all;

namespace {

MinisignSecretKey test_key() {
    auto k = parse_secret_key(read_all(fixture_path("minisign/test.key")), "test.key");
    REQUIRE(k.value);
    return *k.value;
}

std::vector<MinisignPublicKey> keys(const std::string& name = "test.pub") {
    auto k = parse_public_key(read_all(fixture_path("minisign/" + name)), name);
    REQUIRE(k.value);
    return {*k.value};
}

std::string manifest_text(long long serial, const std::string& expires) {
    return R"({"format": "infotavle-manifest", "version": "1.2", "title": "T", "serial": )" +
           std::to_string(serial) + R"(, "expires": ")" + expires + R"(",
  "feeds": [{"id": "f", "url": "feeds/x.json", "sha256": ")" +
           sha256_hex("abc") + R"(", "length": 3}],
  "playlist": [{"id": "s", "feed": "f", "dataset": "d", "view": "kpi_tiles", "title": "T"}]})";
}

struct Signed {
    std::string bytes, sig;
    Manifest manifest;
};

Signed make(long long serial, const std::string& expires = "2027-10-07T12:00:00Z") {
    Signed s;
    s.bytes = manifest_text(serial, expires);
    auto m = parse_manifest(s.bytes, "manifest.json");
    REQUIRE(m.manifest);
    s.manifest = *m.manifest;
    s.sig = *sign_message(s.bytes, test_key(), "serial:" + std::to_string(serial));
    return s;
}

const std::int64_t kNow = *parse_utc("2027-10-01T00:00:00Z");

ManifestVerdict verdict(const Signed& s, const std::vector<MinisignPublicKey>& k, TrustState state = {},
                        std::int64_t now = kNow, bool synced = true) {
    TrustCheck c;
    c.keys = &k;
    c.state = state;
    c.now = now;
    c.clock_synced = synced;
    return verify_manifest(s.bytes, s.sig, s.manifest, c, "manifest.json");
}

}  // namespace

TEST_CASE("utc time: expires and serial") {
    CHECK(parse_utc("2027-10-07T12:00:00Z") == 1822910400);
    CHECK(format_utc(1822910400) == "2027-10-07T12:00:00Z");
    CHECK(utc_serial(1822910400) == 20271007120000LL);
    CHECK_FALSE(parse_utc("2027-02-29T12:00:00Z"));
    CHECK_FALSE(parse_utc("2027-10-07 12:00:00Z"));
    CHECK_FALSE(parse_utc("2027-10-07T24:00:00Z"));
}

TEST_CASE("format 1.2: sha256, length, serial and expires are read") {
    const auto m = parse_manifest(manifest_text(20270930120000LL, "2027-10-07T12:00:00Z"), "m.json");
    REQUIRE(m.manifest);
    CHECK(m.manifest->serial == 20270930120000LL);
    CHECK(m.manifest->expires == 1822910400);
    CHECK(m.manifest->feeds[0].sha256 == sha256_hex("abc"));
    CHECK(m.manifest->feeds[0].length == 3);
    std::string half = manifest_text(1, "2027-10-07T12:00:00Z");
    half.replace(half.find(", \"length\": 3"), 13, "");
    const auto bad = parse_manifest(half, "m.json");
    CHECK_FALSE(bad.manifest);
    CHECK(to_line(bad.problems.at(0)) ==
          "m.json: $.feeds[0]: \"sha256\" and \"length\" go together: give both or neither");
}

TEST_CASE("--check: a local feed's bytes against its sha256 and length, and the signature note") {
    TempDir dir("check-integrity");
    const std::string feed = read_all(fixture_path("feeds/good/employment.json"));
    dir.write("employment.json", feed);
    dir.write("infrastructure.json", read_all(fixture_path("feeds/good/infrastructure.json")));
    std::string m = read_all(fixture_path("feeds/good/manifest_signed_fields.json"));
    dir.write("manifest.json", m);
    std::ostringstream good;
    CHECK(run_check({dir.file("manifest.json")}, good) == 0);
    CHECK(good.str().find("note: unsigned (no ") != std::string::npos);
    dir.write("employment.json", feed + " ");
    std::ostringstream bad;
    CHECK(run_check({dir.file("manifest.json")}, bad) == 1);
    CHECK(bad.str().find("$.feeds[0]: " + dir.file("employment.json") + ": " +
                         std::to_string(feed.size() + 1) + " bytes, but the manifest says " +
                         std::to_string(feed.size())) != std::string::npos);
}

TEST_CASE("verify_feed: the bytes the manifest promises, and nothing else") {
    FeedRef ref;
    CHECK(verify_feed("anything", ref, "x.json") == "");  // promises nothing
    ref.sha256 = sha256_hex("abc");
    ref.length = 3;
    CHECK(verify_feed("abc", ref, "x.json") == "");
    CHECK(verify_feed("abd", ref, "x.json") ==
          "x.json: sha256 differs from the manifest's (ba7816bf8f01…): refused");
    CHECK(verify_feed("abcd", ref, "x.json") == "x.json: 4 bytes, but the manifest says 3: refused");
}

TEST_CASE("verify_manifest: signed by a trusted key, serial and expiry") {
    const Signed s = make(20270930120000LL);
    const ManifestVerdict ok = verdict(s, keys());
    CHECK(ok.why == "");
    CHECK(ok.accepted);
    CHECK(ok.next.highest_serial == 20270930120000LL);
    CHECK(ok.key_id == "1AE71ACD881E014C");

    Signed unsigned_copy = s;
    TrustCheck c;
    const auto k = keys();
    c.keys = &k;
    c.now = kNow;
    CHECK(verify_manifest(s.bytes, std::nullopt, s.manifest, c, "manifest.json").why ==
          "manifest.json: unsigned (no manifest.json.minisig), and this screen trusts only signed manifests");
    CHECK(verdict(s, keys("other.pub")).why ==
          "manifest.json.minisig: signature by key 1AE71ACD881E014C not trusted");
    // Key rotation: the old and the new key trusted at once.
    auto both = keys("other.pub");
    both.push_back(keys().front());
    CHECK(verdict(s, both).accepted);

    for (std::size_t i = 0; i < s.bytes.size(); i += 7) {
        Signed t = s;
        t.bytes[i] = static_cast<char>(t.bytes[i] ^ 1);
        CHECK_MESSAGE(!verdict(t, keys()).accepted, "manifest byte ", i);
    }
}

TEST_CASE("verify_manifest: rollback, expiry on a synchronised and an unsynchronised clock") {
    const Signed s = make(20270930120000LL);
    CHECK(verdict(s, keys(), TrustState{20270930120000LL}).accepted);  // the same one again
    CHECK(verdict(s, keys(), TrustState{20271001000000LL}).why ==
          "manifest.json: serial 20270930120000 is lower than 20271001000000, the highest this screen has "
          "accepted (a rollback): refused");
    const std::int64_t later = *parse_utc("2027-10-08T00:00:00Z");
    CHECK(verdict(s, keys(), {}, later).why ==
          "manifest.json: expired at 2027-10-07T12:00:00Z (frozen feeds?): refused as new data");
    const ManifestVerdict unsynced = verdict(s, keys(), {}, later, false);
    CHECK(unsynced.accepted);
    REQUIRE(unsynced.notes.size() == 1);
    CHECK(unsynced.notes[0].find("not synchronised: taken all the same") != std::string::npos);
    // The cached copy at start: its expiry does not drop what the screen shows.
    TrustCheck c;
    const auto k = keys();
    c.keys = &k;
    c.now = later;
    c.new_data = false;
    CHECK(verify_manifest(s.bytes, s.sig, s.manifest, c, "manifest.json").accepted);
}

TEST_CASE("trusted keys from directories and files, and the remembered serial") {
    TempDir dir("keys");
    std::filesystem::create_directories(dir.path / "keys.d");
    dir.write("keys.d/site.pub", read_all(fixture_path("minisign/test.pub")));
    dir.write("keys.d/readme.txt", "not a key");
    dir.write("broken.pub", "untrusted comment: x\nnot base64\n");
    const TrustedKeys t = load_trusted_keys({dir.file("keys.d"), dir.file("missing")},
                                            {fixture_path("minisign/other.pub"), dir.file("broken.pub")});
    REQUIRE(t.keys.size() == 2);
    CHECK(key_id_hex(t.keys[0].key_id) == "1AE71ACD881E014C");
    REQUIRE(t.problems.size() == 1);
    CHECK(t.problems[0].find(dir.file("broken.pub") + ": not a minisign public key") == 0);

    std::string problem;
    CHECK(read_trust_state(dir.dir(), problem).highest_serial == -1);
    CHECK(write_trust_state(dir.dir(), TrustState{20270930120000LL}) == "");
    CHECK(read_trust_state(dir.dir(), problem).highest_serial == 20270930120000LL);
    CHECK(problem == "");
    dir.write("trust.state", "garbage");
    CHECK(read_trust_state(dir.dir(), problem).highest_serial == -1);
    CHECK(problem.find("damaged") != std::string::npos);
}
