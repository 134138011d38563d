// The slide views: one function per view type, each laying itself out in any rectangle.
//
// A view draws only through the Canvas (canvas.h), so overflow and overlap are recorded.
// Views run when a slide is (re)drawn into its texture: on data, size or clock change,
// not every frame. Still, keep them free of I/O and allocation-heavy work.
#pragma once

#include <string>
#include <string_view>

#include "app/canvas.h"
#include "app/fonts.h"
#include "app/theme.h"
#include "feeds/feed_model.h"

struct ViewStyle {
    const Theme& theme;
    const Fonts& fonts;
    FontSizes sizes;
    float unit;  // base spacing in px: min(width, height) / 60
};

struct MapSupport;  // app/map/layer.h

struct ViewInput {
    const feeds::Dataset& dataset;
    const feeds::Slide& slide;
    std::string_view home;            // --home: a municipality code or name to highlight; may be empty
    feeds::PartialDate today;         // for the timeline's "i dag" marker
    const MapSupport* map = nullptr;  // the maps' geometry and layer cache; null for other views
    std::string_view as_of = {};      // the footer's date words, "marts 2022" (no "Data pr."); may be empty
};

// Dispatches on input.slide.view. A dataset the view cannot show is reported as a canvas note
// (the playlist check should have refused it already).
void draw_view(Canvas& c, const ViewStyle& s, Rect area, const ViewInput& in);

// One per view type (app/views/*.cpp).
void draw_kpi_tiles(Canvas& c, const ViewStyle& s, Rect area, const feeds::IndicatorSet& data,
                    const ViewInput& in);
void draw_progress(Canvas& c, const ViewStyle& s, Rect area, const feeds::IndicatorSet& data,
                   const ViewInput& in);
void draw_bar_chart(Canvas& c, const ViewStyle& s, Rect area, const feeds::DatasetBody& data,
                    const ViewInput& in);
void draw_grouped_bars(Canvas& c, const ViewStyle& s, Rect area, const feeds::DatasetBody& data,
                       const ViewInput& in);
void draw_line_chart(Canvas& c, const ViewStyle& s, Rect area, const feeds::Series& data,
                     const ViewInput& in);
void draw_status_board(Canvas& c, const ViewStyle& s, Rect area, const feeds::ProjectList& data,
                       const ViewInput& in);
void draw_timeline(Canvas& c, const ViewStyle& s, Rect area, const feeds::Timeline& data,
                   const ViewInput& in);
void draw_goal_scoreboard(Canvas& c, const ViewStyle& s, Rect area, const feeds::GoalList& data,
                          const ViewInput& in);

// A one-line note under a chart when not everything fits: "Viser 10 af 17 kommuner".
// Drawn in the small font at the bottom of `area`; returns the area left above it.
Rect draw_hidden_note(Canvas& c, const ViewStyle& s, Rect area, int shown, int total, std::string_view noun);

// The maps (app/views/municipality_map.cpp, app/views/project_map.cpp). Both need in.map.
void draw_municipality_map(Canvas& c, const ViewStyle& s, Rect area, const feeds::MunicipalityTable& data,
                           const ViewInput& in);
void draw_project_map(Canvas& c, const ViewStyle& s, Rect area, const feeds::ProjectList& data,
                      const ViewInput& in);
