// Every bundled slide, rendered headless at every supported screen size: no layout problems,
// real pixels, and the same pixels twice (and the same PNG bytes, checked at one size).
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <string>

#include "app/kiosk/render_pngs.h"
#include "app/slide_draw.h"
#include "platform/font_files.h"
#include "platform/headless.h"
#include "platform/png_write.h"
#include "tests/render_date.h"

namespace fs = std::filesystem;

namespace {

struct Size {
    int w, h;
};
constexpr Size kSizes[] = {{800, 480}, {1024, 600}, {1280, 720}, {1920, 1080}, {1080, 1920}};

FontFiles test_fonts() {
    const char* dir = std::getenv("INFOTAVLE_FONT_DIR");
    return find_font_files(dir ? dir : "");
}

RenderOptions fixed_options(Size s) {
    RenderOptions o;
    o.width = s.w;
    o.height = s.h;
    o.now = kRenderNow;
    return o;
}

std::string read_all(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

// Not blank: many colours, and a fair share of pixels unlike the top-left background pixel.
void check_not_blank(const std::vector<unsigned char>& rgba, const std::string& what) {
    std::set<std::uint32_t> colours;
    size_t differing = 0;
    const std::uint32_t bg = rgba[0] | rgba[1] << 8 | rgba[2] << 16;
    for (size_t i = 0; i + 3 < rgba.size(); i += 4) {
        const std::uint32_t c = rgba[i] | rgba[i + 1] << 8 | rgba[i + 2] << 16;
        if (colours.size() < 64) colours.insert(c);
        differing += c != bg;
    }
    INFO(what);
    CHECK(colours.size() >= 16);
    CHECK(differing * 100 > (rgba.size() / 4) * 2);  // over 2 % of the screen is not background
}

fs::path temp_dir(const std::string& name) {
    fs::path p = fs::temp_directory_path() / ("infotavle-test-" + name);
    fs::remove_all(p);
    fs::create_directories(p);
    return p;
}

}  // namespace

TEST_CASE("every bundled slide renders cleanly at every screen size, identically twice") {
    const FontFiles fonts = test_fonts();
    REQUIRE_MESSAGE(fonts.error.empty(), fonts.error);
    const SlideSet set = load_slide_set({});
    REQUIRE(set.manifest_ok);
    REQUIRE(count_valid(set) > 0);
    for (const auto& s : set.slides) CHECK_MESSAGE(s.valid, s.why_invalid);

    for (Size size : kSizes) {
        const std::string tag = std::to_string(size.w) + "x" + std::to_string(size.h);
        CAPTURE(tag);
        Headless h;
        REQUIRE_FALSE(open_headless(size.w, size.h, h));
        SlideScreen screen;
        open_slide_screen(h.renderer, fonts, screen);
        REQUIRE_FALSE(resize_slide_screen(screen, size.w, size.h));
        const RenderOptions opt = fixed_options(size);
        const auto first = render_slides_on(screen, h.renderer, set, opt);
        const auto second = render_slides_on(screen, h.renderer, set, opt);
        REQUIRE(first.size() == second.size());
        const fs::path dir = temp_dir(tag);
        for (size_t i = 0; i < first.size(); ++i) {
            const std::string what = tag + " " + first[i].file_name;
            for (const auto& p : first[i].problems) FAIL_CHECK(what << ": " << p);
            if (first[i].rgba.empty()) continue;
            check_not_blank(first[i].rgba, what);
            CHECK_MESSAGE(first[i].rgba == second[i].rgba, what << ": second render differs");
            if (size.w != 800) continue;  // PNG encoding is slow at large sizes; once suffices
            const fs::path a = dir / ("a-" + first[i].file_name), b = dir / ("b-" + first[i].file_name);
            REQUIRE_FALSE(write_slide_png(a.string(), first[i].rgba, size.w, size.h));
            REQUIRE_FALSE(write_slide_png(b.string(), second[i].rgba, size.w, size.h));
            CHECK_MESSAGE(read_all(a) == read_all(b), what << ": PNG bytes differ");
        }
        close_slide_screen(screen);
        close_headless(h);
        fs::remove_all(dir);
    }
}

TEST_CASE("the no-data screen renders") {
    const FontFiles fonts = test_fonts();
    REQUIRE(fonts.error.empty());
    Headless h;
    REQUIRE_FALSE(open_headless(1280, 720, h));
    SlideScreen screen;
    open_slide_screen(h.renderer, fonts, screen);
    REQUIRE_FALSE(resize_slide_screen(screen, 1280, 720));
    const SlideContext ctx{render_clock(), "", kRenderToday};
    const auto problems = draw_no_data_slide(screen, ctx, "employment.json: $.version: expected \"1.0\"");
    for (const auto& p : problems) FAIL_CHECK(p);
    check_not_blank(read_rgba(h.renderer, 1280, 720), "no-data screen");
    close_slide_screen(screen);
    close_headless(h);
}

TEST_CASE("a manifest that cannot be read gives no valid slides and a reason") {
    const SlideSet set = load_slide_set({"/nonexistent/manifest.json"});
    CHECK_FALSE(set.manifest_ok);
    CHECK(count_valid(set) == 0);
    REQUIRE_FALSE(set.problems.empty());
    CHECK(set.problems.front().find("/nonexistent/manifest.json") != std::string::npos);
}

TEST_CASE("write_png leaves no file behind when it cannot write") {
    const unsigned char px[4 * 4 * 3] = {};
    auto err = write_png("/nonexistent-dir/x.png", px, 4, 4, 3, 12);
    REQUIRE(err);
    CHECK(err->find("/nonexistent-dir/x.png") != std::string::npos);
    CHECK_FALSE(fs::exists("/nonexistent-dir/x.png.tmp"));
}

TEST_CASE("write_png is deterministic") {
    std::vector<unsigned char> px(16 * 8 * 4);
    for (size_t i = 0; i < px.size(); ++i) px[i] = static_cast<unsigned char>(i * 7);
    const fs::path dir = temp_dir("png");
    REQUIRE_FALSE(write_png((dir / "a.png").string(), px.data(), 16, 8, 4, 64));
    REQUIRE_FALSE(write_png((dir / "b.png").string(), px.data(), 16, 8, 4, 64));
    CHECK(read_all(dir / "a.png") == read_all(dir / "b.png"));
    CHECK_FALSE(fs::exists(dir / "a.png.tmp"));
    fs::remove_all(dir);
}

TEST_CASE("font files: an empty INFOTAVLE_FONT_DIR is an error naming it") {
    const fs::path dir = temp_dir("fonts");
    const FontFiles f = find_font_files(dir.string());
    CHECK_FALSE(f.error.empty());
    CHECK(f.error.find(dir.string()) != std::string::npos);
    fs::remove_all(dir);
}
