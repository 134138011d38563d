// Which characters the font atlas holds: the ones the screen can be asked to draw now, not
// every one --check lets through. Of ~395 drawable code points a Danish playlist uses ~120, and
// five fonts of each made the atlas the largest piece of the kiosk's memory (7.6 MB at
// 1920x1080). Pure: tested without a window; slide_draw.h builds the atlas from it.
#pragma once

#include <vector>

#include <imgui/imgui.h>

#include "app/kiosk/slide_set.h"

// Code points, ascending, each once.
using GlyphSet = std::vector<char32_t>;

// The two kinds of font: the text fonts (fine, small, body, body_bold, heading) and the display
// font, which sets only the KPI figures (kpi_tiles_plan.cpp: a qualifier, the number, a
// compact unit) at ~1/7.5 of the screen: ~15 000 atlas pixels a glyph at 1920x1080.
struct ScreenGlyphs {
    GlyphSet text;
    GlyphSet figures;
    bool operator==(const ScreenGlyphs&) const = default;
};

// Always in the text fonts: printable ASCII, the characters the app's own strings use (Danish
// letters, dashes, arrows, signs: tests/test_glyph_set.cpp fails when a string in app/ uses one
// outside it), the names in the map's reference files, and kMissingGlyphMarker.
const GlyphSet& base_glyphs();

// Always in the display font: what format_value writes for the compact units ("", "%", "kr")
// and format_number_auto for the others: digits, ". , + − – ±", "E" ("1,8E+308"), " %",
// " kr.", " mio. kr.", " mia. kr."; and "…" and the marker.
const GlyphSet& figure_glyphs();

// A screen not told what its data needs (tests drawing made-up text): every code point --check
// lets through, and for figures the base and what the display font held before (space to "@",
// a-z, æ ø å: qualifiers).
const ScreenGlyphs& all_drawable_glyphs();

// What the screen needs for `set`: the bases, the drawable code points of the manifest's and the
// feeds' texts (Feed::code_points, notices included) for the text fonts, and those of the KPI
// qualifiers for the display font.
ScreenGlyphs slide_set_glyphs(const SlideSet& set);

// True when `have` holds every code point of `need`.
bool holds_glyphs(const GlyphSet& have, const GlyphSet& need);
bool holds_glyphs(const ScreenGlyphs& have, const ScreenGlyphs& need);

// `set` as ImGui glyph ranges: pairs of first and last, runs merged, ending in 0. ImWchar is
// 16 bits: every drawable code point is below U+FFFF.
std::vector<ImWchar> glyph_ranges_of(const GlyphSet& set);
