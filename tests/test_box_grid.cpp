// The overlap checks that go through a grid of cells (app/box_grid.h) find what testing every
// pair found: the canvas's overlap problems and the map's label placement, against the
// pairwise versions kept here as oracles, on random boxes (off the screen, huge, NaN too).
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <numeric>
#include <string>
#include <vector>

#include "app/box_grid.h"
#include "app/canvas.h"
#include "app/map/labels.h"

namespace {

struct Lcg {
    std::uint64_t s;
    std::uint32_t next() {
        return std::uint32_t((s = s * 6364136223846793005ULL + 1442695040888963407ULL) >> 33);
    }
    float in(float lo, float hi) { return lo + (hi - lo) * float(next() % 100000) / 100000.0f; }
};

Rect random_box(Lcg& r) {
    const float x = r.in(-100, 900), y = r.in(-100, 600);
    Rect b{x, y, x + r.in(0, 120), y + r.in(0, 40)};
    switch (r.next() % 40) {
        case 0:
            b.x1 = b.x0 + 2000;  // wider than the screen
            break;
        case 1:
            b.y0 = NAN;
            break;
        case 2:
            b.x1 = INFINITY;
            break;
        case 3:
            b.x0 = -1e30f;
            break;
        default:
            break;
    }
    return b;
}

bool overlaps_oracle(const Rect& a, const Rect& b) {
    const float tol = 0.5f;
    return a.x0 < b.x1 - tol && b.x0 < a.x1 - tol && a.y0 < b.y1 - tol && b.y0 < a.y1 - tol;
}

// Every pair, in order: what canvas_problems said before the grid (with its cap of 100).
std::vector<std::string> overlap_lines_oracle(const Canvas& c) {
    std::vector<std::string> out;
    std::size_t n = 0;
    for (std::size_t i = 0; i < c.texts.size(); ++i)
        for (std::size_t j = i + 1; j < c.texts.size(); ++j)
            if (overlaps_oracle(c.texts[i].box, c.texts[j].box) && n++ < 100)
                out.push_back("text \"" + c.texts[i].text + "\" overlaps \"" + c.texts[j].text + "\"");
    if (n > 100) out.push_back("and " + std::to_string(n - 100) + " more overlapping texts");
    return out;
}

// Every candidate (label_candidates, the same positions) against every box: the grid's oracle.
std::vector<std::optional<Rect>> place_labels_oracle(const std::vector<LabelRequest>& req, Rect bounds,
                                                     const std::vector<Rect>& obstacles, float gap) {
    std::vector<std::optional<Rect>> out(req.size());
    std::vector<Rect> taken = obstacles;  // and every box placed so far
    for (std::size_t i : label_order(req)) {
        const auto candidates = label_candidates(req[i], bounds);
        const auto free = std::find_if(candidates.begin(), candidates.end(), [&](const Rect& box) {
            return std::none_of(taken.begin(), taken.end(),
                                [&](const Rect& other) { return boxes_overlap(box, other, gap); });
        });
        if (free == candidates.end()) continue;
        taken.push_back(*free);
        out[i] = *free;
    }
    return out;
}

bool same(float a, float b) {
    return a == b || (std::isnan(a) && std::isnan(b));
}

bool same(const std::optional<Rect>& a, const std::optional<Rect>& b) {
    if (!a || !b) return !a && !b;
    return same(a->x0, b->x0) && same(a->y0, b->y0) && same(a->x1, b->x1) && same(a->y1, b->y1);
}

}  // namespace

TEST_CASE("canvas_problems finds through its grid exactly the overlapping pairs testing every pair finds") {
    Lcg rng{7};
    for (int k = 0; k < 60; ++k) {
        Canvas c;
        c.bounds = {0, 0, 800, 480};
        const int n = 1 + int(rng.next() % (k < 50 ? 40 : 400));  // the last few pass the cap of 100
        for (int i = 0; i < n; ++i) c.texts.push_back({random_box(rng), "t" + std::to_string(i), false});
        std::vector<std::string> got;
        for (const auto& p : canvas_problems(c))
            if (p.find("overlap") != std::string::npos) got.push_back(p);
        CHECK(got == overlap_lines_oracle(c));
    }
}

TEST_CASE("place_labels through its grid places every label where testing every placed box placed it") {
    Lcg rng{11};
    for (int k = 0; k < 40; ++k) {
        const Rect bounds{rng.in(0, 50), rng.in(0, 50), rng.in(600, 800), rng.in(400, 480)};
        std::vector<Rect> obstacles;
        for (int i = int(rng.next() % 4); i > 0; --i) obstacles.push_back(random_box(rng));
        std::vector<LabelRequest> req;
        for (int i = int(rng.next() % 300); i > 0; --i) {
            LabelRequest r{{rng.in(-50, 850), rng.in(-50, 530)},
                           {rng.in(4, 90), rng.in(4, 30)},
                           int(rng.next() % 5),
                           rng.next() % 2 == 0,
                           rng.in(0, 10),
                           {}};
            if (rng.next() % 3 == 0) r.more_anchors = {{rng.in(0, 800), rng.in(0, 480)}};
            if (rng.next() % 50 == 0) r.anchor.x = NAN;
            req.push_back(r);
        }
        const float gap = rng.next() % 5 == 0 ? 0.0f : rng.in(0, 6);
        const auto got = place_labels(req, bounds, obstacles, gap);
        const auto want = place_labels_oracle(req, bounds, obstacles, gap);
        REQUIRE(got.size() == want.size());
        int placed = 0;
        for (std::size_t i = 0; i < got.size(); ++i) {
            CHECK(same(got[i], want[i]));
            placed += got[i] ? 1 : 0;
        }
        CHECK(placed <= int(req.size()));
    }
}

TEST_CASE("a box grid finds every stored box a query box overlaps, within its reach too") {
    BoxGrid g({0, 0, 800, 480}, 48, 3);
    const std::vector<Rect> boxes = {
        {10, 10, 20, 20}, {700, 400, 2000, 900}, {-500, -500, -400, -400}, {300, 300, 301, 301}};
    for (std::size_t i = 0; i < boxes.size(); ++i) g.add(int(i), boxes[i]);
    auto finds = [&](Rect q, int id) {
        bool hit = false;
        g.near(q, [&](int k) { hit = hit || k == id; });
        return hit;
    };
    CHECK(finds({22, 22, 30, 30}, 0));        // 2 px away: within reach
    CHECK(finds({1500, 800, 1600, 850}, 1));  // far off the area: both in the edge cells
    CHECK(finds({-450, -450, -440, -440}, 2));
    CHECK_FALSE(finds({600, 20, 620, 30}, 0));  // far apart: not even looked at
    CHECK_FALSE(finds({600, 20, 620, 30}, 3));
    CHECK_FALSE(finds({NAN, 0, 10, 10}, 0));  // overlaps nothing
    g.add(9, {NAN, 0, 1, 1});                 // not stored
    CHECK_FALSE(finds({0, 0, 800, 480}, 9));
    for (int id = 0; id < 4; ++id) CHECK(finds({0, 0, 800, 480}, id));
}
