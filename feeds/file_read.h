// Reading a feed or manifest file from disk, bounded: the one place that does it.
#pragma once

#include <cstddef>
#include <optional>
#include <string>

namespace feeds {

// The first max_bytes + 1 bytes of a regular file, so a caller sees that a file is too large
// (text.size() > max_bytes) without reading all of it. Only regular files: a FIFO or a device
// such as /dev/zero would block or never end. On failure nullopt, and `why` says why in a few
// words ("no such file", "is a directory", "not a regular file", "permission denied or
// unreadable", "I/O error"), for the caller to put after the file's name.
std::optional<std::string> read_file_prefix(const std::string& path, std::size_t max_bytes, std::string& why);

}  // namespace feeds
