#include "app/kiosk/frame.h"

#include <SDL.h>

#include <algorithm>
#include <cmath>

#include "app/map/layer.h"
#include "platform/process_memory.h"
#include "platform/sdl_video.h"

static constexpr std::int64_t kFrameMs = 16;  // display rate during transitions
// A wipe frame copies only a few columns, but each frame is a wake-up and a present of the whole
// output (on X11 an 8 MB image at 1920x1080): 30 frames a second keep the edge moving evenly
// (at most ~150 px a step at 1920 px) for half the presents of 60.
static constexpr std::int64_t kWipeFrameMs = 33;
static constexpr std::int64_t kBarMinIntervalMs = 500;  // progress bar: at most 2 updates a second

void open_kiosk_screen(SDL_Renderer* renderer, const FontFiles& fonts, bool software, std::string home,
                       KioskScreen& out) {
    out = KioskScreen{};
    out.renderer = renderer;
    out.transition = software ? Transition::Wipe : Transition::Crossfade;
    out.retained = software;
    out.home = std::move(home);
    open_slide_screen(renderer, fonts, out.screen);
}

static void drop_texture(CachedSlide& c) {
    if (c.texture) SDL_DestroyTexture(c.texture);
    c = CachedSlide{};
}

void close_kiosk_screen(KioskScreen& k) {
    for (auto& c : k.cache) drop_texture(c);
    close_slide_screen(k.screen);
    k = KioskScreen{};
}

void invalidate_kiosk(KioskScreen& k) {
    for (auto& c : k.cache) c.slide = -2;  // keep the textures for reuse when the size is unchanged
    k.dirty = true;
}

void set_kiosk_slides(KioskScreen& k, const SlideSet& set, const std::vector<bool>* due) {
    need_glyphs(k.screen, slide_set_glyphs(set));  // the atlas grows when the data brings new characters
    k.timings.clear();
    for (std::size_t i = 0; i < set.slides.size(); ++i) {
        const ScreenSlide& s = set.slides[i];
        const bool shown = s.valid && (!due || (i < due->size() && (*due)[i]));
        k.timings.push_back({std::int64_t(s.slide ? s.slide->duration_s : 12) * 1000, shown});
    }
    invalidate_kiosk(k);
}

SDL_Texture* create_slide_texture(SDL_Renderer* renderer, int w, int h) {
    return SDL_CreateTexture(renderer, picture_format(renderer), SDL_TEXTUREACCESS_TARGET, w, h);
}

static bool is_fresh(const CachedSlide& c, int slide, std::uint64_t gen, const FrameInput& in) {
    return c.texture && c.slide == slide && c.generation == gen && c.clock == in.clock &&
           c.width == in.width && c.height == in.height && c.rotate == in.rotate;
}

static std::string slide_topic(const SlideSet& set, int slide) {
    if (slide < 0 || std::size_t(slide) >= set.slides.size() || !set.slides[std::size_t(slide)].slide)
        return "no-data screen";
    return "slide " + set.slides[std::size_t(slide)].slide->id;
}

// Draws `slide` over the whole of the renderer's current target, turned for the output.
static void draw_whole_slide(KioskScreen& k, const SlideSet& set, const FrameInput& in, int slide,
                             FrameResult& out) {
    SlideContext ctx{in.clock, k.home, in.today};
    ctx.band = k.band ? &*k.band : nullptr;
    std::vector<std::string> problems = slide >= 0 ? draw_slide(k.screen, set.slides[std::size_t(slide)], ctx)
                                        : !k.calm_headline.empty()
                                            ? draw_calm_slide(k.screen, ctx, k.calm_headline, k.calm_detail)
                                            : draw_no_data_slide(k.screen, ctx, no_data_reason(set));
    out.notes.push_back({slide_topic(set, slide), std::move(problems)});
    ++out.slides_drawn;
}

// The cache entry to (re)draw `slide` into: the one already holding it (stale), else one not
// holding `keep` (the other slide on screen), one with a texture first (no new picture's memory).
static CachedSlide& entry_for(KioskScreen& k, int slide, int keep) {
    for (auto& c : k.cache)
        if (c.slide == slide) return c;
    for (auto& c : k.cache)
        if ((c.slide != keep || keep == slide) && c.texture) return c;
    for (auto& c : k.cache)
        if (c.slide != keep || keep == slide) return c;
    return k.cache[0];
}

// The texture showing `slide`, drawn now if the cache has no fresh copy; null when no texture
// could be made (the caller then draws straight to the output).
static SDL_Texture* slide_texture(KioskScreen& k, const SlideSet& set, std::uint64_t gen,
                                  const FrameInput& in, int slide, int keep, FrameResult& out) {
    for (auto& c : k.cache)
        if (is_fresh(c, slide, gen, in)) return c.texture;
    CachedSlide& entry = entry_for(k, slide, keep);
    if (entry.texture && (entry.width != in.width || entry.height != in.height || entry.rotate != in.rotate))
        drop_texture(entry);
    if (!entry.texture) {
        const bool swap = in.rotate == 90 || in.rotate == 270;
        entry.texture =
            k.create_texture(k.renderer, swap ? in.height : in.width, swap ? in.width : in.height);
        if (!entry.texture) {
            drop_texture(entry);
            out.notes.push_back({"textures",
                                 {std::string("cannot create a slide texture (") + SDL_GetError() +
                                  "); drawing slides straight to the screen"}});
            return nullptr;
        }
        out.notes.push_back({"textures", {}});
    }
    entry.slide = slide;
    entry.generation = gen;
    entry.clock = in.clock;
    entry.width = in.width;
    entry.height = in.height;
    entry.rotate = in.rotate;
    SDL_SetRenderTarget(k.renderer, entry.texture);
    draw_whole_slide(k, set, in, slide, out);
    return entry.texture;
}

// Copies a cached (already turned) slide to the logical rectangle x, 0, w, h of the output.
static void copy_opaque(SDL_Renderer* r, SDL_Texture* t, int x, int w, int h, int rotate) {
    SDL_SetTextureBlendMode(t, SDL_BLENDMODE_NONE);
    SDL_SetTextureAlphaMod(t, 255);
    const SDL_Rect dst = rotate_rect({x, 0, w, h}, rotate, w, h);
    SDL_RenderCopy(r, t, nullptr, &dst);
}

// Smoothstep: starts and ends gently, so the movement reads as calm.
static double ease(double p) {
    p = std::clamp(p, 0.0, 1.0);
    return p * p * (3 - 2 * p);
}

static void compose_transition(KioskScreen& k, SDL_Texture* cur, SDL_Texture* next, double p, int w, int h,
                               int rotate) {
    if (k.transition == Transition::Crossfade) {
        copy_opaque(k.renderer, cur, 0, w, h, rotate);
        SDL_SetTextureBlendMode(next, SDL_BLENDMODE_BLEND);
        SDL_SetTextureAlphaMod(next, Uint8(std::lround(255 * ease(p))));
        SDL_RenderCopy(k.renderer, next, nullptr, nullptr);
        SDL_SetTextureAlphaMod(next, 255);
        return;
    }
    // Push: two opaque copies, no blending, so a software renderer keeps up.
    const int offset = int(std::lround(ease(p) * w));
    copy_opaque(k.renderer, cur, -offset, w, h, rotate);
    copy_opaque(k.renderer, next, w - offset, w, h, rotate);
}

static int bar_width_px(const SlideLayout& l, double progress) {
    return int(std::floor(std::clamp(progress, 0.0, 1.0) * l.progress.w()));
}

static void draw_bar(KioskScreen& k, const SlideLayout& l, int px, const FrameInput& in) {
    const ImU32 c = k.screen.theme.text_muted;  // ImU32 is ABGR: R in the low byte
    SDL_SetRenderDrawBlendMode(k.renderer, SDL_BLENDMODE_NONE);
    SDL_SetRenderDrawColor(k.renderer, Uint8(c), Uint8(c >> 8), Uint8(c >> 16), 255);
    const SDL_Rect logical{int(l.progress.x0), int(l.progress.y0), px,
                           std::max(1, int(std::lround(l.progress.h())))};
    const SDL_Rect r = rotate_rect(logical, in.rotate, in.width, in.height);
    if (px > 0) SDL_RenderFillRect(k.renderer, &r);
}

// ms until the bar is next worth redrawing: when it has grown by a pixel, but not sooner than
// kBarMinIntervalMs after the last update.
static std::int64_t bar_wait_ms(const KioskScreen& k, const RotationFrame& f, const SlideLayout& l, int px,
                                std::int64_t now_ms) {
    const int i = f.current;
    const double slot = double(std::max(k.timings[std::size_t(i)].duration_ms, kMinSlideMs));
    const double w = std::max(1.0f, l.progress.w());
    const double elapsed = f.slide_progress * slot;
    const std::int64_t to_next_px = std::int64_t(std::ceil((px + 1) / w * slot - elapsed));
    const std::int64_t min_gap = k.bar_drawn_ms + kBarMinIntervalMs - now_ms;
    return std::max<std::int64_t>({to_next_px, min_gap, 1});
}

// Whether the output needs composing again. Direct drawing has no cached picture to tell
// staleness by, so it compares what was drawn with what would be drawn now.
static bool needs_compose(const KioskScreen& k, const FrameResult& out, int cur_i, int next_i, bool moving,
                          bool bar_due, std::uint64_t gen, const FrameInput& in) {
    if (k.dirty || out.slides_drawn > 0 || moving || k.shown_in_transition || bar_due) return true;
    if (cur_i != k.shown_current || next_i != k.shown_next) return true;
    return out.direct && (gen != k.shown_generation || in.clock != k.shown_clock);
}

// A frame composed from slide textures: the output is redrawn whole whenever it changes.
static void textured_frame(KioskScreen& k, const SlideSet& set, std::uint64_t generation,
                           const FrameInput& in, const RotationFrame& f, FrameResult& out) {
    const bool transition = f.in_transition && f.next != f.current;
    const int cur_i = f.current;  // -1: the no-data screen

    SDL_Texture* cur = slide_texture(k, set, generation, in, cur_i, transition ? f.next : cur_i, out);
    SDL_Texture* next =
        transition && cur ? slide_texture(k, set, generation, in, f.next, cur_i, out) : nullptr;
    // A transition needs both pictures; without them the current slide stays until the cut.
    const bool moving = transition && next;
    const int next_i = moving ? f.next : cur_i;
    out.direct = !cur;

    const SlideLayout layout = screen_layout(k.screen);
    const bool show_bar = cur && cur_i >= 0 && f.next != f.current && !transition;
    const int px = show_bar ? bar_width_px(layout, f.slide_progress) : 0;
    const bool bar_due = show_bar && px != k.shown_bar_px && in.now_ms - k.bar_drawn_ms >= kBarMinIntervalMs;

    out.in_transition = moving;
    out.wait_ms = moving ? kFrameMs : f.ms_until_change;
    if (show_bar) out.wait_ms = std::min(out.wait_ms, bar_wait_ms(k, f, layout, px, in.now_ms));
    out.wait_ms = std::max<std::int64_t>(out.wait_ms, moving ? 0 : 1);
    if (!needs_compose(k, out, cur_i, next_i, moving, bar_due, generation, in)) return;

    SDL_SetRenderTarget(k.renderer, in.target);
    if (!cur) {
        draw_whole_slide(k, set, in, cur_i, out);
    } else if (moving) {
        compose_transition(k, cur, next, f.transition_progress, in.width, in.height, in.rotate);
    } else {
        copy_opaque(k.renderer, cur, 0, in.width, in.height, in.rotate);
        if (show_bar) draw_bar(k, layout, px, in);
    }
    k.shown_current = cur_i;
    k.shown_next = next_i;
    k.shown_in_transition = moving;
    k.shown_generation = generation;
    k.shown_clock = in.clock;
    k.shown_bar_px = px;
    k.bar_drawn_ms = in.now_ms;
    k.dirty = false;
    out.composed = true;
    // Draw the next slide now, while the screen stands still, so the transition starts without
    // a cold draw in its first frame.
    if (cur && !transition && f.next >= 0 && f.next != cur_i) {
        slide_texture(k, set, generation, in, f.next, cur_i, out);
        SDL_SetRenderTarget(k.renderer, in.target);  // leave the renderer as the caller gave it
    }
}

// Retained output (see frame.h): copies the logical columns [x, x + w) of a slide texture (drawn
// turned for the output) to the same place on the output.
static void copy_columns(SDL_Renderer* r, SDL_Texture* t, int x, int w, const FrameInput& in) {
    if (w <= 0) return;
    SDL_SetTextureBlendMode(t, SDL_BLENDMODE_NONE);
    SDL_SetTextureAlphaMod(t, 255);
    const SDL_Rect rect = rotate_rect({x, 0, w, in.height}, in.rotate, in.width, in.height);
    SDL_RenderCopy(r, t, &rect, &rect);
}

// The wipe: the next slide is revealed from the right edge, moving left; each frame copies only
// the columns newly revealed. False when no column is new.
static bool wipe_to(KioskScreen& k, SDL_Texture* next, double p, const FrameInput& in) {
    const int px = int(std::lround(ease(p) * in.width));
    if (px <= k.revealed_px) return false;
    copy_columns(k.renderer, next, in.width - px, px - k.revealed_px, in);
    k.revealed_px = px;
    return true;
}

static CachedSlide* fresh_entry(KioskScreen& k, int slide, std::uint64_t gen, const FrameInput& in) {
    for (auto& c : k.cache)
        if (is_fresh(c, slide, gen, in)) return &c;
    return nullptr;
}

// Puts the whole of `slide` on the output: the rest of a wipe's texture when the wipe brought
// it, else drawn straight onto the output (into a texture first when that is to be kept).
static void show_whole(KioskScreen& k, const SlideSet& set, std::uint64_t gen, const FrameInput& in,
                       int slide, FrameResult& out) {
    CachedSlide* c = fresh_entry(k, slide, gen, in);
    SDL_Texture* t = c ? c->texture : nullptr;
    if (!t && k.keep_shown_texture) t = slide_texture(k, set, gen, in, slide, slide, out);
    SDL_SetRenderTarget(k.renderer, in.target);
    if (!t) {
        draw_whole_slide(k, set, in, slide, out);
        out.direct = true;
        return;
    }
    const bool wiped = c && k.shown_in_transition && k.shown_next == slide;
    copy_columns(k.renderer, t, 0, in.width - (wiped ? k.revealed_px : 0), in);
}

// Frees the slide textures the retained output does not need now (all but `keep_a`, `keep_b`).
// None is kept as a spare for the next transition: a screen-sized picture held between
// transitions was a quarter of the kiosk's memory (8 MB at 1920x1080), where touching a fresh one
// costs ~4 ms of CPU (page faults and clearing, measured) once per slide change. The maps' layer
// textures (app/map/layer.h) go at the same time: on a retained output each slide is drawn once
// per showing, so a layer saves work only for the clock's redraw of a map on screen, and three
// of them were held for good once the first maps had been shown.
static void drop_textures_except(KioskScreen& k, int keep_a, int keep_b) {
    bool dropped = false;
    for (auto& c : k.cache) {
        if (!c.texture || c.slide == keep_a || c.slide == keep_b) continue;
        drop_texture(c);
        dropped = true;
    }
    if (!dropped) return;
    drop_map_layers(k.screen.map_layers);
    release_free_heap();
}

// A frame on a retained output: nothing is drawn that is already there.
static void retained_frame(KioskScreen& k, const SlideSet& set, std::uint64_t gen, const FrameInput& in,
                           const RotationFrame& f, FrameResult& out) {
    const bool transition = f.in_transition && f.next != f.current;
    const int cur_i = f.current;
    const bool coming = !transition && f.next >= 0 && f.next != cur_i;
    const bool soon = coming && f.ms_until_change <= kPrefetchMs;
    SDL_Texture* next = nullptr;
    if (transition || soon) {
        const int drawn = out.slides_drawn;
        next = slide_texture(k, set, gen, in, f.next, cur_i, out);
        if (out.slides_drawn > drawn) k.revealed_px = 0;  // redrawn (the minute turned): reveal anew
        SDL_SetRenderTarget(k.renderer, in.target);
    }
    const bool moving = transition && next;
    const SlideLayout layout = screen_layout(k.screen);
    const bool show_bar = cur_i >= 0 && coming;
    const int px = show_bar ? bar_width_px(layout, f.slide_progress) : 0;
    out.in_transition = moving;

    const bool stale =
        k.dirty || cur_i != k.shown_current || gen != k.shown_generation || in.clock != k.shown_clock;
    const bool bar_due = show_bar && px != k.shown_bar_px && in.now_ms - k.bar_drawn_ms >= kBarMinIntervalMs;
    if (moving && (!k.shown_in_transition || k.shown_next != f.next)) k.revealed_px = 0;
    bool drew = stale || (!moving && bar_due);
    if (stale) {
        show_whole(k, set, gen, in, cur_i, out);
        if (moving) k.revealed_px = 0;
    }
    if (moving) drew = wipe_to(k, next, f.transition_progress, in) || drew;
    if (!moving && drew && px > 0) draw_bar(k, layout, px, in);
    if (!moving) drop_textures_except(k, k.keep_shown_texture ? cur_i : -3, soon ? f.next : -3);
    if (drew) {
        k.shown_current = cur_i;
        k.shown_next = moving ? f.next : cur_i;
        k.shown_in_transition = moving;
        k.shown_generation = gen;
        k.shown_clock = in.clock;
        if (!moving) {
            k.shown_bar_px = px;
            k.bar_drawn_ms = in.now_ms;
        }
        k.dirty = false;
        out.composed = true;
    }
    // After the drawing, so a bar drawn now counts towards the next one's earliest time.
    out.wait_ms = moving ? kWipeFrameMs : f.ms_until_change;
    if (coming && !soon) out.wait_ms = std::min(out.wait_ms, f.ms_until_change - kPrefetchMs);
    if (show_bar) out.wait_ms = std::min(out.wait_ms, bar_wait_ms(k, f, layout, px, in.now_ms));
    out.wait_ms = std::max<std::int64_t>(out.wait_ms, moving ? 0 : 1);
}

FrameResult kiosk_frame(KioskScreen& k, const SlideSet& set, std::uint64_t generation, const FrameInput& in) {
    FrameResult out;
    if (auto err = resize_slide_screen(k.screen, in.width, in.height, in.rotate)) {
        out.notes.push_back({"fonts", {*err}});
        out.wait_ms = 1000;
        return out;
    }
    out.notes.push_back({"fonts", {}});
    if (!k.started) {
        k.rotation = start_rotation(in.now_ms, k.timings);
        k.started = true;
    }
    k.rotation = advance(k.rotation, k.timings, in.now_ms);
    const RotationFrame f = rotation_at(k.rotation, k.timings, in.now_ms);
    if (k.retained)
        retained_frame(k, set, generation, in, f, out);
    else
        textured_frame(k, set, generation, in, f, out);
    return out;
}
