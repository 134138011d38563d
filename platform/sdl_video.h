// The kiosk's window and SDL_Renderer.
//
// Drawing goes to a "logical" screen: the output size, with width and height swapped when the
// screen is mounted rotated by 90 or 270 degrees. When rotated, a target texture of the logical
// size is drawn into and copied rotated to the output at present time.
#pragma once

#include <string>

struct SDL_Window;
struct SDL_Renderer;
struct SDL_Texture;

struct VideoOptions {
    bool fullscreen = false;     // SDL_WINDOW_FULLSCREEN_DESKTOP; hides the mouse cursor
    int width = 1280;            // windowed size (ignored in full screen)
    int height = 720;
    int rotate = 0;              // 0, 90, 180 or 270 degrees, clockwise
    bool force_software = false; // skip the accelerated renderer
    std::string title = "infotavle";
};

struct Video {
    SDL_Window* window = nullptr;
    SDL_Renderer* renderer = nullptr;
    SDL_Texture* rotated = nullptr;  // logical-size target when rotate != 0
    std::string renderer_name;       // "opengl", "opengles2", "software", ...
    std::string driver_name;         // SDL video driver: "x11", "wayland", "kmsdrm", ...
    bool software = false;           // no GPU: pick cheap transitions
    int rotate = 0;
    int output_w = 0, output_h = 0;    // the renderer's output, in pixels
    int logical_w = 0, logical_h = 0;  // what the app draws
};

struct VideoError {
    bool no_display = false;  // no video driver could start, or no window could be made
    std::string sdl_error;    // SDL_GetError() text, for the log line
};

// Returns true and fills `out`, or false and fills `err`.
bool open_video(const VideoOptions& opt, Video& out, VideoError& err);
void close_video(Video& v);

// Re-reads the output size (after a window resize). Returns true when the logical size changed;
// the rotation texture is then remade.
bool sync_video_size(Video& v);

// Sets the render target for a frame of the logical screen: the rotation texture or the window.
void begin_video_frame(Video& v);
// Copies the rotation texture to the output when rotated, and presents.
void present_video_frame(Video& v);
