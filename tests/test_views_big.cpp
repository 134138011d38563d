// The largest lists a valid feed can ask for (tests/big_feed.h: 999 items, every name 200
// characters) draw on every view within the screen, say how many they show, and plan a number
// of items bounded by what the screen holds, not by the list: counted, not timed.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "app/kiosk/slide_set.h"
#include "app/map/geometry.h"
#include "app/map/layer.h"
#include "app/slide_chrome.h"
#include "app/view.h"
#include "tests/big_feed.h"
#include "tests/temp_dir.h"
#include "tests/view_harness.h"

namespace {

// Items planned per slide: a few hundred at most (the rows that fit, times the few candidate
// layouts a view tries). Before planning was bounded the project map planned about 15 million
// legend entries for 999 projects, and progress half a million rows.
constexpr long kMaxSteps = 3000;

struct BigSlides {
    TempDir dir{"big"};
    SlideSet set;
    BigSlides() {
        for (const auto& [id, feed] : big_feeds_json({})) dir.write(id + ".json", feed.dump());
        set = load_slide_set({dir.write("manifest.json", big_manifest_json().dump())});
    }
};

bool says_how_many(const Canvas& c) {
    for (const auto& t : c.texts)
        if (t.text.rfind("Viser ", 0) == 0 && t.text.find(" af 999") != std::string::npos) return true;
    return false;
}

}  // namespace

TEST_CASE("999 items named in 200 characters: every view draws inside the screen in bounded work") {
    const BigSlides big;
    REQUIRE(big.set.slides.size() == 14);
    for (const auto& s : big.set.slides) REQUIRE_MESSAGE(s.valid, s.why_invalid);
    const MapGeometryResult geo = load_map_geometry();
    REQUIRE_MESSAGE(geo.geometry, geo.error);
    MapSupport support;
    support.geometry = &*geo.geometry;
    for (const ScreenSize sz : {ScreenSize{800, 480}, ScreenSize{1920, 1080}, ScreenSize{1080, 1920}}) {
        ViewHarness h(sz.w, sz.h);
        REQUIRE_MESSAGE(h.font_error.empty(), h.font_error);
        const SlideLayout layout = slide_layout(sz.w, sz.h, h.sizes);
        for (const ScreenSlide& slide : big.set.slides) {
            h.begin_frame();
            Canvas c = h.canvas(h.screen());
            draw_chrome(c, h.style(), layout, slide.parts);
            const long chrome_steps = c.layout_steps;
            draw_view(c, h.style(), layout.body, {*slide.dataset, *slide.slide, "", {2022, 5, 3}, &support});
            h.end_frame();
            INFO(slide.slide->id, " at ", sz.w, "x", sz.h);
            const std::string id = slide.slide->id;
            // Nothing leaves the screen or overlaps; a 200-character name may be shortened
            // (said as a problem) where a view gives a label two or three lines, but the views
            // that list whole rows show them whole.
            const bool whole = id == "status" || id == "goals" || id == "grouped_ser" ||
                               id == "grouped_tab" || id == "project_map";
            for (const auto& p : canvas_problems(c))
                if (whole || p.find("is cut short") == std::string::npos) FAIL_CHECK(p);
            CHECK(c.layout_steps - chrome_steps <= kMaxSteps);
            CHECK(c.texts.size() < 500);
            if (id == "progress" || id == "bar_ind" || id == "bar_ser" || id == "status" ||
                id == "project_map")
                CHECK(says_how_many(c));
        }
    }
}
