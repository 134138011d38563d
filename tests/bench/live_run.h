// The kiosk as a process, measured from outside as a board pays for it (the way
// ../shared/bench/side-by-side.sh measures it): `program` (build/infotavle) runs under SDL's dummy
// video driver with the software renderer on the bundled slides, each set to 10 s, from a local
// manifest. After `warm_s` seconds (start, fonts, first fetches) the CPU of `secs` seconds is
// counted from /proc (user + system, all threads), then PSS is read (smaps_rollup) and the peak
// RSS since the warm-up (VmHWM, reset through clear_refs), which holds the transitions.
#pragma once

#include <string>

struct LiveRun {
    std::string error;       // empty: measured
    double cpu_percent = 0;  // of one core
    double pss_mb = 0;
    double peak_rss_mb = 0;
};

LiveRun run_live(const std::string& program, int width, int height, int warm_s, int secs);
