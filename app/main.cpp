// infotavle: the lobby screen. Parses the command line and hands over to one of three modes:
// --check (validate feeds), --render (PNGs, no display), or the kiosk (default).
#include <CLI/CLI.hpp>

#include <chrono>
#include <cstdlib>
#include <exception>
#include <iostream>

#include "app/kiosk.h"
#include "app/render_pngs.h"
#include "feeds/check.h"

namespace {

struct Size {
    int w = 0, h = 0;
};

bool parse_size(const std::string& text, Size& out) {
    int w = 0, h = 0;
    char x = 0, extra = 0;
    if (std::sscanf(text.c_str(), "%d%c%d%c", &w, &x, &h, &extra) != 3 || (x != 'x' && x != 'X'))
        return false;
    if (w < 320 || h < 240 || w > 8192 || h > 8192) return false;
    out = {w, h};
    return true;
}

FontFiles fonts_or_log() {
    const char* dir = std::getenv("INFOTAVLE_FONT_DIR");
    FontFiles f = find_font_files(dir ? dir : "");
    if (!f.error.empty()) std::cerr << "infotavle: " << f.error << "\n";
    return f;
}

int run(int argc, char** argv) {
    CLI::App app{"infotavle: Danish data slides for a lobby screen"};
    std::vector<std::string> check_paths;
    std::string render_dir, size_text, now_text, manifest, home;
    bool fullscreen = false, software = false, version = false;
    int rotate = 0;
    app.add_option("--check", check_paths, "Check feed and manifest files, print every problem, and exit");
    app.add_option("--render", render_dir,
                   "Write one PNG per slide into OUTDIR and exit (no display needed)");
    app.add_option("--size", size_text,
                   "Screen size WxH: window size, or PNG size with --render (default 1920x1080)");
    app.add_option("--now", now_text, "Show this time instead of the clock, e.g. 2022-05-03T10:15");
    app.add_option("--manifest", manifest,
                   "Manifest file to show (default: the feeds built into the program)");
    app.add_flag("--fullscreen", fullscreen, "Full screen (the kiosk mode)");
    app.add_option("--rotate", rotate, "Screen mounted turned clockwise by 0, 90, 180 or 270 degrees")
        ->check(CLI::IsMember({0, 90, 180, 270}));
    app.add_option("--home", home, "Municipality to highlight: code (\"259\") or name (\"Køge\")");
    app.add_flag("--software", software, "Use the software renderer even when a GPU is available");
    app.add_flag("--version", version, "Print the version and exit");
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return app.exit(e) == 0 ? 0 : 2;  // usage errors: the same code as other bad options
    }
    if (version) {
        std::cout << "infotavle " << INFOTAVLE_VERSION << "\n";
        return 0;
    }
    if (!check_paths.empty()) return feeds::run_check(check_paths, std::cout);

    Size size{1920, 1080};
    if (!size_text.empty() && !parse_size(size_text, size)) {
        std::cerr << "infotavle: --size " << size_text
                  << ": expected WxH, e.g. 1920x1080 (320x240 to 8192x8192)\n";
        return 2;
    }
    std::optional<CivilTime> now;
    if (!now_text.empty()) {
        now = parse_iso_minute(now_text);
        if (!now) {
            std::cerr << "infotavle: --now " << now_text << ": expected a time like 2022-05-03T10:15\n";
            return 2;
        }
    }
    const FontFiles fonts = fonts_or_log();
    if (!fonts.error.empty()) return 2;
    const SlideSource source{manifest};

    if (!render_dir.empty()) {
        SlideSet set = load_slide_set(source);
        for (const auto& p : set.problems) std::cerr << "infotavle: " << p << "\n";
        RenderOptions opt;
        opt.out_dir = render_dir;
        opt.width = size.w;
        opt.height = size.h;
        opt.now = now ? *now : local_civil_time(std::chrono::system_clock::now());
        opt.home = home;
        return render_pngs(set, fonts, opt, std::cerr);
    }

    KioskOptions k;
    // The kiosk is full screen unless a window size is asked for (a preview on a desktop).
    k.video.fullscreen = fullscreen || size_text.empty();
    k.video.width = size.w;
    k.video.height = size.h;
    k.video.rotate = rotate;
    k.video.force_software = software;
    k.source = source;
    k.home = home;
    k.fixed_now = now;
    return run_kiosk(k, fonts, std::cerr);
}

}  // namespace

int main(int argc, char** argv) {
    // A kiosk never shows a crash dialog: anything unexpected is one log line and an exit code,
    // and systemd restarts the service.
    try {
        return run(argc, argv);
    } catch (const std::exception& e) {
        std::cerr << "infotavle: fatal: " << e.what() << "\n";
    } catch (...) {
        std::cerr << "infotavle: fatal: unknown error\n";
    }
    return 3;
}
