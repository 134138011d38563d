// Every text that depends on the date or on what happens, at its longest, on every bundled
// slide: the header's clock on the widest day of every month and on a leap day, the stale-data
// footer at its longest age, the slide counter at "26 / 26" and "126 / 126", and "I dag" moving
// along the timeline. Laid out without pixels (the ImGui draw lists of a ViewHarness), as the
// kiosk composes them (compose_slide), so a year of dates costs little.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "app/age_text.h"
#include "app/danish_format.h"
#include "app/kiosk/slide_set.h"
#include "app/map/geometry.h"
#include "app/map/layer.h"
#include "app/slide_draw.h"
#include "tests/render_date.h"
#include "tests/view_harness.h"

namespace {

constexpr ScreenSize kSizes[] = {{800, 480}, {1280, 720}, {1920, 1080}, {1080, 1920}};

float width_of(const ImFont* font, const std::string& text) {
    return text_size(font, text).x;
}

// The widest header of a two-digit day at 23.59 in `month`, in `font`.
CivilTime widest_day(const ImFont* font, int year, int month) {
    CivilTime best{year, month, 10, 23, 59, 0};
    for (int day = 10; day <= 31; ++day) {
        const CivilTime t{year, month, day, 23, 59, 0};
        if (iso_weekday(year, month, day) == 0) break;
        if (width_of(font, clock_header_forms(t).front()) > width_of(font, clock_header_forms(best).front()))
            best = t;
    }
    return best;
}

// The widest day of every month from June 2022 to May 2023 (the bundled timeline's plan runs
// from May 2022 to summer 2023, so "I dag" moves along it), a leap day, and kRenderNow.
std::vector<CivilTime> dates_to_try(const ImFont* font) {
    std::vector<CivilTime> out;
    for (int i = 0; i < 12; ++i) out.push_back(widest_day(font, 2022 + (5 + i) / 12, (5 + i) % 12 + 1));
    out.push_back({2028, 2, 29, 23, 59, 0});
    out.push_back(kRenderNow);
    return out;
}

// The widest stale-data footer: the last age of every unit age_text.h names.
std::string widest_stale(const ImFont* font) {
    constexpr std::int64_t kMin = 60, kHour = 60 * kMin, kDay = 24 * kHour;
    std::string best;
    for (const std::int64_t age :
         {kMin - 1, kHour - 1, kDay - 1, 14 * kDay - 1, 60 * kDay - 1, 365 * kDay - 1, 99 * 365 * kDay})
        if (width_of(font, stale_text(age)) > width_of(font, best)) best = stale_text(age);
    return best;
}

bool drew(const Canvas& c, const std::string& text) {
    for (const auto& t : c.texts)
        if (t.text == text) return true;
    return false;
}

// "I dag", or "· I dag" after a step's date (the stacked timeline).
bool marks_today(const Canvas& c) {
    for (const auto& t : c.texts)
        if (t.text.find("I dag") != std::string::npos) return true;
    return false;
}

}  // namespace

TEST_CASE("the widest day of each month, the longest age and the widest counter: whole at every size") {
    const SlideSet set = load_slide_set({});
    REQUIRE(count_valid(set) == int(set.slides.size()));
    const MapGeometryResult geo = load_map_geometry();
    REQUIRE_MESSAGE(geo.geometry, geo.error);
    MapSupport maps;
    maps.geometry = &*geo.geometry;
    const int count = int(set.slides.size());
    for (const ScreenSize sz : kSizes) {
        ViewHarness h(sz.w, sz.h);
        REQUIRE_MESSAGE(h.font_error.empty(), h.font_error);
        const SlideLayout layout = slide_layout(sz.w, sz.h, h.sizes);
        const std::string widest = widest_stale(h.fonts.small);
        const std::vector<CivilTime> dates = dates_to_try(h.fonts.small);
        int today_marks = 0;
        for (std::size_t d = 0; d < dates.size(); ++d) {
            const CivilTime& now = dates[d];
            const ClockForms clock = clock_header_forms(now);
            const SlideContext ctx{clock, "", {now.year, now.month, now.day}};
            h.begin_frame();
            for (int i = 0; i < count; ++i) {
                ScreenSlide slide = set.slides[std::size_t(i)];
                // The widest age and counter on every other date; the oldest age said in months and
                // the set's own last counter on the rest.
                slide.parts.stale = d % 2 ? widest : stale_text(364 * 24 * 3600);
                const std::string position = d % 2 ? position_text(126, 126) : position_text(count, count);
                slide.parts.position = position;
                Canvas c = h.canvas(h.screen());
                compose_slide(c, h.style(), layout, slide, ctx, &maps);
                const auto problems = canvas_problems(c);
                INFO(sz.w, "x", sz.h, " ", slide.slide->id, " on ", clock.front());
                CHECK_MESSAGE(problems.empty(), join_problems(problems));
                bool clock_whole = false;  // one of its forms, so the time is there
                for (const auto& form : clock) clock_whole = clock_whole || drew(c, form);
                CHECK(clock_whole);
                CHECK(drew(c, position));
                today_marks += marks_today(c);
            }
            h.end_frame();
        }
        // The timeline marks today on every date inside its plan (all but the last two).
        CHECK(today_marks == int(dates.size()) - 2);
    }
}
