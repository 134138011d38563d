// accept.h accept_text() with trusted keys: the one acceptance step judges a signed manifest and
// a feed's bytes from plain values (TrustRules) and returns its verdict; nothing is fetched,
// stored or read from the clock here.
#include <doctest/doctest.h>

#include <functional>

#include "feeds/crypto.h"
#include "feeds/sync/accept.h"
#include "feeds/utc_time.h"
#include "tests/test_feeds_support.h"

using namespace feeds;

using feeds_test::fixture_path;
using feeds_test::read_all;

namespace {

constexpr long long kSerial = 20270930120000LL;

std::vector<MinisignPublicKey> keys(const std::string& name) {
    auto k = parse_public_key(read_all(fixture_path("minisign/" + name)), name);
    REQUIRE(k.value);
    return {*k.value};
}

std::string manifest_text() {
    return R"({"format": "infotavle-manifest", "version": "1.2", "title": "T", "serial": )" +
           std::to_string(kSerial) + R"(, "expires": "2027-10-07T12:00:00Z",
  "feeds": [{"id": "f", "url": "feeds/x.json"}],
  "playlist": [{"id": "s", "feed": "f", "dataset": "d", "view": "kpi_tiles", "title": "T"}]})";
}

std::string signature_of(const std::string& text) {
    auto k = parse_secret_key(read_all(fixture_path("minisign/test.key")), "test.key");
    REQUIRE(k.value);
    return *sign_message(text, *k.value, "serial:" + std::to_string(kSerial));
}

// A manifest signed by test.key, judged by a screen trusting test.pub on 1 October 2027.
struct ManifestCase {
    std::string text = manifest_text();
    AcceptRules rules;
    ManifestCase() {
        rules.key = kManifestKey;
        rules.label = "manifest.json";
        rules.trust.keys = keys("test.pub");
        rules.trust.what = "manifest.json";
        rules.trust.now = *parse_utc("2027-10-01T00:00:00Z");
        rules.trust.signature = signature_of(text);
    }
};

struct Expect {
    const char* name;
    std::function<void(ManifestCase&)> change;
    Verdict verdict;
    const char* says;  // in the reason (refused) or a warning (accepted); "" = nothing said
};

std::string said(const Acceptance& a) {
    std::string out = a.reason;
    for (const auto& p : a.problems) out += "\n" + to_line(p);
    return out;
}

}  // namespace

TEST_CASE("accept_text with trusted keys: a manifest's verdict") {
    const std::int64_t later = *parse_utc("2027-10-08T00:00:00Z");
    const std::vector<Expect> table = {
        {"good", [](ManifestCase&) {}, Verdict::Accepted, ""},
        {"unsigned", [](ManifestCase& c) { c.rules.trust.signature.reset(); }, Verdict::Untrusted,
         "manifest.json: unsigned (no manifest.json.minisig), and this screen trusts only signed manifests"},
        {"bad signature", [](ManifestCase& c) { c.text.replace(c.text.find("\"T\""), 3, "\"U\""); },
         Verdict::Untrusted, "signature does not match"},
        {"unknown key", [](ManifestCase& c) { c.rules.trust.keys = keys("other.pub"); }, Verdict::Untrusted,
         "manifest.json.minisig: signature by key 1AE71ACD881E014C not trusted"},
        {"rollback", [](ManifestCase& c) { c.rules.trust.state.highest_serial = kSerial + 1; },
         Verdict::Untrusted,
         "is lower than 20270930120001, the highest this screen has accepted (a rollback)"},
        {"expired", [=](ManifestCase& c) { c.rules.trust.now = later; }, Verdict::Untrusted,
         "manifest.json: expired at 2027-10-07T12:00:00Z (frozen feeds?): refused as new data"},
        {"expired, unsynchronised clock",
         [=](ManifestCase& c) {
             c.rules.trust.now = later;
             c.rules.trust.clock_synced = false;
         },
         Verdict::Accepted,
         "manifest.json: warning: manifest.json: expired at 2027-10-07T12:00:00Z by this screen's clock, "
         "which "
         "is not synchronised: taken all the same"},
        {"expired, cached copy at start",
         [=](ManifestCase& c) {
             c.rules.trust.now = later;
             c.rules.trust.new_data = false;
         },
         Verdict::Accepted, ""},
        {"signature not fetched",
         [](ManifestCase& c) { c.rules.trust.signature_error = "manifest.json.minisig: HTTP 500"; },
         Verdict::Untrusted, "manifest.json.minisig: HTTP 500: the signature could not be fetched"},
        {"no key: nothing checked",
         [](ManifestCase& c) {
             c.rules.trust.keys.clear();
             c.rules.trust.signature.reset();
         },
         Verdict::Accepted, ""},
    };
    for (const auto& e : table) {
        ManifestCase c;
        e.change(c);
        const Acceptance a = accept_text(c.text, c.rules);
        CAPTURE(e.name);
        CHECK(a.verdict == e.verdict);
        CHECK(said(a).find(e.says) != std::string::npos);
        CHECK(a.manifest.has_value() == (e.verdict == Verdict::Accepted));
        CHECK(a.signed_by.has_value() == (e.verdict == Verdict::Accepted && !c.rules.trust.keys.empty()));
        if (e.verdict == Verdict::Untrusted) CHECK(a.reason.find(": ") != std::string::npos);
    }
}

TEST_CASE("accept_text with trusted keys: an accepted manifest says what to keep with it") {
    ManifestCase c;
    c.rules.trust.state.highest_serial = kSerial;  // the same one again is no rollback
    const Acceptance a = accept_text(c.text, c.rules);
    REQUIRE(a.signed_by);
    CHECK(a.signed_by->key_id == "1AE71ACD881E014C");
    CHECK(a.signed_by->signature == *c.rules.trust.signature);
    CHECK(a.signed_by->next.highest_serial == kSerial);
    CHECK(a.problems.empty());
}

TEST_CASE("accept_text with trusted keys: a feed's bytes against its sha256 and length") {
    const std::string feed = read_all(fixture_path("feeds/good/employment.json"));
    AcceptRules rules;
    rules.key = "employment";
    rules.label = "e.json";
    rules.trust.keys = keys("test.pub");
    rules.trust.what = "feed employment (e.json)";
    rules.trust.ref.sha256 = sha256_hex(feed);
    rules.trust.ref.length = static_cast<std::int64_t>(feed.size());

    const Acceptance good = accept_text(feed, rules);
    CHECK(good.verdict == Verdict::Accepted);
    CHECK(good.feed.has_value());
    CHECK_FALSE(good.signed_by);

    std::string tampered = feed;
    tampered.replace(tampered.find("Ledighed"), 8, "Ledigheb");
    const Acceptance sha = accept_text(tampered, rules);
    CHECK(sha.verdict == Verdict::Untrusted);
    CHECK_FALSE(sha.feed);
    CHECK(sha.reason == "feed employment (e.json): sha256 differs from the manifest's (" +
                            rules.trust.ref.sha256.substr(0, 12) + "…): refused");

    const Acceptance length = accept_text(feed + " ", rules);
    CHECK(length.verdict == Verdict::Untrusted);
    CHECK(length.reason == "feed employment (e.json): " + std::to_string(feed.size() + 1) +
                               " bytes, but the manifest says " + std::to_string(feed.size()) + ": refused");

    rules.trust.ref = {};
    const Acceptance unpinned = accept_text(feed, rules);
    CHECK(unpinned.verdict == Verdict::Untrusted);
    CHECK(unpinned.reason.find("the signed manifest gives no sha256 for it") != std::string::npos);

    rules.trust.keys.clear();  // unsigned: the same bytes are taken as before
    CHECK(accept_text(feed, rules).verdict == Verdict::Accepted);
}
