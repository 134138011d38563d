// --list-places: what a project's "places" may name (feeds/check.h).
#include <cstdio>

#include "feeds/check.h"
#include "feeds/feed_parse.h"
#include "feeds/file_read.h"
#include "feeds/geo_reference.h"

namespace feeds {

namespace {

std::string place_line(const std::string& name, double lat, double lon) {
    char at[64];
    std::snprintf(at, sizeof at, "%.5f %.5f", lat, lon);
    return std::string(at) + "  " + name;
}

}  // namespace

int list_places(const std::vector<std::string>& feed_paths, std::ostream& out) {
    const GeoReference geo = load_geo_reference();
    if (!geo.error.empty()) {
        out << geo.error << '\n';
        return 1;
    }
    out << "# lat lon  name: the places a project map knows\n";
    for (const auto& p : geo.places) out << place_line(p.name, p.lat, p.lon) << '\n';
    int code = 0;
    for (const auto& path : feed_paths) {
        std::string why;
        const auto text = read_file_prefix(path, Limits{}.max_file_bytes, why);
        const FeedResult r = text ? parse_feed(*text, path) : FeedResult{};
        if (!r.feed) {
            out << path << ": not a valid feed" << (why.empty() ? "" : ": " + why) << " (infotavle --check "
                << path << " says why)\n";
            code = 1;
            continue;
        }
        for (const auto& ds : r.feed->datasets)
            if (const auto* list = std::get_if<ProjectList>(&ds.body); list && !list->places.empty()) {
                out << "# " << path << ", dataset \"" << ds.id << "\":\n";
                for (const auto& p : list->places) out << place_line(p.name, p.lat, p.lon) << '\n';
            }
    }
    return code;
}

}  // namespace feeds
