// The plan of the project map (project_map.cpp draws it): which projects are listed, the
// legend's plan (project_legend.h) and where it goes, the map's fit, and the badges and place
// names placed on it without overlaps. Pure: it measures text and draws nothing.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/map/geometry.h"
#include "app/map/projection.h"
#include "app/view.h"
#include "app/views/project_legend.h"

// How a project's line is drawn: its width and its dark casing's.
struct LineStyle {
    float width;
    float casing;
};
LineStyle line_style(const ViewStyle& s, feeds::ProjectKind kind);

// A badge or a place name, placed on the map.
struct PlacedMapText {
    Rect box;
    std::string text;
    const project_legend::Shown* badge = nullptr;  // a project's number; null for a place name
};

// Its legend and labels point into `shown`: moved, never copied.
struct ProjectMapPlan {
    ProjectMapPlan() = default;
    ProjectMapPlan(ProjectMapPlan&&) = default;
    ProjectMapPlan(const ProjectMapPlan&) = delete;
    ProjectMapPlan& operator=(const ProjectMapPlan&) = delete;

    bool empty = false;  // no project to show: "Ingen data"
    long layout_steps = 0;
    std::vector<project_legend::Shown> shown;  // numbered; the listed ones only
    int total = 0;                             // projects to show; more than shown: a note says so
    bool landscape = false;
    const ImFont* f = nullptr;  // the floor font: place names, costs, kinds
    float gap = 0;              // between the map and the legend
    float mark = 0;             // half the orientation markers' size
    MapXY cph, airport;         // orientation: Copenhagen and the airport
    project_legend::LegendPlan legend_plan;
    Rect frame;   // the map and the legend
    Rect legend;  // where the legend goes
    MapBounds bounds;
    MapFit fit;
    Rect map;  // the map layer's rectangle
    std::vector<PlacedMapText> labels;
};

// The plan for `body` (the area less the attribution line). `c` gives the size rules only.
ProjectMapPlan plan_project_map(const Canvas& c, const ViewStyle& s, Rect body,
                                const feeds::ProjectList& data, const feeds::Slide& slide,
                                const MapGeometry& g);
