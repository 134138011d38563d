// The kiosk's window and SDL_Renderer.
//
// Drawing goes to a "logical" screen: the output size, with width and height swapped when the
// screen is mounted rotated by 90 or 270 degrees. Turning is done by the caller: ImGui drawing
// is turned vertex by vertex (end_imgui_frame in imgui_sdl.h), rectangles with rotate_rect().
// No turned copy of a finished picture (SDL_RenderCopyEx) is made: in software it costs a
// full-size upright texture plus SDL's temporary turned surface, ~16 MB at 1920x1080.
#pragma once

#include <string_view>

#include <string>

#include <SDL_rect.h>

struct SDL_Window;
struct SDL_Renderer;
struct SDL_Texture;

struct VideoOptions {
    bool fullscreen = false;  // SDL_WINDOW_FULLSCREEN_DESKTOP; hides the mouse cursor
    int width = 1280;         // windowed size (ignored in full screen)
    int height = 720;
    int rotate = 0;               // 0, 90, 180 or 270 degrees, clockwise
    bool force_software = false;  // skip the accelerated renderer
    std::string title = "infotavle";
};

struct Video {
    SDL_Window* window = nullptr;
    SDL_Renderer* renderer = nullptr;
    std::string renderer_name;  // "opengl", "opengles2", "software", ...
    std::string driver_name;    // SDL video driver: "x11", "wayland", "kmsdrm", ...
    bool software = false;      // no GPU: pick cheap transitions
    int rotate = 0;
    int output_w = 0, output_h = 0;    // the renderer's output, in pixels
    int logical_w = 0, logical_h = 0;  // what the app draws
};

struct VideoError {
    bool no_display = false;  // no video driver could start, or no window could be made
    std::string sdl_error;    // SDL_GetError() text, for the log line
};

// Whether an OpenGL GL_RENDERER string names a CPU rasteriser (Mesa's llvmpipe, softpipe,
// swrast): then SDL's own software renderer is lighter than "accelerated" OpenGL.
bool is_software_gl(std::string_view gl_renderer);

// The video driver to ask SDL for, given the environment: nullptr keeps SDL's own choice
// (the user set SDL_VIDEODRIVER, or a Wayland session is running); "x11" in an X session;
// "kmsdrm" with no desktop at all, so a board booted to the console needs no settings.
const char* default_video_driver(const char* asked, const char* wayland_display, const char* x11_display);

// Returns true and fills `out`, or false and fills `err`.
bool open_video(const VideoOptions& opt, Video& out, VideoError& err);
void close_video(Video& v);

// Re-reads the output size (after a window resize). Returns true when the logical size changed.
bool sync_video_size(Video& v);

// The pixel format for an opaque picture that is copied onto `r`'s output (slide textures, map
// layers): the window's own 32-bit format, so SDL's software renderer copies rows (memcpy)
// where an ARGB8888 picture onto an XRGB8888 window (dummy, X11) went pixel by pixel
// (Blit4to4MaskAlpha: a third of the kiosk's CPU between slides, measured with perf). A
// renderer with no window draws into a headless ARGB8888 surface (platform/headless.h).
Uint32 picture_format(SDL_Renderer* r);

// Where the logical rectangle `r` lands on the output of a screen turned clockwise by
// `degrees` (0, 90, 180, 270), whose logical size is logical_w x logical_h.
SDL_Rect rotate_rect(SDL_Rect r, int degrees, int logical_w, int logical_h);
