#include "platform/sdl_video.h"

#include <SDL.h>

#include <filesystem>
#include <string>
#include <string_view>

static bool fill_renderer_info(Video& v) {
    SDL_RendererInfo info{};
    if (SDL_GetRendererInfo(v.renderer, &info) != 0) return false;
    v.renderer_name = info.name ? info.name : "?";
    v.software = (info.flags & SDL_RENDERER_SOFTWARE) != 0 || v.renderer_name == "software";
    return true;
}

bool is_software_gl(std::string_view gl_renderer) {
    for (std::string_view soft : {"llvmpipe", "softpipe", "Software Rasterizer", "swrast"})
        if (gl_renderer.find(soft) != std::string_view::npos) return true;
    return false;
}

// The GL_RENDERER string of an SDL OpenGL renderer (its context is current once created).
static std::string gl_renderer_of(SDL_Renderer* r) {
    SDL_RendererInfo info{};
    if (SDL_GetRendererInfo(r, &info) != 0 || !info.name ||
        std::string_view(info.name).rfind("opengl", 0) != 0)
        return {};
    using GetString = const unsigned char* (*)(unsigned int);
    auto get = reinterpret_cast<GetString>(SDL_GL_GetProcAddress("glGetString"));
    const unsigned char* s = get ? get(0x1F01 /* GL_RENDERER */) : nullptr;
    return s ? reinterpret_cast<const char*>(s) : "";
}

// Whether the machine has a GPU device node at all. Without one, OpenGL can only be Mesa's
// CPU rasteriser, and merely trying it maps ~50 MB of LLVM into the process.
static bool gpu_device_present() {
    std::error_code ec;
    for (const auto& e : std::filesystem::directory_iterator("/dev/dri", ec)) {
        const std::string name = e.path().filename().string();
        if (name.rfind("card", 0) == 0 || name.rfind("renderD", 0) == 0) return true;
    }
    return std::filesystem::exists("/dev/nvidia0", ec);
}

static SDL_Renderer* create_renderer(SDL_Window* w, bool force_software) {
    // Target textures are needed for the per-slide cache and for rotation.
    if (!force_software && gpu_device_present()) {
        SDL_Renderer* r = SDL_CreateRenderer(
            w, -1, SDL_RENDERER_ACCELERATED | SDL_RENDERER_TARGETTEXTURE | SDL_RENDERER_PRESENTVSYNC);
        // Mesa without a GPU driver still offers "accelerated" OpenGL, rasterised on the CPU
        // (llvmpipe): measured 5,5 % CPU and 130 MB with crossfades at 1280x720, against
        // 1,3 % and 52 MB with SDL's own software renderer and push transitions.
        if (r && is_software_gl(gl_renderer_of(r))) {
            SDL_DestroyRenderer(r);
            r = nullptr;
        }
        if (r) return r;
    }
    // SDL would show the software renderer's picture through an OpenGL texture when it can,
    // which on X11 without a GPU means llvmpipe again, on every frame: measured 5,5 % CPU at
    // 1280x720 against 1,0 % with a plain X11 image. Only X11 has such a plain image to fall
    // back on; kmsdrm and Wayland need the texture.
    const char* driver = SDL_GetCurrentVideoDriver();
    if (driver && std::string_view(driver) == "x11") SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
    return SDL_CreateRenderer(w, -1, SDL_RENDERER_SOFTWARE | SDL_RENDERER_TARGETTEXTURE);
}

bool sync_video_size(Video& v) {
    int w = 0, h = 0;
    SDL_GetRendererOutputSize(v.renderer, &w, &h);
    const bool swap = v.rotate == 90 || v.rotate == 270;
    const int lw = swap ? h : w, lh = swap ? w : h;
    v.output_w = w;
    v.output_h = h;
    if (lw == v.logical_w && lh == v.logical_h) return false;
    v.logical_w = lw;
    v.logical_h = lh;
    return true;
}

const char* default_video_driver(const char* asked, const char* wayland_display, const char* x11_display) {
    if (asked && *asked) return nullptr;                      // the user chose
    if (wayland_display && *wayland_display) return nullptr;  // SDL's own order finds Wayland
    if (x11_display && *x11_display) return "x11";
    // No desktop session: a board booted to the console. kmsdrm drives the screen directly.
    return "kmsdrm";
}

// Without this SDL would try Wayland first even with no session, and libwayland prints
// "XDG_RUNTIME_DIR is invalid" before anything of ours; and a console board would need
// SDL_VIDEODRIVER=kmsdrm set by hand.
static void pick_video_driver() {
    const char* d = default_video_driver(SDL_getenv("SDL_VIDEODRIVER"), SDL_getenv("WAYLAND_DISPLAY"),
                                         SDL_getenv("DISPLAY"));
    if (d) SDL_SetHint(SDL_HINT_VIDEODRIVER, d);
}

bool open_video(const VideoOptions& opt, Video& out, VideoError& err) {
    // The kiosk keeps the screen on: no screensaver, no compositor bypass surprises.
    SDL_SetHint(SDL_HINT_VIDEO_ALLOW_SCREENSAVER, "0");
    SDL_SetHint(SDL_HINT_VIDEO_X11_NET_WM_BYPASS_COMPOSITOR, "0");
    pick_video_driver();
    if (SDL_InitSubSystem(SDL_INIT_VIDEO) != 0) {
        err = {true, SDL_GetError()};
        return false;
    }
    // SDL falls back to drivers that show nothing ("offscreen", "dummy") when no display is
    // there. A kiosk running invisibly would look like a hang: accept them only when asked for.
    const char* current = SDL_GetCurrentVideoDriver();
    const std::string chosen = current ? current : "";
    const char* asked = SDL_getenv("SDL_VIDEODRIVER");
    if ((chosen == "offscreen" || chosen == "dummy") && !(asked && chosen == asked)) {
        err = {true, "only the \"" + chosen + "\" video driver, which shows nothing, could start"};
        SDL_QuitSubSystem(SDL_INIT_VIDEO);
        return false;
    }
    Uint32 flags = SDL_WINDOW_SHOWN;
    flags |= opt.fullscreen ? SDL_WINDOW_FULLSCREEN_DESKTOP : SDL_WINDOW_RESIZABLE;
    const bool swap = opt.rotate == 90 || opt.rotate == 270;
    // Windowed --size is the logical (as seen) size; the window is that size turned.
    const int ww = swap ? opt.height : opt.width, wh = swap ? opt.width : opt.height;
    Video v;
    v.rotate = opt.rotate;
    v.driver_name = chosen;
    v.window =
        SDL_CreateWindow(opt.title.c_str(), SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, ww, wh, flags);
    if (!v.window) {
        err = {true, SDL_GetError()};
        SDL_QuitSubSystem(SDL_INIT_VIDEO);
        return false;
    }
    v.renderer = create_renderer(v.window, opt.force_software);
    if (!v.renderer || !fill_renderer_info(v)) {
        err = {false, SDL_GetError()};
        close_video(v);
        return false;
    }
    if (opt.fullscreen) SDL_ShowCursor(SDL_DISABLE);
    sync_video_size(v);
    out = v;
    return true;
}

void close_video(Video& v) {
    if (v.renderer) SDL_DestroyRenderer(v.renderer);
    if (v.window) {
        SDL_DestroyWindow(v.window);
        SDL_QuitSubSystem(SDL_INIT_VIDEO);
    }
    v = Video{};
}

Uint32 picture_format(SDL_Renderer* r) {
    SDL_Window* w = r ? SDL_RenderGetWindow(r) : nullptr;
    const Uint32 f = w ? SDL_GetWindowPixelFormat(w) : Uint32(SDL_PIXELFORMAT_UNKNOWN);
    return f == SDL_PIXELFORMAT_RGB888 ? f : Uint32(SDL_PIXELFORMAT_ARGB8888);
}

SDL_Rect rotate_rect(SDL_Rect r, int degrees, int lw, int lh) {
    switch (degrees) {
        case 90:
            return {lh - r.y - r.h, r.x, r.h, r.w};  // (x, y) -> (lh - y, x)
        case 180:
            return {lw - r.x - r.w, lh - r.y - r.h, r.w, r.h};
        case 270:
            return {r.y, lw - r.x - r.w, r.h, r.w};  // (x, y) -> (y, lw - x)
        default:
            return r;
    }
}
