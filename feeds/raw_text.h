// Checks on the raw bytes of a file, run before any JSON parser sees them: a JSON library
// given invalid UTF-8 or 10.000 nested arrays is the wrong place to find out.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace feeds {

inline constexpr std::size_t kNoOffset = static_cast<std::size_t>(-1);

// Offset of the first byte that is not part of well-formed UTF-8 (RFC 3629: no overlong forms,
// no surrogates, nothing above U+10FFFF), or kNoOffset.
std::size_t invalid_utf8_offset(std::string_view text);

// Offset of the bracket that takes object/array nesting past max_depth, or kNoOffset.
// Brackets inside JSON strings do not count. Linear time, constant memory.
std::size_t depth_exceeded_offset(std::string_view text, int max_depth);

// "line 3, column 7 (byte 41)"; lines and columns count from 1, columns in bytes.
std::string position_text(std::string_view text, std::size_t offset);

}  // namespace feeds
