// feeds/minisign.h: minisign's formats, against files made by the minisign tool itself
// (tests/fixtures/minisign/README), and interoperation with the tool both ways.
#include <doctest/doctest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "feeds/minisign.h"
#include "tests/temp_dir.h"

using namespace feeds;

namespace {

std::string fixture(const std::string& name) {
    std::ifstream in(std::string(INFOTAVLE_TEST_FIXTURES) + "/minisign/" + name, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    REQUIRE_MESSAGE(in.good(), "missing fixture ", name);
    return s.str();
}

MinisignPublicKey pub(const std::string& name) {
    auto k = parse_public_key(fixture(name), name);
    REQUIRE_MESSAGE(k.value, k.error);
    return *k.value;
}

MinisignSecretKey secret(const std::string& name) {
    auto k = parse_secret_key(fixture(name), name);
    REQUIRE_MESSAGE(k.value, k.error);
    return *k.value;
}

// Empty when `sig_text` is a valid signature of `message` by test.pub.
std::string check(const std::string& message, const std::string& sig_text) {
    const auto sig = parse_signature(sig_text, "message.json.minisig");
    if (!sig.value) return sig.error;
    return verify_signature(message, *sig.value, {pub("test.pub")}, "message.json", "message.json.minisig");
}

}  // namespace

TEST_CASE("minisign: the tool's key files read as the tool prints them") {
    const MinisignPublicKey p = pub("test.pub");
    CHECK(key_id_hex(p.key_id) == "1AE71ACD881E014C");
    const MinisignSecretKey s = secret("test.key");
    CHECK(s.key_id == p.key_id);
    CHECK(s.key == p.key);
    CHECK(public_key_text(s).substr(public_key_text(s).find('\n')) ==
          fixture("test.pub").substr(fixture("test.pub").find('\n')));
    CHECK(parse_public_key("untrusted comment: x\nRWRMAR6I\n", "a.pub").error ==
          "a.pub: not a minisign public key: line 2 is not base64 of 42 bytes");
    CHECK_FALSE(parse_secret_key(fixture("test.pub"), "test.pub").value);
}

TEST_CASE("minisign: an encrypted secret key is refused with what to do instead") {
    std::string key = fixture("test.key");
    const auto at = key.find('\n') + 1;
    key.replace(at, 8, "RWRTY0Iy");  // kdf "Sc": scrypt-encrypted, as minisign -G makes by default
    const auto read = parse_secret_key(key, "site.key");
    CHECK_FALSE(read.value);
    CHECK(read.error.find("site.key: the secret key is encrypted") == 0);
    CHECK(read.error.find("minisign -G -W") != std::string::npos);
}

TEST_CASE("minisign: signatures made by the tool are accepted") {
    CHECK(check(fixture("message.json"), fixture("message.json.minisig")) == "");
    const auto sig = parse_signature(fixture("message.json.minisig"), "m");
    REQUIRE(sig.value);
    CHECK(sig.value->prehashed);
    CHECK(sig.value->trusted_comment == "serial:20270930120000 expires:2027-10-07T12:00:00Z");
    // Legacy (minisign -l: the message itself is signed, "Ed") is checked just as correctly.
    const auto legacy = parse_signature(fixture("legacy.json.minisig"), "legacy");
    REQUIRE(legacy.value);
    CHECK_FALSE(legacy.value->prehashed);
    CHECK(check(fixture("legacy.json"), fixture("legacy.json.minisig")) == "");
    CHECK(check(fixture("legacy.json") + " ", fixture("legacy.json.minisig")) != "");
}

TEST_CASE("minisign: our signature of the same bytes is the tool's, byte for byte") {
    // Ed25519 is deterministic: same key, message and trusted comment give the same signature.
    const auto ours = sign_message(fixture("message.json"), secret("test.key"),
                                   "serial:20270930120000 expires:2027-10-07T12:00:00Z");
    REQUIRE(ours);
    const std::string theirs = fixture("message.json.minisig");
    CHECK(ours->substr(ours->find('\n')) == theirs.substr(theirs.find('\n')));
}

TEST_CASE("minisign: one byte changed anywhere is refused") {
    const std::string message = fixture("message.json");
    const std::string sig = fixture("message.json.minisig");
    for (std::size_t i = 0; i < message.size(); ++i) {
        std::string m = message;
        m[i] = static_cast<char>(m[i] ^ 1);
        CHECK_MESSAGE(check(m, sig).find("signature does not match message.json") != std::string::npos,
                      "message byte ", i);
    }
    // Everything after the untrusted comment: signature, key id, trusted comment, global signature.
    for (std::size_t i = sig.find('\n') + 1; i < sig.size(); ++i) {
        std::string s = sig;
        s[i] = static_cast<char>(s[i] ^ 1);
        CHECK_MESSAGE(check(message, s) != "", "signature file byte ", i);
    }
    std::string comment = sig;
    comment.replace(comment.find("serial:2027"), 11, "serial:2099");
    CHECK(check(message, comment).find("trusted comment does not match") != std::string::npos);
}

TEST_CASE("minisign: a key that is not trusted is named") {
    CHECK(check(fixture("other.json"), fixture("other.json.minisig")) ==
          "message.json.minisig: signature by key " + key_id_hex(pub("other.pub").key_id) + " not trusted");
    // Two trusted keys (a rotation): either signs.
    const auto sig = parse_signature(fixture("other.json.minisig"), "o");
    REQUIRE(sig.value);
    CHECK(verify_signature(fixture("other.json"), *sig.value, {pub("test.pub"), pub("other.pub")}, "o",
                           "o") == "");
}

TEST_CASE("base64: strict both ways") {
    CHECK(base64_encode("") == "");
    CHECK(base64_encode("f") == "Zg==");
    CHECK(base64_encode("fo") == "Zm8=");
    CHECK(base64_encode("foob") == "Zm9vYg==");
    CHECK(base64_decode("Zm9vYg==") == std::optional<std::string>("foob"));
    CHECK_FALSE(base64_decode("Zm9vYh=="));  // leftover bits set
    CHECK_FALSE(base64_decode("Zm9vYg="));
    CHECK_FALSE(base64_decode("Zm=vYg=="));
    CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST_CASE("minisign: the minisign tool and infotavle accept each other's signatures") {
    TempDir dir("minisign");
    const std::string message = "{\"format\": \"infotavle-manifest\", \"interop\": true}\n";
    dir.write("m.json", message);
    dir.write("test.pub", fixture("test.pub"));
    dir.write("test.key", fixture("test.key"));
    const auto ours = sign_message(message, secret("test.key"), "serial:1 expires:2030-01-01T00:00:00Z");
    REQUIRE(ours);
    dir.write("m.json.minisig", *ours);
    const std::string verify = "minisign -q -Vm " + dir.file("m.json") + " -p " + dir.file("test.pub");
    CHECK(std::system(verify.c_str()) == 0);

    const std::string sign = "minisign -S -s " + dir.file("test.key") + " -m " + dir.file("m.json") + " -x " +
                             dir.file("tool.minisig") + " -t 'made by the tool' >/dev/null";
    REQUIRE(std::system(sign.c_str()) == 0);
    std::ifstream in(dir.file("tool.minisig"), std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    CHECK(check(message, text.str()) == "");
    CHECK(check(message + "x", text.str()) != "");
}
