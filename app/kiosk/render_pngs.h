// --render OUTDIR: every slide due at --now as a PNG (or the calm page when none is, or the
// schedule has the screen off), drawn by the software renderer into
// memory. Needs no display. With a fixed --now the files are identical run after run.
#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "app/danish_format.h"
#include "app/kiosk/screen_plan.h"
#include "app/kiosk/slide_set.h"
#include "app/slide_draw.h"
#include "platform/font_files.h"

struct RenderOptions {
    std::string out_dir;
    int width = 1920, height = 1080;
    CivilTime now;              // the clock shown in the header
    std::string home;           // --home
    ScheduleOverride schedule;  // the config file's display_schedule
};

// One rendered slide: the pixels plus whatever went wrong.
struct RenderedSlide {
    std::string file_name;            // "01-ledighed.png", "00-ingen-data.png"
    std::vector<unsigned char> rgba;  // width * height * 4; empty when it could not be drawn
    std::vector<std::string> problems;
};

// Draws every slide of `set` (or the no-data screen when none is valid) at the screen's size,
// with `renderer` (whose target is read back). For callers that keep one screen per size.
std::vector<RenderedSlide> render_slides_on(SlideScreen& screen, SDL_Renderer* renderer, const SlideSet& set,
                                            const RenderOptions& opt);

// The same with a software renderer it makes and frees. `error` is set when rendering could
// not start at all (fonts, renderer).
std::vector<RenderedSlide> render_slides(const SlideSet& set, const FontFiles& fonts,
                                         const RenderOptions& opt, std::string& error);

// RGBA pixels as the PNG bytes write_png() would write (RGB: slides are opaque).
std::optional<std::string> write_slide_png(const std::string& path, const std::vector<unsigned char>& rgba,
                                           int width, int height);

// Renders and writes the PNGs into opt.out_dir (made if missing); logs one line per file and
// per problem. Returns the exit code: 0 all good, 1 some slide invalid or with layout problems,
// 2 nothing could be rendered.
int render_pngs(const SlideSet& set, const FontFiles& fonts, const RenderOptions& opt, std::ostream& log);
