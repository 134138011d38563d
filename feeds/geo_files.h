// The map's reference files, compiled into the program from assets/geo/ (embed_files.cmake):
// municipal boundaries (GeoJSON), the 17 municipalities' label points and the project places.
// The checker reads their names; the app's maps read their geometry.
#pragma once

#include <span>
#include <string_view>

#include "feeds/bundled_feeds.h"

namespace feeds {

// "kommuner-sjaelland-hovedstaden.geojson", "municipalities.json", "places.json".
std::span<const BundledFile> geo_files();

// The text of one of them by name; empty when there is no such file.
std::string_view geo_file(std::string_view name);

}  // namespace feeds
