#include "app/map/layer.h"

#include <SDL.h>

#include <cmath>

#include "platform/imgui_sdl.h"
#include "platform/sdl_video.h"

void drop_map_layers(MapLayers& layers) {
    for (auto& s : layers.slots) {
        if (s.texture) SDL_DestroyTexture(s.texture);
        s = MapLayer{};
    }
}

ImTextureID map_layer_texture(MapLayers& layers, ImGuiSdl& g, int rotate, ImU32 background,
                              const std::string& key, Rect r, const MapDrawFn& draw) {
    const int w = int(std::lround(r.w())), h = int(std::lround(r.h()));
    if (w <= 0 || h <= 0 || !g.renderer) return nullptr;
    ++layers.uses;
    for (auto& s : layers.slots)
        if (s.texture && s.key == key && s.w == w && s.h == h && s.rotate == rotate) {
            s.last_used = layers.uses;
            return s.texture;
        }
    MapLayer* slot = &layers.slots[0];
    for (auto& s : layers.slots)
        if (s.last_used < slot->last_used) slot = &s;
    const bool swap = rotate == 90 || rotate == 270;
    if (slot->texture && (slot->w != w || slot->h != h || slot->rotate != rotate)) {
        SDL_DestroyTexture(slot->texture);
        slot->texture = nullptr;
    }
    if (!slot->texture) {
        slot->texture = SDL_CreateTexture(g.renderer, picture_format(g.renderer), SDL_TEXTUREACCESS_TARGET,
                                          swap ? h : w, swap ? w : h);
        if (!slot->texture) {
            *slot = MapLayer{};
            return nullptr;
        }
        SDL_SetTextureBlendMode(slot->texture, SDL_BLENDMODE_NONE);
    }
    slot->key = key;
    slot->w = w;
    slot->h = h;
    slot->rotate = rotate;
    slot->last_used = layers.uses;

    SDL_Texture* previous = SDL_GetRenderTarget(g.renderer);
    SDL_SetRenderTarget(g.renderer, slot->texture);
    SDL_SetRenderDrawBlendMode(g.renderer, SDL_BLENDMODE_NONE);
    SDL_SetRenderDrawColor(g.renderer, Uint8(background), Uint8(background >> 8), Uint8(background >> 16),
                           255);
    SDL_RenderClear(g.renderer);
    ImDrawList list(ImGui::GetDrawListSharedData());
    begin_standalone_list(g, list, w, h);
    draw(&list, {-std::round(r.x0), -std::round(r.y0)});
    render_draw_list(g, list, w, h, rotate);
    SDL_SetRenderTarget(g.renderer, previous);
    ++layers.draws;
    return slot->texture;
}
