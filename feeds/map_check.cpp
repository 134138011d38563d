#include "feeds/map_check.h"

#include "feeds/column_pick.h"

namespace feeds {

namespace {

std::string q(std::string_view s) {
    return "\"" + std::string(s) + "\"";
}

// The feed's file and path for item `i` of the dataset's `list`, when the feed's file is known;
// else the manifest's slide, with the dataset and item named in the message (`prefix`).
struct Blame {
    std::string file, path, prefix;
};
Blame blame(const MapWhere& w, const Dataset& ds, const char* list, std::size_t i, const std::string& rest) {
    const std::string item = std::string(list) + "[" + std::to_string(i) + "]";
    if (w.feed_file.empty())
        return {w.manifest_file, w.slide_path + ".dataset", "dataset " + q(ds.id) + " " + item + ": "};
    return {w.feed_file, w.dataset_path + "." + item + rest, ""};
}
std::string used_by(const MapWhere& w) {
    return w.feed_file.empty() ? "" : " (shown by " + w.manifest_file + " " + w.slide_path + ")";
}

void check_table(const MunicipalityTable& t, const Dataset& ds, const MapWhere& w, const GeoReference& geo,
                 std::vector<Problem>& out) {
    for (std::size_t i = 0; i < t.rows.size(); ++i) {
        const MunicipalityRow& r = t.rows[i];
        const Blame b = blame(w, ds, "rows", i, ".code");
        const std::string& file = b.file;
        const std::string& at = b.path;
        const GeoMunicipality* m = find_municipality(geo, r.code);
        if (!m)
            out.push_back({Problem::Severity::Error, file, at,
                           b.prefix + "municipality code " + q(r.code) + " (" + q(r.name) +
                               ") is not on the map, which holds the municipalities of Region Sjælland "
                               "and Region Hovedstaden" +
                               used_by(w)});
        else if (m->name != r.name)
            out.push_back(
                {Problem::Severity::Warning, file, at,
                 b.prefix + "code " + q(r.code) + " is " + q(m->name) + " on the map, not " + q(r.name)});
    }
}

void check_projects(const Slide& slide, const ProjectList& list, const Dataset& ds, const MapWhere& w,
                    const GeoReference& geo, std::vector<Problem>& out) {
    for (const Project* p : shown_projects(slide, list)) {
        for (std::size_t j = 0; j < p->places.size(); ++j) {
            const std::string& place = p->places[j];
            if (find_place(geo, place) || find_feed_place(list, place)) continue;
            const Blame b = blame(w, ds, "items", std::size_t(p - list.items.data()),
                                  ".places[" + std::to_string(j) + "]");
            out.push_back({Problem::Severity::Error, b.file, b.path,
                           b.prefix + "project " + q(p->id) + " names the place " + q(place) +
                               ", which the map does not know: give it in the dataset's \"places\" with "
                               "its lat and lon (infotavle --list-places lists those the map knows)" +
                               used_by(w)});
        }
    }
}

}  // namespace

const PlacePoint* find_feed_place(const ProjectList& list, std::string_view name) {
    for (const auto& p : list.places)
        if (p.name == name) return &p;
    return nullptr;
}

std::vector<const Project*> shown_projects(const Slide& slide, const ProjectList& list) {
    std::vector<std::string_view> ids;
    for (const auto& p : list.items) ids.push_back(p.id);
    std::vector<const Project*> out;
    for (std::size_t i : picked_positions(slide.options.columns, ids)) out.push_back(&list.items[i]);
    return out;
}

std::vector<Problem> check_map_slide(const Slide& slide, const Dataset& dataset, const MapWhere& where,
                                     const GeoReference& geo) {
    std::vector<Problem> out;
    if (!geo.error.empty()) {
        out.push_back(
            {Problem::Severity::Error, where.manifest_file, where.slide_path + ".dataset", geo.error});
        return out;
    }
    if (slide.view == ViewType::MunicipalityMap)
        if (const auto* t = std::get_if<MunicipalityTable>(&dataset.body))
            check_table(*t, dataset, where, geo, out);
    if (slide.view == ViewType::ProjectMap)
        if (const auto* l = std::get_if<ProjectList>(&dataset.body))
            check_projects(slide, *l, dataset, where, geo, out);
    return out;
}

}  // namespace feeds
