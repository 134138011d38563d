// What the screen shows of a text: the drawable characters agree with the fonts it loads, a
// character it cannot draw shows as the marker (never "?"), a text with line breaks is as tall
// as its lines, and the layout's problem messages stay valid UTF-8.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "app/canvas.h"
#include "app/fonts.h"
#include "app/glyph_set.h"
#include "feeds/screen_text.h"
#include "tests/view_harness.h"

namespace {

bool valid_utf8(const std::string& s) {
    for (const auto& p : feeds::screen_text_problems(s))
        if (p == "not valid UTF-8") return false;
    return true;
}

}  // namespace

TEST_CASE("screen text: every drawable code point has a glyph in Inter and DejaVu Sans, regular and bold") {
    const char* pairs[][2] = {
        {"/usr/share/fonts/opentype/inter/Inter-Regular.otf",
         "/usr/share/fonts/opentype/inter/Inter-Bold.otf"},
        {"/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
         "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"},
    };
    for (const auto& pair : pairs) {
        CAPTURE(pair[0]);
        ImFontAtlas atlas;
        Fonts fonts;
        const std::vector<ImWchar> text = glyph_ranges_of(all_drawable_glyphs().text);
        const std::vector<ImWchar> figures = glyph_ranges_of(all_drawable_glyphs().figures);
        REQUIRE_FALSE(
            add_fonts(atlas, font_sizes_for(800, 480), pair[0], pair[1], {text.data(), figures.data()}, fonts)
                .has_value());
        REQUIRE(atlas.Build());
        std::size_t missing = 0;
        for (ImFont* font : {fonts.small, fonts.body_bold}) {
            for (const feeds::CodeRange& r : feeds::drawable_ranges())
                for (char32_t c = r.first; c <= r.last; ++c)
                    if (!font->FindGlyphNoFallback(ImWchar(c))) ++missing;
            CHECK(font->FallbackChar == kMissingGlyphMarker);                                  // not "?"
            CHECK(font->FindGlyph(0x05D0) == font->FindGlyphNoFallback(kMissingGlyphMarker));  // Hebrew alef
        }
        CHECK(missing == 0);
        CHECK(fonts.display->FallbackChar == kMissingGlyphMarker);
    }
}

TEST_CASE("screen text: controls and what the fonts cannot draw are named by their code") {
    using feeds::screen_text_problems;
    CHECK(screen_text_problems("Ledighed – 2,3 % → æøå ÆØÅ “citat” …").empty());
    for (const char* s : {"a\nb", "a\rb", "a\tb", "a\x07", "\x1b[31m", "a\x7f", "a\xc2\x85", "a\xe2\x80\xa8",
                          "a\xe2\x80\xa9"}) {
        const auto p = screen_text_problems(s);
        REQUIRE(p.size() == 1);
        CHECK(p[0].rfind("control character U+", 0) == 0);
    }
    CHECK(screen_text_problems(std::string("a\0b", 3)) ==
          std::vector<std::string>{"control character U+0000 in a text shown on screen"});
    CHECK(screen_text_problems("1\n2\n3\n") ==
          std::vector<std::string>{"control character U+000A in a text shown on screen"});
    CHECK(
        screen_text_problems("\xd7\x90 \xf0\x9f\x98\x80\xe2\x80\x8d \xf0\x9f\x98\x80") ==
        std::vector<std::string>{"characters U+05D0, U+1F600, U+200D cannot be drawn by the screen's fonts"});
    CHECK(screen_text_problems("\xef\xbf\xbd") ==
          std::vector<std::string>{"character U+FFFD cannot be drawn by the screen's fonts"});
    CHECK(screen_text_problems("a\xff") == std::vector<std::string>{"not valid UTF-8"});
}

TEST_CASE("canvas: a text with line breaks is as tall as its lines, so what it covers overlaps") {
    ViewHarness h(800, 480);
    REQUIRE(h.font_error.empty());
    h.begin_frame();
    Canvas c = h.canvas(h.screen());
    const ImFont* f = h.fonts.body;
    canvas_text(c, f, {10, 10}, 0xffffffff, "Linje et\nLinje to\nLinje tre");
    canvas_text(c, f, {10, 10 + f->FontSize * 1.5f}, 0xffffffff, "Billedtekst");
    h.end_frame();
    REQUIRE(c.texts.size() == 2);
    CHECK(c.texts[0].box.h() > 2.5f * f->FontSize);
    const auto problems = canvas_problems(c);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].find("overlaps \"Billedtekst\"") != std::string::npos);
}

TEST_CASE("canvas: problem messages cut long Danish text at a character, never inside one") {
    ViewHarness h(800, 480);
    REQUIRE(h.font_error.empty());
    for (int shift = 0; shift < 4; ++shift) {
        h.begin_frame();
        Canvas c = h.canvas(h.screen());
        std::string text(std::size_t(shift), 'x');
        for (int k = 0; k < 30; ++k) text += "æø";  // two bytes each: byte 40 falls inside one
        canvas_text(c, h.fonts.body, {10, 10}, 0xffffffff, text, true);
        canvas_text(c, h.fonts.body, {12, 12}, 0xffffffff, text);
        h.end_frame();
        const auto problems = canvas_problems(c);
        REQUIRE(problems.size() >= 2);
        for (const auto& p : problems) {
            CAPTURE(p);
            CHECK(valid_utf8(p));
        }
    }
}
