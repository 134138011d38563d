// The edge of the clock: the one place that reads the machine's timezone. Everything that
// formats or compares times takes a CivilTime, so it can be tested with fixed times.
#include <ctime>

#include "app/danish_format.h"

CivilTime local_civil_time(std::chrono::system_clock::time_point tp) {
    const std::time_t t = std::chrono::system_clock::to_time_t(tp);
    std::tm tm{};
#ifdef _WIN32
    localtime_s(&tm, &t);
#else
    localtime_r(&t, &tm);  // thread-safe, unlike std::localtime
#endif
    return {tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec};
}
