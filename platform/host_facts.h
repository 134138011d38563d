// What the status record (app/status/record.h) says of the machine: read from /run, /sys and
// /proc at the edge, parsed by pure functions. A fact this machine does not have is nullopt.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

struct HostFacts {
    bool clock_synchronized = false;                // systemd-timesyncd has synchronised the clock
    std::optional<std::uint64_t> cache_free_bytes;  // free to this user on the cache's file system
    std::optional<double> soc_temp_c;               // the SoC's (or first) thermal zone
    std::optional<std::uint64_t> resident_bytes;    // this process's resident memory
};

// Where to look; tests point them at a temp dir.
struct HostPaths {
    std::string timesync_flag = "/run/systemd/timesync/synchronized";
    std::string thermal_dir = "/sys/class/thermal";
    std::string statm = "/proc/self/statm";
};

HostFacts read_host_facts(const std::string& cache_dir, const HostPaths& paths = {});

// "45123\n" (millidegrees, as /sys/class/thermal/thermal_zone*/temp holds them) -> 45.123.
std::optional<double> parse_millidegrees(const std::string& text);
// /proc/self/statm's second field (resident pages) times the page size.
std::optional<std::uint64_t> parse_statm_resident(const std::string& text, std::uint64_t page_bytes);
