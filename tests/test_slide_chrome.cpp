// The slide chrome (header, footer, no-data screen) at every supported screen size.
#include <doctest/doctest.h>

#include <string>

#include "app/slide_chrome.h"
#include "tests/view_harness.h"

namespace {

const std::string kLong =
    "Den fælles kommunale og regionale indsats for øget beskæftigelse blandt unge på Sjælland, "
    "Lolland-Falster og Møn – særligt for ledige i alderen 16-29 år med kort uddannelse – forventes "
    "at løbe til og med år 2025";

ChromeText realistic_text() {
    ChromeText t;
    t.title = "Ledigheden er den laveste siden 2008";
    t.caption = "Fuldtidsledige i procent af arbejdsstyrken";
    t.clock = clock_header_forms({2022, 5, 3, 10, 15, 0});
    t.source = "Kilde: KKR Sjælland, bilag til møde maj 2022, pkt. 2.7";
    t.as_of = "Data pr. december 2021";
    t.stale = "Seneste data hentet for 3 dage siden";
    t.position = "3 / 14";
    return t;
}

const PlacedText* find_text(const Canvas& c, const std::string& prefix) {
    for (const auto& t : c.texts)
        if (t.text.rfind(prefix, 0) == 0) return &t;
    return nullptr;
}

std::vector<std::string> without_cuts(const std::vector<std::string>& problems) {
    std::vector<std::string> out;
    for (const auto& p : problems)
        if (p.find("\" is cut short") == std::string::npos) out.push_back(p);
    return out;
}

}  // namespace

TEST_CASE("slide_layout: header, body, footer and progress stack without gaps or overlap") {
    for (const ScreenSize& sz : kScreenSizes) {
        const FontSizes fs = font_sizes_for(sz.w, sz.h);
        const SlideLayout l = slide_layout(sz.w, sz.h, fs);
        INFO(sz.w, "x", sz.h);
        CHECK(l.header.y0 >= 0);
        CHECK(l.header.h() >= fs.heading + fs.body);  // title + caption
        CHECK(l.body.y0 > l.header.y1);
        CHECK(l.footer.y0 > l.body.y1);
        CHECK(l.footer.h() >= fs.fine + fs.small);  // the source line and the status line
        CHECK(fs.fine <= fs.small);
        CHECK(l.progress.y0 >= l.footer.y1);
        CHECK(l.progress.y1 == doctest::Approx(float(sz.h)));
        CHECK(l.progress.h() >= 3);
        CHECK(l.body.h() >= float(sz.h) * 0.55f);  // the data gets most of the screen
        CHECK(l.body.x0 > 0);
        CHECK(l.body.x1 < float(sz.w));
    }
}

TEST_CASE("draw_chrome: no text problems at any size, with realistic, empty and overlong texts") {
    ChromeText longest;
    longest.title = longest.caption = longest.source = longest.as_of = longest.stale = longest.position =
        kLong;
    longest.clock = {kLong};
    ChromeText fresh = realistic_text();
    fresh.stale.clear();
    for (const ScreenSize& sz : kScreenSizes) {
        ViewHarness h(sz.w, sz.h);
        REQUIRE_MESSAGE(h.font_error.empty(), h.font_error);
        h.begin_frame();
        const SlideLayout l = slide_layout(sz.w, sz.h, h.sizes);
        for (const ChromeText& text : {realistic_text(), fresh, ChromeText{}, longest}) {
            Canvas c = h.canvas(h.screen());
            draw_chrome(c, h.style(), l, text);
            // Text longer than the screen may only be cut, never spill; real texts stay whole.
            const auto problems = text.title == kLong ? without_cuts(canvas_problems(c)) : canvas_problems(c);
            INFO(sz.w, "x", sz.h, " title ", text.title.substr(0, 20));
            CHECK_MESSAGE(problems.empty(), join_problems(problems));
            for (const auto& t : c.texts) {  // the chrome stays out of the body
                CHECK((t.box.y1 <= l.body.y0 + 0.5f || t.box.y0 >= l.body.y1 - 0.5f));
            }
        }
        h.end_frame();
    }
}

TEST_CASE("draw_chrome: the clock shares the title line in landscape and sits under it in portrait") {
    for (const ScreenSize& sz : {ScreenSize{1920, 1080}, ScreenSize{1080, 1920}}) {
        ViewHarness h(sz.w, sz.h);
        h.begin_frame();
        Canvas c = h.canvas(h.screen());
        const ChromeText text = realistic_text();
        draw_chrome(c, h.style(), slide_layout(sz.w, sz.h, h.sizes), text);
        const PlacedText* title = find_text(c, "Ledigheden");
        const PlacedText* clock = find_text(c, "tirsdag");
        REQUIRE(title);
        REQUIRE(clock);
        if (sz.w > sz.h) {
            CHECK(clock->box.x0 > title->box.x1);
            CHECK(clock->box.y0 < title->box.y1);
        } else {
            CHECK(clock->box.y0 >= title->box.y1);
        }
        CHECK(find_text(c, "Data pr. december 2021"));
        CHECK(find_text(c, "Seneste data hentet"));
        CHECK(find_text(c, "3 / 14"));
        h.end_frame();
    }
}

TEST_CASE("first_that_fits: the first form no wider than the room, else the last") {
    ViewHarness h(1920, 1080);
    const ImFont* f = h.fonts.small;
    const ClockForms forms = clock_header_forms({2027, 9, 30, 23, 59, 0});
    for (std::size_t i = 0; i < forms.size(); ++i) {
        const float w = text_size(f, forms[i]).x;
        CHECK(first_that_fits(f, forms, w) == forms[i]);
        CHECK(first_that_fits(f, forms, w - 1) == forms[std::min(i + 1, forms.size() - 1)]);
    }
    CHECK(first_that_fits(f, forms, 1e6f) == forms.front());
    CHECK(first_that_fits(f, forms, 1) == "kl. 23.59");  // too narrow for any: the last, cut where drawn
    CHECK(first_that_fits(f, {}, 100).empty());
}

// The clock's text on the header at a size and date.
static std::string header_clock(int w, int h_px, const CivilTime& now) {
    ViewHarness h(w, h_px);
    h.begin_frame();
    Canvas c = h.canvas(h.screen());
    ChromeText text = realistic_text();
    text.clock = clock_header_forms(now);
    draw_chrome(c, h.style(), slide_layout(w, h_px, h.sizes), text);
    h.end_frame();
    for (const auto& form : text.clock)
        if (find_text(c, form)) return form;
    return "";
}

TEST_CASE("draw_chrome: the clock is whole with its time, in the longest form its room holds") {
    const CivilTime longest{2027, 9, 30, 23, 59, 0}, today{2026, 12, 6, 19, 2, 0},
        shortest{2022, 5, 3, 10, 15, 0};
    // Portrait: a line of its own, the long form.
    CHECK(header_clock(1080, 1920, longest) == "torsdag 30. september 2027, kl. 23.59");
    // Landscape: a 0.35 share of the title line.
    CHECK(header_clock(1920, 1080, shortest) == "tirsdag 3. maj 2022, kl. 10.15");
    CHECK(header_clock(1920, 1080, today) == "søndag 6. december, kl. 19.02");
    CHECK(header_clock(1920, 1080, longest) == "torsdag 30. september, kl. 23.59");
    CHECK(header_clock(800, 480, today) == "søndag 6. december, kl. 19.02");
    CHECK(header_clock(800, 480, longest) == "tors. 30. sep., kl. 23.59");
    CHECK(header_clock(480, 272, longest) == "tors. 30. sep., kl. 23.59");
}

TEST_CASE("no English on screen: the no-data page says it in Danish, the reason stays in the log") {
    for (const ScreenSize& sz : kScreenSizes) {
        ViewHarness h(sz.w, sz.h);
        h.begin_frame();
        Canvas c = h.canvas(h.screen());
        draw_no_data(c, h.style(), sz.w, sz.h, clock_header_forms({2022, 5, 3, 10, 15, 0}));
        const auto problems = canvas_problems(c);
        INFO(sz.w, "x", sz.h);
        CHECK_MESSAGE(problems.empty(), join_problems(problems));
        CHECK(find_text(c, "Skærmen viser"));
        CHECK(find_text(c, "Ingen af"));
        for (const auto& t : c.texts) {
            CHECK(t.text.find("slide \"") == std::string::npos);
            CHECK(t.text.find("has no valid data") == std::string::npos);
        }
        h.end_frame();
    }
}

TEST_CASE("the source line has a floor of its own: capitals of at least 10 px where the screen allows") {
    for (const ScreenSize& sz : kScreenSizes) {
        ViewHarness h(sz.w, sz.h);
        const FontSizes fs = font_sizes_for(sz.w, sz.h);
        INFO(sz.w, "x", sz.h);
        // The floor gives way only to the small size itself (it never outgrows the captions).
        if (fs.fine < fs.small) CHECK(cap_height(h.fonts.fine) >= 10.0f);
    }
    const FontSizes at800 = font_sizes_for(800, 480);
    CHECK(at800.fine == 19.0f);  // was 13 px type, 8 px capitals
}
