#include "app/config/settings.h"

#include <algorithm>

void add_settings(CLI::App& app, Settings& s) {
    auto* g = app.option_defaults();
    g->group(kSettingsGroup)->always_capture_default();
    app.add_option("--manifest", s.manifest,
                   "Manifest to show: a local path or an http(s) URL. It and its feeds are fetched on "
                   "their refresh_s schedule and cached; the cached copies are shown at start and "
                   "whenever a fetch fails (default: the feeds built into the program)");
    app.add_option("--home", s.home, "Municipality to highlight: code (\"259\") or name (\"Køge\")");
    app.add_option("--cache-dir", s.cache_dir,
                   "Where fetched data is kept (default: $CACHE_DIRECTORY, else "
                   "$XDG_CACHE_HOME/infotavle, else ~/.cache/infotavle)");
    app.add_option("--cache-max-mb", s.cache_max_mb,
                   "The most the cache may hold, in MiB; a copy that would take it over is shown but not "
                   "stored")
        ->check(CLI::Range(std::uint64_t(1), std::uint64_t(1) << 30));
    app.add_option("--ca-file", s.ca_file,
                   "PEM file with the CA certificate(s) to trust for https instead of the system's (a "
                   "private CA)")
        ->check(CLI::ExistingFile);
    app.add_option("--size", s.size,
                   "Screen size WxH: window size, or PNG size with --render (default 1920x1080)");
    app.add_flag("--fullscreen", s.fullscreen, "Full screen (the kiosk mode; also when no --size is given)");
    app.add_option("--rotate", s.rotate, "Screen mounted turned clockwise by 0, 90, 180 or 270 degrees")
        ->check(CLI::IsMember({0, 90, 180, 270}));
    app.add_flag("--software", s.software, "Use the software renderer even when a GPU is available");
    app.add_option("--now", s.now, "Show this time instead of the clock, e.g. 2022-05-03T10:15");
    app.add_option("--screen-id", s.screen_id,
                   "This screen's id in logs and reports (default: the host name)");
    app.add_option("--screen-name", s.screen_name, "This screen's name, e.g. \"Forhal, skærm 2\"");
    app.add_option("--location", s.location, "Where the screen hangs, e.g. \"Køge Rådhus, forhal\"");
    g->group("Options")->always_capture_default(false);
}

std::string key_of(const CLI::Option& opt) {
    std::string key = opt.get_lnames().empty() ? opt.get_name() : opt.get_lnames().front();
    std::replace(key.begin(), key.end(), '-', '_');
    return key;
}

std::string option_name_of(const std::string& key) {
    std::string name = key;
    std::replace(name.begin(), name.end(), '_', '-');
    return "--" + name;
}
