// The status outlets' options, from the settings (app/config/settings.h: the command line over
// the configuration file) and the environment.
#pragma once

#include "app/config/settings.h"
#include "app/status/outlets.h"

// The status file defaults to systemd's RuntimeDirectory= ($RUNTIME_DIRECTORY/status.json);
// `runtime_dir` may be null. The screen's id, name and location are the settings' own.
StatusOptions status_options(const Settings& s, const char* runtime_dir);
