// Cross-checks a manifest's playlist against the feeds it names: every slide must find its
// feed and dataset, and the dataset must suit the slide's view (FORMAT.md "Which view takes
// which dataset"). The view-name and view/dataset helpers are shared with the app.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "feeds/feed_model.h"
#include "feeds/problem.h"

namespace feeds {

inline constexpr ViewType kAllViewTypes[] = {
    ViewType::KpiTiles,        ViewType::BarChart,    ViewType::GroupedBars, ViewType::Progress,
    ViewType::LineChart,       ViewType::StatusBoard, ViewType::Timeline,    ViewType::GoalScoreboard,
    ViewType::MunicipalityMap, ViewType::ProjectMap,
};

// "kpi_tiles", "bar_chart", ... as written in manifests.
const char* view_type_name(ViewType view);
std::optional<ViewType> parse_view_type(std::string_view name);

// Empty when the view can show the dataset; otherwise the reason it cannot, for messages.
std::string view_mismatch(ViewType view, const DatasetBody& body);
bool view_accepts(ViewType view, const DatasetBody& body);

// Manifest feed id -> the parsed feed. Feeds that failed to load or were not fetched are left
// out (or null); slides on them are not checked further, their own problems say why.
using LoadedFeeds = std::map<std::string, const Feed*, std::less<>>;

// Manifest feed id -> the feed's file, where known: a problem whose fix is in the feed (a map's
// unknown place) names that file and the path in it.
using FeedFiles = std::map<std::string, std::string, std::less<>>;

std::vector<Problem> check_playlist(const Manifest& manifest, const std::string& manifest_file,
                                    const LoadedFeeds& loaded, const FeedFiles& feed_files = {});

}  // namespace feeds
