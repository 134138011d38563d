// Pure rules of the status board and the timeline, kept apart from their drawing so tests can
// ask them directly: which columns say the same for every project (and the one line that says
// it instead), and which places and texts name the home municipality (--home).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "feeds/feed_model.h"

// What every project on a board has in common, said once above the board instead of in a
// column that repeats it on every row.
struct BoardCommon {
    bool same_phase = false;  // every project is in the same phase: no status badge column
    bool no_cost = false;     // no project names an amount (or a whole it is part of): no cost column
    std::string line;         // "Alle er forslag · pris ikke oplyst"; empty when nothing is shared
};

// `costs[i]` is the cost label shown for `projects[i]` ("" when the document gives none). A
// cost without a figure ("udgiftsomfanget er ukendt") names no amount either. One project
// shares nothing: the rule needs at least two.
BoardCommon board_common(const std::vector<const feeds::Project*>& projects,
                         const std::vector<std::string>& costs);
