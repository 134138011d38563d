// infotavle: the lobby screen. Parses the command line and hands over to one of three modes:
// --check (validate feeds), --render (PNGs, no display), or the kiosk (default).
#include <CLI/CLI.hpp>

#include <chrono>
#include <cstdlib>
#include <exception>
#include <iostream>

#include "app/local_time.h"
#include "app/kiosk/feed_sync.h"
#include "app/kiosk/kiosk.h"
#include "app/kiosk/render_pngs.h"
#include "app/kiosk/sync_jobs.h"
#include "app/status/options.h"
#include "feeds/check.h"
#include "feeds/feed_cache.h"
#include "feeds/geo_reference.h"
#include "feeds/url.h"
#include "platform/process_memory.h"

namespace {

// --home by code ("259") or name ("Køge"): boards and timelines name places, so a code becomes
// its municipality's name; an unknown one is said once and still highlights what it matches.
std::string resolve_home(const std::string& home) {
    if (home.empty()) return home;
    const feeds::GeoReference geo = feeds::load_geo_reference();
    if (const auto* m = feeds::find_municipality(geo, home)) return m->name;
    for (const auto& m : geo.municipalities)
        if (m.name == home) return home;
    std::cerr << "infotavle: --home " << home << ": no such municipality code or name on the map data\n";
    return home;
}

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

std::string cache_dir_or_default(const std::string& option) {
    if (!option.empty()) return option;
    return feeds::default_cache_dir(std::getenv("CACHE_DIRECTORY"), std::getenv("XDG_CACHE_HOME"),
                                    std::getenv("HOME"));
}

// --render with an http(s) --manifest: the data of this moment, fetched once (cached copies
// where a fetch fails), then drawn. A local manifest is read as it is, without the cache: a
// preview of those files, which must not replace the screen's last good copies.
SlideSet slides_for_render(const std::string& manifest, const std::string& cache_dir,
                           const std::string& ca_file, std::uint64_t cache_max_bytes,
                           std::uint64_t data_max_bytes) {
    if (!feeds::is_http_url(manifest)) {
        SlideSet set = load_slide_set({manifest});
        for (const auto& p : set.problems) std::cerr << "infotavle: " << p << "\n";
        return set;
    }
    std::vector<SyncNote> notes;
    FeedSync sync = open_sync(manifest, cache_dir, notes, data_max_bytes);
    sync.user_agent = feeds::user_agent(INFOTAVLE_VERSION);
    sync.ca_file = ca_file;
    sync.cache_max_bytes = cache_max_bytes;
    SyncJobs jobs;
    const std::int64_t now =
        std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
            .count();
    for (auto& n : sync_until_settled(sync, jobs, now)) notes.push_back(std::move(n));
    ShownSlides shown = slides_to_show(sync);
    update_stale_texts(shown, sync, now);
    for (const auto& n : notes)
        for (const auto& line : n.lines) std::cerr << "infotavle: " << line << "\n";
    if (shown.bundled) std::cerr << "infotavle: " << shown.why_bundled << "\n";
    for (const auto& p : shown.set.problems) std::cerr << "infotavle: " << p << "\n";
    return std::move(shown.set);
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
    std::string render_dir, size_text, now_text, manifest, home, cache_dir, ca_file;
    std::uint64_t cache_max_mb = feeds::Limits{}.max_cache_bytes / (1024 * 1024);
    std::uint64_t data_max_mb = kDefaultDataMaxBytes / (1024 * 1024);
    bool fullscreen = false, software = false, version = false;
    int rotate = 0;
    app.add_option("--check", check_paths, "Check feed and manifest files, print every problem, and exit");
    app.add_option("--render", render_dir,
                   "Write one PNG per slide into OUTDIR and exit (no display needed). With an http(s) "
                   "--manifest, its data is fetched once first (cached copies where a fetch fails); "
                   "a local one is read as it is");
    app.add_option("--size", size_text,
                   "Screen size WxH: window size, or PNG size with --render (default 1920x1080)");
    app.add_option("--now", now_text, "Show this time instead of the clock, e.g. 2022-05-03T10:15");
    app.add_option("--manifest", manifest,
                   "Manifest to show: a local path or an http(s) URL. It and its feeds are fetched on "
                   "their refresh_s schedule and cached; the cached copies are shown at start and "
                   "whenever a fetch fails (default: the feeds built into the program)");
    app.add_option("--cache-dir", cache_dir,
                   "Where fetched data is kept (default: $CACHE_DIRECTORY, else "
                   "$XDG_CACHE_HOME/infotavle, else ~/.cache/infotavle)");
    app.add_option("--cache-max-mb", cache_max_mb,
                   "The most the cache may hold, in MiB; a copy that would take it over is shown but not "
                   "stored (default 256)")
        ->check(CLI::Range(std::uint64_t(1), std::uint64_t(1) << 30));
    app.add_option("--data-max-mb", data_max_mb,
                   "The most memory all feeds' parsed data may take together, in MiB; a feed that would "
                   "take it over is refused (the others keep working) and tried again later (default 64)")
        ->check(CLI::Range(std::uint64_t(1), std::uint64_t(1) << 20));
    app.add_option("--ca-file", ca_file,
                   "PEM file with the CA certificate(s) to trust for https instead of the system's (a "
                   "private CA)")
        ->check(CLI::ExistingFile);
    app.add_flag("--fullscreen", fullscreen, "Full screen (the kiosk mode)");
    app.add_option("--rotate", rotate, "Screen mounted turned clockwise by 0, 90, 180 or 270 degrees")
        ->check(CLI::IsMember({0, 90, 180, 270}));
    app.add_option("--home", home, "Municipality to highlight: code (\"259\") or name (\"Køge\")");
    app.add_flag("--software", software, "Use the software renderer even when a GPU is available");
    app.add_flag("--version", version, "Print the version and exit");
    StatusOptions status;  // the status outlets (issue 16): app/status/options.h
    add_status_options(app, status);
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
    cache_dir = cache_dir_or_default(cache_dir);

    home = resolve_home(home);
    if (!render_dir.empty()) {
        const SlideSet set = slides_for_render(manifest, cache_dir, ca_file, cache_max_mb * 1024 * 1024,
                                               data_max_mb * 1024 * 1024);
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
    k.cache_dir = cache_dir;
    k.user_agent = feeds::user_agent(INFOTAVLE_VERSION);
    k.ca_file = ca_file;
    k.cache_max_bytes = cache_max_mb * 1024 * 1024;
    k.data_max_bytes = data_max_mb * 1024 * 1024;
    k.home = home;
    k.fixed_now = now;
    resolve_status_options(status, std::getenv("RUNTIME_DIRECTORY"));
    k.status = status;
    k.version = INFOTAVLE_VERSION;
    return run_kiosk(k, fonts, std::cerr);
}

}  // namespace

int main(int argc, char** argv) {
    // A kiosk never shows a crash dialog: anything unexpected is one log line and an exit code,
    // and systemd restarts the service.
    limit_heap_arenas();
    try {
        return run(argc, argv);
    } catch (const std::exception& e) {
        std::cerr << "infotavle: fatal: " << e.what() << "\n";
    } catch (...) {
        std::cerr << "infotavle: fatal: unknown error\n";
    }
    return 3;
}
