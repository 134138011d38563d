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
    app.add_option("--data-max-mb", s.data_max_mb,
                   "The most memory all feeds' parsed data may take together, in MiB; a feed that would "
                   "take it over is refused (the others keep working) and tried again later")
        ->check(CLI::Range(std::uint64_t(1), std::uint64_t(1) << 20));
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
    app.add_option("--display-schedule", s.display_schedule,
                   "When this screen is on, over the manifest's display_schedule: \"always\" (a 24-hour "
                   "lobby), or a JSON file holding a display_schedule object (FORMAT.md); default: the "
                   "manifest's");
    app.add_option("--screen-id", s.screen_id,
                   "This screen's id in logs and reports (default: the host name)");
    app.add_option("--screen-name", s.screen_name, "This screen's name, e.g. \"Forhal, skærm 2\"");
    app.add_option("--location", s.location, "Where the screen hangs, e.g. \"Køge Rådhus, forhal\"");
    app.add_option("--status-file", s.status_file,
                   "Where to keep the screen's status as JSON, replaced whole on every change and every "
                   "10 s (default under systemd: $RUNTIME_DIRECTORY/status.json)");
    app.add_option("--metrics-file", s.metrics_file,
                   "Where to keep the status as Prometheus metrics for node_exporter's textfile collector, "
                   "e.g. /var/lib/prometheus/node-exporter/infotavle.prom");
    app.add_option("--heartbeat-url", s.heartbeat_url,
                   "POST the status JSON (and the latest screenshot as image/png) to this https URL every "
                   "heartbeat_s seconds")
        ->check([](const std::string& url) {
            return url.rfind("https://", 0) == 0 || url.rfind("http://", 0) == 0
                       ? std::string()
                       : std::string("expected an http(s) URL");
        });
    app.add_option("--heartbeat-s", s.heartbeat_s, "Seconds between heartbeats, ±20 %")
        ->check(CLI::Range(1, 86400));
    app.add_option("--screenshot-s", s.screenshot_s,
                   "Write screenshot.png next to the status file every N seconds (0: only on SIGUSR1)")
        ->check(CLI::Range(0, 86400));
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
