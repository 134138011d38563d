// systemd integration: readiness, watchdog and a status line (sd_notify). Without libsystemd
// at build time, or when not started by systemd, every call does nothing.
#pragma once

#include <cstdint>
#include <string>

void service_ready();
void service_watchdog();
void service_stopping();  // so systemd reads the exit as asked for, not as a crash
void service_status(const std::string& text);

// How often the watchdog must be fed, in ms: half of WatchdogSec. 0 = no watchdog.
std::int64_t service_watchdog_interval_ms();
