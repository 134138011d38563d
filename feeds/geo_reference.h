// The names the maps know: municipality codes on the boundary file and the places a project may
// name. Read from the embedded assets/geo files; the checker tests feeds against them, and the
// app's maps place things by them. No geometry here beyond a place's point.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace feeds {

struct GeoMunicipality {
    std::string code;                     // three digits, "259"
    std::string name;                     // "Køge"
    bool focus = false;                   // one of the 17 of Region Sjælland (the maps colour only these)
    double label_lon = 0, label_lat = 0;  // label point; 0 when the file gives none (not focus)
};

struct GeoPlace {
    std::string name;  // "Køge Nord", or a municipality name ("Stevns": its town hall's town)
    double lon = 0, lat = 0;
};

struct GeoReference {
    std::vector<GeoMunicipality> municipalities;  // every code on the boundary file, once
    std::vector<GeoPlace> places;                 // places.json, then the 17 municipalities
    std::string attribution;                      // the boundary file's own attribution text
    std::string error;                            // non-empty: the embedded files could not be read
};

// Parses the embedded files (a few milliseconds; the caller keeps the result).
GeoReference load_geo_reference();

// The 17 municipalities of Region Sjælland alone (code and name), from the small
// municipalities.json: what notices' areas and a screen's home are checked against, without
// reading the boundary file. Empty when the embedded file cannot be read.
std::vector<GeoMunicipality> region_municipalities();

const GeoMunicipality* find_municipality(const GeoReference& geo, std::string_view code);
const GeoPlace* find_place(const GeoReference& geo, std::string_view name);

}  // namespace feeds
