#include "app/kiosk/render_pngs.h"

#include <cstdio>
#include <filesystem>

#include "app/kiosk/screen_plan.h"
#include "app/local_time.h"
#include "app/slide_draw.h"
#include "platform/headless.h"
#include "platform/journal.h"
#include "platform/png_write.h"

namespace fs = std::filesystem;

static std::string png_name(int position, const std::string& id) {
    char num[16];
    std::snprintf(num, sizeof num, "%02d-", position);
    return num + id + ".png";
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
        r.file_name = "00-ingen-sider.png";
        grab(r, draw_calm_slide(screen, ctx, plan.calm->headline, plan.calm->detail));
        out.push_back(std::move(r));
        return out;
    }
    int position = 0;
    for (const ScreenSlide& s : set.slides) {
        RenderedSlide r;
        r.file_name = png_name(++position, s.slide->id);
        if (s.valid && !plan.due[std::size_t(position - 1)]) continue;  // not due at --now (its `show`)
        if (s.valid)
            grab(r, draw_slide(screen, s, ctx));
        else
            r.problems.push_back(s.why_invalid);
        out.push_back(std::move(r));
    }
    if (count_valid(set) == 0) {
        RenderedSlide r;
        r.file_name = "00-ingen-data.png";
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

int render_pngs(const SlideSet& set, const FontFiles& fonts, const RenderOptions& opt, std::ostream& log) {
    std::error_code ec;
    fs::create_directories(opt.out_dir, ec);
    if (ec) {
        log_line(log, Severity::error) << "cannot make " << opt.out_dir << ": " << ec.message() << "\n";
        return 2;
    }
    std::string error;
    const auto slides = render_slides(set, fonts, opt, error);
    if (!error.empty()) {
        log_line(log, Severity::error) << "cannot render: " << error << "\n";
        return 2;
    }
    int code = count_valid(set) == 0 ? 1 : 0;
    for (const auto& r : slides) {
        const std::string path = (fs::path(opt.out_dir) / r.file_name).string();
        for (const auto& p : r.problems) log << path << ": " << p << "\n";
        if (!r.problems.empty()) code = 1;
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
