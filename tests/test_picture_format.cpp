// Slide textures in the output's own pixel format (platform/sdl_video.h picture_format): an
// ARGB8888 picture copied onto an XRGB8888 window was converted pixel by pixel, a third of the
// kiosk's CPU between slides; in the window's format SDL copies rows.
#include <SDL.h>
#include <doctest/doctest.h>

#include "app/kiosk/frame.h"
#include "platform/headless.h"
#include "platform/sdl_video.h"

static Uint32 texture_format(SDL_Texture* t) {
    Uint32 f = 0;
    SDL_QueryTexture(t, &f, nullptr, nullptr, nullptr);
    return f;
}

TEST_CASE("a slide texture has the window's pixel format, so copying it to the window is a row copy") {
    SDL_SetHint(SDL_HINT_VIDEODRIVER, "dummy");
    REQUIRE(SDL_InitSubSystem(SDL_INIT_VIDEO) == 0);
    SDL_Window* w = SDL_CreateWindow("t", 0, 0, 64, 32, SDL_WINDOW_HIDDEN);
    REQUIRE(w);
    SDL_Renderer* r = SDL_CreateRenderer(w, -1, SDL_RENDERER_SOFTWARE | SDL_RENDERER_TARGETTEXTURE);
    REQUIRE(r);
    // The dummy driver's window, like X11's at depth 24, is XRGB8888: no alpha to convert.
    CHECK(SDL_GetWindowPixelFormat(w) == SDL_PIXELFORMAT_RGB888);
    CHECK(picture_format(r) == SDL_PIXELFORMAT_RGB888);
    SDL_Texture* t = create_slide_texture(r, 64, 32);
    REQUIRE(t);
    CHECK(texture_format(t) == SDL_PIXELFORMAT_RGB888);
    SDL_DestroyTexture(t);
    SDL_DestroyRenderer(r);
    SDL_DestroyWindow(w);
    SDL_QuitSubSystem(SDL_INIT_VIDEO);
}

TEST_CASE("a headless renderer draws ARGB8888, and its slide textures match it") {
    Headless h;
    REQUIRE_FALSE(open_headless(64, 32, h));
    CHECK(picture_format(h.renderer) == SDL_PIXELFORMAT_ARGB8888);
    SDL_Texture* t = create_slide_texture(h.renderer, 64, 32);
    REQUIRE(t);
    CHECK(texture_format(t) == SDL_PIXELFORMAT_ARGB8888);
    SDL_DestroyTexture(t);
    close_headless(h);
}
