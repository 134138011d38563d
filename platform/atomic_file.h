// Replacing a small file whole: written to "<path>.tmp" and renamed over `path`, so a reader
// (node_exporter, a monitoring script) sees the old text or the new, never a part. No fsync:
// these are status files, rewritten every few seconds, that a crash may lose.
#pragma once

#include <optional>
#include <string>
#include <string_view>

// nullopt on success; else one line naming the path and the reason (the old file is kept).
std::optional<std::string> replace_file(const std::string& path, std::string_view bytes);
