#include "feeds/utc_time.h"

#include <cstdio>

#include "feeds/schedule.h"

namespace feeds {

namespace {

std::optional<int> digits(std::string_view t, std::size_t at, std::size_t n) {
    int v = 0;
    for (std::size_t i = at; i < at + n; ++i) {
        if (t[i] < '0' || t[i] > '9') return std::nullopt;
        v = v * 10 + (t[i] - '0');
    }
    return v;
}

struct Utc {
    CivilDate date;
    int hour = 0, minute = 0, second = 0;
};

Utc split(std::int64_t unix_s) {
    std::int64_t days = unix_s / 86400, rest = unix_s % 86400;
    if (rest < 0) {
        rest += 86400;
        --days;
    }
    return {civil_from_days(days), int(rest / 3600), int(rest / 60 % 60), int(rest % 60)};
}

}  // namespace

std::optional<std::int64_t> parse_utc(std::string_view t) {
    if (t.size() != 20 || t[4] != '-' || t[7] != '-' || t[10] != 'T' || t[13] != ':' || t[16] != ':' ||
        t[19] != 'Z')
        return std::nullopt;
    const auto y = digits(t, 0, 4), mo = digits(t, 5, 2), d = digits(t, 8, 2);
    const auto h = digits(t, 11, 2), mi = digits(t, 14, 2), s = digits(t, 17, 2);
    if (!y || !mo || !d || !h || !mi || !s || *h > 23 || *mi > 59 || *s > 59) return std::nullopt;
    const CivilDate date{*y, *mo, *d};
    if (!date_exists(date)) return std::nullopt;
    return days_from_civil(date) * 86400 + *h * 3600 + *mi * 60 + *s;
}

std::string format_utc(std::int64_t unix_s) {
    const Utc u = split(unix_s);
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02dZ", u.date.year, u.date.month, u.date.day,
                  u.hour, u.minute, u.second);
    return buf;
}

std::int64_t utc_serial(std::int64_t unix_s) {
    const Utc u = split(unix_s);
    return ((((std::int64_t{u.date.year} * 100 + u.date.month) * 100 + u.date.day) * 100 + u.hour) * 100 +
            u.minute) *
               100 +
           u.second;
}

}  // namespace feeds
