// The project map's legend: a key (the kinds of line, and the status when every project
// shares it), then one entry per project (number, name, status, cost), planned for a width and
// a count. The map takes the richest plan that fits (app/views/project_map.cpp).
//
// Bounded: a project takes at least a line, so no more projects than the frame holds are ever
// planned (most_listed), and each name and cost is wrapped once per font and width.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "app/map/geometry.h"
#include "app/view.h"
#include "app/views/status_badge.h"

namespace project_legend {

// A project on the map, numbered as its badge.
struct Shown {
    const feeds::Project* project;
    std::vector<MapXY> points;  // its places, those the map knows
    StatusLook look;
    int number;
};

// One line of the legend: a status group's heading, a project's name (the first with its
// badge), or its cost as the document writes it.
struct LegendLine {
    enum Kind { Group, FirstName, Name, Cost } kind;
    std::string text;
    const Shown* shown;  // the project (for a group: its first project, for the look)
    float h = 0;         // line pitch
    bool gap_after = false;
    float w = 0;  // the text's width in its font (names, costs)
};

// A name or cost wrapped at one width, each line measured once. The legend is planned for many
// counts, levels and widths, but each text needs only a few distinct wraps.
struct Wrapped {
    std::vector<std::string> lines;
    std::vector<float> widths;
    bool whole = true;
};

struct WrapCache {
    std::map<std::tuple<const std::string*, const ImFont*, float>, Wrapped> wraps;
    const Wrapped& get(const ImFont* font, const std::string& text, float width);
};

// The key above the entries: a sample of each kind of line, and the status when every
// project shares it (then there are no group headings). Offsets from the legend's top left.
struct KeyItem {
    bool is_kind;
    feeds::ProjectKind kind;
    const Shown* shown;  // for a status: a project with it
    float x, y, w;
};

// One way to write the legend; draw_project_map takes the richest that fits.
struct LegendPlan {
    const ImFont* nf = nullptr;  // names, headings, badges: bold body or the floor font
    const ImFont* f = nullptr;   // costs, kinds: the floor font
    bool costs = true;
    bool kinds = true;
    int count = 0;  // projects listed: the first `count` shown
    float width = 0;
    float badge = 0, text_x = 0, line_h = 0, entry_gap = 0;
    std::vector<KeyItem> key;
    float key_h = 0;
    std::vector<LegendLine> lines;
    float height = 0;
    float used_w = 0;   // the widest line
    bool whole = true;  // every text whole at this width
};

const char* kind_word(feeds::ProjectKind k);
float kind_sample_w(const ImFont* f);

// Plans `p` (its fonts, switches, count and width set) for the first p.count of `shown`.
void plan_legend(Canvas& c, const ViewStyle& s, const std::vector<Shown>& shown, LegendPlan& p,
                 WrapCache& cache);

// At most how many projects a legend in `body` can list: each takes a line (in the smaller of
// the two name fonts) and an entry gap, and the legend may use the frame's height (landscape)
// or 70 % of it (portrait, where the map keeps 30 %). One spare for rounding.
int most_listed(const Canvas& c, const ViewStyle& s, Rect body, bool landscape, float gap);

}  // namespace project_legend
