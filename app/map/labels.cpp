#include "app/map/labels.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "app/box_grid.h"

static constexpr float kLabelCell = 48;  // px: about a label

bool boxes_overlap(const Rect& a, const Rect& b, float gap) {
    return a.x0 < b.x1 + gap && b.x0 < a.x1 + gap && a.y0 < b.y1 + gap && b.y0 < a.y1 + gap;
}

std::vector<std::size_t> label_order(const std::vector<LabelRequest>& req) {
    std::vector<std::size_t> order(req.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return req[a].priority < req[b].priority; });
    return order;
}

std::vector<Rect> label_candidates(const LabelRequest& r, Rect bounds) {
    const float w = r.size.x, h = r.size.y, d = r.clearance;
    // Box centres relative to the anchor.
    std::vector<ImVec2> offsets;
    if (r.beside)
        offsets = {{w / 2 + d, 0},         {-w / 2 - d, 0},         {0, -h / 2 - d},
                   {0, h / 2 + d},         {w / 2 + d, -h / 2 - d}, {-w / 2 - d, -h / 2 - d},
                   {w / 2 + d, h / 2 + d}, {-w / 2 - d, h / 2 + d}};
    else
        offsets = {{0, 0},
                   {0, -h * 0.75f},
                   {0, h * 0.75f},
                   {w * 0.6f, 0},
                   {-w * 0.6f, 0},
                   {w * 0.5f, -h * 0.6f},
                   {-w * 0.5f, -h * 0.6f},
                   {w * 0.5f, h * 0.6f},
                   {-w * 0.5f, h * 0.6f}};
    std::vector<ImVec2> anchors{r.anchor};
    anchors.insert(anchors.end(), r.more_anchors.begin(), r.more_anchors.end());
    std::vector<Rect> out;
    for (const ImVec2& a : anchors)
        for (const ImVec2& o : offsets) {
            const float x0 = std::floor(a.x + o.x - w / 2), y0 = std::floor(a.y + o.y - h / 2);
            const Rect box{x0, y0, x0 + w, y0 + h};
            if (box.x0 < bounds.x0 || box.y0 < bounds.y0 || box.x1 > bounds.x1 || box.y1 > bounds.y1)
                continue;
            out.push_back(box);
        }
    return out;
}

std::vector<std::optional<Rect>> place_labels(const std::vector<LabelRequest>& req, Rect bounds,
                                              const std::vector<Rect>& obstacles, float gap) {
    std::vector<std::optional<Rect>> out(req.size());
    // The obstacles and the boxes placed so far, found through a grid: a candidate box meets only
    // the boxes near it, not every one placed before it.
    std::vector<Rect> taken(obstacles);
    BoxGrid grid(bounds, kLabelCell, std::max(0.0f, gap));
    for (std::size_t k = 0; k < taken.size(); ++k) grid.add(int(k), taken[k]);
    for (std::size_t i : label_order(req)) {
        for (const Rect& box : label_candidates(req[i], bounds)) {
            bool hit = false;
            grid.near(box, [&](int k) { hit = hit || boxes_overlap(box, taken[std::size_t(k)], gap); });
            if (hit) continue;
            grid.add(int(taken.size()), box);
            taken.push_back(box);
            out[i] = box;
            break;
        }
    }
    return out;
}
