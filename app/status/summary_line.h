// The status record in one line for `systemctl status` (sd_notify STATUS=):
//   "3/3 feeds ok · manifest 4 min · slide 7/26"
// A feed is ok when it has data that is not stale and its last fetch did not fail.
#pragma once

#include <cstdint>
#include <string>

#include "app/status/record.h"

std::string summary_line(const StatusRecord& r);

// "40 s", "4 min", "3 h", "2 d": the largest whole unit.
std::string short_age(std::int64_t seconds);
