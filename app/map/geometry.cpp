#include "app/map/geometry.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "feeds/geo_files.h"

namespace {

using Json = nlohmann::json;
using Key = std::uint64_t;

// The file's coordinates have four decimals: equal points are equal on that grid.
Key key_of(double lon, double lat) {
    const auto a = std::uint64_t(std::llround((lon + 180.0) * 1e4));
    const auto b = std::uint64_t(std::llround((lat + 90.0) * 1e4));
    return a << 32 | b;
}

struct RingRef {
    int area;
    std::vector<Key> keys;
    std::vector<MapXY> points;
};

std::string code_of(const Json& v) {
    if (v.is_string()) return v.get<std::string>();
    char buf[16];
    std::snprintf(buf, sizeof buf, "%03d", v.get<int>());
    return buf;
}

// The points where rings meet or part: a point whose set of rings differs from a neighbour's,
// on any ring.
std::unordered_map<Key, bool> junctions(const std::vector<RingRef>& rings) {
    std::unordered_map<Key, std::vector<int>> through;  // which rings pass through each point
    for (int r = 0; r < int(rings.size()); ++r)
        for (Key k : rings[std::size_t(r)].keys) {
            auto& v = through[k];
            if (v.empty() || v.back() != r) v.push_back(r);
        }
    std::unordered_map<Key, bool> junction;
    for (const auto& ring : rings) {
        const std::size_t n = ring.keys.size();
        for (std::size_t i = 0; i < n; ++i) {
            const auto& here = through[ring.keys[i]];
            if (here != through[ring.keys[(i + n - 1) % n]] || here != through[ring.keys[(i + 1) % n]])
                junction[ring.keys[i]] = true;
        }
    }
    return junction;
}

// The arcs found so far, each under its canonical key sequence.
struct ArcStore {
    std::vector<MapArc>& arcs;
    std::map<std::vector<Key>, int> seen;

    // The points `idx` of `ring` as an arc: a new one, or the other side of one stored.
    void store(const RingRef& ring, std::vector<std::size_t> idx, bool closed) {
        std::vector<Key> ks;
        for (auto i : idx) ks.push_back(ring.keys[i]);
        // Canonical direction (and start, for a closed ring) so both sides find the same arc.
        if (closed) {
            const auto m = std::size_t(std::min_element(ks.begin(), ks.end()) - ks.begin());
            std::rotate(ks.begin(), ks.begin() + long(m), ks.end());
            std::rotate(idx.begin(), idx.begin() + long(m), idx.end());
            if (ks.size() > 2 && ks.back() < ks[1]) {
                std::reverse(ks.begin() + 1, ks.end());
                std::reverse(idx.begin() + 1, idx.end());
            }
        } else if (ks.back() < ks.front() ||
                   (ks.back() == ks.front() && ks.size() > 2 && ks[ks.size() - 2] < ks[1])) {
            std::reverse(ks.begin(), ks.end());
            std::reverse(idx.begin(), idx.end());
        }
        const auto found = seen.emplace(ks, int(arcs.size()));
        if (!found.second) {
            MapArc& a = arcs[std::size_t(found.first->second)];
            if (a.side_b < 0 && a.side_a != ring.area) a.side_b = ring.area;
            return;
        }
        MapArc a;
        a.closed = closed;
        a.side_a = ring.area;
        for (auto i : idx) a.points.push_back(ring.points[i]);
        arcs.push_back(std::move(a));
    }
};

// Cuts every ring at its junctions and stores each arc once (see the header).
void build_arcs(const std::vector<RingRef>& rings, std::vector<MapArc>& arcs) {
    const std::unordered_map<Key, bool> junction = junctions(rings);
    ArcStore store{arcs, {}};
    for (const auto& ring : rings) {
        const std::size_t n = ring.keys.size();
        std::vector<std::size_t> cuts;
        for (std::size_t i = 0; i < n; ++i)
            if (junction.count(ring.keys[i])) cuts.push_back(i);
        if (cuts.empty()) {
            std::vector<std::size_t> all(n);
            for (std::size_t i = 0; i < n; ++i) all[i] = i;
            store.store(ring, all, true);
            continue;
        }
        for (std::size_t c = 0; c < cuts.size(); ++c) {
            const std::size_t from = cuts[c], to = cuts[(c + 1) % cuts.size()];
            std::vector<std::size_t> idx;
            for (std::size_t i = from;; i = (i + 1) % n) {
                idx.push_back(i);
                if (i == to && idx.size() > 1) break;
            }
            store.store(ring, idx, false);
        }
    }
}

// A ring of the file in projected points, repeated and closing points left out.
RingRef read_ring(const Json& ring, int area) {
    RingRef rr{area, {}, {}};
    for (const auto& pt : ring) {
        const double lon = pt.at(0).get<double>(), lat = pt.at(1).get<double>();
        const Key k = key_of(lon, lat);
        if (!rr.keys.empty() && rr.keys.back() == k) continue;  // repeated point
        rr.keys.push_back(k);
        rr.points.push_back(utm32(lon, lat));
    }
    if (rr.keys.size() > 1 && rr.keys.front() == rr.keys.back()) {  // closing point
        rr.keys.pop_back();
        rr.points.pop_back();
    }
    return rr;
}

// The area of municipality `code`, added on its first feature.
int area_for(MapGeometry& g, const std::string& code, const feeds::GeoMunicipality& m) {
    int ai = area_index(g, code);
    if (ai >= 0) return ai;
    MapArea a;
    a.code = code;
    a.name = m.name;
    a.focus = m.focus;
    g.areas.push_back(std::move(a));
    return int(g.areas.size()) - 1;
}

// One polygon (outer ring, then holes) into area `ai`: its rings, surface and triangles.
// Returns the tessellator's error, empty when none.
std::string add_polygon(MapGeometry& g, int ai, const Json& poly, std::vector<RingRef>& rings) {
    MapArea& area = g.areas[std::size_t(ai)];
    std::vector<std::vector<MapXY>> prings;
    for (const auto& ring : poly) {
        RingRef rr = read_ring(ring, ai);
        if (rr.points.size() < 3) continue;
        g.vertex_count += int(rr.points.size());
        for (const auto& p : rr.points) area.bounds.add(p);
        prings.push_back(rr.points);
        rings.push_back(std::move(rr));
    }
    if (prings.empty()) return "";
    double a = std::abs(signed_area(prings[0]));
    for (std::size_t i = 1; i < prings.size(); ++i) a -= std::abs(signed_area(prings[i]));
    area.area += a;
    if (auto err = tessellate(prings, area.mesh); !err.empty()) return err;
    area.polygons.push_back(std::move(prings));
    return "";
}

// Every feature of a municipality the reference knows into `g`; an error names the municipality.
std::string add_features(MapGeometry& g, const Json& doc, const feeds::GeoReference& ref,
                         std::vector<RingRef>& rings) {
    for (const auto& f : doc.at("features")) {
        const std::string code = code_of(f.at("properties").at("kommunekode"));
        const feeds::GeoMunicipality* m = feeds::find_municipality(ref, code);
        if (!m) continue;
        const int ai = area_for(g, code, *m);
        const Json& geom = f.at("geometry");
        std::vector<Json> polys;
        if (geom.at("type") == "Polygon")
            polys.push_back(geom.at("coordinates"));
        else if (geom.at("type") == "MultiPolygon")
            for (const auto& p : geom.at("coordinates")) polys.push_back(p);
        for (const auto& poly : polys)
            if (auto err = add_polygon(g, ai, poly, rings); !err.empty())
                return "municipality " + code + ": " + err;
    }
    return "";
}

// Each area's label point: the reference's, else the middle of its largest polygon's box.
void place_labels(MapGeometry& g, const feeds::GeoReference& ref) {
    for (auto& a : g.areas) {
        if (a.focus) g.focus_bounds.add(a.bounds);
        const feeds::GeoMunicipality* m = feeds::find_municipality(ref, a.code);
        if (m && (m->label_lon != 0 || m->label_lat != 0)) {
            a.label = utm32(m->label_lon, m->label_lat);
            continue;
        }
        double best = -1;
        for (const auto& p : a.polygons) {
            MapBounds b;
            for (const auto& q : p[0]) b.add(q);
            const double s = std::abs(signed_area(p[0]));
            if (s > best) best = s, a.label = {(b.x0 + b.x1) / 2, (b.y0 + b.y1) / 2};
        }
    }
}

}  // namespace

MapGeometryResult build_map_geometry(std::string_view geojson, const feeds::GeoReference& ref) {
    MapGeometryResult out;
    const std::string file = "kommuner-sjaelland-hovedstaden.geojson";
    MapGeometry g;
    std::vector<RingRef> rings;
    try {
        if (std::string err = add_features(g, Json::parse(geojson), ref, rings); !err.empty()) {
            out.error = file + ": " + err;
            return out;
        }
    } catch (const std::exception& e) {
        out.error = file + ": " + e.what();
        return out;
    }
    place_labels(g, ref);
    build_arcs(rings, g.arcs);
    for (const auto& p : ref.places) g.places.push_back({p.name, utm32(p.lon, p.lat)});
    out.geometry = std::move(g);
    return out;
}

MapGeometryResult load_map_geometry() {
    const feeds::GeoReference ref = feeds::load_geo_reference();
    if (!ref.error.empty()) return {std::nullopt, ref.error};
    return build_map_geometry(feeds::geo_file("kommuner-sjaelland-hovedstaden.geojson"), ref);
}

const MapArea* find_area(const MapGeometry& g, std::string_view code) {
    for (const auto& a : g.areas)
        if (a.code == code) return &a;
    return nullptr;
}

const MapPlace* find_map_place(const MapGeometry& g, std::string_view name) {
    for (const auto& p : g.places)
        if (p.name == name) return &p;
    return nullptr;
}

int area_index(const MapGeometry& g, std::string_view key) {
    for (std::size_t i = 0; i < g.areas.size(); ++i)
        if (g.areas[i].code == key || g.areas[i].name == key) return int(i);
    return -1;
}
