// One frame of the kiosk, as a function of time: rotation, the per-slide texture cache, the
// transition and the progress bar. No clock is read and no event is waited for here; the
// run loop (kiosk.cpp) and the benchmark pass the times in.
//
// Cost model, for a board with no GPU: a slide is drawn with ImGui into a target texture once,
// when its data, the screen size or the clock text changes; frames in between only copy
// textures. Only the textures the rotation needs (current and next) are kept. On a turned
// screen the slides are drawn turned (ImGui's vertices are turned, see end_imgui_frame) into
// output-sized textures, so frames stay plain copies and no upright picture is ever made.
//
// Never a blank screen: when a texture cannot be made (out of memory), the slide on screen is
// drawn straight into the target instead, with no transition and no progress bar.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/kiosk/rotation.h"
#include "app/kiosk/slide_set.h"
#include "app/slide_draw.h"
#include "feeds/note.h"

struct SDL_Renderer;
struct SDL_Texture;

struct CachedSlide {
    SDL_Texture* texture = nullptr;
    int slide = -2;                // index into SlideSet::slides; -1 = the no-data screen; -2 = empty
    std::uint64_t generation = 0;  // of the data it was drawn from
    ClockForms clock;              // the clock text it shows
    int width = 0, height = 0;     // logical size
    int rotate = 0;                // the texture holds the slide already turned for the output
};

enum class Transition { Crossfade, Push };

// Makes a w x h target texture; null on failure. A field of KioskScreen so tests can make it fail.
using SlideTextureFn = SDL_Texture* (*)(SDL_Renderer* renderer, int w, int h);
SDL_Texture* create_slide_texture(SDL_Renderer* renderer, int w, int h);

struct KioskScreen {
    SDL_Renderer* renderer = nullptr;
    SlideScreen screen;
    Transition transition = Transition::Push;
    CachedSlide cache[2];
    RotationState rotation;
    std::vector<SlideTiming> timings;
    bool started = false;
    std::string home;
    SlideTextureFn create_texture = create_slide_texture;
    // What is on the output now, so an unchanged frame is not composed again.
    int shown_current = -2, shown_next = -2;
    std::uint64_t shown_generation = 0;  // of a slide drawn straight to the output
    ClockForms shown_clock;              // likewise
    int shown_bar_px = -1;
    bool shown_in_transition = false;
    std::int64_t bar_drawn_ms = 0;
    bool dirty = true;  // something (size, data, texture loss) asks for a full redraw
    // When no slide is due (screen_plan.h): the calm page's words in place of the no-data screen.
    std::string calm_headline, calm_detail;
    // A moderate notice across the bottom of every slide (app/kiosk/notice_step.h); none: no band.
    std::optional<NoticeBandText> band;
    std::string band_key;
};

struct FrameInput {
    std::int64_t now_ms = 0;  // monotonic
    ClockForms clock;         // header clock text for this minute
    feeds::PartialDate today;
    int width = 0, height = 0;      // logical screen size
    int rotate = 0;                 // screen turned clockwise by 0/90/180/270; the target has the
                                    // output size (width and height swapped for 90 and 270)
    SDL_Texture* target = nullptr;  // where the frame is composed: null = the window (or surface)
};

struct FrameResult {
    bool composed = false;  // a new frame was drawn into the target: present it
    bool in_transition = false;
    int slides_drawn = 0;            // cold ImGui draws this frame (0 on a cached frame)
    std::int64_t wait_ms = 0;        // nothing changes before this; 0 = draw again at display rate
    bool direct = false;             // no texture for the slide on screen: it was drawn straight
                                     // into the target (each time the frame is composed)
    std::vector<feeds::Note> notes;  // canvas problems of slides drawn, texture failures (feeds/note.h)
};

// `software`: the renderer has no GPU, so transitions are opaque pushes instead of fades.
void open_kiosk_screen(SDL_Renderer* renderer, const FontFiles& fonts, bool software, std::string home,
                       KioskScreen& out);
void close_kiosk_screen(KioskScreen& k);

// New data: the cache is dropped, rotation continues (restarts when the slide count changed).
// `due` (per slide, from plan_screen) leaves out the slides not due now; null = all valid ones.
void set_kiosk_slides(KioskScreen& k, const SlideSet& set, const std::vector<bool>* due = nullptr);

// Textures lost (SDL_RENDER_TARGETS_RESET) or the size changed: redraw everything.
void invalidate_kiosk(KioskScreen& k);

FrameResult kiosk_frame(KioskScreen& k, const SlideSet& set, std::uint64_t generation, const FrameInput& in);
