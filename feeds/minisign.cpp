#include "feeds/minisign.h"

#include <algorithm>
#include <cstring>

namespace feeds {

namespace {

constexpr std::string_view kUntrusted = "untrusted comment: ";
constexpr std::string_view kTrusted = "trusted comment: ";
constexpr std::size_t kSecretKeyBytes = 2 + 2 + 2 + 32 + 8 + 8 + 8 + 64 + 32;

// The file's lines, without their "\n" or "\r\n"; a last empty line (a final newline) dropped.
std::vector<std::string_view> lines_of(std::string_view text) {
    std::vector<std::string_view> out;
    while (!text.empty()) {
        const auto nl = text.find('\n');
        std::string_view line = text.substr(0, nl);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        out.push_back(line);
        if (nl == std::string_view::npos) break;
        text.remove_prefix(nl + 1);
    }
    return out;
}

template <std::size_t N>
std::array<std::uint8_t, N> take(std::string_view bytes, std::size_t at) {
    std::array<std::uint8_t, N> out{};
    std::memcpy(out.data(), bytes.data() + at, N);
    return out;
}

std::string_view as_bytes(const Ed25519Signature& s) {
    return {reinterpret_cast<const char*>(s.data()), s.size()};
}

// The base64 payload of the line after the untrusted comment, when it has `size` bytes.
std::optional<std::string> key_line(const std::vector<std::string_view>& lines, std::size_t size,
                                    std::string& why) {
    if (lines.size() < 2 || lines[0].substr(0, kUntrusted.size()) != kUntrusted) {
        why = "expected an \"untrusted comment: \" line and a base64 line";
        return std::nullopt;
    }
    auto bytes = base64_decode(lines[1]);
    if (!bytes || bytes->size() != size) {
        why = "line 2 is not base64 of " + std::to_string(size) + " bytes";
        return std::nullopt;
    }
    return bytes;
}

template <class T>
MinisignRead<T> refused(const std::string& file, const std::string& what, const std::string& why) {
    return {std::nullopt, file + ": not a minisign " + what + ": " + why};
}

}  // namespace

std::string key_id_hex(const MinisignKeyId& id) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    for (auto it = id.rbegin(); it != id.rend(); ++it) {  // minisign prints it little-endian
        out += kHex[*it >> 4];
        out += kHex[*it & 15];
    }
    return out;
}

MinisignRead<MinisignPublicKey> parse_public_key(std::string_view text, const std::string& file) {
    std::string why;
    const auto bytes = key_line(lines_of(text), 42, why);
    if (!bytes) return refused<MinisignPublicKey>(file, "public key", why);
    if (bytes->substr(0, 2) != "Ed")
        return refused<MinisignPublicKey>(file, "public key", "algorithm is not Ed25519 (\"Ed\")");
    MinisignPublicKey key;
    key.key_id = take<8>(*bytes, 2);
    key.key = take<32>(*bytes, 10);
    key.file = file;
    return {key, {}};
}

MinisignRead<MinisignSecretKey> parse_secret_key(std::string_view text, const std::string& file) {
    std::string why;
    const auto bytes = key_line(lines_of(text), kSecretKeyBytes, why);
    if (!bytes) return refused<MinisignSecretKey>(file, "secret key", why);
    if (bytes->substr(0, 2) != "Ed" || bytes->substr(4, 2) != "B2")
        return refused<MinisignSecretKey>(file, "secret key", "unknown algorithms");
    if (bytes->substr(2, 2) != std::string_view("\0\0", 2))
        return {std::nullopt, file +
                                  ": the secret key is encrypted with a password, which infotavle does not "
                                  "read: make an unencrypted key (minisign -G -W) or sign with the minisign "
                                  "tool (infotavle --publish without --key prints the command)"};
    MinisignSecretKey key;
    key.key_id = take<8>(*bytes, 54);
    key.seed = take<32>(*bytes, 62);
    key.key = take<32>(*bytes, 94);
    // The stored public half must belong to the seed (minisign's own checksum is BLAKE2b-256,
    // which OpenSSL 3.0 does not offer; this catches the same damage).
    const auto derived = ed25519_public_key(key.seed);
    if (!derived || *derived != key.key)
        return refused<MinisignSecretKey>(file, "secret key",
                                          "damaged (its two halves do not belong together)");
    return {key, {}};
}

MinisignRead<MinisignSignature> parse_signature(std::string_view text, const std::string& file) {
    const auto lines = lines_of(text);
    if (lines.size() < 4 || lines[0].substr(0, kUntrusted.size()) != kUntrusted ||
        lines[2].substr(0, kTrusted.size()) != kTrusted)
        return refused<MinisignSignature>(
            file, "signature",
            "expected 4 lines: untrusted comment, signature, trusted comment, global signature");
    const auto sig = base64_decode(lines[1]);
    const auto global = base64_decode(lines[3]);
    if (!sig || sig->size() != 74)
        return refused<MinisignSignature>(file, "signature", "line 2 is not base64 of 74 bytes");
    if (!global || global->size() != 64)
        return refused<MinisignSignature>(file, "signature", "line 4 is not base64 of 64 bytes");
    MinisignSignature out;
    const std::string_view alg = std::string_view(*sig).substr(0, 2);
    if (alg != "ED" && alg != "Ed")
        return refused<MinisignSignature>(file, "signature", "unknown algorithm (neither \"ED\" nor \"Ed\")");
    out.prehashed = alg == "ED";
    out.key_id = take<8>(*sig, 2);
    out.sig = take<64>(*sig, 10);
    out.trusted_comment = std::string(lines[2].substr(kTrusted.size()));
    out.global_sig = take<64>(*global, 0);
    return {out, {}};
}

std::string verify_signature(std::string_view message, const MinisignSignature& sig,
                             const std::vector<MinisignPublicKey>& keys, const std::string& label,
                             const std::string& sig_file) {
    const auto key = std::find_if(keys.begin(), keys.end(),
                                  [&](const MinisignPublicKey& k) { return k.key_id == sig.key_id; });
    if (key == keys.end()) return sig_file + ": signature by key " + key_id_hex(sig.key_id) + " not trusted";
    const std::string hashed = sig.prehashed ? blake2b512(message) : std::string();
    if (!ed25519_verify(key->key, sig.prehashed ? std::string_view(hashed) : message, sig.sig))
        return sig_file + ": signature does not match " + label + " (key " + key_id_hex(sig.key_id) + ")";
    const std::string global = std::string(as_bytes(sig.sig)) + sig.trusted_comment;
    if (!ed25519_verify(key->key, global, sig.global_sig))
        return sig_file + ": trusted comment does not match its signature (key " + key_id_hex(sig.key_id) +
               ")";
    return {};
}

std::optional<std::string> sign_message(std::string_view message, const MinisignSecretKey& key,
                                        const std::string& trusted_comment) {
    const auto sig = ed25519_sign(key.seed, blake2b512(message));
    if (!sig) return std::nullopt;
    const auto global = ed25519_sign(key.seed, std::string(as_bytes(*sig)) + trusted_comment);
    if (!global) return std::nullopt;
    const std::string id(reinterpret_cast<const char*>(key.key_id.data()), key.key_id.size());
    return std::string(kUntrusted) + "signature from infotavle --publish, key " + key_id_hex(key.key_id) +
           "\n" + base64_encode("ED" + id + std::string(as_bytes(*sig))) + "\n" + std::string(kTrusted) +
           trusted_comment + "\n" + base64_encode(as_bytes(*global)) + "\n";
}

std::string public_key_text(const MinisignSecretKey& key) {
    const std::string id(reinterpret_cast<const char*>(key.key_id.data()), key.key_id.size());
    const std::string pk(reinterpret_cast<const char*>(key.key.data()), key.key.size());
    return std::string(kUntrusted) + "minisign public key " + key_id_hex(key.key_id) + "\n" +
           base64_encode("Ed" + id + pk) + "\n";
}

}  // namespace feeds
