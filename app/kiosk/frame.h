// One frame of the kiosk, as a function of time: rotation, the per-slide texture cache, the
// transition and the progress bar. No clock is read and no event is waited for here; the
// run loop (kiosk.cpp) and the benchmark pass the times in.
//
// Cost model with a GPU: a slide is drawn with ImGui into a target texture once, when its data,
// the screen size or the clock text changes; frames in between only copy textures. Only the
// textures the rotation needs (current and next) are kept.
//
// Cost model for a board with no GPU (SDL's software renderer, `retained`): the output keeps its
// pixels between presents, so the slide is drawn straight onto it, the progress bar is drawn
// alone as it grows, and between changes nothing is drawn or presented. A slide texture exists
// only around a transition: the next slide is drawn into one kPrefetchMs before, revealed onto
// the output by a wipe (each pixel is written once per slide change, where a push rewrote the
// whole screen every frame), and freed when it is fully on screen (see drop_textures_except).
// On a turned screen the slides are drawn turned (ImGui's vertices are turned, see
// end_imgui_frame) into output-sized textures, so frames stay plain copies and no upright
// picture is ever made.
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

// Retained output: the next slide is drawn into its texture this long before its transition.
inline constexpr std::int64_t kPrefetchMs = 400;

enum class Transition { Crossfade, Push, Wipe };

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
    // Software renderer: the output keeps its pixels, slides are drawn onto it (see the top).
    bool retained = false;
    bool keep_shown_texture = false;  // retained, but hold the shown slide's texture (frame grabs)
    int revealed_px = 0;              // wipe: logical columns of the next slide on the output
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
    bool direct = false;             // the slide on screen was drawn straight into the target, not
                                     // copied from a texture (retained output, or no texture)
    std::vector<feeds::Note> notes;  // canvas problems of slides drawn, texture failures (feeds/note.h)
};

// `software`: the renderer has no GPU and its output keeps its pixels: `retained` drawing and
// wipes instead of crossfades.
void open_kiosk_screen(SDL_Renderer* renderer, const FontFiles& fonts, bool software, std::string home,
                       KioskScreen& out);
void close_kiosk_screen(KioskScreen& k);

// New data: the cache is dropped, rotation continues (restarts when the slide count changed).
// `due` (per slide, from plan_screen) leaves out the slides not due now; null = all valid ones.
void set_kiosk_slides(KioskScreen& k, const SlideSet& set, const std::vector<bool>* due = nullptr);

// Textures lost (SDL_RENDER_TARGETS_RESET) or the size changed: redraw everything.
void invalidate_kiosk(KioskScreen& k);

FrameResult kiosk_frame(KioskScreen& k, const SlideSet& set, std::uint64_t generation, const FrameInput& in);
