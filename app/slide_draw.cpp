#include "app/slide_draw.h"

#include "app/notices/notice_draw.h"

#include <algorithm>
#include <cmath>

#include "app/danish_format.h"
#include "app/view.h"

void open_slide_screen(SDL_Renderer* renderer, const FontFiles& files, SlideScreen& out) {
    out = SlideScreen{};
    out.font_files = files;
    out.theme = default_theme();
    out.glyphs = all_drawable_glyphs();
    open_imgui(renderer, out.imgui);
}

void close_slide_screen(SlideScreen& s) {
    drop_map_layers(s.map_layers);
    close_imgui(s.imgui);
    s = SlideScreen{};
}

void need_glyphs(SlideScreen& s, ScreenGlyphs need) {
    const bool built = s.width > 0;
    if (built && holds_glyphs(s.glyphs, need)) return;
    s.glyphs = std::move(need);
    s.glyphs_stale = built;
}

std::optional<std::string> resize_slide_screen(SlideScreen& s, int width, int height, int rotate) {
    if (width == s.width && height == s.height && rotate == s.rotate && !s.glyphs_stale) return std::nullopt;
    ImFontAtlas& atlas = imgui_fonts(s.imgui);
    atlas.Clear();
    s.sizes = font_sizes_for(width, height);
    s.text_ranges = glyph_ranges_of(s.glyphs.text);
    s.figure_ranges = glyph_ranges_of(s.glyphs.figures);
    const FontRanges ranges{s.text_ranges.data(), s.figure_ranges.data()};
    if (auto err = add_fonts(atlas, s.sizes, s.font_files.regular, s.font_files.bold, ranges, s.fonts))
        return err;
    if (auto err = upload_imgui_fonts(s.imgui, rotate)) return err;
    // The font files' bytes (ImGui keeps a copy per font: 1,6 MB for the six) are not needed
    // until the next rebuild, which adds the fonts from their files again (above).
    atlas.ClearInputData();
    s.width = width;
    s.height = height;
    s.rotate = rotate;
    s.glyphs_stale = false;
    return std::nullopt;
}

static ViewStyle style_of(const SlideScreen& s) {
    return {s.theme, s.fonts, s.sizes, float(std::min(s.width, s.height)) / 60.0f};
}

static Canvas begin_canvas(SlideScreen& s) {
    Canvas c;
    c.dl = begin_imgui_frame(s.imgui, s.width, s.height);
    c.bounds = {0, 0, float(s.width), float(s.height)};
    c.min_cap_height = min_cap_height(s.width, s.height);
    c.fine_print = s.fonts.fine;
    c.background = s.theme.background;
    return c;
}

// The maps' geometry (loaded the first time a map is drawn) and their layer cache.
static MapSupport map_support(SlideScreen& s, feeds::ViewType view) {
    MapSupport m;
    if (view != feeds::ViewType::MunicipalityMap && view != feeds::ViewType::ProjectMap) return m;
    if (!s.map_geometry && s.map_error.empty()) {
        MapGeometryResult r = load_map_geometry();
        s.map_geometry = std::move(r.geometry);
        s.map_error = r.error;
    }
    m.geometry = s.map_geometry ? &*s.map_geometry : nullptr;
    m.error = s.map_error;
    m.layer = [&s](const std::string& key, Rect r, const MapDrawFn& draw) {
        return map_layer_texture(s.map_layers, s.imgui, s.rotate, s.theme.background, key, r, draw);
    };
    return m;
}

SlideLayout screen_layout(const SlideScreen& s) {
    return slide_layout(s.width, s.height, s.sizes);
}

void compose_slide(Canvas& c, const ViewStyle& style, const SlideLayout& layout, const ScreenSlide& slide,
                   const SlideContext& ctx, const MapSupport* map) {
    ChromeText text = slide.parts;
    text.clock = ctx.clock;
    draw_chrome(c, style, layout, text);
    const ViewInput in{*slide.dataset, *slide.slide, ctx.home,
                       ctx.today,      map,          as_of_words(slide.parts.as_of)};
    Rect body = layout.body;
    if (ctx.band) {
        const Rect band = notice_band_rect(layout, style, c.bounds.h(), *ctx.band);
        body.y1 = std::min(body.y1, band.y0 - std::round(style.unit * 0.8f));
        draw_notice_band(c, style, band, *ctx.band);
    }
    if (slide.qr && slide.slide->link && qr_readable(slide.qr->size, c.bounds.w(), c.bounds.h()))
        body = draw_link(c, style, body, *slide.qr, slide.slide->link->caption);
    draw_view(c, style, body, in);
}

std::vector<std::string> draw_slide(SlideScreen& s, const ScreenSlide& slide, const SlideContext& ctx,
                                    std::vector<std::string>* left_out) {
    if (!slide.valid || !slide.dataset || !slide.slide) return draw_no_data_slide(s, ctx, slide.why_invalid);
    Canvas c = begin_canvas(s);
    const MapSupport map = map_support(s, slide.slide->view);
    compose_slide(c, style_of(s), screen_layout(s), slide, ctx, &map);
    end_imgui_frame(s.imgui, s.rotate);
    if (left_out) *left_out = c.left_out;
    return canvas_problems(c);
}

std::vector<std::string> draw_no_data_slide(SlideScreen& s, const SlideContext& ctx,
                                            [[maybe_unused]] const std::string& reason) {
    Canvas c = begin_canvas(s);
    draw_no_data(c, style_of(s), s.width, s.height, ctx.clock);
    end_imgui_frame(s.imgui, s.rotate);
    return canvas_problems(c);
}

std::vector<std::string> draw_notice_slide(SlideScreen& s, const NoticePageText& page) {
    Canvas c = begin_canvas(s);
    draw_notice_page(c, style_of(s), s.width, s.height, page);
    end_imgui_frame(s.imgui, s.rotate);
    return canvas_problems(c);
}

std::vector<std::string> draw_calm_slide(SlideScreen& s, const SlideContext& ctx, const std::string& headline,
                                         const std::string& detail) {
    Canvas c = begin_canvas(s);
    draw_calm_page(c, style_of(s), s.width, s.height, ctx.clock, headline, detail);
    end_imgui_frame(s.imgui, s.rotate);
    return canvas_problems(c);
}
