#include "app/status/options.h"

#include <unistd.h>

#include <climits>
#include <string>

void add_status_options(CLI::App& app, StatusOptions& opt) {
    app.add_option("--status-file", opt.status_file,
                   "Where to keep the screen's status as JSON, replaced whole on every change and every "
                   "10 s (default under systemd: $RUNTIME_DIRECTORY/status.json)");
    app.add_option("--metrics-file", opt.metrics_file,
                   "Where to keep the status as Prometheus metrics for node_exporter's textfile collector, "
                   "e.g. /var/lib/prometheus/node-exporter/infotavle.prom");
    app.add_option("--heartbeat-url", opt.heartbeat_url,
                   "POST the status JSON (and the latest screenshot as image/png) to this https URL every "
                   "--heartbeat-s")
        ->check([](const std::string& url) {
            return url.rfind("https://", 0) == 0 || url.rfind("http://", 0) == 0
                       ? std::string()
                       : std::string("expected an http(s) URL");
        });
    app.add_option("--heartbeat-s", opt.heartbeat_s, "Seconds between heartbeats, ±20 % (default 300)")
        ->check(CLI::Range(1, 86400));
    app.add_option("--screenshot-s", opt.screenshot_s,
                   "Write screenshot.png next to the status file every N seconds (default 0: only on "
                   "SIGUSR1)")
        ->check(CLI::Range(0, 86400));
    app.add_option("--screen-id", opt.screen.id, "This screen's id in the status (default: the host name)");
    app.add_option("--screen-name", opt.screen.name, "This screen's name in the status, e.g. \"Foyer\"");
    app.add_option("--screen-location", opt.screen.location,
                   "Where this screen hangs, in the status, e.g. \"Rådhuset, Køge\"");
}

void resolve_status_options(StatusOptions& opt, const char* runtime_dir) {
    if (opt.status_file.empty() && runtime_dir && *runtime_dir) {
        std::string dir = runtime_dir;
        if (auto colon = dir.find(':'); colon != std::string::npos) dir.resize(colon);  // several: the first
        opt.status_file = dir + "/status.json";
    }
    if (opt.screen.id.empty()) {
        char host[HOST_NAME_MAX + 1] = {};
        if (::gethostname(host, sizeof host - 1) == 0) opt.screen.id = host;
    }
}
