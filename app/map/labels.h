// Where map labels go: greedy, in order of priority, each at the first of a few positions around
// its anchor that stays inside the map and overlaps nothing placed before it nor any obstacle
// (the legend). A label with no such position is left out; the area keeps its colour. Pure.
// Each candidate position is tested only against the boxes near it (a grid of cells, app/box_grid.h),
// so placing n labels costs about n times the few positions tried, not n squared.
#pragma once

#include <cstddef>
#include <optional>
#include <vector>

#include "app/canvas.h"

struct LabelRequest {
    ImVec2 anchor;     // the point the label belongs to (a municipality's label point)
    ImVec2 size;       // the label's box
    int priority = 0;  // lower goes first; ties keep their order
    // false: the box is centred on the anchor, or shifted a little round it.
    // true: the box sits beside the anchor (right, left, above, below, then the corners),
    // `clearance` px away, so the point itself stays visible: a town's name, a line's badge.
    bool beside = false;
    float clearance = 0;
    std::vector<ImVec2> more_anchors;  // tried in turn when no position at `anchor` is free
};

// The order place_labels() places `requests` in: by priority, ties in request order.
std::vector<std::size_t> label_order(const std::vector<LabelRequest>& requests);

// The boxes place_labels() tries for `r`, in order: each offset round each anchor, those inside
// `bounds` only.
std::vector<Rect> label_candidates(const LabelRequest& r, Rect bounds);

// One entry per request, in request order: the box, or nothing when it did not fit.
// `gap` keeps placed boxes that far apart.
std::vector<std::optional<Rect>> place_labels(const std::vector<LabelRequest>& requests, Rect bounds,
                                              const std::vector<Rect>& obstacles, float gap = 2);

bool boxes_overlap(const Rect& a, const Rect& b, float gap = 0);
