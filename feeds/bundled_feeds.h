// The default feeds, compiled into the program from feeds/bundled/ (see embed_files.cmake),
// so a kiosk with no configuration and no network still has something true to show.
#pragma once

#include <span>
#include <string_view>

namespace feeds {

struct BundledFile {
    std::string_view name;  // "manifest.json"
    std::string_view text;
};

std::span<const BundledFile> bundled_files();

}  // namespace feeds
