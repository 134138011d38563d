// The status record in one line for `systemctl status` (sd_notify STATUS=):
//   "3/3 feeds ok · manifest 4 min · slide 7/26"
//   "3/3 feeds ok · manifest 4 min · slide 7/26 · display off (schedule) · cec: standby · dpms: off"
// A feed is ok when it has data that is not stale and its last fetch did not fail.
#pragma once

#include <cstdint>
#include <string>

#include "app/status/record.h"

std::string summary_line(const StatusRecord& r);

// "display off (schedule) · cec: standby · dpms: off · black: shown"; "display on (no
// schedule)" when no schedule drives the channels. The summary line ends with it when a
// schedule is in force; the kiosk logs it when it changes.
// With `details`, each failing channel's reason follows it in brackets (for the log).
std::string display_line(const DisplayStatus& d, bool details = false);

// "40 s", "4 min", "3 h", "2 d": the largest whole unit.
std::string short_age(std::int64_t seconds);
