#include "feeds/map_check.h"

#include <map>

namespace feeds {

namespace {

std::string q(std::string_view s) {
    return "\"" + std::string(s) + "\"";
}

void check_table(const MunicipalityTable& t, const Dataset& ds, const std::string& file,
                 const std::string& at, const GeoReference& geo, std::vector<Problem>& out) {
    for (std::size_t i = 0; i < t.rows.size(); ++i) {
        const MunicipalityRow& r = t.rows[i];
        const std::string row = "dataset " + q(ds.id) + " rows[" + std::to_string(i) + "]";
        const GeoMunicipality* m = find_municipality(geo, r.code);
        if (!m)
            out.push_back({Problem::Severity::Error, file, at,
                           row + ": municipality code " + q(r.code) + " (" + q(r.name) +
                               ") is not on the map, which holds the municipalities of Region Sjælland "
                               "and Region Hovedstaden"});
        else if (m->name != r.name)
            out.push_back(
                {Problem::Severity::Warning, file, at,
                 row + ": code " + q(r.code) + " is " + q(m->name) + " on the map, not " + q(r.name)});
    }
}

void check_projects(const Slide& slide, const ProjectList& list, const std::string& file,
                    const std::string& at, const GeoReference& geo, std::vector<Problem>& out) {
    for (const Project* p : shown_projects(slide, list)) {
        for (const auto& place : p->places)
            if (!find_place(geo, place))
                out.push_back({Problem::Severity::Error, file, at,
                               "project " + q(p->id) + " names the place " + q(place) +
                                   ", which the map does not know (see assets/geo/places.json; the 17 "
                                   "municipality names are places too)"});
    }
}

}  // namespace

std::vector<const Project*> shown_projects(const Slide& slide, const ProjectList& list) {
    std::vector<const Project*> out;
    if (slide.options.columns.empty()) {
        for (const auto& p : list.items) out.push_back(&p);
        return out;
    }
    // By id, so n columns of m projects cost n log m, not n * m.
    std::multimap<std::string_view, const Project*> by_id;
    for (const auto& p : list.items) by_id.emplace(p.id, &p);
    for (const auto& id : slide.options.columns) {
        const auto [from, to] = by_id.equal_range(id);
        for (auto it = from; it != to; ++it) out.push_back(it->second);
    }
    return out;
}

std::vector<Problem> check_map_slide(const Slide& slide, const Dataset& dataset, const std::string& file,
                                     const std::string& path, const GeoReference& geo) {
    std::vector<Problem> out;
    const std::string at = path + ".dataset";
    if (!geo.error.empty()) {
        out.push_back({Problem::Severity::Error, file, at, geo.error});
        return out;
    }
    if (slide.view == ViewType::MunicipalityMap)
        if (const auto* t = std::get_if<MunicipalityTable>(&dataset.body))
            check_table(*t, dataset, file, at, geo, out);
    if (slide.view == ViewType::ProjectMap)
        if (const auto* l = std::get_if<ProjectList>(&dataset.body))
            check_projects(slide, *l, file, at, geo, out);
    return out;
}

}  // namespace feeds
