// Minisign's file formats (https://jedisct1.github.io/minisign/): public keys, secret keys and
// signatures, read, checked and made with libcrypto (crypto.h), so that the stock `minisign`
// tool and infotavle interoperate both ways.
//
//   public key   "untrusted comment: ..." / base64("Ed" || key id[8] || Ed25519 key[32])
//   secret key   "untrusted comment: ..." / base64("Ed" || kdf "\0\0" || "B2" || salt[32] ||
//                opslimit[8] || memlimit[8] || key id[8] || seed+public key[64] || checksum[32])
//                Only unencrypted keys (minisign -G -W) are read; an encrypted one (kdf "Sc")
//                is refused with a message saying how to sign with the minisign tool instead.
//   signature    "untrusted comment: ..." / base64(alg[2] || key id[8] || sig[64]) /
//                "trusted comment: TEXT" / base64(global sig[64])
//                alg "ED": sig signs BLAKE2b-512(message) (prehashed; what minisign makes by
//                default and what infotavle makes); "Ed": sig signs the message itself (legacy,
//                minisign -l), checked just as correctly. The global signature signs
//                sig[64] || TEXT, so the trusted comment cannot be changed either.
// Errors are values: one line naming the file and the reason.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "feeds/crypto.h"

namespace feeds {

using MinisignKeyId = std::array<std::uint8_t, 8>;

struct MinisignPublicKey {
    MinisignKeyId key_id{};
    Ed25519PublicKey key{};
    std::string file;  // where it was read from, for messages
};

struct MinisignSecretKey {
    MinisignKeyId key_id{};
    Ed25519Seed seed{};
    Ed25519PublicKey key{};
};

struct MinisignSignature {
    bool prehashed = true;  // "ED"; false for a legacy "Ed" signature
    MinisignKeyId key_id{};
    Ed25519Signature sig{};
    std::string trusted_comment;  // without its "trusted comment: " prefix
    Ed25519Signature global_sig{};
};

template <class T>
struct MinisignRead {
    std::optional<T> value;
    std::string error;  // "keys/site.pub: not a minisign public key: ..." when value is empty
};

// The key id as minisign prints it: 16 upper-case hex digits ("1AE71ACD881E014C").
std::string key_id_hex(const MinisignKeyId& id);

MinisignRead<MinisignPublicKey> parse_public_key(std::string_view text, const std::string& file);
MinisignRead<MinisignSecretKey> parse_secret_key(std::string_view text, const std::string& file);
MinisignRead<MinisignSignature> parse_signature(std::string_view text, const std::string& file);

// Empty when `sig` is a valid signature of `message` by one of `keys` (its global signature
// included); else one line: "manifest.json.minisig: signature by key 7A3F... not trusted",
// "...: signature does not match manifest.json", "...: trusted comment does not match its
// signature". `label` names the signed file, `sig_file` the signature.
std::string verify_signature(std::string_view message, const MinisignSignature& sig,
                             const std::vector<MinisignPublicKey>& keys, const std::string& label,
                             const std::string& sig_file);

// A prehashed ("ED") signature file of `message`, as minisign -S writes it. trusted_comment
// must be one line. nullopt only if libcrypto fails.
std::optional<std::string> sign_message(std::string_view message, const MinisignSecretKey& key,
                                        const std::string& trusted_comment);

// The public key file of a secret key, as minisign -G writes it.
std::string public_key_text(const MinisignSecretKey& key);

}  // namespace feeds
