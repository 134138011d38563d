// The status board's plan (app/views/status_board_plan.cpp), without drawing: the shown rows
// fit the area with their gaps, the shared line and the heads; home is marked; a limit holds;
// the same plan for the same input.
#include <doctest/doctest.h>

#include <string>

#include "app/kiosk/slide_set.h"
#include "app/views/bar_layout.h"
#include "app/views/status_board_plan.h"
#include "tests/plan_checks.h"

using namespace plan_checks;

namespace {

// The height the plan's shown rows take, with the shared line and the heads.
float used_height(const BoardPlan& p) {
    float h = p.common_h + (p.g.stacked ? 0 : p.header_h);
    for (int i = 0; i < p.shown; ++i) h += p.heights[size_t(i)] + (i > 0 ? p.g.row_gap : 0);
    return h;
}

}  // namespace

TEST_CASE("status board plan: the bundled boards' shown rows fit the body, at least one, heights measured") {
    const SlideSet set = load_slide_set({});
    at_plan_sizes([&](const ViewHarness& h, Rect body) {
        const Canvas c = h.canvas(body);
        int boards = 0;
        for (const auto& sl : set.slides) {
            if (!sl.valid || sl.slide->view != feeds::ViewType::StatusBoard) continue;
            ++boards;
            const auto& data = std::get<feeds::ProjectList>(sl.dataset->body);
            const BoardPlan p = plan_status_board(c, h.style(), body, data, sl.slide->options, "Køge");
            INFO(sl.slide->id);
            REQUIRE_FALSE(p.empty);
            CHECK(p.shown >= 1);
            CHECK(p.shown <= p.total);
            CHECK(int(p.heights.size()) >= p.shown);
            CHECK(p.layout_steps >= long(p.heights.size()));
            const float room = body.h() - (p.shown < p.total ? hidden_note_height(h.style()) : 0);
            CHECK(used_height(p) <= room + 0.5f);
            for (float rh : p.heights) CHECK(rh >= 2 * p.g.pad + h.style().fonts.body->FontSize);
            CHECK(p.g.a0 >= body.x0);
            CHECK(p.g.a1 <= body.x1);
            if (!p.g.stacked) {
                CHECK(p.g.a1 <= p.g.b0 + 0.5f);
                CHECK(p.g.b1 <= p.g.c0 + 0.5f);
            }
            // --home Køge: every row whose places name Køge is home and marked.
            for (const Row& r : p.rows) {
                const bool koege =
                    std::find(r.p->places.begin(), r.p->places.end(), "Køge") != r.p->places.end();
                if (koege) CHECK(r.home);
                if (r.home) CHECK(r.marked);
            }
        }
        CHECK(boards >= 3);
    });
}

TEST_CASE("status board plan: the same input gives the same plan, a limit holds") {
    const SlideSet set = load_slide_set({});
    ViewHarness h(1280, 720);
    const Rect body = h.screen();
    const Canvas c = h.canvas(body);
    for (const auto& sl : set.slides) {
        if (!sl.valid || sl.slide->view != feeds::ViewType::StatusBoard) continue;
        const auto& data = std::get<feeds::ProjectList>(sl.dataset->body);
        const BoardPlan a = plan_status_board(c, h.style(), body, data, sl.slide->options, "");
        const BoardPlan b = plan_status_board(c, h.style(), body, data, sl.slide->options, "");
        CHECK(a.shown == b.shown);
        CHECK(a.heights == b.heights);
        CHECK(a.g.stacked == b.g.stacked);
        CHECK(a.g.a1 == b.g.a1);
        CHECK(a.layout_steps == b.layout_steps);
        feeds::ViewOptions one = sl.slide->options;
        one.limit = 1;
        CHECK(plan_status_board(c, h.style(), body, data, one, "").shown == 1);
    }
}

TEST_CASE("status board plan: projects sharing a phase say it once, no projects is \"Ingen data\"") {
    ViewHarness h(1920, 1080);
    feeds::ProjectList l;
    for (const char* name : {"Ring Syd", "Kalundborg – Holbæk motorvej"}) {
        feeds::Project p;
        p.id = name;
        p.name = name;
        p.phase = feeds::ProjectPhase::Proposal;
        p.cost_text = "ca. 1,1 mia. kr.";
        l.items.push_back(p);
    }
    const BoardPlan p = plan_status_board(h.canvas(h.screen()), h.style(), h.screen(), l, {}, "");
    CHECK(p.common.same_phase);
    CHECK_FALSE(p.g.show_phase);
    CHECK(p.g.show_cost);
    CHECK(p.common.line == "Alle er forslag");
    CHECK(p.common_h > 0);
    CHECK_FALSE(p.heads);
    CHECK(p.shown == 2);
    CHECK(plan_status_board(h.canvas(h.screen()), h.style(), h.screen(), {}, {}, "").empty);
}

namespace {

// Whether drawing the plan's shown rows puts each shown project's words on screen whole (one
// line or wrapped: the words, spaces aside, in order).
bool words_drawn(const ViewHarness& h, Rect body, const BoardPlan& p) {
    auto squeeze = [](std::string t) {
        t.erase(std::remove(t.begin(), t.end(), ' '), t.end());
        return t;
    };
    for (int i = 0; i < p.shown; ++i) {
        const Row& r = p.rows[size_t(i)];
        if (r.p->status_text.empty()) continue;
        Canvas scratch = measuring_canvas(h.canvas(body));
        draw_row_content(scratch, h.style(), p.g, 0, r);
        std::string all;
        for (const auto& t : scratch.texts)
            if (!text_was_cut(t)) all += t.text;
        if (squeeze(all).find(squeeze(r.p->status_text)) == std::string::npos) return false;
    }
    return true;
}

// 11-jernbane_2's five projects, each with the longest words a bundled project has.
feeds::ProjectList longest_five() {
    feeds::ProjectList l;
    const char* names[] = {"Flaskehals nord for Køge station", "Lille Syd via Østbanen",
                           "Direkte tog fra Odsherred og Lolland", "Østbanen: sporrenovering",
                           "Super-lyntog: stop i Ringsted"};
    for (int i = 0; i < 5; ++i) {
        feeds::Project p;
        p.id = "p" + std::to_string(i);
        p.name = names[i];
        p.kind = feeds::ProjectKind::Rail;
        p.phase = i == 1 ? feeds::ProjectPhase::InOperation : feeds::ProjectPhase::Proposal;
        p.status_text = "Nødvendig renovering uden for regionens økonomiske rammer";
        const char* costs[] = {"skønnet 200–300 mio. kr. + 8 mio. kr. årligt", "",
                               "intet overslag over merudgifter",
                               "ca. 500 mio. kr.; statstilskud +ca. 23 mio. kr. pr. år", ""};
        p.cost_text = costs[i];
        p.places = {"Næstved", "Rønnede"};
        l.items.push_back(p);
    }
    return l;
}

constexpr ScreenSize kRenderSizes[] = {{800, 480}, {1280, 720}, {1920, 1080}, {1080, 1920}, {3840, 2160}};

}  // namespace

TEST_CASE("status board plan: every project's words on screen at the five render sizes, places not missed") {
    const SlideSet set = load_slide_set({});
    const feeds::ProjectList longest = longest_five();
    for (const ScreenSize sz : kRenderSizes) {
        ViewHarness h(sz.w, sz.h);
        const Rect body = slide_layout(sz.w, sz.h, h.sizes).body;
        const Canvas c = h.canvas(body);
        for (const auto& sl : set.slides) {
            if (!sl.valid || sl.slide->view != feeds::ViewType::StatusBoard) continue;
            const auto& data = std::get<feeds::ProjectList>(sl.dataset->body);
            const BoardPlan p = plan_status_board(c, h.style(), body, data, sl.slide->options, "");
            INFO(sz.w, "x", sz.h, " ", sl.slide->id);
            CHECK(p.shown == p.total);
            CHECK(p.left_out.empty());
            CHECK(words_drawn(h, body, p));
        }
        const BoardPlan p = plan_status_board(c, h.style(), body, longest, {}, "");
        INFO(sz.w, "x", sz.h, " the longest words");
        CHECK(p.shown == p.total);
        CHECK(p.left_out.empty());  // the places may give way, unreported
        CHECK(words_drawn(h, body, p));
    }
}
