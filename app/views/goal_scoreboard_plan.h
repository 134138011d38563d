// The plan of the goal scoreboard's finding (goal_scoreboard.cpp draws it): the goals not met
// (or not yet), each with its title whole and its result when there is room, and the met ones
// by number. Pure: it measures text and draws nothing.
#pragma once

#include <string>
#include <vector>

#include "app/view.h"

constexpr const char* kNoMark = "";  // no suffix after a status word

// One goal not met: its title's lines and its result's (none: the result is not shown).
struct ExceptionRow {
    const feeds::Goal* goal = nullptr;
    std::vector<std::string> title, detail;
    float detail_x = 0;  // from the title's left edge: past a one-line title when the result fits beside it
    float h = 0;         // padding included
};

struct ExceptionsPlan {
    bool fits = false;         // all of it whole in the area; else nothing is drawn
    bool all_results = false;  // every goal not met shows its result
    float pad = 0, stripe = 0, row_gap = 0;
    // Above and below a row's text, and the air over the met goals' line: less when the
    // results need the room.
    float vpad = 0, met_gap = 0;
    float num_w = 0, status_w = 0, title_x0 = 0;  // the rows' columns, from their left edge
    std::vector<ExceptionRow> rows;               // one per goal not met
    std::vector<int> met;                         // the met goals' numbers
    std::vector<std::string> met_lines;           // "mål 2, 3, 4 og 16", wrapped
    float met_icon_w = 0;                         // "✓ Opfyldt:" and the air after it
};

ExceptionsPlan plan_exceptions(const ViewStyle& s, Rect area, const feeds::GoalList& data, float gap);

// What the publisher wrote that the scoreboard leaves out: each shown goal's result where the
// layout does not show it (the list and the cards show none; the finding, `finding` when
// given, those of the goals not met that have room; the met goals it lists by number show
// only their number, by design), and the goals past the `shown` of the
// `meant` (a limit the publisher set is meant). Goals are named by their number.
std::vector<std::string> goals_left_out(const feeds::GoalList& data, const ExceptionsPlan* finding, int shown,
                                        int meant);
