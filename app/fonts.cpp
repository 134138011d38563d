#include "app/fonts.h"

#include <imgui/imgui_freetype.h>
#include <algorithm>
#include <cmath>
#include <filesystem>

float min_cap_height(int width, int height) {
    return float(std::max(1, std::min(width, height))) / 40.0f;
}

float cap_height(const ImFont* font) {
    const ImFontGlyph* g = font ? const_cast<ImFont*>(font)->FindGlyphNoFallback('H') : nullptr;
    return g ? g->Y1 - g->Y0 : (font ? font->FontSize * kCapHeightOfSize : 0);
}

// The source line's own floor: capitals of at least kFineMinCap px. Below about 10 px the hinted
// Inter digits of a page reference ("5659-5673") and æ/ø/å lose their counters and cannot be
// told apart at any distance. And 10 px is readable at 2 m on the screens an 800x480 signal
// drives in a lobby: on a 32" TV (398 mm tall, 0.83 mm per px) 10 px are 8.3 mm, 14 arcminutes
// at 2 m, about three times the 5 arcminutes of 20/20 acuity, so a visitor with ordinary
// (20/40) eyesight reads it. Before, 800x480 gave 13 px type with 8 px capitals (4.6 arcmin).
constexpr float kFineMinCap = 10.0f;

static float fine_floor_size() {
    return std::ceil((kFineMinCap + 1.0f) / kCapHeightOfSize);  // hinting may round down by 1 px
}

FontSizes font_sizes_for(int width, int height) {
    const float m = float(std::max(1, std::min(width, height)));
    FontSizes s;
    // Hinting may round the capital height down by up to a pixel: aim just above the floor.
    s.small = std::ceil((min_cap_height(width, height) + 1.0f) / kCapHeightOfSize);
    s.fine = std::max(fine_floor_size(), std::round(m / 36.0f));
    s.fine = std::min(s.fine, s.small);
    s.body = std::round(std::max(s.small * 1.15f, m / 24.0f));
    s.heading = std::round(std::max(s.small * 1.45f, m / 15.0f));
    s.display = std::round(std::max(s.small * 2.2f, m / 7.5f));
    return s;
}

static ImFont* add_one(ImFontAtlas& atlas, const std::string& file, float size, const ImWchar* ranges) {
    // ImGui asserts on a missing file; check first so a missing font is an error value.
    std::error_code ec;
    if (!std::filesystem::is_regular_file(file, ec)) return nullptr;
    ImFontConfig cfg;
    cfg.OversampleH = 1;  // FreeType hinting makes oversampling unnecessary
    cfg.OversampleV = 1;
    cfg.PixelSnapH = true;
    cfg.FontBuilderFlags = ImGuiFreeTypeBuilderFlags_LightHinting;
    ImFont* font = atlas.AddFontFromFileTTF(file.c_str(), size, &cfg, ranges);
    // ImGui keeps a fallback it finds in the font when the atlas is built; else it would use "?".
    if (font) font->FallbackChar = kMissingGlyphMarker;
    return font;
}

std::optional<std::string> add_fonts(ImFontAtlas& atlas, const FontSizes& sizes,
                                     const std::string& regular_file, const std::string& bold_file,
                                     FontRanges ranges, Fonts& out) {
    atlas.FontBuilderIO = ImGuiFreeType::GetBuilderForFreeType();
    // SDL textures need no power-of-two height; without the rounding up the atlas is only as
    // tall as its glyphs.
    atlas.Flags |= ImFontAtlasFlags_NoPowerOfTwoHeight;
    out.fine = add_one(atlas, regular_file, sizes.fine, ranges.text);
    out.small = add_one(atlas, regular_file, sizes.small, ranges.text);
    out.body = add_one(atlas, regular_file, sizes.body, ranges.text);
    if (!out.fine || !out.small || !out.body) return "cannot load font " + regular_file;
    out.body_bold = add_one(atlas, bold_file, sizes.body, ranges.text);
    out.heading = add_one(atlas, bold_file, sizes.heading, ranges.text);
    out.display = add_one(atlas, bold_file, sizes.display, ranges.figures);
    if (!out.body_bold || !out.heading || !out.display) return "cannot load font " + bold_file;
    return std::nullopt;
}
