// Dear ImGui on an SDL_Renderer, used as a 2-D drawing API only: no windows, no input. The
// imgui SDL platform backend is not used (the kiosk takes no ImGui input); display size and
// delta time are set here. Each ImGuiSdl owns its own ImGui context, so several renderers
// (one per screen size in tests) can live side by side.
#pragma once

#include <optional>
#include <string>

struct SDL_Renderer;
struct ImGuiContext;
struct ImDrawList;
struct ImFontAtlas;

struct ImGuiSdl {
    ImGuiContext* context = nullptr;
    SDL_Renderer* renderer = nullptr;
};

void open_imgui(SDL_Renderer* renderer, ImGuiSdl& out);
void close_imgui(ImGuiSdl& g);

// The context's font atlas, for the caller to Clear() and add fonts to.
ImFontAtlas& imgui_fonts(ImGuiSdl& g);

// Builds the atlas and (re)creates its texture on the renderer. Call after changing the fonts.
std::optional<std::string> upload_imgui_fonts(ImGuiSdl& g);

// Starts a frame of width x height and returns the list to draw into (the background list).
ImDrawList* begin_imgui_frame(ImGuiSdl& g, int width, int height);

// Renders what was drawn since begin_imgui_frame() into the renderer's current target.
void end_imgui_frame(ImGuiSdl& g);
