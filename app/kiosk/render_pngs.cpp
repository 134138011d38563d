#include "app/kiosk/render_pngs.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "app/kiosk/contact_sheet.h"
#include "app/kiosk/render_notices.h"
#include "app/kiosk/screen_plan.h"
#include "app/local_time.h"
#include "app/slide_draw.h"
#include "feeds/near_miss.h"
#include "platform/headless.h"
#include "platform/journal.h"
#include "platform/png_write.h"

namespace fs = std::filesystem;

static std::string png_name(int position, const std::string& id, const std::string& suffix) {
    char num[16];
    std::snprintf(num, sizeof num, "%02d-", position);
    return num + id + suffix + ".png";
}

static bool has_slide(const SlideSet& set, const std::string& id) {
    for (const auto& s : set.slides)
        if (s.slide->id == id) return true;
    return false;
}

static std::string slide_ids_hint(const SlideSet& set, const std::string& id) {
    std::vector<std::string_view> ids;
    std::string all;
    for (const auto& s : set.slides) {
        ids.push_back(s.slide->id);
        all += (all.empty() ? "" : ", ") + s.slide->id;
    }
    const std::string near = feeds::did_you_mean(id, ids);
    // The manifest's title: "Region Sjælland i tal" says the bundled slides were read, not yours.
    return "the slides of \"" + set.manifest.title +
           "\" (--manifest): " + (all.empty() ? std::string("none") : all) + near;
}

std::vector<RenderedSlide> render_slides_on(SlideScreen& screen, SDL_Renderer* renderer, const SlideSet& set,
                                            const RenderOptions& opt) {
    std::vector<RenderedSlide> out;
    const SlideContext ctx{clock_header_forms(opt.now), opt.home, {opt.now.year, opt.now.month, opt.now.day}};
    auto grab = [&](RenderedSlide& r, std::vector<std::string> problems) {
        r.problems = std::move(problems);
        r.rgba = read_rgba(renderer, screen.width, screen.height);
        if (r.rgba.empty()) r.problems.push_back("cannot read back the pixels");
    };
    // What the screen would show at --now: the due slides, or the calm page when none is due
    // or the schedule has the screen off.
    const ScreenPlan plan = plan_screen(set, civil_minute_of(opt.now), opt.schedule);
    if (plan.calm) {
        RenderedSlide r;
        r.file_name = "00-ingen-sider" + opt.size_suffix + ".png";
        grab(r, draw_calm_slide(screen, ctx, plan.calm->headline, plan.calm->detail));
        out.push_back(std::move(r));
        return out;
    }
    for (std::size_t i = 0; i < set.slides.size(); ++i) {
        const ScreenSlide& s = set.slides[i];
        if (!opt.only_slide.empty() && s.slide->id != opt.only_slide) continue;
        RenderedSlide r;
        r.slide_id = s.slide->id;
        r.file_name = png_name(int(s.slide->json_index) + 1, s.slide->id, opt.size_suffix);
        if (s.valid && !plan.due[i]) continue;  // not due at --now (its `show`)
        if (s.valid)
            grab(r, draw_slide(screen, s, ctx, &r.left_out));
        else
            r.problems.push_back(s.why_invalid);
        out.push_back(std::move(r));
    }
    // The notices live at --now (render_notices.h): pages, and bands over the first slide due.
    const ScreenSlide* first_due = nullptr;
    for (std::size_t i = 0; i < set.slides.size() && !first_due; ++i)
        if (set.slides[i].valid && plan.due[i]) first_due = &set.slides[i];
    for (const NoticeRender& n : notices_to_render(set, opt)) {
        RenderedSlide r;
        r.file_name = n.file_name;
        SlideContext with_band = ctx;
        with_band.band = n.band ? &*n.band : nullptr;
        if (n.page)
            grab(r, draw_notice_slide(screen, *n.page));
        else if (first_due)
            grab(r, draw_slide(screen, *first_due, with_band));
        else
            continue;
        out.push_back(std::move(r));
    }
    if (count_valid(set) == 0) {
        RenderedSlide r;
        r.file_name = "00-ingen-data" + opt.size_suffix + ".png";
        grab(r, draw_no_data_slide(screen, ctx, no_data_reason(set)));
        out.push_back(std::move(r));
    }
    return out;
}

std::vector<RenderedSlide> render_slides(const SlideSet& set, const FontFiles& fonts,
                                         const RenderOptions& opt, std::string& error) {
    std::vector<RenderedSlide> out;
    Headless h;
    if (auto err = open_headless(opt.width, opt.height, h)) {
        error = *err;
        return out;
    }
    SlideScreen screen;
    open_slide_screen(h.renderer, fonts, screen);
    need_glyphs(screen, slide_set_glyphs(set));  // the atlas the kiosk would have for this data
    if (auto err = resize_slide_screen(screen, opt.width, opt.height))
        error = *err;
    else
        out = render_slides_on(screen, h.renderer, set, opt);
    close_slide_screen(screen);
    close_headless(h);
    return out;
}

std::optional<std::string> write_slide_png(const std::string& path, const std::vector<unsigned char>& rgba,
                                           int width, int height) {
    std::vector<unsigned char> rgb(size_t(width) * size_t(height) * 3);
    for (size_t i = 0, j = 0; j < rgb.size(); i += 4, j += 3) {
        rgb[j] = rgba[i];
        rgb[j + 1] = rgba[i + 1];
        rgb[j + 2] = rgba[i + 2];
    }
    return write_png(path, rgb.data(), width, height, 3, width * 3);
}

int render_pngs(const SlideSet& set, const FontFiles& fonts, const RenderOptions& opt, std::ostream& log,
                std::vector<SheetEntry>* sheet) {
    std::error_code ec;
    fs::create_directories(opt.out_dir, ec);
    if (ec) {
        log_line(log, Severity::error) << "cannot make " << opt.out_dir << ": " << ec.message() << "\n";
        return 2;
    }
    if (!opt.only_slide.empty() && !has_slide(set, opt.only_slide)) {
        log_line(log, Severity::error) << "--slide " << opt.only_slide << ": no slide of that id; "
                                       << slide_ids_hint(set, opt.only_slide) << "\n";
        return 2;
    }
    std::string error;
    const auto slides = render_slides(set, fonts, opt, error);
    if (!error.empty()) {
        log_line(log, Severity::error) << "cannot render: " << error << "\n";
        return 2;
    }
    int code = count_valid(set) == 0 || set.errors > 0 || (set.lost > 0 && !opt.allow_unknown) ? 1 : 0;
    for (const auto& r : slides) {
        const std::string path = (fs::path(opt.out_dir) / r.file_name).string();
        SheetEntry entry{r.slide_id, r.file_name, opt.width, opt.height, r.problems};
        for (const auto& p : r.problems) log << path << ": " << p << "\n";
        for (const auto& p : r.left_out) {
            log << path << ": not on screen at " << opt.width << "x" << opt.height << ": " << p << "\n";
            entry.lines.push_back("not on screen: " + p);
        }
        if (!r.problems.empty() || !r.left_out.empty()) code = 1;
        if (sheet) sheet->push_back(entry);
        if (r.rgba.empty()) continue;
        if (auto err = write_slide_png(path, r.rgba, opt.width, opt.height)) {
            log_line(log, Severity::warning) << *err << "\n";
            code = 1;
            continue;
        }
        log << "wrote " << path << "\n";
    }
    return code;
}

int render_all_sizes(const SlideSet& set, const FontFiles& fonts, RenderOptions opt,
                     const std::vector<std::pair<int, int>>& sizes, std::ostream& log) {
    std::vector<SheetEntry> sheet;
    int code = 0;
    for (const auto& [w, h] : sizes) {
        opt.width = w;
        opt.height = h;
        opt.size_suffix = sizes.size() > 1 ? "-" + std::to_string(w) + "x" + std::to_string(h) : "";
        code = std::max(code, render_pngs(set, fonts, opt, log, &sheet));
        if (code == 2) return code;
    }
    const std::string index = (fs::path(opt.out_dir) / "index.html").string();
    std::ofstream out(index, std::ios::binary);
    out << contact_sheet_html(set.manifest.title, set.problems, sheet);
    if (!out.flush()) {
        log_line(log, Severity::warning) << "cannot write " << index << "\n";
        return std::max(code, 1);
    }
    log << "wrote " << index << "\n";
    return code;
}
