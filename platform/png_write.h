// Writing pixels to a PNG file with libpng. The bytes depend only on the pixels (no time or
// software chunks, fixed compression settings), so identical renders give identical files.
#pragma once

#include <optional>
#include <string>

// `pixels`: `height` rows of `stride` bytes; each pixel `channels` bytes, 3 = RGB, 4 = RGBA.
// Written to "<path>.tmp" and renamed into place, so a failed write (disk full) leaves no
// partial file under `path`. Returns an error text, or nullopt on success.
std::optional<std::string> write_png(const std::string& path, const unsigned char* pixels, int width,
                                     int height, int channels, int stride);
