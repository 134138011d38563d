// infotavle: the lobby screen. Reads the configuration (app/config: the command line over
// /etc/infotavle/infotavle.conf) and hands over to one of three modes:
// --check (validate feeds), --render (PNGs, no display), or the kiosk (default).
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <exception>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "app/config/config.h"
#include "app/kiosk/kiosk.h"
#include "app/kiosk/log.h"
#include "app/kiosk/render_pngs.h"
#include "app/kiosk/schedule_override.h"
#include "app/kiosk/shown_slides.h"
#include "app/local_time.h"
#include "app/status/options.h"
#include "feeds/cap_convert.h"
#include "feeds/check.h"
#include "feeds/csv_import.h"
#include "feeds/feed_cache.h"
#include "feeds/file_read.h"
#include "feeds/geo_reference.h"
#include "feeds/publish.h"
#include "feeds/sync/sync_jobs.h"
#include "feeds/trust.h"
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

std::vector<const feeds::SyncItem*> sync_items(const feeds::FeedSync& sync) {
    std::vector<const feeds::SyncItem*> items{&sync.manifest_item};
    for (const auto& f : sync.feeds) items.push_back(&f);
    return items;
}

// --render with an http(s) --manifest: the data of this moment, fetched once (cached copies
// where a fetch fails), then drawn. A local manifest is read as it is, without the cache: a
// preview of those files, which must not replace the screen's last good copies.
SlideSet slides_for_render(const feeds::SyncOptions& options) {
    if (!feeds::is_http_url(options.manifest_location)) {
        SlideSet set = load_slide_set({options.manifest_location});
        for (const auto& p : set.problems) log_line(std::cerr, Severity::warning) << p << "\n";
        return set;
    }
    std::vector<feeds::Note> notes;
    feeds::FeedSync sync = feeds::open_sync(options, notes);
    feeds::SyncJobs jobs;
    const std::int64_t now =
        std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
            .count();
    for (auto& n : feeds::sync_until_settled(sync, jobs, now)) notes.push_back(std::move(n));
    ShownSlides shown = slides_to_show(sync);
    update_stale_texts(shown, sync, now);
    for (const auto& n : notes)
        for (const auto& line : n.lines) log_line(std::cerr, severity_of(n.topic)) << line << "\n";
    if (shown.bundled) log_line(std::cerr, Severity::error) << shown.why_bundled << "\n";
    for (const auto& p : shown.set.problems) log_line(std::cerr, Severity::warning) << p << "\n";
    // Not what the publisher wrote: the bundled slides, or a copy kept after a refused fetch.
    shown.set.errors += shown.bundled ? 1 : 0;
    for (const feeds::SyncItem* item : sync_items(sync))
        if (!item->last_error.empty()) {
            log_line(std::cerr, Severity::error) << item->label << ": " << item->last_error << "\n";
            ++shown.set.errors;
        }
    return std::move(shown.set);
}

// --from-csv: the dataset on `out`, or every ambiguous or unreadable cell on `err`.
int csv_dataset(const Actions& a, std::ostream& out, std::ostream& err) {
    std::string why;
    const auto bytes = feeds::read_file_prefix(a.from_csv, feeds::Limits{}.max_file_bytes, why);
    if (!bytes) {
        err << a.from_csv << ": cannot read: " << why << "\n";
        return 1;
    }
    const auto d = feeds::csv_to_dataset(*bytes, a.from_csv, a.dataset_type, a.dataset_id, a.dataset_title);
    for (const auto& e : d.errors) err << e << "\n";
    out << d.json;
    return d.errors.empty() ? 0 : 1;
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
    if (!config.actions.from_csv.empty()) return csv_dataset(config.actions, std::cout, std::cerr);
    if (config.actions.list_places) return feeds::list_places(config.actions.check_paths, std::cout);
    if (!config.actions.check_paths.empty())
        return feeds::run_check(config.actions.check_paths, std::cout, {}, {config.actions.allow_unknown});
    if (const auto& dirs = config.actions.publish_dirs; dirs.size() == 2) {
        const feeds::PublishRequest request{dirs[0], dirs[1], config.actions.key_file, std::time(nullptr)};
        return feeds::run_publish(request, std::cout);
    }
    if (!config.actions.from_cap.empty()) {
        const feeds::FromCapResult r =
            feeds::from_cap_files(config.actions.from_cap, config.actions.cap_test);
        for (const auto& line : r.lines) std::cerr << line << "\n";
        std::cout << r.json;
        return r.ok ? 0 : 1;
    }
    const std::string& size_text = s.size;
    const std::string& now_text = s.now;
    Size size{1920, 1080};
    // --render takes several sizes, "1920x1080,800x480": every slide at each.
    std::vector<std::pair<int, int>> sizes;
    for (std::size_t from = 0; !size_text.empty() && from <= size_text.size();) {
        const std::size_t comma = std::min(size_text.find(',', from), size_text.size());
        if (!parse_size(size_text.substr(from, comma - from), size) ||
            (comma < size_text.size() && config.actions.render_dir.empty())) {
            log_line(std::cerr, Severity::error)
                << "size " << size_text << ": expected WxH, e.g. 1920x1080 (320x240 to 8192x8192)"
                << (config.actions.render_dir.empty() ? "" : "; with --render a list, 1920x1080,800x480")
                << "\n";
            return 2;
        }
        sizes.emplace_back(size.w, size.h);
        from = comma + 1;
    }
    if (!sizes.empty()) size = {sizes.front().first, sizes.front().second};
    if (sizes.empty()) sizes.emplace_back(size.w, size.h);
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
    feeds::SyncOptions sync;
    sync.manifest_location = s.manifest;
    sync.cache_dir = cache_dir_or_default(s.cache_dir);
    sync.user_agent = feeds::user_agent(INFOTAVLE_VERSION);
    sync.ca_file = s.ca_file;
    sync.cache_max_bytes = s.cache_max_mb * 1024 * 1024;
    sync.data_max_bytes = s.data_max_mb * 1024 * 1024;

    const std::string home = resolve_home(s.home);
    const OverrideOutcome schedule = read_schedule_override(s.display_schedule, read_text_file);
    if (!schedule.error.empty()) {
        log_line(std::cerr, Severity::error) << schedule.error << "\n";
        return 2;
    }
    if (!config.actions.render_dir.empty()) {
        const SlideSet set = slides_for_render(sync);
        RenderOptions opt;
        opt.out_dir = config.actions.render_dir;
        opt.width = size.w;
        opt.height = size.h;
        opt.now = now ? *now : local_civil_time(std::chrono::system_clock::now());
        opt.home = home;
        opt.schedule = schedule.value;
        opt.only_slide = config.actions.render_slide;
        opt.allow_unknown = config.actions.allow_unknown;
        return render_all_sizes(set, fonts, opt, sizes, std::cerr);
    }

    KioskOptions k;
    // The kiosk is full screen unless a window size is asked for (a preview on a desktop).
    k.video.fullscreen = s.fullscreen || size_text.empty();
    k.video.width = size.w;
    k.video.height = size.h;
    k.video.rotate = s.rotate;
    k.video.force_software = s.software;
    k.sync = sync;
    k.home = home;
    k.wake_for_notices = s.wake_for_notices;
    k.fixed_now = now;
    k.schedule = schedule.value;
    k.status = status_options(s, std::getenv("RUNTIME_DIRECTORY"));
    k.version = INFOTAVLE_VERSION;
    const feeds::TrustedKeys trusted =
        feeds::load_trusted_keys(feeds::default_key_dirs(), config.actions.trusted_keys);
    for (const auto& problem : trusted.problems) log_line(std::cerr, Severity::warning) << problem << "\n";
    for (const auto& key : trusted.keys)
        log_line(std::cerr, Severity::info) << "trusting key " << feeds::key_id_hex(key.key_id) << " ("
                                            << key.file << "): only manifests it signs\n";
    k.sync.trusted_keys = trusted.keys;
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
