// The slow part of a map (thousands of filled triangles and anti-aliased outlines) kept in its
// own texture: drawn when its key (data, colours, home) or its size changes, and copied into the
// slide after that. The slide itself is redrawn every minute for the clock; the map is not.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <string>

#include <imgui/imgui.h>

#include "app/canvas.h"

struct ImGuiSdl;
struct SDL_Texture;
struct MapGeometry;

// Draws a map's base into `dl`, every point moved by `shift` (the layer's origin is the map's
// top-left corner; drawn straight onto the slide the shift is zero).
using MapDrawFn = std::function<void(ImDrawList* dl, ImVec2 shift)>;

struct MapLayer {
    SDL_Texture* texture = nullptr;
    std::string key;
    int w = 0, h = 0, rotate = 0;
    std::uint64_t last_used = 0;
};

struct MapLayers {
    std::array<MapLayer, 3> slots;  // the slides on screen and next, and one spare
    std::uint64_t uses = 0;
    int draws = 0;  // layers drawn so far (for tests and the benchmark)
};

void drop_map_layers(MapLayers& layers);

// A texture holding draw() over the whole-pixel rectangle `r` for `key`, drawn now only when no
// slot holds that key at that size and turn. `background` fills it first. Null when no texture
// can be made: the caller then draws straight onto the slide. Call within an ImGui frame.
ImTextureID map_layer_texture(MapLayers& layers, ImGuiSdl& g, int rotate, ImU32 background,
                              const std::string& key, Rect r, const MapDrawFn& draw);

// What the map views get besides their data (ViewInput::map).
struct MapSupport {
    const MapGeometry* geometry = nullptr;  // null: not loaded; `error` says why
    std::string error;
    // Empty: no texture cache (tests); the view draws its base straight onto the slide.
    std::function<ImTextureID(const std::string& key, Rect r, const MapDrawFn& draw)> layer;
};
