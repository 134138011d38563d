#include "app/actions/screen_setup.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <ostream>

#include "app/actions/actions.h"
#include "app/kiosk/log.h"
#include "app/kiosk/schedule_override.h"
#include "feeds/feed_cache.h"
#include "feeds/fetch.h"
#include "feeds/geo_reference.h"

namespace {

bool parse_size(const std::string& text, std::pair<int, int>& out) {
    int w = 0, h = 0;
    char x = 0, extra = 0;
    if (std::sscanf(text.c_str(), "%d%c%d%c", &w, &x, &h, &extra) != 3 || (x != 'x' && x != 'X'))
        return false;
    if (w < 320 || h < 240 || w > 8192 || h > 8192) return false;
    out = {w, h};
    return true;
}

// --home by code ("259") or name ("Køge"): boards and timelines name places, so a code becomes
// its municipality's name; an unknown one is said once and still highlights what it matches.
std::string resolve_home(const std::string& home, std::ostream& log) {
    if (home.empty()) return home;
    const feeds::GeoReference geo = feeds::load_geo_reference();
    if (const auto* m = feeds::find_municipality(geo, home)) return m->name;
    for (const auto& m : geo.municipalities)
        if (m.name == home) return home;
    log_line(log, Severity::warning) << "home " << home
                                     << ": no such municipality code or name on the map data\n";
    return home;
}

std::string cache_dir_or_default(const std::string& option) {
    if (!option.empty()) return option;
    return feeds::default_cache_dir(std::getenv("CACHE_DIRECTORY"), std::getenv("XDG_CACHE_HOME"),
                                    std::getenv("HOME"));
}

feeds::SyncOptions sync_options(const Settings& s, const std::string& version) {
    feeds::SyncOptions sync;
    sync.manifest_location = s.manifest;
    sync.cache_dir = cache_dir_or_default(s.cache_dir);
    sync.user_agent = feeds::user_agent(version);
    sync.ca_file = s.ca_file;
    sync.cache_max_bytes = s.cache_max_mb * 1024 * 1024;
    sync.data_max_bytes = s.data_max_mb * 1024 * 1024;
    return sync;
}

FontFiles fonts_or_log(std::ostream& log) {
    const char* dir = std::getenv("INFOTAVLE_FONT_DIR");
    FontFiles f = find_font_files(dir ? dir : "");
    if (!f.error.empty()) log_line(log, Severity::error) << f.error << "\n";
    return f;
}

}  // namespace

bool parse_sizes(const std::string& text, bool list, std::vector<std::pair<int, int>>& out) {
    out.clear();
    for (std::size_t from = 0; !text.empty() && from <= text.size();) {
        const std::size_t comma = std::min(text.find(',', from), text.size());
        std::pair<int, int> size;
        if (!parse_size(text.substr(from, comma - from), size) || (comma < text.size() && !list))
            return false;
        out.push_back(size);
        from = comma + 1;
    }
    if (out.empty()) out.emplace_back(1920, 1080);
    return true;
}

std::optional<ScreenSetup> screen_setup(const Config& config, const std::string& version, std::ostream& log) {
    const Settings& s = config.settings;
    const bool render = !config.actions.render_dir.empty();
    ScreenSetup setup;
    if (!parse_sizes(s.size, render, setup.sizes)) {
        log_line(log, Severity::error)
            << "size " << s.size << ": expected WxH, e.g. 1920x1080 (320x240 to 8192x8192)"
            << (render ? "; with --render a list, 1920x1080,800x480" : "") << "\n";
        return std::nullopt;
    }
    setup.width = setup.sizes.front().first;
    setup.height = setup.sizes.front().second;
    if (!s.now.empty()) {
        setup.now = parse_iso_minute(s.now);
        if (!setup.now) {
            log_line(log, Severity::error) << "now " << s.now << ": expected a time like 2022-05-03T10:15\n";
            return std::nullopt;
        }
    }
    setup.fonts = fonts_or_log(log);
    if (!setup.fonts.error.empty()) return std::nullopt;
    setup.sync = sync_options(s, version);
    setup.home = resolve_home(s.home, log);
    const OverrideOutcome schedule = read_schedule_override(s.display_schedule, read_text_file);
    if (!schedule.error.empty()) {
        log_line(log, Severity::error) << schedule.error << "\n";
        return std::nullopt;
    }
    setup.schedule = schedule.value;
    return setup;
}
