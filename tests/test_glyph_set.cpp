// The font atlas holds the characters in use (app/glyph_set.h): the plan (which code points a
// JSON text and a slide set need), that every character the app's own strings use is in the
// base, that no bundled slide draws the missing-glyph marker, and that new data bringing a new
// character grows the atlas so it is drawn.
#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/danish_format.h"
#include "app/glyph_set.h"
#include "app/kiosk/frame.h"
#include "app/slide_draw.h"
#include "feeds/bundled_feeds.h"
#include "feeds/feed_parse.h"
#include "feeds/geo_files.h"
#include "feeds/screen_text.h"
#include "platform/headless.h"
#include "tests/render_date.h"

namespace fs = std::filesystem;

namespace {

FontFiles test_fonts() {
    const char* dir = std::getenv("INFOTAVLE_FONT_DIR");
    return find_font_files(dir ? dir : "");
}

bool holds(const GlyphSet& set, char32_t c) {
    return holds_glyphs(set, {c});
}

GlyphSet merged_for_test(GlyphSet set, std::u32string_view more) {
    set.insert(set.end(), more.begin(), more.end());
    std::sort(set.begin(), set.end());
    set.erase(std::unique(set.begin(), set.end()), set.end());
    return set;
}

// ---- the app's string and character literals ----------------------------------------------

// What literals hold: their bytes (UTF-8 written as is, or as \x escapes) and the code points of
// their \u and \U escapes.
struct Literals {
    std::string bytes;
    std::vector<char32_t> escaped;
    std::vector<char32_t> code_points() const {
        std::vector<char32_t> out = feeds::text_code_points(bytes);
        out.insert(out.end(), escaped.begin(), escaped.end());
        return out;
    }
};

// One escape after the backslash at `i` (moved past it).
void put_escape(const std::string& s, std::size_t& i, Literals& out) {
    const char e = s[i++];
    auto hex = [&](std::size_t max) {
        std::size_t n = 0;
        unsigned long v = 0;
        while (n < max && i < s.size() && std::isxdigit(static_cast<unsigned char>(s[i]))) {
            v = v * 16 + std::stoul(std::string(1, s[i++]), nullptr, 16);
            ++n;
        }
        return v;
    };
    if (e == 'u' || e == 'U')
        out.escaped.push_back(char32_t(hex(e == 'u' ? 4 : 8)));
    else if (e == 'x')
        out.bytes += char(hex(2));
    else if (e >= '0' && e <= '7')
        out.bytes += char(e - '0');
    else
        out.bytes += e;
}

// Every string and character literal of a C++ source (comments skipped).
Literals literals_of(const std::string& s) {
    Literals out;
    for (std::size_t i = 0; i < s.size();) {
        if (s.compare(i, 2, "//") == 0) {
            i = s.find('\n', i);
        } else if (s.compare(i, 2, "/*") == 0) {
            i = s.find("*/", i) + 2;
        } else if (s[i] == '"' && i > 0 && s[i - 1] == 'R') {  // R"delim( ... )delim"
            const std::size_t open = s.find('(', i);
            const std::string end = ")" + s.substr(i + 1, open - i - 1) + "\"";
            const std::size_t close = s.find(end, open);
            out.bytes += s.substr(open + 1, close - open - 1);
            i = close + end.size();
        } else if (s[i] == '"' ||
                   (s[i] == '\'' && !(i > 0 && std::isalnum(static_cast<unsigned char>(s[i - 1]))))) {
            const char quote = s[i++];  // a ' after a digit is a digit separator
            while (i < s.size() && s[i] != quote) {
                if (s[i] == '\\') {
                    ++i;
                    put_escape(s, i, out);
                } else {
                    out.bytes += s[i++];
                }
            }
            ++i;
        } else {
            ++i;
        }
        if (i == std::string::npos) break;
    }
    return out;
}

// ---- what was drawn ---------------------------------------------------------------------------

// Vertices drawn with a font's fallback glyph in the screen's last frame: ImGui draws it for a
// character its atlas lacks (the marker; the app never draws the marker on purpose).
int fallback_vertices(SlideScreen& s) {
    ImGui::SetCurrentContext(s.imgui.context);
    const ImDrawData* dd = ImGui::GetDrawData();
    REQUIRE(dd);
    std::vector<ImVec2> corners;
    for (const ImFont* f : ImGui::GetIO().Fonts->Fonts)
        if (f->FallbackGlyph) corners.push_back({f->FallbackGlyph->U0, f->FallbackGlyph->V0});
    int n = 0;
    for (int i = 0; i < dd->CmdListsCount; ++i)
        for (const ImDrawVert& v : dd->CmdLists[i]->VtxBuffer)
            for (const ImVec2& c : corners) n += v.uv.x == c.x && v.uv.y == c.y;
    return n;
}

// The bundled playlist with its first slide's title replaced by `title`.
SlideSet bundled_with_title(const SlideSet& bundled, const std::string& title) {
    std::string text;
    for (const feeds::BundledFile& f : feeds::bundled_files())
        if (f.name == "manifest.json") text = f.text;
    const std::string first = "\"title\": \"Ledigheden er den laveste siden 2008\"";
    const std::size_t at = text.find(first);
    REQUIRE(at != std::string::npos);
    text.replace(at, first.size(), "\"title\": \"" + title + "\"");
    feeds::ManifestResult m = feeds::parse_manifest(text, "manifest.json");
    REQUIRE(m.manifest);
    return build_slide_set(std::move(*m.manifest), bundled.feeds, "manifest.json");
}

}  // namespace

TEST_CASE("glyph set: a JSON text's code points above ASCII, written raw or as escapes") {
    using feeds::json_code_points;
    CHECK(json_code_points(R"({"a": "Køge", "b": "plain"})") == std::vector<char32_t>{0xF8});
    CHECK(json_code_points(R"({"Ærø": "\u00dc \u2013 \u00e6"})") ==
          std::vector<char32_t>{0xC6, 0xDC, 0xE6, 0xF8, 0x2013});
    CHECK(json_code_points(R"(["\ud83d\ude00", "\\u00e6", "\"\u0041"])") == std::vector<char32_t>{0x1F600});
    CHECK(json_code_points("{}").empty());
    CHECK(feeds::text_code_points("baab\xC3\xA6") == std::vector<char32_t>{'a', 'b', 0xE6});
}

TEST_CASE("glyph set: runs become ImGui ranges, and the data adds only its own drawable characters") {
    CHECK(glyph_ranges_of({0x20, 0x21, 0x22, 0xE6, 0x2013}) ==
          std::vector<ImWchar>{0x20, 0x22, 0xE6, 0xE6, 0x2013, 0x2013, 0});
    CHECK(holds_glyphs({1, 2, 3}, {1, 3}));
    CHECK_FALSE(holds_glyphs({1, 3}, {1, 2}));

    const GlyphSet& base = base_glyphs();
    for (char32_t c : std::u32string_view(U" ~æøåÆØÅé–—…·−±×°«»“”‘’→←↑↓")) CHECK(holds(base, c));
    CHECK(holds(base, char32_t(kMissingGlyphMarker)));
    CHECK(holds_glyphs(all_drawable_glyphs().text, base));
    CHECK(holds_glyphs(all_drawable_glyphs().figures, figure_glyphs()));
    CHECK(base.size() < 140);  // a Danish screen's few, not the ~395 --check lets through

    const SlideSet bundled = load_slide_set({});
    REQUIRE(bundled.manifest_ok);
    const ScreenGlyphs have = slide_set_glyphs(bundled);
    CHECK(have.text == base);  // the bundled texts need nothing beyond the base
    // The figures: the base and the bundled qualifiers "ca.", "omkring", "op mod".
    CHECK(have.figures == merged_for_test(figure_glyphs(), U"caomkringp d"));

    const SlideSet more = bundled_with_title(bundled, "Ærø – Ü");
    const ScreenGlyphs need = slide_set_glyphs(more);
    CHECK(holds(need.text, 0xDC));
    CHECK(need.text.size() == base.size() + 1);
    CHECK(need.figures == have.figures);
    CHECK_FALSE(holds_glyphs(have, need));
    CHECK(holds_glyphs(need, have));
}

TEST_CASE("glyph set: the display font holds every figure format_value writes, and the data's qualifiers") {
    const double values[] = {0,          0.04,         -0.5,     1,         1207,    -43,  331306.79,
                             999999.996, 2.5e6,        999.95e6, 1.1e9,     -3.3e12, 1e15, -1.7e308,
                             1.7e308,    std::nan(""), HUGE_VAL, -HUGE_VAL, 5e-324};
    const std::optional<int> decimals[] = {std::nullopt, 0, 1, 2, 9};
    for (double v : values)
        for (const auto& d : decimals) {
            for (const char* unit : {"", "%", "kr"}) {
                const std::string text = format_value(v, unit, d);
                INFO(text);
                CHECK(holds_glyphs(figure_glyphs(), feeds::text_code_points(text)));
            }
            const std::string bare = format_number_auto(v, d);
            INFO(bare);
            CHECK(holds_glyphs(figure_glyphs(), feeds::text_code_points(bare)));
        }
    // A qualifier is the publisher's: whatever it holds is loaded ("Ca." needs a capital C).
    SlideSet set = load_slide_set({});
    feeds::Feed feed = *set.feeds.begin()->second;
    feeds::IndicatorSet kpis;
    kpis.items.push_back({});
    kpis.items.back().qualifier = "Ca. ÷";  // ÷ (U+00F7) is drawable
    feed.datasets.push_back({});
    feed.datasets.back().body = kpis;
    set.feeds.begin()->second = std::make_shared<const feeds::Feed>(std::move(feed));
    const ScreenGlyphs need = slide_set_glyphs(set);
    CHECK(holds(need.figures, 'C'));
    CHECK(holds(need.figures, 0xF7));
    CHECK_FALSE(holds(figure_glyphs(), 'C'));
}

TEST_CASE("glyph set: every character in the app's own strings is in the base") {
    const fs::path app = fs::path(INFOTAVLE_SOURCE_DIR) / "app";
    int files = 0;
    for (const auto& e : fs::recursive_directory_iterator(app)) {
        const std::string ext = e.path().extension().string();
        if (ext != ".cpp" && ext != ".h") continue;
        std::ifstream in(e.path(), std::ios::binary);
        const std::string source{std::istreambuf_iterator<char>(in), {}};
        ++files;
        for (char32_t c : literals_of(source).code_points()) {
            if (c < 0x20) continue;  // \n, \t, \0: no glyphs
            INFO(e.path().string() << ": " << feeds::code_point_name(c)
                                   << " in a literal is not in base_glyphs() (app/glyph_set.cpp kAppGlyphs)");
            CHECK(holds(base_glyphs(), c));
        }
    }
    CHECK(files > 100);
    // The scanner itself: escapes, raw strings, comments and digit separators.
    const Literals l =
        literals_of("int a = 1'000; // \"ø\"\nauto s = \"\\u00e6\\xC2\\xB7\"; auto r = R\"x(å)x\";");
    CHECK(l.bytes == "\xC2\xB7\xC3\xA5");
    CHECK(l.escaped == std::vector<char32_t>{0xE6});
}

// At two sizes: the kiosk's atlas for the bundled data (lean) against one of every drawable
// character (full). Glyphs are rasterised one by one, and imgui_sdl.cpp snaps their UVs, so
// where the atlas packed them changes no pixel.
TEST_CASE(
    "glyph set: no bundled slide draws the missing-glyph marker, and the lean atlas draws the same pixels") {
    const FontFiles fonts = test_fonts();
    REQUIRE_MESSAGE(fonts.error.empty(), fonts.error);
    const SlideSet set = load_slide_set({});
    REQUIRE(set.manifest_ok);
    const SlideContext ctx{render_clock(), "", kRenderToday};
    for (const int size : {0, 1}) {
        const int w = size ? 1920 : 800, h = size ? 1080 : 480;
        Headless hl;
        REQUIRE_FALSE(open_headless(w, h, hl));
        SlideScreen full, lean;
        open_slide_screen(hl.renderer, fonts, full);
        open_slide_screen(hl.renderer, fonts, lean);
        need_glyphs(lean, slide_set_glyphs(set));
        REQUIRE_FALSE(resize_slide_screen(full, w, h));
        REQUIRE_FALSE(resize_slide_screen(lean, w, h));
        CHECK(lean.glyphs == slide_set_glyphs(set));
        CHECK(lean.imgui.font_h * 2 < full.imgui.font_h);
        int drawn = 0;
        for (const ScreenSlide& s : set.slides) {
            if (!s.valid) continue;
            draw_slide(full, s, ctx);
            const std::vector<unsigned char> pixels = read_rgba(hl.renderer, w, h);
            draw_slide(lean, s, ctx);
            ++drawn;
            INFO(s.slide->id << " at " << w << "x" << h);
            CHECK(fallback_vertices(lean) == 0);
            CHECK(read_rgba(hl.renderer, w, h) == pixels);
        }
        CHECK(drawn == count_valid(set));
        // Every character of the bundled texts and the map's names has a glyph of its own.
        std::string all;
        for (const feeds::BundledFile& f : feeds::bundled_files()) all += f.text;
        for (const feeds::BundledFile& f : feeds::geo_files()) all += f.text;
        for (char32_t c : feeds::text_code_points(all)) {
            if (c < 0x20) continue;
            INFO(feeds::code_point_name(c));
            CHECK(lean.fonts.body->FindGlyphNoFallback(ImWchar(c)));
            CHECK(lean.fonts.heading->FindGlyphNoFallback(ImWchar(c)));
        }
        close_slide_screen(lean);
        close_slide_screen(full);
        close_headless(hl);
    }
}

TEST_CASE("glyph set: data bringing a new character grows the kiosk's atlas, and it is drawn") {
    const FontFiles fonts = test_fonts();
    REQUIRE(fonts.error.empty());
    const SlideSet before = load_slide_set({});
    const SlideSet after = bundled_with_title(before, "Ærø – Ü");
    REQUIRE(after.slides.front().valid);
    const int w = 1280, h = 720;
    Headless hl;
    REQUIRE_FALSE(open_headless(w, h, hl));
    KioskScreen k;
    open_kiosk_screen(hl.renderer, fonts, true, "", k);
    set_kiosk_slides(k, before);
    const FrameInput in{0, render_clock(), kRenderToday, w, h, 0, nullptr};
    REQUIRE(kiosk_frame(k, before, 1, in).composed);
    const int lean_h = k.screen.imgui.font_h;
    CHECK_FALSE(k.screen.fonts.heading->FindGlyphNoFallback(0xDC));

    // The detector sees the marker: the new title drawn with the old atlas.
    draw_slide(k.screen, after.slides.front(), {render_clock(), "", kRenderToday});
    CHECK(fallback_vertices(k.screen) > 0);

    set_kiosk_slides(k, after);  // new data
    CHECK(k.screen.glyphs_stale);
    FrameInput later = in;
    later.now_ms = 100;
    REQUIRE(kiosk_frame(k, after, 2, later).composed);
    CHECK_FALSE(k.screen.glyphs_stale);
    CHECK(k.screen.fonts.heading->FindGlyphNoFallback(0xDC));
    CHECK(k.screen.imgui.font_h >= lean_h);
    CHECK(fallback_vertices(k.screen) == 0);

    // Back to data it already holds: no rebuild.
    set_kiosk_slides(k, before);
    CHECK_FALSE(k.screen.glyphs_stale);
    close_kiosk_screen(k);
    close_headless(hl);
}
