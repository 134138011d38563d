// The font sizes of the screen, derived from the screen size, and their loading into
// Dear ImGui's atlas. Each size is rasterised once by FreeType (imgui_freetype, in
// libimgui.a) at its own pixel size, so text is crisp; the atlas is rebuilt only when the
// screen size changes, never per frame.
#pragma once

#include <optional>
#include <string>

#include <imgui/imgui.h>

struct FontSizes {
    float small;    // sources, captions, axis labels; >= 1/40 of a landscape screen's height
    float body;     // item labels, table text
    float heading;  // slide title, big labels
    float display;  // the one big figure of a KPI tile
};

struct Fonts {
    ImFont* small = nullptr;
    ImFont* body = nullptr;
    ImFont* body_bold = nullptr;
    ImFont* heading = nullptr;  // bold
    ImFont* display = nullptr;  // bold; figures only: Basic Latin, "±", "–", "−" (no æøå)
};

// Sizes follow the shorter screen side, so a portrait 1080x1920 screen gets the same type
// as a landscape 1920x1080 one (its width is the limit, not its height).
FontSizes font_sizes_for(int width, int height);

// Adds the fonts to `atlas` (the caller builds it). Returns an error text naming the file
// when a font cannot be loaded.
std::optional<std::string> add_fonts(ImFontAtlas& atlas, const FontSizes& sizes,
                                     const std::string& regular_file, const std::string& bold_file,
                                     Fonts& out);
