// The edge of the clock: the one place that reads the machine's timezone. Everything that
// formats or compares times takes a CivilTime, so it can be tested with fixed times.
#pragma once

#include <chrono>

#include "app/danish_format.h"

// The local time of `tp` in the machine's timezone (TZ, /etc/localtime).
CivilTime local_civil_time(std::chrono::system_clock::time_point tp);
