// What one run of the program does, once the configuration is read (app/config): one named
// action, each a function returning the process's exit code. main.cpp reads the configuration
// and dispatches; the one-shot tools are in tools.cpp, the screen's two modes (PNGs, kiosk) in
// render_action.cpp and kiosk_action.cpp, and what those two share in screen_setup.h.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "app/config/config.h"

enum class Action { version, print_config, from_csv, list_places, check, publish, from_cap, render, kiosk };

// The action the flags ask for. Several may be given; the first of this order wins:
// --version, --print-config, --from-csv, --list-places, --check, --publish, --from-cap,
// --render, else the kiosk.
Action chosen_action(const Actions& a);

// What every action may need besides the configuration.
struct RunContext {
    std::vector<std::string> args;  // argv without the program name (SIGHUP reads them again)
    std::string version;            // "0.1.0"
};

// The configuration file, read through read_text_file (the command line over the file over the
// defaults; app/config/config.h parse_config).
ConfigOutcome read_config(const std::vector<std::string>& args);
// A file as it is on disk: missing, unreadable (with errno's text) or its whole text.
FileRead read_text_file(const std::string& path);

// The one-shot tools (tools.cpp): each writes its result on `out`, its problems on `err`.
int print_version(const RunContext& run, std::ostream& out);
int print_effective_config(const Config& config, std::ostream& out);
int csv_dataset(const Actions& a, std::ostream& out, std::ostream& err);  // --from-csv
int list_places(const Actions& a, std::ostream& out);                     // --list-places
int check_feeds(const Actions& a, std::ostream& out);                     // --check
int publish_feeds(const Actions& a, std::ostream& out);                   // --publish SRC OUT
int cap_notices(const Actions& a, std::ostream& out, std::ostream& err);  // --from-cap

// The screen's modes: every slide to PNG (--render), or the kiosk. Both log on `log`.
int render_slides(const Config& config, const RunContext& run, std::ostream& log);
int run_screen(const Config& config, const RunContext& run, std::ostream& log);
