#include "platform/headless.h"

#include <SDL.h>

std::optional<std::string> open_headless(int width, int height, Headless& out) {
    if (width <= 0 || height <= 0) return "bad size " + std::to_string(width) + "x" + std::to_string(height);
    Headless h;
    h.width = width;
    h.height = height;
    // The software renderer draws into any surface; no SDL_Init(SDL_INIT_VIDEO) is needed.
    h.surface = SDL_CreateRGBSurfaceWithFormat(0, width, height, 32, SDL_PIXELFORMAT_ARGB8888);
    if (!h.surface)
        return std::string("cannot make a ") + std::to_string(width) + "x" + std::to_string(height) +
               " surface: " + SDL_GetError();
    h.renderer = SDL_CreateSoftwareRenderer(h.surface);
    if (!h.renderer) {
        std::string why = SDL_GetError();
        SDL_FreeSurface(h.surface);
        return "cannot make a software renderer: " + why;
    }
    out = h;
    return std::nullopt;
}

void close_headless(Headless& h) {
    if (h.renderer) SDL_DestroyRenderer(h.renderer);
    if (h.surface) SDL_FreeSurface(h.surface);
    h = Headless{};
}

std::vector<unsigned char> read_rgba(SDL_Renderer* renderer, int width, int height) {
    std::vector<unsigned char> px(size_t(width) * size_t(height) * 4);
    // SDL_PIXELFORMAT_RGBA32 is R,G,B,A in byte order whatever the machine's endianness.
    if (SDL_RenderReadPixels(renderer, nullptr, SDL_PIXELFORMAT_RGBA32, px.data(), width * 4) != 0) return {};
    return px;
}
