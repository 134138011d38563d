// The plan of the status board (status_board.cpp draws it): the projects in order with their
// cost labels and marks, what they share (said once above the board), and the geometry (wide
// columns or stacked, padding, detail) under which the most projects show whole, with each
// shown row's height. Rows are measured by drawing them into measuring canvases; nothing
// reaches the screen.
#pragma once

#include <string>
#include <vector>

#include "app/views/status_board.h"
#include "app/views/status_board_rows.h"

struct BoardPlan {
    bool empty = false;  // no project to show: "Ingen data"
    long layout_steps = 0;
    std::vector<Row> rows;  // every project the slide shows, in order
    int total = 0;
    int shown = 0;  // rows that fit whole; 0: not even one (its name is drawn, cut)
    BoardCommon common;
    float common_h = 0;  // the shared line's height, with the air under it
    bool heads = false;  // column heads ("Projekt", "Status", "Økonomi") above wide rows
    float header_h = 0;  // their height
    Geometry g;
    std::vector<float> heights;         // per measured row, padding included
    std::vector<std::string> left_out;  // what the publisher wrote that is not shown (Canvas::left_out)
};

// `c` gives the size rules only; `home` is --home.
BoardPlan plan_status_board(const Canvas& c, const ViewStyle& s, Rect area, const feeds::ProjectList& data,
                            const feeds::ViewOptions& opt, std::string_view home);
