// The few primitives signed publishing needs (minisign.h, publish.h, trust.h), from OpenSSL's
// libcrypto (libssl-dev; libcurl already links it): SHA-256, BLAKE2b-512, Ed25519, base64.
// Plain functions over bytes; nothing is kept between calls.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace feeds {

using Ed25519PublicKey = std::array<std::uint8_t, 32>;
using Ed25519Seed = std::array<std::uint8_t, 32>;
using Ed25519Signature = std::array<std::uint8_t, 64>;

// Lower-case hex of SHA-256: what a content-addressed feed is named by.
std::string sha256_hex(std::string_view bytes);

// The 64 raw bytes of BLAKE2b-512 (minisign's prehash).
std::string blake2b512(std::string_view bytes);

// True only for a valid Ed25519 signature of `message` by `key`.
bool ed25519_verify(const Ed25519PublicKey& key, std::string_view message, const Ed25519Signature& sig);

// nullopt only when libcrypto fails (out of memory).
std::optional<Ed25519Signature> ed25519_sign(const Ed25519Seed& seed, std::string_view message);

// The public key belonging to a seed; nullopt when libcrypto fails.
std::optional<Ed25519PublicKey> ed25519_public_key(const Ed25519Seed& seed);

// Standard base64 with padding (RFC 4648 section 4). Decoding is strict: nullopt for any other
// character, missing padding or leftover bits.
std::string base64_encode(std::string_view bytes);
std::optional<std::string> base64_decode(std::string_view text);

}  // namespace feeds
