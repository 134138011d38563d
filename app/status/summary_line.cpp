#include "app/status/summary_line.h"

std::string short_age(std::int64_t s) {
    if (s < 60) return std::to_string(std::max<std::int64_t>(s, 0)) + " s";
    if (s < 3600) return std::to_string(s / 60) + " min";
    if (s < 86400) return std::to_string(s / 3600) + " h";
    return std::to_string(s / 86400) + " d";
}

std::string summary_line(const StatusRecord& r) {
    int ok = 0;
    for (const auto& f : r.feeds) ok += f.last_good_at && !f.stale && f.consecutive_failures == 0;
    std::string line = std::to_string(ok) + "/" + std::to_string(r.feeds.size()) + " feeds ok · ";
    if (r.manifest.location == "bundled")
        line += "bundled feeds";
    else if (r.manifest.bundled)
        line += "bundled slides (no usable manifest)";
    else if (r.manifest.age_s)
        line += "manifest " + short_age(*r.manifest.age_s);
    line += " · ";
    line += r.slide_n > 0 ? "slide " + std::to_string(r.slide_n) + "/" + std::to_string(r.slide_count)
                          : std::string("no-data screen");
    if (r.heartbeat.consecutive_failures > 0)
        line += " · heartbeat failing (" + std::to_string(r.heartbeat.consecutive_failures) + ")";
    if (r.display.reason == "schedule") line += " · " + display_line(r.display);
    return line;
}

std::string display_line(const DisplayStatus& d, bool details) {
    std::string line = std::string("display ") + (d.intended_on ? "on" : "off") + " (" + d.reason + ")";
    for (const auto& c : d.channels)
        line += " · " + c.name + ": " + c.state + (details && !c.detail.empty() ? " (" + c.detail + ")" : "");
    return line;
}
