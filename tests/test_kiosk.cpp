// The kiosk's frame function and its log: a turned screen shows the upright slide turned, a
// failing texture still gives a picture, and a persisting problem is logged once. Headless
// (software renderer into memory) and on a fake clock: nothing here sleeps.
#include <doctest/doctest.h>

#include <algorithm>

#include <SDL.h>

#include <cstdlib>
#include <sstream>

#include <imgui/imgui_internal.h>

#include "app/danish_format.h"
#include "app/fonts.h"
#include "app/kiosk/frame.h"
#include "app/kiosk/log.h"
#include "platform/headless.h"
#include "platform/imgui_sdl.h"
#include "platform/sdl_video.h"
#include "tests/render_date.h"

namespace {

FontFiles fonts_for_test() {
    const char* dir = std::getenv("INFOTAVLE_FONT_DIR");
    return find_font_files(dir ? dir : "");
}

FrameInput input_at(std::int64_t now_ms, int w, int h, int rotate) {
    return {now_ms, render_clock(), kRenderToday, w, h, rotate, nullptr};
}

// A kiosk drawing a w x h logical screen turned by `rotate` into memory.
struct TestKiosk {
    Headless hl;
    KioskScreen k;
    int w = 0, h = 0, rotate = 0;

    TestKiosk(const SlideSet& set, int width, int height, int degrees)
        : w(width), h(height), rotate(degrees) {
        const bool swap = rotate == 90 || rotate == 270;
        REQUIRE_FALSE(open_headless(swap ? h : w, swap ? w : h, hl));
        open_kiosk_screen(hl.renderer, fonts_for_test(), true, "", k);
        set_kiosk_slides(k, set);
    }
    ~TestKiosk() {
        close_kiosk_screen(k);
        close_headless(hl);
    }
    TestKiosk(const TestKiosk&) = delete;
    TestKiosk& operator=(const TestKiosk&) = delete;

    FrameResult frame(const SlideSet& set, std::int64_t now_ms) {
        return kiosk_frame(k, set, 1, input_at(now_ms, w, h, rotate));
    }
    std::vector<unsigned char> pixels() { return read_rgba(hl.renderer, hl.width, hl.height); }
};

// Whether pixel (x, y) of `a` has a near colour in the 3x3 neighbourhood of (qx, qy) in `b`:
// a turned edge may fall a pixel over, but a stroke must not go missing.
bool near_match(const std::vector<unsigned char>& a, int aw, int x, int y,
                const std::vector<unsigned char>& b, int bw, int bh, int qx, int qy) {
    const unsigned char* p = &a[(std::size_t(y) * std::size_t(aw) + std::size_t(x)) * 4];
    for (int dy = -1; dy <= 1; ++dy)
        for (int dx = -1; dx <= 1; ++dx) {
            const int bx = qx + dx, by = qy + dy;
            if (bx < 0 || by < 0 || bx >= bw || by >= bh) continue;
            const unsigned char* q = &b[(std::size_t(by) * std::size_t(bw) + std::size_t(bx)) * 4];
            if (std::abs(p[0] - q[0]) <= 40 && std::abs(p[1] - q[1]) <= 40 && std::abs(p[2] - q[2]) <= 40)
                return true;
        }
    return false;
}

bool has_line_with(const std::vector<feeds::Note>& notes, const std::string& topic, const std::string& part) {
    for (const auto& n : notes)
        for (const auto& l : n.lines)
            if (n.topic == topic && l.find(part) != std::string::npos) return true;
    return false;
}

SDL_Texture* no_texture(SDL_Renderer*, int, int) {
    SDL_SetError("out of memory (test)");
    return nullptr;
}

// Without textures a slot ends in a cut: no transition just before it, no frame-rate wake-ups,
// and at the cut the next slide is drawn, straight to the screen. The frame before the cut.
FrameResult check_cut(TestKiosk& t, const SlideSet& set, std::int64_t before_cut) {
    const FrameResult before = t.frame(set, before_cut);
    CHECK_FALSE(before.in_transition);
    CHECK(before.wait_ms >= 50);
    const FrameResult cut = t.frame(set, t.k.timings[0].duration_ms);
    CHECK(cut.composed);
    CHECK(cut.direct);
    CHECK(t.k.shown_current == 1);
    return before;
}

}  // namespace

TEST_CASE("kiosk log: a topic's lines are logged when they appear or change, not when they repeat") {
    KioskLog l;
    CHECK(news_for(l, "slide a", {}).empty());
    CHECK(l.said.empty());
    CHECK(news_for(l, "slide a", {"text overflows"}) == std::vector<std::string>{"text overflows"});
    CHECK(news_for(l, "slide a", {"text overflows"}).empty());
    CHECK(news_for(l, "slide b", {"text overflows"}).size() == 1);  // topics are separate
    CHECK(news_for(l, "slide a", {"text overflows", "too narrow"}).size() == 2);
    CHECK(news_for(l, "slide a", {}).empty());                      // fine again: nothing to say...
    CHECK(news_for(l, "slide a", {"text overflows"}).size() == 1);  // ...so a return is news

    std::ostringstream out;
    for (int i = 0; i < 100; ++i) log_news(l, out, "data", {"feed.json: $.version: expected \"1.0\""});
    CHECK(out.str() == "infotavle: feed.json: $.version: expected \"1.0\"\n");
}

TEST_CASE("kiosk log: a list topic logs only its new lines, however long the list") {
    KioskLog l;
    std::ostringstream out;
    std::vector<std::string> problems;
    for (int i = 0; i < 1000; ++i) problems.push_back("slide " + std::to_string(i) + ": no data");
    log_added(l, out, "data", problems);
    const std::string all = out.str();
    CHECK(std::count(all.begin(), all.end(), '\n') == 1000);
    out.str("");
    problems.erase(problems.begin() + 10);  // one feed arrived: nothing new to say
    log_added(l, out, "data", problems);
    CHECK(out.str().empty());
    problems.push_back("slide 7: text overflows");
    log_added(l, out, "data", problems);
    CHECK(out.str() == "infotavle: slide 7: text overflows\n");
}

TEST_CASE("kiosk log: a slide's cut text is logged once while it stays, though its clock changes") {
    CHECK(numbers_aside("text \"søndag 6. december 2026, kl. 19…\" is cut short") ==
          "text \"søndag #. december #, kl. #…\" is cut short");
    KioskLog l;
    std::ostringstream out;
    auto cut = [](int hour, int minute) {
        return "text \"søndag 6. december 2026, kl. " + std::to_string(hour) + "." + std::to_string(minute) +
               "…\" is cut short";
    };
    // Every minute's draw of the slide (and of another one) says the same problem.
    for (int minute = 10; minute < 60; ++minute) {
        log_added_numbers_aside(l, out, "slide a", {cut(19, minute)});
        log_added_numbers_aside(l, out, "slide b", {});
    }
    CHECK(out.str() == "infotavle: " + cut(19, 10) + "\n");
    out.str("");
    // Another problem on the slide is news; the one that stays is not said again.
    log_added_numbers_aside(l, out, "slide a", {cut(20, 0), "text \"Ledighed\" overlaps \"Køge\""});
    CHECK(out.str() == "infotavle: text \"Ledighed\" overlaps \"Køge\"\n");
    out.str("");
    // Fine again, then cut again: said again.
    log_added_numbers_aside(l, out, "slide a", {});
    log_added_numbers_aside(l, out, "slide a", {cut(20, 30)});
    CHECK(out.str() == "infotavle: " + cut(20, 30) + "\n");
}

TEST_CASE("turning ImGui's vertices agrees with rotate_rect") {
    const int w = 40, h = 30;
    const SDL_Rect r{3, 5, 10, 7};
    for (int deg : {0, 90, 180, 270}) {
        CAPTURE(deg);
        const ImVec4 t = turn_rect({float(r.x), float(r.y), float(r.x + r.w), float(r.y + r.h)}, deg, w, h);
        const SDL_Rect e = rotate_rect(r, deg, w, h);
        CHECK(t.x == float(e.x));
        CHECK(t.y == float(e.y));
        CHECK(t.z == float(e.x + e.w));
        CHECK(t.w == float(e.y + e.h));
    }
    // The corners of the frame go to the corners of the turned output.
    CHECK(turn_point({0, 0}, 90, w, h).x == float(h));
    CHECK(turn_point({0, 0}, 90, w, h).y == 0);
    CHECK(turn_point({float(w), float(h)}, 270, w, h).x == float(h));
    CHECK(turn_point({float(w), float(h)}, 270, w, h).y == 0);
}

TEST_CASE("a turned screen shows the upright slide, turned") {
    const FontFiles fonts = fonts_for_test();
    REQUIRE_MESSAGE(fonts.error.empty(), fonts.error);
    const SlideSet set = load_slide_set({});
    REQUIRE(count_valid(set) > 0);
    const int w = 800, h = 480;
    TestKiosk upright(set, w, h, 0);
    REQUIRE(upright.frame(set, 0).composed);
    const auto want = upright.pixels();
    REQUIRE_FALSE(want.empty());

    for (int n = 0; n < 6; ++n) {  // drawn straight onto the output, and copied from a texture
        const int deg = 90 * (1 + n % 3);
        const bool keep = n >= 3;
        CAPTURE(deg);
        CAPTURE(keep);
        TestKiosk turned(set, w, h, deg);
        turned.k.keep_shown_texture = keep;
        const FrameResult f = turned.frame(set, 0);
        REQUIRE(f.composed);
        CHECK(f.direct == !keep);
        const auto got = turned.pixels();
        REQUIRE(got.size() == want.size());
        // A glyph is copied from the turned atlas texel for texel (imgui_sdl.cpp turned_uv):
        // the turned picture is the upright one, turned. (Before, turned UVs fell an ulp short of
        // their texel edges and SDL stretched some glyphs by a row: 183 pixels at 90 and 270.)
        std::size_t differing = 0;
        for (int y = 0; y < h; ++y)
            for (int x = 0; x < w; ++x) {
                const SDL_Rect p = rotate_rect({x, y, 1, 1}, deg, w, h);
                differing += !near_match(want, w, x, y, got, turned.hl.width, turned.hl.height, p.x, p.y);
            }
        CHECK(differing == 0);
    }
}

TEST_CASE("the fast software loop draws what ImGui's own SDL_Renderer backend draws") {
    // GPU renderers draw with imgui_impl_sdlrenderer; the software renderer with our loop,
    // which skips blending for opaque shapes. Both must give the same picture.
    const FontFiles fonts = fonts_for_test();
    REQUIRE_MESSAGE(fonts.error.empty(), fonts.error);
    const SlideSet set = load_slide_set({});
    REQUIRE(count_valid(set) > 0);
    const int w = 800, h = 480;
    TestKiosk fast(set, w, h, 0);
    CHECK_FALSE(fast.k.screen.imgui.stock_backend);  // a software renderer picks the fast loop
    REQUIRE(fast.frame(set, 0).composed);
    const auto want = fast.pixels();

    TestKiosk stock(set, w, h, 0);
    stock.k.screen.imgui.stock_backend = true;
    REQUIRE(stock.frame(set, 0).composed);
    const auto got = stock.pixels();
    REQUIRE(got.size() == want.size());
    std::size_t differing = 0;
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) differing += !near_match(want, w, x, y, got, w, h, x, y);
    CHECK(differing * 10000 < std::size_t(w) * std::size_t(h) * 12);  // under 0.12 %
}

TEST_CASE(
    "without textures the slide is drawn straight to the screen, and the failure is noted, not spun on") {
    const FontFiles fonts = fonts_for_test();
    REQUIRE_MESSAGE(fonts.error.empty(), fonts.error);
    const SlideSet set = load_slide_set({});
    REQUIRE(count_valid(set) >= 2);
    const int w = 800, h = 480;
    // The textured path (a GPU renderer's): pictures are copies of slide textures.
    TestKiosk normal(set, w, h, 90);
    normal.k.retained = false;
    REQUIRE(normal.frame(set, 0).composed);
    const auto want = normal.pixels();

    TestKiosk broken(set, w, h, 90);
    broken.k.retained = false;
    broken.k.create_texture = no_texture;
    FrameResult f = broken.frame(set, 0);
    CHECK(f.composed);
    CHECK(f.direct);
    CHECK(has_line_with(f.notes, "textures", "out of memory (test)"));
    CHECK(broken.pixels() == want);  // the same picture (no progress bar at t = 0 in either)

    // Nothing changes until the slot ends: no redraw, and no frame-rate wake-ups during what
    // would have been the transition.
    f = broken.frame(set, 1000);
    CHECK_FALSE(f.composed);
    CHECK(f.slides_drawn == 0);
    CHECK(f.wait_ms > 1000);
    const std::int64_t slot = broken.k.timings[0].duration_ms;
    check_cut(broken, set, slot - 100);

    // Every frame repeats the failure; the log has it once.
    KioskLog l;
    std::ostringstream out;
    for (std::int64_t t = 0; t < 3 * slot; t += 500)
        for (auto& n : broken.frame(set, t).notes) log_added_numbers_aside(l, out, n.topic, n.lines);
    std::size_t lines = 0;
    for (char c : out.str()) lines += c == '\n';
    CHECK(lines == 1);
}

int textures_held(const KioskScreen& k) {  // slide pictures, not counting an empty spare
    int n = 0;
    for (const auto& c : k.cache) n += c.texture != nullptr && c.slide != -2;
    return n;
}

int textures_made(const KioskScreen& k) {
    int n = 0;
    for (const auto& c : k.cache) n += c.texture != nullptr;
    return n;
}

TEST_CASE("software: a standing slide holds no picture, the next is revealed by a wipe, then let go") {
    const SlideSet set = load_slide_set({});
    REQUIRE(count_valid(set) >= 2);
    const int w = 800, h = 480;
    TestKiosk t(set, w, h, 0);
    REQUIRE(t.k.retained);
    FrameResult f = t.frame(set, 0);
    CHECK(f.composed);
    CHECK(f.direct);
    CHECK(textures_held(t.k) == 0);
    // The bar grows alone: no slide is drawn again.
    f = t.frame(set, 3000);
    CHECK(f.composed);
    CHECK(f.slides_drawn == 0);
    CHECK(f.wait_ms >= 400);  // at most two bar updates a second
    const std::int64_t slot = t.k.timings[0].duration_ms;
    const std::int64_t start = slot - t.k.rotation.transition_ms;
    f = t.frame(set, start - kPrefetchMs - 10);
    CHECK(textures_held(t.k) == 0);
    // The next slide is drawn into a texture before its transition, without a present.
    f = t.frame(set, start - kPrefetchMs + 10);
    CHECK(f.slides_drawn == 1);
    CHECK(textures_held(t.k) == 1);
    // Each frame of the wipe copies only the columns it reveals.
    int frames = 0, last = 0;
    for (std::int64_t now = start; now < slot; now += 16) {
        f = t.frame(set, now);
        CHECK(f.slides_drawn == 0);
        CHECK(f.in_transition);
        CHECK(t.k.revealed_px >= last);
        last = t.k.revealed_px;
        frames += f.composed;
    }
    CHECK(frames > 20);
    // At the cut the rest is copied and the texture freed: the picture is slide 2's, whole.
    f = t.frame(set, slot);
    CHECK(f.composed);
    CHECK_FALSE(f.in_transition);
    CHECK(t.k.shown_current == 1);
    CHECK(textures_held(t.k) == 0);
    CHECK(textures_made(t.k) == 0);  // no spare is kept between transitions
    const auto got = t.pixels();
    TestKiosk fresh(set, w, h, 0);
    fresh.k.timings[0].valid = false;  // slide 2 first, drawn whole at its slot's start
    REQUIRE(fresh.frame(set, 0).composed);
    CHECK(got == fresh.pixels());
}

TEST_CASE("software: without textures the slides cut, the failure is noted, nothing spins") {
    const SlideSet set = load_slide_set({});
    REQUIRE(count_valid(set) >= 2);
    const int w = 800, h = 480;
    TestKiosk t(set, w, h, 90);
    t.k.create_texture = no_texture;
    REQUIRE(t.frame(set, 0).composed);
    const FrameResult f = check_cut(t, set, t.k.timings[0].duration_ms - 300);  // in the transition
    CHECK(has_line_with(f.notes, "textures", "out of memory (test)"));
}

TEST_CASE("the display font has every character a KPI figure can need") {
    const FontFiles fonts = fonts_for_test();
    REQUIRE_MESSAGE(fonts.error.empty(), fonts.error);
    Headless hl;
    REQUIRE_FALSE(open_headless(64, 64, hl));
    SlideScreen s;
    open_slide_screen(hl.renderer, fonts, s);
    REQUIRE_FALSE(resize_slide_screen(s, 1920, 1080));
    // What format_value gives for the compact units (the only ones set in the display font).
    const std::string texts[] = {format_value(-1234.5, "%", 1),
                                 format_value(1.5e9, "kr", std::nullopt),
                                 format_value(2.5e6, "kr", std::nullopt),
                                 format_value(0.0, "", 1),
                                 format_change(3, 3, ChangeStyle::Relative, "%", 1),
                                 std::string(kNoValue),
                                 "0123456789 +.,%kr.mio.mia.",
                                 "ca. op mod omkring højst næsten å"};  // qualifiers
    for (const std::string& t : texts) {
        CAPTURE(t);
        const char* p = t.c_str();
        while (*p) {
            unsigned int c = 0;
            p += ImTextCharFromUtf8(&c, p, nullptr);
            CAPTURE(c);
            CHECK(s.fonts.display->FindGlyphNoFallback(ImWchar(c)) != nullptr);
        }
    }
    close_slide_screen(s);
    close_headless(hl);
}

TEST_CASE("video driver: the user's choice, then Wayland, X11, and kmsdrm on a bare console") {
    CHECK(default_video_driver("dummy", nullptr, nullptr) == nullptr);
    CHECK(default_video_driver(nullptr, "wayland-0", ":0") == nullptr);
    CHECK(std::string(default_video_driver(nullptr, nullptr, ":0")) == "x11");
    CHECK(std::string(default_video_driver("", "", "")) == "kmsdrm");
    CHECK(std::string(default_video_driver(nullptr, nullptr, nullptr)) == "kmsdrm");
}

TEST_CASE("a CPU-rasterised OpenGL is recognised, a GPU driver is not") {
    CHECK(is_software_gl("llvmpipe (LLVM 15.0.6, 256 bits)"));
    CHECK(is_software_gl("softpipe"));
    CHECK(is_software_gl("Mesa DRI Software Rasterizer"));
    CHECK_FALSE(is_software_gl("V3D 4.2"));  // Raspberry Pi 4
    CHECK_FALSE(is_software_gl("Mesa Intel(R) UHD Graphics 620 (KBL GT2)"));
    CHECK_FALSE(is_software_gl(""));
}
