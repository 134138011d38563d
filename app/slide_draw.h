// Drawing whole slides with Dear ImGui onto an SDL_Renderer: the chrome (header, footer) and
// the slide's view in the body. A SlideScreen holds what drawing at one screen size needs: the
// ImGui context and its font atlas, rebuilt only when the size changes.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/fonts.h"
#include "app/glyph_set.h"
#include "app/kiosk/slide_set.h"
#include "app/map/geometry.h"
#include "app/map/layer.h"
#include "app/notices/notice_text.h"
#include "app/slide_chrome.h"
#include "app/theme.h"
#include "platform/font_files.h"
#include "platform/imgui_sdl.h"

struct SDL_Renderer;

struct SlideScreen {
    ImGuiSdl imgui;
    FontFiles font_files;
    Theme theme{};
    Fonts fonts;
    FontSizes sizes{};
    int width = 0, height = 0;  // the size the atlas was built for; 0 = not yet
    // The characters the atlas holds (all drawable ones until need_glyphs says otherwise), as
    // ImGui reads them while building; `glyphs_stale`: rebuild at the next resize_slide_screen.
    ScreenGlyphs glyphs;
    std::vector<ImWchar> text_ranges, figure_ranges;
    bool glyphs_stale = false;
    // Draws land turned clockwise by this (0, 90, 180, 270) in a target of the turned size:
    // a screen mounted on its side gets its slides turned with no second picture to turn.
    // The font texture is turned to match, so it is set with the size.
    int rotate = 0;
    // The maps: their geometry, read when the first map slide is drawn, and their cached bases.
    std::optional<MapGeometry> map_geometry;
    std::string map_error;
    MapLayers map_layers;
};

// What changes from draw to draw besides the slide: the clock and the home municipality.
struct SlideContext {
    ClockForms clock;                      // "tirsdag 3. maj 2022, kl. 10.15" and its shorter forms
    std::string_view home;                 // --home, may be empty
    feeds::PartialDate today;              // for the timeline's "i dag"
    const NoticeBandText* band = nullptr;  // a moderate notice across the bottom, above the source line
};

void open_slide_screen(SDL_Renderer* renderer, const FontFiles& files, SlideScreen& out);
void close_slide_screen(SlideScreen& s);

// The characters the screen's data needs (slide_set_glyphs), said when the data changes. The one
// place for the atlas's rule: before the first build the atlas is made with exactly these; after
// it, when the atlas holds them all nothing happens, else the next resize_slide_screen rebuilds
// it whole with exactly these (tens of ms, at a data change only).
void need_glyphs(SlideScreen& s, ScreenGlyphs need);

// Rebuilds the fonts for width x height, turned by `rotate`, when that differs from the last
// time or need_glyphs asked for more characters. Error text on failure.
std::optional<std::string> resize_slide_screen(SlideScreen& s, int width, int height, int rotate = 0);

// The slide onto `c`: chrome, link and view in `layout`. No SDL: draw_slide() draws through it,
// and tests lay slides out with it without pixels. `map` may be null for views that are no map.
void compose_slide(Canvas& c, const ViewStyle& style, const SlideLayout& layout, const ScreenSlide& slide,
                   const SlideContext& ctx, const MapSupport* map);

// Draws the slide at the screen's size (turned by s.rotate) into the renderer's current target
// (the whole of it).
// Returns the layout problems the canvas found: empty is good. `left_out`, when given, gets
// what the publisher wrote that the view had no room for (Canvas::left_out).
std::vector<std::string> draw_slide(SlideScreen& s, const ScreenSlide& slide, const SlideContext& ctx,
                                    std::vector<std::string>* left_out = nullptr);

// The calm full-screen message when no slide has valid data, in Danish; `reason` is for the
// caller's log (the screen does not show it).
std::vector<std::string> draw_no_data_slide(SlideScreen& s, const SlideContext& ctx,
                                            const std::string& reason);

// The calm page when the slides are valid but none is due now (a slide's `show`, the schedule).
std::vector<std::string> draw_calm_slide(SlideScreen& s, const SlideContext& ctx, const std::string& headline,
                                         const std::string& detail);

// A notice's whole-screen page (a takeover or an info slide: app/notices/notice_draw.h).
std::vector<std::string> draw_notice_slide(SlideScreen& s, const NoticePageText& page);

// The layout of the screen at its current size (for the progress bar, drawn by the caller).
SlideLayout screen_layout(const SlideScreen& s);
