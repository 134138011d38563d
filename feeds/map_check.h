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

// `path` is the slide's JSON path in the manifest ("$.playlist[3]"). Nothing for other views.
std::vector<Problem> check_map_slide(const Slide& slide, const Dataset& dataset, const std::string& file,
                                     const std::string& path, const GeoReference& geo);

// The projects a slide shows: those named by options.columns, in that order, else all.
std::vector<const Project*> shown_projects(const Slide& slide, const ProjectList& list);

}  // namespace feeds
