// Dear ImGui on an SDL_Renderer, used as a 2-D drawing API only: no windows, no input. The
// kiosk takes no ImGui input, so the imgui SDL platform backend is not used. Drawing goes
// through ImGui's own SDL_Renderer backend (imgui_impl_sdlrenderer, compiled from the source
// libimgui-dev ships) on a GPU renderer, and through a faster loop of our own (imgui_sdl.cpp)
// on SDL's software renderer or when the output is turned. The font atlas is uploaded here
// for both. Each ImGuiSdl owns its own ImGui context, so several renderers (one per screen
// size in tests) can live side by side.
#pragma once

#include <optional>
#include <string>

#include <imgui/imgui.h>

struct SDL_Renderer;
struct SDL_Texture;

struct ImGuiSdl {
    ImGuiContext* context = nullptr;
    SDL_Renderer* renderer = nullptr;
    SDL_Texture* font_texture = nullptr;
    int font_w = 0, font_h = 0;  // atlas size in pixels, for the benchmark and the log
    int font_rotate = 0;         // the turn the font texture was made with
    // Draw upright frames with ImGui's stock backend: set by open_imgui() for GPU renderers,
    // where it is fast and the reference; in software its per-pixel blending of every shape
    // costs 3x our loop.
    bool stock_backend = false;
};

void open_imgui(SDL_Renderer* renderer, ImGuiSdl& out);
void close_imgui(ImGuiSdl& g);

// The context's font atlas, for the caller to Clear() and add fonts to.
ImFontAtlas& imgui_fonts(ImGuiSdl& g);

// Builds the atlas and (re)creates its texture on the renderer, turned by `rotate` for frames
// drawn turned (end_imgui_frame). Call after changing the fonts or the turn.
std::optional<std::string> upload_imgui_fonts(ImGuiSdl& g, int rotate = 0);

// Starts a frame of width x height and returns the list to draw into (the background list).
ImDrawList* begin_imgui_frame(ImGuiSdl& g, int width, int height);

// Renders what was drawn since begin_imgui_frame() into the renderer's current target. With
// `rotate` (0, 90, 180, 270, clockwise) the drawing lands turned: the target then has the
// frame's size with width and height swapped for 90 and 270. Turning the vertices costs next
// to nothing, where turning a finished picture needs a second full-size picture. `rotate`
// must be the turn the fonts were uploaded with; otherwise nothing is drawn.
void end_imgui_frame(ImGuiSdl& g, int rotate = 0);

// Where the point p of a width x height frame lands when the frame is turned clockwise by
// `rotate` degrees (0, 90, 180, 270). The same mapping as rotate_rect() in sdl_video.h.
ImVec2 turn_point(ImVec2 p, int rotate, float width, float height);

// A clip rectangle (x0, y0, x1, y1) turned the same way; still x0 <= x1 and y0 <= y1.
ImVec4 turn_rect(ImVec4 r, int rotate, float width, float height);

// Renders one draw list made outside the frame's own lists (see begin_standalone_list) into the
// renderer's current target, as end_imgui_frame() would: `width` x `height` logical, turned by
// `rotate`. Used for drawings cached in their own texture (the maps' polygons). Call between
// begin_imgui_frame() and end_imgui_frame(): the list shares the frame's drawing data.
void render_draw_list(ImGuiSdl& g, ImDrawList& list, int width, int height, int rotate = 0);

// Prepares `list` (made with ImGui::GetDrawListSharedData()) for drawing a `width` x `height`
// picture with the frame's font atlas and flags. Call within a frame.
void begin_standalone_list(ImGuiSdl& g, ImDrawList& list, int width, int height);
