#include "app/config/settings.h"

#include <algorithm>
#include <optional>
#include <type_traits>
#include <variant>
#include <vector>

namespace {

// One setting: its option (a flag for a bool), its field, what it means, and the values it
// takes (none: any).
struct Setting {
    const char* name;
    std::variant<std::string Settings::*, std::uint64_t Settings::*, int Settings::*, bool Settings::*> field;
    const char* help;
    std::optional<CLI::Validator> check = std::nullopt;
};

std::string http_url(const std::string& url) {
    return url.rfind("https://", 0) == 0 || url.rfind("http://", 0) == 0
               ? std::string()
               : std::string("expected an http(s) URL");
}

// Every setting, in the order of the file.
std::vector<Setting> settings_table() {
    return {
        {"--manifest", &Settings::manifest,
         "Manifest to show: a local path or an http(s) URL. It and its feeds are fetched on "
         "their refresh_s schedule and cached; the cached copies are shown at start and "
         "whenever a fetch fails (default: the feeds built into the program)"},
        {"--home", &Settings::home, "Municipality to highlight: code (\"259\") or name (\"Køge\")"},
        {"--cache-dir", &Settings::cache_dir,
         "Where fetched data is kept (default: $CACHE_DIRECTORY, else "
         "$XDG_CACHE_HOME/infotavle, else ~/.cache/infotavle)"},
        {"--cache-max-mb", &Settings::cache_max_mb,
         "The most the cache may hold, in MiB; a copy that would take it over is shown but not "
         "stored",
         CLI::Range(std::uint64_t(1), std::uint64_t(1) << 30)},
        {"--data-max-mb", &Settings::data_max_mb,
         "The most memory all feeds' parsed data may take together, in MiB; a feed that would "
         "take it over is refused (the others keep working) and tried again later",
         CLI::Range(std::uint64_t(1), std::uint64_t(1) << 20)},
        {"--ca-file", &Settings::ca_file,
         "PEM file with the CA certificate(s) to trust for https instead of the system's (a "
         "private CA)",
         CLI::ExistingFile},
        {"--size", &Settings::size,
         "Screen size WxH: window size, or PNG size with --render, which takes a list: "
         "1920x1080,800x480 (default 1920x1080)"},
        {"--fullscreen", &Settings::fullscreen, "Full screen (the kiosk mode; also when no --size is given)"},
        {"--rotate", &Settings::rotate, "Screen mounted turned clockwise by 0, 90, 180 or 270 degrees",
         CLI::IsMember({0, 90, 180, 270})},
        {"--software", &Settings::software, "Use the software renderer even when a GPU is available"},
        {"--wake-for-notices", &Settings::wake_for_notices,
         "Let an extreme or severe notice (a takeover) turn on a screen the display_schedule has turned off, "
         "until it ends"},
        {"--now", &Settings::now, "Show this time instead of the clock, e.g. 2022-05-03T10:15"},
        {"--display-schedule", &Settings::display_schedule,
         "When this screen is on, over the manifest's display_schedule: \"always\" (a 24-hour lobby), or a "
         "JSON file holding a display_schedule object (FORMAT.md); default: the manifest's"},
        {"--screen-id", &Settings::screen_id,
         "This screen's id in logs and reports (default: the host name)"},
        {"--screen-name", &Settings::screen_name, "This screen's name, e.g. \"Forhal, skærm 2\""},
        {"--location", &Settings::location, "Where the screen hangs, e.g. \"Køge Rådhus, forhal\""},
        {"--status-file", &Settings::status_file,
         "Where to keep the screen's status as JSON, replaced whole on every change and every "
         "10 s (default under systemd: $RUNTIME_DIRECTORY/status.json)"},
        {"--metrics-file", &Settings::metrics_file,
         "Where to keep the status as Prometheus metrics for node_exporter's textfile collector, "
         "e.g. /var/lib/prometheus/node-exporter/infotavle.prom"},
        {"--heartbeat-url", &Settings::heartbeat_url,
         "POST the status JSON (and the latest screenshot as image/png) to this https URL every "
         "heartbeat_s seconds",
         CLI::Validator(http_url, "").non_modifying()},
        {"--heartbeat-s", &Settings::heartbeat_s, "Seconds between heartbeats, ±20 %", CLI::Range(1, 86400)},
        {"--screenshot-s", &Settings::screenshot_s,
         "Write screenshot.png next to the status file every N seconds (0: only on SIGUSR1)",
         CLI::Range(0, 86400)},
    };
}

}  // namespace

void add_settings(CLI::App& app, Settings& s) {
    auto* g = app.option_defaults();
    g->group(kSettingsGroup)->always_capture_default();
    for (const Setting& row : settings_table()) {
        CLI::Option* opt = std::visit(
            [&](auto member) {
                if constexpr (std::is_same_v<decltype(member), bool Settings::*>)
                    return app.add_flag(row.name, s.*member, row.help);
                else
                    return app.add_option(row.name, s.*member, row.help);
            },
            row.field);
        if (row.check) opt->check(*row.check);
    }
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
