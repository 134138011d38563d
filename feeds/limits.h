// Hard limits on what a feed or manifest may contain. They keep a broken or hostile file from
// using up memory, stack or screen: anything over a limit is an error and the file is refused.
// FORMAT.md "Limits" documents the defaults; tests pass smaller ones.
#pragma once

#include <cstddef>
#include <cstdint>

namespace feeds {

// The longest slide link (in bytes) whose QR code the smallest supported screen, 800x480, draws
// readably: the chrome draws a code about 0.28 of the shorter side (134 px) wide with whole-pixel
// modules of at least kMinQrModulePx = 3 (app/qr_code.h), which holds a code of at most 59
// modules with its quiet zone of 2 x 4 less than 67: QR version 10 (57 modules), whose 8-bit
// capacity at error correction level M is 213 bytes. tests/test_qr_code.cpp checks the numbers.
inline constexpr std::size_t kMaxLinkBytes = 213;

struct Limits {
    std::size_t max_file_bytes = 4 * 1024 * 1024;  // checked before anything is parsed
    std::size_t max_items = 1000;                  // per JSON array
    std::size_t max_string_bytes = 2000;           // per JSON string value, in UTF-8 bytes
    std::size_t max_key_bytes = 256;               // per object key: keys end up in every JSON path
    std::size_t max_members = 1000;                // keys per JSON object
    int max_depth = 32;                            // nesting of objects and arrays, checked on raw bytes
    std::size_t max_problems = 200;                // per file; the rest are summarised in one line
    // All cached files together (feed_cache.h); a copy that would take the cache over it is not
    // stored (still shown). 0 = no limit.
    std::uint64_t max_cache_bytes = 256ull * 1024 * 1024;
};

}  // namespace feeds
