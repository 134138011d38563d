// --list-places: what a project's "places" may name (feeds/check.h), as a table a publisher
// reads and copies from: the places, the municipalities, then each given feed's own places,
// each group in Danish alphabetical order (Æ, Ø, Å last), the coordinates as JSON writes them.
#include <algorithm>
#include <cstdio>

#include "feeds/check.h"
#include "feeds/feed_parse.h"
#include "feeds/file_read.h"
#include "feeds/geo_reference.h"

namespace feeds {

namespace {

struct Row {
    std::string name;
    double lat = 0, lon = 0;
};

// A sort key in Danish order: case folded, and æ, ø, å after z (UTF-8 C3 A6/B8/A5, and the
// capitals C3 86/98/85).
std::string danish_key(const std::string& s) {
    std::string key;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        if (c == 0xC3 && i + 1 < s.size()) {
            const unsigned char d = static_cast<unsigned char>(s[i + 1]) | 0x20;  // the capitals fold
            const char* last = d == 0xA6 ? "{1" : d == 0xB8 ? "{2" : d == 0xA5 ? "{3" : nullptr;
            if (last) {
                key += last;
                ++i;
                continue;
            }
        }
        key += char(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    return key;
}

// Characters, not bytes: what the columns are lined up by.
std::size_t width_of(const std::string& s) {
    return std::size_t(std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

void print_group(std::ostream& out, const std::string& heading, std::vector<Row> rows) {
    std::sort(rows.begin(), rows.end(),
              [](const Row& a, const Row& b) { return danish_key(a.name) < danish_key(b.name); });
    std::size_t w = 5;  // "Place"
    for (const auto& r : rows) w = std::max(w, width_of(r.name));
    out << '\n'
        << heading << "\n  "
        << "Place" << std::string(w - 5 + 2, ' ') << "     lat        lon\n";
    for (const auto& r : rows) {
        char at[64];
        std::snprintf(at, sizeof at, "%8.5f  %9.5f", r.lat, r.lon);
        out << "  " << r.name << std::string(w - width_of(r.name) + 2, ' ') << at << '\n';
    }
}

}  // namespace

int list_places(const std::vector<std::string>& feed_paths, std::ostream& out) {
    const GeoReference geo = load_geo_reference();
    if (!geo.error.empty()) {
        out << geo.error << '\n';
        return 1;
    }
    std::vector<Row> places, towns;
    for (const auto& p : geo.places) {
        const bool municipality =
            std::any_of(geo.municipalities.begin(), geo.municipalities.end(),
                        [&](const GeoMunicipality& m) { return m.focus && m.name == p.name; });
        (municipality ? towns : places).push_back({p.name, p.lat, p.lon});
    }
    out << "The names a project's \"places\" may use, and where the map puts them. A place not\n"
           "listed is given in the feed with its own \"lat\" and \"lon\" (FORMAT.md, \"projects\").\n";
    print_group(out, "Towns and stations the map knows:", places);
    print_group(out, "The municipalities of Region Sjælland (at the town hall's town):", towns);
    int code = 0;
    for (const auto& path : feed_paths) {
        std::string why;
        const auto text = read_file_prefix(path, Limits{}.max_file_bytes, why);
        const FeedResult r = text ? parse_feed(*text, path) : FeedResult{};
        if (!r.feed) {
            out << '\n'
                << path << ": not a valid feed" << (why.empty() ? "" : ": " + why) << " (infotavle --check "
                << path << " says why)\n";
            code = 1;
            continue;
        }
        for (const auto& ds : r.feed->datasets)
            if (const auto* list = std::get_if<ProjectList>(&ds.body); list && !list->places.empty()) {
                std::vector<Row> own;
                for (const auto& p : list->places) own.push_back({p.name, p.lat, p.lon});
                print_group(out, path + ", dataset \"" + ds.id + "\", its own places:", own);
            }
    }
    return code;
}

}  // namespace feeds
