// The status outlets' command-line options (also keys of a config file CLI11 reads), in one
// block so that main.cpp registers them with one call.
#pragma once

#include <CLI/CLI.hpp>

#include "app/status/outlets.h"

void add_status_options(CLI::App& app, StatusOptions& opt);

// Defaults from the environment once the command line is read: the status file under
// systemd's RuntimeDirectory= ($RUNTIME_DIRECTORY/status.json), the screen id from the host
// name. `runtime_dir` may be null.
void resolve_status_options(StatusOptions& opt, const char* runtime_dir);
