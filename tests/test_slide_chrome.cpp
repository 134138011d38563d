// The slide chrome (header, footer, no-data screen) at every supported screen size, and its plan.
#include <doctest/doctest.h>

#include <string>

#include "app/slide_chrome.h"
#include "feeds/limits.h"
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

const std::vector<ScreenSize> kPlanSizes = {
    {800, 480}, {1280, 720}, {1920, 1080}, {1080, 1920}, {3840, 2160}};

// FORMAT.md: about 36 characters keep the heading beside the clock; up to about 45 stay whole on
// one line, stepping down to the bold body size in landscape.
const std::string kLongestTitle = "Flere i job i alle kommuner i Region Sjælland";

// The realistic texts with the longest clock, a date of the figures and a two-digit position.
ChromeText realistic() {
    ChromeText t = realistic_text();
    t.clock = clock_header_forms({2027, 9, 30, 23, 59, 0});
    t.as_of = "Data pr. 18. februar 2021";
    t.position = "13 / 14";
    return t;
}

// The longest source line a feed can write: a string of the most bytes a feed may hold.
ChromeText longest() {
    ChromeText t = realistic();
    t.title = kLongestTitle;
    std::string source = "Kilde:";
    while (source.size() + 12 <= feeds::Limits{}.max_string_bytes) source += " Sjælland ";
    t.source = source;
    return t;
}

std::vector<const ChromeLine*> lines_of(const ChromePlan& p, ChromeLine::Role role) {
    std::vector<const ChromeLine*> out;
    for (const auto* lines : {&p.header, &p.footer})
        for (const ChromeLine& l : *lines)
            if (l.role == role) out.push_back(&l);
    return out;
}

bool inside(const Rect& r, const Rect& in, float slack = 0.5f) {
    return r.x0 >= in.x0 - slack && r.x1 <= in.x1 + slack && r.y0 >= in.y0 - slack && r.y1 <= in.y1 + slack;
}

bool overlap(const Rect& a, const Rect& b) {
    return a.x0 < b.x1 - 0.5f && b.x0 < a.x1 - 0.5f && a.y0 < b.y1 - 0.5f && b.y0 < a.y1 - 0.5f;
}

// The text a line shows: its own when whole or when it fits its box, else cut.
bool shown_whole(const ChromeLine& l) {
    return l.whole || text_size(l.font, l.text).x <= l.box.w() + 0.5f;
}

// The plan of `text` on the harness's screen.
ChromePlan plan_at(const ViewHarness& h, const ChromeText& text) {
    return plan_chrome(h.style(), h.screen(), slide_layout(h.w, h.h, h.sizes), text);
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

// The chrome's plan (app/slide_chrome_plan.h), without drawing: where the title, subtitle,
// clock, source, "Data pr.", stale warning and position go, from 800x480 to 3840x2160, with the
// realistic texts and with the longest the format allows (feeds/FORMAT.md).

TEST_CASE("plan_chrome: every line in its band, none overlapping, at every size") {
    for (const ScreenSize& sz : kPlanSizes) {
        ViewHarness h(sz.w, sz.h);
        REQUIRE_MESSAGE(h.font_error.empty(), h.font_error);
        const SlideLayout l = slide_layout(sz.w, sz.h, h.sizes);
        for (const ChromeText& text : {realistic(), longest()}) {
            const ChromePlan p = plan_at(h, text);
            INFO(sz.w, "x", sz.h, " title ", text.title);
            CHECK(p.portrait == (sz.h > sz.w));
            for (const ChromeLine& line : p.header) CHECK(inside(line.box, l.header));
            for (const ChromeLine& line : p.footer) CHECK(inside(line.box, l.footer));
            CHECK(p.header_rule.y0 >= l.header.y1);
            CHECK(p.header_rule.y1 <= l.body.y0);
            CHECK(p.footer_rule.y0 >= l.body.y1);
            CHECK(p.footer_rule.y1 <= l.footer.y0);
            std::vector<const ChromeLine*> all;
            for (const auto& x : p.header) all.push_back(&x);
            for (const auto& x : p.footer) all.push_back(&x);
            for (std::size_t i = 0; i < all.size(); ++i)
                for (std::size_t j = i + 1; j < all.size(); ++j) {
                    INFO(all[i]->text.substr(0, 30), " / ", all[j]->text.substr(0, 30));
                    CHECK_FALSE(overlap(all[i]->box, all[j]->box));
                }
        }
    }
}

TEST_CASE(
    "plan_chrome: the longest title is whole, on one line in landscape and in the heading in portrait") {
    for (const ScreenSize& sz : kPlanSizes) {
        ViewHarness h(sz.w, sz.h);
        const ChromePlan p = plan_at(h, longest());
        INFO(sz.w, "x", sz.h);
        const auto title = lines_of(p, ChromeLine::Title);
        REQUIRE_FALSE(title.empty());
        std::string joined;
        for (const ChromeLine* t : title) {
            // Beside the clock a 45-character title may step down to the bold body font: never cut.
            CHECK((t->font == h.fonts.heading || (!p.portrait && t->font == h.fonts.body_bold)));
            CHECK(shown_whole(*t));
            joined += (joined.empty() ? "" : " ") + t->text;
        }
        CHECK(joined == kLongestTitle);
        if (!p.portrait) CHECK(title.size() == 1);
        // The subtitle keeps its own line under the title.
        const auto caption = lines_of(p, ChromeLine::Caption);
        REQUIRE(caption.size() == 1);
        CHECK(caption[0]->box.y0 >= title.back()->box.y1);
        CHECK(caption[0]->text == realistic().caption);
        // A title of the usual length keeps the heading beside the longest clock.
        const ChromePlan usual = plan_at(h, realistic());
        for (const ChromeLine* t : lines_of(usual, ChromeLine::Title)) CHECK(t->font == h.fonts.heading);
    }
}

TEST_CASE(
    "plan_chrome: the clock, whole, at the title line's right in landscape and under the caption in "
    "portrait") {
    for (const ScreenSize& sz : kPlanSizes) {
        ViewHarness h(sz.w, sz.h);
        const SlideLayout l = slide_layout(sz.w, sz.h, h.sizes);
        const ChromePlan p = plan_at(h, longest());
        INFO(sz.w, "x", sz.h);
        const auto clock = lines_of(p, ChromeLine::Clock);
        REQUIRE(clock.size() == 1);
        CHECK(shown_whole(*clock[0]));
        CHECK(clock[0]->text.find("kl. 23.59") != std::string::npos);
        const ChromeLine* title = lines_of(p, ChromeLine::Title).front();
        if (p.portrait) {
            CHECK(clock[0]->text == "torsdag 30. september 2027, kl. 23.59");  // a line of its own
            CHECK(clock[0]->box.y0 >= lines_of(p, ChromeLine::Caption).back()->box.y1);
        } else {
            CHECK(clock[0]->align == Align::Right);
            CHECK(clock[0]->box.x1 == doctest::Approx(l.header.x1));
            CHECK(clock[0]->box.y0 == doctest::Approx(title->box.y0));
            CHECK(clock[0]->box.x0 > title->box.x1);
            CHECK(clock[0]->box.w() <= l.header.w() * 0.35f + 0.5f);
        }
    }
}

TEST_CASE("plan_chrome: a long source is cut, the date of the figures and the position stay whole") {
    for (const ScreenSize& sz : kPlanSizes) {
        ViewHarness h(sz.w, sz.h);
        const SlideLayout l = slide_layout(sz.w, sz.h, h.sizes);
        INFO(sz.w, "x", sz.h);
        for (const ChromeText& text : {realistic(), longest()}) {
            const ChromePlan p = plan_at(h, text);
            const auto source = lines_of(p, ChromeLine::Source), as_of = lines_of(p, ChromeLine::AsOf);
            REQUIRE(source.size() == 1);
            REQUIRE(as_of.size() == 1);
            CHECK(source[0]->font == h.fonts.fine);
            CHECK(shown_whole(*source[0]) == (text.source == realistic().source));
            CHECK(shown_whole(*as_of[0]));
            CHECK(as_of[0]->box.x1 == doctest::Approx(l.footer.x1));
            CHECK(source[0]->box.x1 < as_of[0]->box.x0);
            CHECK(source[0]->box.y0 == doctest::Approx(l.footer.y0));  // the footer's first line
            const auto position = lines_of(p, ChromeLine::Position);
            REQUIRE(position.size() == 1);
            CHECK(position[0]->text == "13 / 14");
            CHECK(shown_whole(*position[0]));
            CHECK(position[0]->box.x1 == doctest::Approx(l.footer.x1));
            CHECK(position[0]->box.y0 >= source[0]->box.y1);
        }
    }
}

TEST_CASE("plan_chrome: stale data is said with an icon, whole, left of the position") {
    for (const ScreenSize& sz : kPlanSizes) {
        ViewHarness h(sz.w, sz.h);
        const SlideLayout l = slide_layout(sz.w, sz.h, h.sizes);
        INFO(sz.w, "x", sz.h);
        const ChromePlan p = plan_at(h, realistic());
        const auto stale = lines_of(p, ChromeLine::Stale);
        REQUIRE_FALSE(stale.empty());
        CHECK(stale.size() <= (p.portrait ? 2u : 1u));
        std::string joined;
        for (const ChromeLine* s : stale) {
            CHECK(shown_whole(*s));
            joined += (joined.empty() ? "" : " ") + s->text;
        }
        CHECK(joined == realistic().stale);
        CHECK(p.warning_r > 0);
        CHECK(p.warning_at.x + p.warning_r * 1.1f <= stale[0]->box.x0);
        CHECK(p.warning_at.x - p.warning_r * 1.1f >= l.footer.x0 - 0.5f);
        CHECK(stale[0]->box.x1 < lines_of(p, ChromeLine::Position)[0]->box.x0);

        ChromeText fresh = realistic();
        fresh.stale.clear();
        const ChromePlan f = plan_at(h, fresh);
        CHECK(f.warning_r == 0);
        CHECK(lines_of(f, ChromeLine::Stale).empty());
    }
}

TEST_CASE("draw_chrome draws its plan: the same texts, in the same order") {
    for (const ScreenSize& sz : kPlanSizes) {
        ViewHarness h(sz.w, sz.h);
        h.begin_frame();
        const SlideLayout l = slide_layout(sz.w, sz.h, h.sizes);
        for (const ChromeText& text : {realistic(), longest(), ChromeText{}}) {
            Canvas c = h.canvas(h.screen());
            draw_chrome(c, h.style(), l, text);
            const ChromePlan p = plan_at(h, text);
            std::vector<const ChromeLine*> planned;
            for (const auto* lines : {&p.header, &p.footer})
                for (const ChromeLine& x : *lines)
                    if (!x.text.empty()) planned.push_back(&x);
            INFO(sz.w, "x", sz.h, " title ", text.title);
            REQUIRE(c.texts.size() == planned.size());
            for (std::size_t i = 0; i < planned.size(); ++i) {
                CHECK(inside(c.texts[i].box, planned[i]->box, 1.0f));  // drawn at whole pixels
                if (shown_whole(*planned[i])) CHECK(c.texts[i].text == planned[i]->text);
            }
        }
        h.end_frame();
    }
}
