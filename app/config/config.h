// The effective configuration of a run: the command line over the configuration file over the
// defaults (settings.h). A pure function: the file is read through the caller's `read`, the host
// name is passed in, and errors come back as one line naming the file, line and key.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "app/config/settings.h"
#include "platform/journal.h"

// Where the file is looked for when no --config is given; a missing one is no error.
inline constexpr const char* kDefaultConfigFile = "/etc/infotavle/infotavle.conf";

enum class Origin { default_value, file, flag };

// What one run does besides the settings: command-line only.
struct Actions {
    std::vector<std::string> check_paths;   // --check
    std::string render_dir;                 // --render
    std::string render_slide;               // --slide: render this slide id only
    bool allow_unknown = false;             // --allow-unknown: unknown keys/views warn, not fail
    bool list_places = false;               // --list-places (with --check)
    std::string from_csv;                   // --from-csv FILE
    std::string dataset_type = "table";     // --dataset-type
    std::string dataset_id = "data";        // --dataset-id
    std::string dataset_title;              // --dataset-title; empty: from the file's name
    std::vector<std::string> publish_dirs;  // --publish SRC_DIR OUT_DIR
    std::string key_file;                   // --key (with --publish)
    std::vector<std::string> trusted_keys;  // --trusted-key, repeatable (files: keys.d)
    std::vector<std::string> from_cap;      // --from-cap: CAP alerts to a notice feed on stdout
    bool cap_test = false;                  // --cap-test: Test and Exercise alerts too, marked TEST
    bool version = false;                   // --version
    bool print_config = false;              // --print-config
};

struct SettingValue {
    std::string key;    // the file key, e.g. "cache_max_mb"
    std::string value;  // as it is written in the file: "256", "true", "\"Køge\""
    Origin origin = Origin::default_value;
    int line = 0;  // the file's line, when origin is file
};

struct Config {
    Settings settings;
    Actions actions;
    std::string file;                  // the file read; empty when none was
    std::vector<SettingValue> values;  // every setting, in the order of settings.cpp
};

// A file as the caller found it: missing, unreadable (error says why) or its text.
struct FileRead {
    bool exists = false;
    std::string error;
    std::string text;
};
using ReadFile = std::function<FileRead(const std::string& path)>;

struct ConfigOutcome {
    std::optional<Config> config;  // set when the run goes on
    std::string message;           // otherwise: --help's text (exit 0) or the one error line (exit 2)
    int exit_code = 0;
};

// args: argv without the program name. default_file is read when no --config is given and it
// exists; a --config file must exist.
ConfigOutcome parse_config(const std::vector<std::string>& args, const std::string& default_file,
                           const std::string& host_name, const ReadFile& read);

// --print-config: the effective settings as a configuration file, each line saying where its
// value came from.
std::string print_config(const Config& c);

// The configuration file the package installs: every setting, commented out, with its help
// and its default.
std::string default_config_text();

// The keys whose values differ between the running configuration and one read again.
std::vector<std::string> changed_keys(const Config& running, const Config& reread);

// What to log when SIGHUP has read the configuration again: every setting that changed needs a
// restart (the manifest itself is read again by the kiosk); a file that no longer parses keeps
// the running configuration.
std::vector<std::pair<Severity, std::string>> reload_report(const Config& running,
                                                            const ConfigOutcome& reread);
