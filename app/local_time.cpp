#include "app/local_time.h"

#include <ctime>

CivilTime local_civil_time(std::chrono::system_clock::time_point tp) {
    const std::time_t t = std::chrono::system_clock::to_time_t(tp);
    std::tm tm{};
    localtime_r(&t, &tm);  // thread-safe, unlike std::localtime
    return {tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec};
}

feeds::CivilMinute civil_minute_of(const CivilTime& t) {
    return feeds::civil_minute({t.year, t.month, t.day}, t.hour, t.minute);
}

CivilTime civil_time_of(feeds::CivilMinute m) {
    const std::int64_t days = m >= 0 ? m / 1440 : (m - 1439) / 1440;
    const int minute = int(m - days * 1440);
    const feeds::CivilDate d = feeds::civil_from_days(days);
    return {d.year, d.month, d.day, minute / 60, minute % 60, 0};
}

std::chrono::system_clock::time_point local_time_point(feeds::CivilMinute m) {
    const CivilTime c = civil_time_of(m);
    std::tm tm{};
    tm.tm_year = c.year - 1900;
    tm.tm_mon = c.month - 1;
    tm.tm_mday = c.day;
    tm.tm_hour = c.hour;
    tm.tm_min = c.minute;
    tm.tm_isdst = -1;  // let the timezone database say whether summer time applies
    return std::chrono::system_clock::from_time_t(std::mktime(&tm));
}
