// The font sizes of the screen, derived from the screen size, and their loading into
// Dear ImGui's atlas. Each size is rasterised once by FreeType (imgui_freetype, in
// libimgui.a) at its own pixel size, so text is crisp; the atlas is rebuilt only when the
// screen size or the characters the data needs change (glyph_set.h), never per frame.
#pragma once

#include <optional>
#include <string>

#include <imgui/imgui.h>

struct FontSizes {
    float fine;     // the source line only: the one text allowed below the floor
    float small;    // captions, axis labels, details: capital height >= 1/40 of screen height
    float body;     // item labels, table text
    float heading;  // slide title, big labels
    float display;  // the one big figure of a KPI tile
};

// Drawn for a character the fonts cannot draw, instead of ImGui's "?" (which reads as part of
// the text): U+25A1 WHITE SQUARE, in Inter and DejaVu Sans. --check refuses such characters in
// feeds (feeds/screen_text.h), so the screen shows one only for text it made itself.
constexpr ImWchar kMissingGlyphMarker = 0x25A1;

struct Fonts {
    ImFont* fine = nullptr;  // the footer's source line
    ImFont* small = nullptr;
    ImFont* body = nullptr;
    ImFont* body_bold = nullptr;
    ImFont* heading = nullptr;  // bold
    ImFont* display = nullptr;  // bold; figures only (glyph_set.h figure_glyphs)
};

// Capital height of the fonts we look up (Inter, DejaVu Sans) as a share of the ImGui font
// size, which imgui_freetype sets as ascender + descender, not the em: measured 0.61-0.65 for
// Inter once hinted. A little under, so the floor holds.
constexpr float kCapHeightOfSize = 0.60f;

// The smallest capital height text that carries meaning may have: 1/40 of the screen's
// height as a landscape screen, i.e. of its shorter side. A portrait screen is the same TV
// turned and read from the same distance, so its letters keep the same physical size (1/40
// of a portrait screen's long side would make them 1.8 x larger than on the same screen in
// landscape, and a 1080 px wide line would hold 20 characters). Only the source line may be
// smaller.
float min_cap_height(int width, int height);

// Capital height of `font` as rasterised (the hinted "H"), in px.
float cap_height(const ImFont* font);

// Sizes follow the shorter screen side, so a portrait 1080x1920 screen gets the same type
// as a landscape 1920x1080 one; the small size is the one whose capitals meet the floor.
FontSizes font_sizes_for(int width, int height);

// The glyphs to load, as ImGui ranges (glyph_set.h glyph_ranges_of): ImGui reads them when the
// atlas is built, so they must live until then.
struct FontRanges {
    const ImWchar* text = nullptr;     // fine, small, body, body_bold, heading
    const ImWchar* figures = nullptr;  // display: KPI figures only
};

// Adds the fonts to `atlas` (the caller builds it). Returns an error text naming the file
// when a font cannot be loaded.
std::optional<std::string> add_fonts(ImFontAtlas& atlas, const FontSizes& sizes,
                                     const std::string& regular_file, const std::string& bold_file,
                                     FontRanges ranges, Fonts& out);
