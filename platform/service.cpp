#include "platform/service.h"

#ifdef INFOTAVLE_HAVE_SYSTEMD
#include <systemd/sd-daemon.h>

void service_ready() {
    sd_notify(0, "READY=1");
}
void service_watchdog() {
    sd_notify(0, "WATCHDOG=1");
}
void service_stopping() {
    sd_notify(0, "STOPPING=1");
}
void service_status(const std::string& text) {
    sd_notify(0, ("STATUS=" + text).c_str());
}

std::int64_t service_watchdog_interval_ms() {
    uint64_t usec = 0;
    if (sd_watchdog_enabled(0, &usec) <= 0) return 0;
    return std::int64_t(usec / 2000);  // half the interval, in ms, as systemd recommends
}
#else
void service_ready() {}
void service_watchdog() {}
void service_stopping() {}
void service_status(const std::string&) {}
std::int64_t service_watchdog_interval_ms() {
    return 0;
}
#endif
