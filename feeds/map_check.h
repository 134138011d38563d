// What the checker asks of a map slide beyond the dataset type: every municipality row must be
// on the boundary file, and every place of a shown project must be a place the map knows
// (feeds/geo_reference.h). A map cannot draw what it cannot place, so these are errors.
#pragma once

#include <string>
#include <vector>

#include "feeds/feed_model.h"
#include "feeds/geo_reference.h"
#include "feeds/problem.h"

namespace feeds {

// Where a map slide and its dataset are written: the manifest and the slide's path in it
// ("$.playlist[3]"); the feed's file and the dataset's path in it ("$.datasets[1]") when known.
// A problem whose fix is in the feed names the feed's file when it is known.
struct MapWhere {
    std::string manifest_file, slide_path;
    std::string feed_file, dataset_path;
};

// Nothing for other views.
std::vector<Problem> check_map_slide(const Slide& slide, const Dataset& dataset, const MapWhere& where,
                                     const GeoReference& geo);

// The dataset's own place of that name (ProjectList::places), or null.
const PlacePoint* find_feed_place(const ProjectList& list, std::string_view name);

// The projects a slide shows: those named by options.columns, in that order, else all.
std::vector<const Project*> shown_projects(const Slide& slide, const ProjectList& list);

}  // namespace feeds
