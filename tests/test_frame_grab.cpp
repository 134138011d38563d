// app/kiosk/frame_grab.h: the picture on screen for the status record, headless on a fake
// clock. Its hash changes when the slide changes and not while the progress bar grows.
#include <doctest/doctest.h>

#include <cstdlib>

#include "app/kiosk/frame_grab.h"
#include "platform/headless.h"
#include "tests/render_date.h"

namespace {

FontFiles test_fonts() {
    const char* dir = std::getenv("INFOTAVLE_FONT_DIR");
    return find_font_files(dir ? dir : "");
}

}  // namespace

TEST_CASE("frame hash: changes when the slide changes, not while it stands") {
    const SlideSet set = load_slide_set({});
    REQUIRE(count_valid(set) > 2);
    const int w = 960, h = 540;
    Headless hl;
    REQUIRE_FALSE(open_headless(w, h, hl));
    KioskScreen k;
    open_kiosk_screen(hl.renderer, test_fonts(), true, "", k);
    set_kiosk_slides(k, set);
    k.keep_shown_texture = true;  // as the kiosk sets it when an outlet wants the picture
    auto frame = [&](std::int64_t t) {
        return kiosk_frame(k, set, 1, {t, render_clock(), kRenderToday, w, h, 0, nullptr});
    };
    CHECK(shown_picture_key(k).empty());  // nothing composed yet
    REQUIRE(frame(0).composed);
    const std::string key0 = shown_picture_key(k);
    const FrameGrab g0 = grab_shown_slide(k, nullptr);
    CHECK(g0.width == kGrabMaxWidth);
    CHECK(g0.height == 360);
    const std::string hash0 = grab_hash(g0);
    CHECK(hash0.size() == 16);

    // Later in the same slot: the progress bar has grown, the picture of the slide has not.
    const FrameResult later = frame(6000);
    CHECK(later.composed);
    CHECK(shown_picture_key(k) == key0);
    CHECK(grab_hash(grab_shown_slide(k, nullptr)) == hash0);

    // The next slide (after the 12 s slot and its transition).
    std::int64_t t = 6000;
    while (shown_picture_key(k) == key0 && t < 40000) t += std::max<std::int64_t>(frame(t).wait_ms, 16);
    REQUIRE(shown_picture_key(k) != key0);
    const std::string hash1 = grab_hash(grab_shown_slide(k, nullptr));
    CHECK(hash1 != hash0);
    CHECK(grab_hash(grab_shown_slide(k, nullptr)) == hash1);  // read twice: the same
    close_kiosk_screen(k);
    close_headless(hl);
}
