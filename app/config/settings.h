// Every setting of infotavle: one struct, and one table (settings.cpp) that makes each of them
// a command-line option and a key of the configuration file (/etc/infotavle/infotavle.conf).
// Adding a setting is a field here and one line in add_settings(): the option, the file key,
// --print-config, the shipped configuration file and its checks all follow from that line.
#pragma once

#include <CLI/CLI.hpp>

#include <cstdint>
#include <string>

struct Settings {
    std::string manifest;  // local path or http(s) URL; empty = the bundled feeds
    std::string home;
    std::string cache_dir;
    std::uint64_t cache_max_mb = 256;
    std::uint64_t data_max_mb = 64;  // all feeds' parsed data together
    std::string ca_file;
    std::string size;  // "WxH"; empty = 1920x1080 full screen
    bool fullscreen = false;
    int rotate = 0;
    bool software = false;
    bool wake_for_notices = false;  // an extreme or severe notice turns on a screen the schedule turned off
    std::string now;                // frozen clock, e.g. 2022-05-03T10:15
    std::string display_schedule;   // empty = the manifest's; "always"; or a schedule JSON file
    std::string screen_id;          // empty = the host name
    std::string screen_name;
    std::string location;
    // The status outlets (app/status): files, heartbeat, screenshots.
    std::string status_file;  // empty = $RUNTIME_DIRECTORY/status.json under systemd
    std::string metrics_file;
    std::string heartbeat_url;
    int heartbeat_s = 300;
    int screenshot_s = 0;
};

// The option group the settings are in; the other options (--check, --render, --config, ...)
// are actions of one run and cannot be set in the file.
inline constexpr const char* kSettingsGroup = "Settings";

// Registers every setting on `app` as an option bound to `s`, in the order of the file.
void add_settings(CLI::App& app, Settings& s);

// The file key of an option ("--cache-max-mb" -> "cache_max_mb"), and back.
std::string key_of(const CLI::Option& opt);
std::string option_name_of(const std::string& key);
