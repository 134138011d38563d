// The one date the render tests, the kiosk tests, the fuzzer and the benchmark draw. One of the
// longest clock headers a year has ("torsdag 30. september 2027, kl. 23.59": the widest weekday,
// the longest month, a two-digit day, 23.59), so a header that cannot hold its clock fails
// them; tests/test_header_dates.cpp goes through every month.
#pragma once

#include "app/danish_format.h"
#include "feeds/feed_model.h"

inline constexpr CivilTime kRenderNow{2027, 9, 30, 23, 59, 0};
inline constexpr feeds::PartialDate kRenderToday{kRenderNow.year, kRenderNow.month, kRenderNow.day};

// The header's clock `minutes` after kRenderNow, within the same hour (the date stays): for
// redraws that need the clock to change.
inline ClockForms render_clock(int minutes = 0) {
    CivilTime t = kRenderNow;
    t.minute = (t.minute + minutes) % 60;
    return clock_header_forms(t);
}
