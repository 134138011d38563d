#include "app/status/options.h"

#include <string>

StatusOptions status_options(const Settings& s, const char* runtime_dir) {
    StatusOptions opt;
    opt.status_file = s.status_file;
    opt.metrics_file = s.metrics_file;
    opt.heartbeat_url = s.heartbeat_url;
    opt.heartbeat_s = s.heartbeat_s;
    opt.screenshot_s = s.screenshot_s;
    opt.screen = {s.screen_id, s.screen_name, s.location};
    if (opt.status_file.empty() && runtime_dir && *runtime_dir) {
        std::string dir = runtime_dir;
        if (auto colon = dir.find(':'); colon != std::string::npos) dir.resize(colon);  // several: the first
        opt.status_file = dir + "/status.json";
    }
    return opt;
}
