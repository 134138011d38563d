// One status-board row's content: what a row holds and the column geometry it is drawn in.
// Drawing a row into a measuring canvas (view_kit.h) is how the plan learns its height
// (status_board_plan.cpp); the draw step draws the same into the real canvas.
#pragma once

#include <string>
#include <string_view>

#include "app/view.h"

struct Row {
    const feeds::Project* p = nullptr;
    std::string cost;
    bool home = false;    // its places include --home: "Din kommune" in front of them
    bool marked = false;  // highlighted by the slide, or home: a bar at the left edge
};

struct Geometry {
    bool stacked = false;  // name, then badge and cost, then words and places, full width
    float pad = 0, line_gap = 0, row_gap = 0, col_gap = 0;
    float a0 = 0, a1 = 0;  // the name column; the whole inner width when stacked
    float b0 = 0, b1 = 0;  // badge and words (wide only)
    float c0 = 0, c1 = 0;  // cost (wide only, when shown)
    bool show_phase = true, show_cost = true;
    // Rows may leave out, for every project alike, first the places
    // (the home municipality's tag stays) and then the document's words, when that brings more
    // projects on screen: 2 = everything, 1 = no places, 0 = name, status and cost.
    int detail = 2;
    // Wide: the words under the name, in the name column, which has room to spare under a
    // short name while the status column is narrow; the badge then stands alone.
    bool words_under_name = false;
    // Stacked: the words on a line already drawn, between the badge and the cost or after the
    // name, where they fit whole (a small screen): the row stays two lines tall.
    bool words_inline = false;
    bool icons = false;  // some project has a kind icon: every name starts after the icon's place
};

constexpr float kOpen = 1e5f;  // the height of a box a paragraph may grow in freely

// Whether `text` holds a figure ("1,1 mia. kr." does, "udgiftsomfanget er ukendt" does not).
bool has_digit(std::string_view text);

// One project's content from `y` down, wide or stacked as `g` says; returns the bottom of what
// was drawn.
float draw_row_content(Canvas& c, const ViewStyle& s, const Geometry& g, float y, const Row& r);
