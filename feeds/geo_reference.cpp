#include "feeds/geo_reference.h"

#include <cstdio>

#include <nlohmann/json.hpp>

#include "feeds/geo_files.h"

namespace feeds {

using Json = nlohmann::json;

std::string_view geo_file(std::string_view name) {
    for (const auto& f : geo_files())
        if (f.name == name) return f.text;
    return {};
}

static std::string three_digits(const Json& v) {
    if (v.is_string()) return v.get<std::string>();
    char buf[16];
    std::snprintf(buf, sizeof buf, "%03d", v.get<int>());
    return buf;
}

std::vector<GeoMunicipality> region_municipalities() {
    std::vector<GeoMunicipality> out;
    try {
        const Json kommuner = Json::parse(geo_file("municipalities.json"));
        for (const auto& k : kommuner.at("municipalities"))
            out.push_back({three_digits(k.at("kommunekode")), k.at("navn").get<std::string>(), true,
                           k.value("label_lon", 0.0), k.value("label_lat", 0.0)});
    } catch (const std::exception&) {
        out.clear();
    }
    return out;
}

GeoReference load_geo_reference() {
    GeoReference out;
    try {
        const Json shapes = Json::parse(geo_file("kommuner-sjaelland-hovedstaden.geojson"));
        out.attribution = shapes.value("attribution", "");
        for (const auto& f : shapes.at("features")) {
            const Json& p = f.at("properties");
            const std::string code = three_digits(p.at("kommunekode"));
            // Bornholm and Christiansø lie 150 km east of the maps' frame (Sjælland, Lolland-Falster
            // and the capital area): they are not on the maps, so a row naming them is reported.
            if (code == "400" || code == "411" || find_municipality(out, code)) continue;
            out.municipalities.push_back(
                {code, p.at("navn").get<std::string>(), p.value("region", "") == "Region Sjælland", 0, 0});
        }
        const Json places = Json::parse(geo_file("places.json"));
        for (const auto& p : places.at("places"))
            out.places.push_back(
                {p.at("navn").get<std::string>(), p.at("lon").get<double>(), p.at("lat").get<double>()});
        const Json kommuner = Json::parse(geo_file("municipalities.json"));
        for (const auto& k : kommuner.at("municipalities")) {
            const std::string code = three_digits(k.at("kommunekode"));
            for (auto& m : out.municipalities)
                if (m.code == code) {
                    m.label_lon = k.at("label_lon").get<double>();
                    m.label_lat = k.at("label_lat").get<double>();
                }
            const std::string name = k.at("navn").get<std::string>();
            if (!find_place(out, name)) {
                const Json& seat = k.at("seat");
                out.places.push_back({name, seat.at("lon").get<double>(), seat.at("lat").get<double>()});
            }
        }
    } catch (const std::exception& e) {
        out.error = std::string("cannot read the embedded map files: ") + e.what();
    }
    return out;
}

const GeoMunicipality* find_municipality(const GeoReference& geo, std::string_view code) {
    for (const auto& m : geo.municipalities)
        if (m.code == code) return &m;
    return nullptr;
}

const GeoPlace* find_place(const GeoReference& geo, std::string_view name) {
    for (const auto& p : geo.places)
        if (p.name == name) return &p;
    return nullptr;
}

}  // namespace feeds
