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
    CivilTime now;               // the clock shown in the header
    std::string home;            // --home
    std::string only_slide;      // --slide: this slide id only; empty = all
    bool allow_unknown = false;  // --allow-unknown: parts of unknown kind do not fail the render
    std::string size_suffix;     // "-800x480" when several sizes are rendered, before ".png"
    ScheduleOverride schedule;   // the config file's display_schedule
};

// One rendered slide: the pixels plus whatever went wrong.
struct RenderedSlide {
    std::string file_name;            // "01-ledighed.png", "00-ingen-data.png"
    std::vector<unsigned char> rgba;  // width * height * 4; empty when it could not be drawn
    std::vector<std::string> problems;
    std::vector<std::string> left_out;  // what the publisher wrote that did not fit (Canvas::left_out)
    std::string slide_id;               // empty for the no-data and calm pages
};

// One rendered file, for the contact sheet (index.html): its name and what was said about it.
struct SheetEntry {
    std::string slide_id, file_name;
    int width = 0, height = 0;
    std::vector<std::string> lines;  // problems and left-out parts, one sentence each
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
// per problem. PNGs are numbered by the slide's place in the manifest's playlist, so a slide
// left out never renumbers the rest. Returns the exit code: 0 all good; 1 a slide invalid or
// not shown, a layout problem, a field left out at this size, an error in the files (or a part
// of unknown kind, unless opt.allow_unknown); 2 nothing could be rendered. `sheet` gets an
// entry per file.
int render_pngs(const SlideSet& set, const FontFiles& fonts, const RenderOptions& opt, std::ostream& log,
                std::vector<SheetEntry>* sheet = nullptr);

// render_pngs() at each of `sizes` (files named with a size suffix when there are several),
// then index.html in opt.out_dir: the contact sheet of every file with what was said about it.
int render_all_sizes(const SlideSet& set, const FontFiles& fonts, RenderOptions opt,
                     const std::vector<std::pair<int, int>>& sizes, std::ostream& log);
