#include "app/kiosk/frame_grab.h"

#include <SDL.h>

#include <cmath>
#include <cstdio>

#include "platform/headless.h"

namespace {

const CachedSlide* shown_entry(const KioskScreen& k) {
    for (const auto& c : k.cache)
        if (c.texture && c.slide == k.shown_current && k.shown_current != -2) return &c;
    return nullptr;
}

}  // namespace

std::string shown_picture_key(const KioskScreen& k) {
    const CachedSlide* c = shown_entry(k);
    if (!c) return "";
    // The clock's longest form names the minute; the shorter ones follow from it.
    const std::string clock = c->clock.empty() ? std::string() : c->clock.front();
    return std::to_string(c->slide) + " " + std::to_string(c->generation) + " " + clock + " " +
           std::to_string(c->width) + "x" + std::to_string(c->height) + " " + std::to_string(c->rotate);
}

FrameGrab grab_shown_slide(KioskScreen& k, SDL_Texture* target, int max_width) {
    FrameGrab g;
    const CachedSlide* c = shown_entry(k);
    int tw = 0, th = 0;
    if (!c || SDL_QueryTexture(c->texture, nullptr, nullptr, &tw, &th) != 0 || tw <= 0 || th <= 0) return g;
    const int w = std::min(tw, max_width);
    const int h = std::max(1, int(std::lround(double(th) * w / tw)));
    SDL_Texture* small =
        SDL_CreateTexture(k.renderer, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_TARGET, w, h);
    if (!small) return g;
    SDL_SetTextureScaleMode(c->texture, SDL_ScaleModeLinear);
    SDL_SetTextureBlendMode(c->texture, SDL_BLENDMODE_NONE);
    SDL_SetTextureAlphaMod(c->texture, 255);
    SDL_SetRenderTarget(k.renderer, small);
    SDL_RenderCopy(k.renderer, c->texture, nullptr, nullptr);
    g.rgba = read_rgba(k.renderer, w, h);
    SDL_SetRenderTarget(k.renderer, target);
    SDL_DestroyTexture(small);
    if (!g.rgba.empty()) {
        g.width = w;
        g.height = h;
    }
    return g;
}

std::string grab_hash(const FrameGrab& g) {
    if (g.rgba.empty()) return "";
    std::uint64_t h = 1469598103934665603ull;
    for (unsigned char b : g.rgba) {
        h ^= b;
        h *= 1099511628211ull;
    }
    char text[17];
    std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(h));
    return text;
}
