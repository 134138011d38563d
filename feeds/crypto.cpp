#include "feeds/crypto.h"

#include <openssl/evp.h>

#include <memory>

namespace feeds {

namespace {

struct PkeyFree {
    void operator()(EVP_PKEY* k) const { EVP_PKEY_free(k); }
};
struct MdCtxFree {
    void operator()(EVP_MD_CTX* c) const { EVP_MD_CTX_free(c); }
};
using Pkey = std::unique_ptr<EVP_PKEY, PkeyFree>;
using MdCtx = std::unique_ptr<EVP_MD_CTX, MdCtxFree>;

std::string digest(const EVP_MD* md, std::string_view bytes) {
    unsigned char out[EVP_MAX_MD_SIZE];
    unsigned int n = 0;
    if (EVP_Digest(bytes.data(), bytes.size(), out, &n, md, nullptr) != 1) return {};
    return std::string(reinterpret_cast<const char*>(out), n);
}

const unsigned char* bytes_of(std::string_view s) {
    return reinterpret_cast<const unsigned char*>(s.data());
}

constexpr std::string_view kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

int sextet(char c) {
    const auto at = kAlphabet.find(c);
    return at == std::string_view::npos ? -1 : static_cast<int>(at);
}

}  // namespace

std::string sha256_hex(std::string_view bytes) {
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    for (unsigned char c : digest(EVP_sha256(), bytes)) {
        out += kHex[c >> 4];
        out += kHex[c & 15];
    }
    return out;
}

std::string blake2b512(std::string_view bytes) {
    return digest(EVP_blake2b512(), bytes);
}

bool ed25519_verify(const Ed25519PublicKey& key, std::string_view message, const Ed25519Signature& sig) {
    Pkey pkey(EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nullptr, key.data(), key.size()));
    MdCtx ctx(EVP_MD_CTX_new());
    if (!pkey || !ctx) return false;
    if (EVP_DigestVerifyInit(ctx.get(), nullptr, nullptr, nullptr, pkey.get()) != 1) return false;
    return EVP_DigestVerify(ctx.get(), sig.data(), sig.size(), bytes_of(message), message.size()) == 1;
}

std::optional<Ed25519Signature> ed25519_sign(const Ed25519Seed& seed, std::string_view message) {
    Pkey pkey(EVP_PKEY_new_raw_private_key(EVP_PKEY_ED25519, nullptr, seed.data(), seed.size()));
    MdCtx ctx(EVP_MD_CTX_new());
    if (!pkey || !ctx) return std::nullopt;
    if (EVP_DigestSignInit(ctx.get(), nullptr, nullptr, nullptr, pkey.get()) != 1) return std::nullopt;
    Ed25519Signature sig{};
    std::size_t len = sig.size();
    if (EVP_DigestSign(ctx.get(), sig.data(), &len, bytes_of(message), message.size()) != 1 ||
        len != sig.size())
        return std::nullopt;
    return sig;
}

std::optional<Ed25519PublicKey> ed25519_public_key(const Ed25519Seed& seed) {
    Pkey pkey(EVP_PKEY_new_raw_private_key(EVP_PKEY_ED25519, nullptr, seed.data(), seed.size()));
    if (!pkey) return std::nullopt;
    Ed25519PublicKey pk{};
    std::size_t len = pk.size();
    if (EVP_PKEY_get_raw_public_key(pkey.get(), pk.data(), &len) != 1 || len != pk.size())
        return std::nullopt;
    return pk;
}

std::string base64_encode(std::string_view bytes) {
    std::string out;
    for (std::size_t i = 0; i < bytes.size(); i += 3) {
        const std::size_t n = std::min<std::size_t>(3, bytes.size() - i);
        std::uint32_t v = 0;
        for (std::size_t j = 0; j < 3; ++j)
            v = (v << 8) | (j < n ? static_cast<unsigned char>(bytes[i + j]) : 0u);
        for (std::size_t j = 0; j < 4; ++j) out += j <= n ? kAlphabet[(v >> (18 - 6 * j)) & 63] : '=';
    }
    return out;
}

std::optional<std::string> base64_decode(std::string_view text) {
    if (text.size() % 4 != 0) return std::nullopt;
    std::string out;
    for (std::size_t i = 0; i < text.size(); i += 4) {
        const bool last = i + 4 == text.size();
        std::size_t pad = 0;
        std::uint32_t v = 0;
        for (std::size_t j = 0; j < 4; ++j) {
            const char c = text[i + j];
            if (c == '=' && last && j >= 2 && (j == 3 || text[i + 3] == '=')) {
                ++pad;
                v <<= 6;
                continue;
            }
            const int s = sextet(c);
            if (s < 0 || pad > 0) return std::nullopt;
            v = (v << 6) | static_cast<std::uint32_t>(s);
        }
        if (pad == 1 && (v & 0xFF) != 0) return std::nullopt;
        if (pad == 2 && (v & 0xFFFF) != 0) return std::nullopt;
        for (std::size_t j = 0; j < 3 - pad; ++j) out += static_cast<char>((v >> (16 - 8 * j)) & 0xFF);
    }
    return out;
}

}  // namespace feeds
