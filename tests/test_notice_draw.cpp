// Every notice layout at the four screen sizes with the longest texts the format allows (in
// wide capitals): the takeover (extreme, severe, Danish and English, a link, a count of hidden
// ones), the info slide, and the band over every bundled slide. Nothing cut, nothing off the
// screen, the text floor and the contrast: the canvas checks.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>

#include "app/kiosk/render_pngs.h"
#include "app/kiosk/slide_set.h"
#include "app/map/layer.h"
#include "app/notices/notice_draw.h"
#include "app/slide_draw.h"
#include "feeds/notice_parse.h"
#include "platform/font_files.h"
#include "tests/view_harness.h"

namespace {

const std::vector<ScreenSize> kNoticeSizes = {{800, 480}, {1280, 720}, {1920, 1080}, {1080, 1920}};

// `n` characters of wide capital words, the worst case for wrapping.
std::string longest(std::size_t n) {
    const std::string words = "VANDFORSYNINGEN ØDELAGT MØDESALEN WESTERGÅRD MÅLEBRØND ";
    std::string out;
    std::size_t chars = 0, i = 0;
    while (chars < n) {
        std::size_t len = 1;  // the code point at i, whole
        while ((static_cast<unsigned char>(words[(i + len) % words.size()]) & 0xC0) == 0x80) ++len;
        out += words.substr(i, len);
        i = (i + len) % words.size();
        ++chars;
    }
    if (out.back() == ' ') out.back() = 'W';  // no trailing space: a text ends in a letter
    return out;
}

feeds::Notice longest_notice(feeds::NoticeSeverity severity) {
    feeds::Notice n;
    n.id = "lang";
    n.severity = severity;
    n.da = {longest(feeds::kMaxNoticeHeadline), longest(feeds::kMaxNoticeBody)};
    n.en = n.da;
    n.sender = longest(feeds::kMaxNoticeSender);
    n.link =
        feeds::SlideLink{"https://www.example.dk/varsler/" + std::string(60, 'a'), "Læs mere om varslet"};
    n.test = true;
    return n;
}

// The widest times: a Wednesday ("onsdag") in September, both days away from now.
const NoticeTimes kTimes{feeds::civil_minute({2027, 9, 29}, 23, 58),
                         feeds::civil_minute({2027, 9, 20}, 23, 58),
                         feeds::civil_minute({2027, 10, 29}, 23, 58)};

}  // namespace

TEST_CASE("notice texts: the longest are as long as the format allows") {
    CHECK(feeds::utf8_length(longest(feeds::kMaxNoticeHeadline)) == feeds::kMaxNoticeHeadline);
    CHECK(feeds::utf8_length(longest(feeds::kMaxNoticeBody)) == feeds::kMaxNoticeBody);
    const NoticePageText p =
        notice_page_text(longest_notice(feeds::NoticeSeverity::Severe), true, kTimes, 1, 3, 12);
    CHECK(p.label == "TEST · WARNING");
    CHECK(p.count_line == "2 of 3 · +12 more notices");
    CHECK(p.language == "English");
    const NoticePageText da =
        notice_page_text(longest_notice(feeds::NoticeSeverity::Extreme), false, kTimes, 0, 1, 1);
    CHECK(da.label == "TEST · EKSTREMT VARSEL");
    CHECK(da.count_line == "+1 varsel mere");
    CHECK(da.sender_line.find(
              "· udsendt mandag 20. september kl. 23.58 · gælder til fredag 29. oktober kl. 23.58") !=
          std::string::npos);
}

TEST_CASE("notice pages: takeover and info whole at every size with the longest texts") {
    for (const ScreenSize sz : kNoticeSizes) {
        ViewHarness h(sz.w, sz.h);
        REQUIRE_MESSAGE(h.font_error.empty(), h.font_error);
        for (auto sev :
             {feeds::NoticeSeverity::Extreme, feeds::NoticeSeverity::Severe, feeds::NoticeSeverity::Info})
            for (bool english : {false, true})
                for (bool link : {false, true}) {
                    feeds::Notice n = longest_notice(sev);
                    if (!link) n.link.reset();
                    const NoticePageText page = notice_page_text(n, english, kTimes, 2, 3, 47);
                    h.begin_frame();
                    Canvas c = h.canvas(h.screen());
                    draw_notice_page(c, h.style(), sz.w, sz.h, page);
                    h.end_frame();
                    INFO(sz.w, "x", sz.h, " severity ", int(sev), english ? " English" : " Danish",
                         link ? " with a link" : "");
                    const auto problems = canvas_problems(c);
                    CHECK_MESSAGE(problems.empty(), join_problems(problems));
                    // The headline is the largest text on the page.
                    float head = 0, largest = 0;
                    for (const auto& t : c.texts) {
                        largest = std::max(largest, t.box.h());
                        if (page.headline.find(t.text) == 0) head = std::max(head, t.box.h());
                    }
                    CHECK(head >= largest);
                }
    }
}

TEST_CASE("notice band: on every bundled slide, at most 1/8 of the height, above the source line") {
    const SlideSet set = load_slide_set({});
    REQUIRE(count_valid(set) > 0);
    const MapGeometryResult geo = load_map_geometry();
    REQUIRE_MESSAGE(geo.geometry, geo.error);
    MapSupport maps;
    maps.geometry = &*geo.geometry;
    const NoticeBandText band =
        notice_band_text(longest_notice(feeds::NoticeSeverity::Moderate), kTimes, 1, 3, 9);
    CHECK(band.count == "2/3 +9");
    for (const ScreenSize sz : kNoticeSizes) {
        ViewHarness h(sz.w, sz.h);
        REQUIRE_MESSAGE(h.font_error.empty(), h.font_error);
        const SlideLayout layout = slide_layout(sz.w, sz.h, h.sizes);
        const Rect r = notice_band_rect(layout, h.style(), float(sz.h), band);
        CHECK(r.h() <= float(sz.h) / 8);
        CHECK(r.y1 <= layout.footer.y0);
        SlideContext ctx{clock_header_forms({2027, 9, 29, 23, 58}), "", {2027, 9, 29}};
        ctx.band = &band;
        h.begin_frame();
        for (const ScreenSlide& slide : set.slides) {
            Canvas c = h.canvas(h.screen());
            compose_slide(c, h.style(), layout, slide, ctx, &maps);
            INFO(sz.w, "x", sz.h, " ", slide.slide->id);
            const auto problems = canvas_problems(c);
            CHECK_MESSAGE(problems.empty(), join_problems(problems));
            bool headline_drawn = false;
            for (const auto& t : c.texts) headline_drawn = headline_drawn || band.headline.find(t.text) == 0;
            CHECK(headline_drawn);
        }
        h.end_frame();
    }
}

TEST_CASE("notice example: --render shows each tier at the four sizes, cleanly") {
    const char* dir = std::getenv("INFOTAVLE_FONT_DIR");
    const FontFiles fonts = find_font_files(dir ? dir : "");
    REQUIRE_MESSAGE(fonts.error.empty(), fonts.error);
    const SlideSet set = load_slide_set({std::string(INFOTAVLE_SOURCE_DIR) + "/feeds/examples/notices/manifest.json"});
    REQUIRE(set.manifest_ok);
    for (const ScreenSize sz : kNoticeSizes) {
        RenderOptions opt;
        opt.width = sz.w;
        opt.height = sz.h;
        opt.now = {2027, 9, 30, 23, 59, 0};
        opt.home = "Køge";  // the local notice for Køge (259) is shown too
        std::string error;
        const auto rendered = render_slides(set, fonts, opt, error);
        REQUIRE_MESSAGE(error.empty(), error);
        std::vector<std::string> names;
        for (const auto& r : rendered) {
            INFO(sz.w, "x", sz.h, " ", r.file_name);
            CHECK_MESSAGE(r.problems.empty(), join_problems(r.problems));
            CHECK(r.rgba.size() == std::size_t(sz.w) * std::size_t(sz.h) * 4);
            names.push_back(r.file_name);
        }
        for (const char* want : {"90-varsel-eksempel-storm.png", "90-varsel-eksempel-storm-en.png",
                                 "90-varsel-eksempel-vand.png", "91-info-eksempel-moede.png",
                                 "92-baand-eksempel-borgerservice.png", "92-baand-eksempel-vej.png"})
            CHECK_MESSAGE(std::find(names.begin(), names.end(), want) != names.end(), want);
    }
}
