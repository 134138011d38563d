// Boxes bucketed by the cells of a uniform grid they touch, so "which boxes may overlap this
// one" looks at the boxes nearby, not at all of them: the canvas's overlap check and map label
// placement stay near linear in the number of boxes instead of testing every pair.
//
// Conservative: every box that overlaps (or comes within the grid's `reach` of) a query box
// shares a cell with it, whatever its position; boxes past the grid's area fall into its edge
// cells. A box with a coordinate that is not a number overlaps nothing (as every comparison with
// it is false) and is neither stored nor found.
#pragma once

#include <vector>

#include "app/canvas.h"

struct BoxGrid {
    Rect area;        // the cells cover this; boxes outside it go to the edge cells
    float reach = 0;  // boxes are stored grown by this: queries find boxes this near, too
    float cell = 1;   // a cell's side
    int cols = 1, rows = 1;
    std::vector<std::vector<int>> cells;  // ids, row-major

    // A grid over `area` of cells about `cell` wide (fewer, larger ones for a huge area).
    BoxGrid(Rect area, float cell, float reach = 0);

    void add(int id, const Rect& box);

    // Calls f(id) for every stored id sharing a cell with `box`; an id may come more than once.
    template <class F>
    void near(const Rect& box, F f) const {
        int c0, r0, c1, r1;
        if (!span(box, 0, c0, r0, c1, r1)) return;
        for (int r = r0; r <= r1; ++r)
            for (int c = c0; c <= c1; ++c)
                for (int id : cells[std::size_t(r) * std::size_t(cols) + std::size_t(c)]) f(id);
    }

private:
    // The cells `box` grown by `grow` touches; false for a box with a NaN coordinate.
    bool span(const Rect& box, float grow, int& c0, int& r0, int& c1, int& r1) const;
};
