// infotavle: the lobby screen. Reads the configuration (app/config: the command line over
// /etc/infotavle/infotavle.conf) and hands over to one of three modes:
// --check (validate feeds), --render (PNGs, no display), or the kiosk (default).
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "app/config/config.h"
#include "app/kiosk/feed_sync.h"
#include "app/kiosk/kiosk.h"
#include "app/kiosk/log.h"
#include "app/kiosk/render_pngs.h"
#include "app/kiosk/sync_jobs.h"
#include "app/local_time.h"
#include "app/status/options.h"
#include "feeds/check.h"
#include "feeds/feed_cache.h"
#include "feeds/geo_reference.h"
#include "feeds/url.h"
#include "platform/journal.h"
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
    log_line(std::cerr, Severity::warning)
        << "home " << home << ": no such municipality code or name on the map data\n";
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
        for (const auto& p : set.problems) log_line(std::cerr, Severity::warning) << p << "\n";
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
        for (const auto& line : n.lines) log_line(std::cerr, severity_of(n.topic)) << line << "\n";
    if (shown.bundled) log_line(std::cerr, Severity::warning) << shown.why_bundled << "\n";
    for (const auto& p : shown.set.problems) log_line(std::cerr, Severity::warning) << p << "\n";
    return std::move(shown.set);
}

FontFiles fonts_or_log() {
    const char* dir = std::getenv("INFOTAVLE_FONT_DIR");
    FontFiles f = find_font_files(dir ? dir : "");
    if (!f.error.empty()) log_line(std::cerr, Severity::error) << f.error << "\n";
    return f;
}

FileRead read_text_file(const std::string& path) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) return {};
    std::ifstream in(path);
    if (!in) return {true, std::strerror(errno), ""};
    std::ostringstream text;
    text << in.rdbuf();
    return {true, "", text.str()};
}

std::string host_name() {
    char name[256] = {};
    if (gethostname(name, sizeof name - 1) != 0) return "";
    return name;
}

ConfigOutcome read_config(const std::vector<std::string>& args) {
    return parse_config(args, kDefaultConfigFile, host_name(), read_text_file);
}

int run(int argc, char** argv) {
    mark_journal_stream(std::cerr, fd_is_journal_stream(2));
    const std::vector<std::string> args(argv + 1, argv + argc);
    const ConfigOutcome outcome = read_config(args);
    if (!outcome.config) {
        if (outcome.exit_code == 0)
            std::cout << outcome.message;
        else
            log_line(std::cerr, Severity::error) << outcome.message << "\n";
        return outcome.exit_code;
    }
    const Config& config = *outcome.config;
    const Settings& s = config.settings;
    if (config.actions.version) {
        std::cout << "infotavle " << INFOTAVLE_VERSION << "\n";
        return 0;
    }
    if (config.actions.print_config) {
        std::cout << print_config(config);
        return 0;
    }
    if (!config.actions.check_paths.empty()) return feeds::run_check(config.actions.check_paths, std::cout);
    const std::string& size_text = s.size;
    const std::string& now_text = s.now;
    Size size{1920, 1080};
    if (!size_text.empty() && !parse_size(size_text, size)) {
        log_line(std::cerr, Severity::error)
            << "size " << size_text << ": expected WxH, e.g. 1920x1080 (320x240 to 8192x8192)\n";
        return 2;
    }
    std::optional<CivilTime> now;
    if (!now_text.empty()) {
        now = parse_iso_minute(now_text);
        if (!now) {
            log_line(std::cerr, Severity::error)
                << "now " << now_text << ": expected a time like 2022-05-03T10:15\n";
            return 2;
        }
    }
    const FontFiles fonts = fonts_or_log();
    if (!fonts.error.empty()) return 2;
    const SlideSource source{s.manifest};
    const std::string cache_dir = cache_dir_or_default(s.cache_dir);
    const std::uint64_t cache_max_bytes = s.cache_max_mb * 1024 * 1024;

    const std::string home = resolve_home(s.home);
    if (!config.actions.render_dir.empty()) {
        const SlideSet set =
            slides_for_render(s.manifest, cache_dir, s.ca_file, cache_max_bytes, s.data_max_mb * 1024 * 1024);
        RenderOptions opt;
        opt.out_dir = config.actions.render_dir;
        opt.width = size.w;
        opt.height = size.h;
        opt.now = now ? *now : local_civil_time(std::chrono::system_clock::now());
        opt.home = home;
        return render_pngs(set, fonts, opt, std::cerr);
    }

    KioskOptions k;
    // The kiosk is full screen unless a window size is asked for (a preview on a desktop).
    k.video.fullscreen = s.fullscreen || size_text.empty();
    k.video.width = size.w;
    k.video.height = size.h;
    k.video.rotate = s.rotate;
    k.video.force_software = s.software;
    k.source = source;
    k.cache_dir = cache_dir;
    k.user_agent = feeds::user_agent(INFOTAVLE_VERSION);
    k.ca_file = s.ca_file;
    k.cache_max_bytes = cache_max_bytes;
    k.data_max_bytes = s.data_max_mb * 1024 * 1024;
    k.home = home;
    k.fixed_now = now;
    k.status = status_options(s, std::getenv("RUNTIME_DIRECTORY"));
    k.version = INFOTAVLE_VERSION;
    // SIGHUP: the kiosk reads the manifest again; the file is read again here and what changed
    // is said (every setting takes effect at the next start).
    k.on_reload = [args, config](std::ostream& log) {
        for (const auto& [severity, line] : reload_report(config, read_config(args)))
            log_line(log, severity) << line << "\n";
    };
    log_line(std::cerr, Severity::info)
        << "screen " << s.screen_id << (s.screen_name.empty() ? "" : " (" + s.screen_name + ")")
        << (s.location.empty() ? "" : ", " + s.location) << "; configuration "
        << (config.file.empty() ? "none (defaults and flags)" : config.file) << "\n";
    return run_kiosk(k, fonts, std::cerr);
}

}  // namespace

int main(int argc, char** argv) {
    // A kiosk never shows a crash dialog: anything unexpected is one log line and an exit code,
    // and systemd restarts the service.
    limit_heap_arenas();
    map_whole_pictures_apart();
    try {
        return run(argc, argv);
    } catch (const std::exception& e) {
        log_line(std::cerr, Severity::error) << "fatal: " << e.what() << "\n";
    } catch (...) {
        log_line(std::cerr, Severity::error) << "fatal: unknown error\n";
    }
    return 3;
}
