// The edge of the clock: the one place that reads the machine's timezone. Everything that
// formats or compares times takes a CivilTime (or a feeds::CivilMinute), so it can be tested
// with fixed times.
#pragma once

#include <chrono>

#include "app/danish_format.h"
#include "feeds/schedule.h"

// The local time of `tp` in the machine's timezone (TZ, /etc/localtime).
CivilTime local_civil_time(std::chrono::system_clock::time_point tp);

// A civil time as minutes for feeds/schedule.h (seconds dropped).
feeds::CivilMinute civil_minute_of(const CivilTime& t);
CivilTime civil_time_of(feeds::CivilMinute m);

// The instant a local wall-clock minute happens, through the timezone database: across a DST
// change six wall-clock hours may be five or seven real ones. A minute that does not exist
// (02:30 on the last Sunday of March) is the instant the clock reaches past it (03:30).
std::chrono::system_clock::time_point local_time_point(feeds::CivilMinute m);
