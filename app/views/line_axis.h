// The line chart's y axis: gridlines at 1-2-5 steps, and how their figures are written.
#pragma once

#include <string>
#include <string_view>

// The y axis: `count` gridlines at lo, lo + step, ..., hi, a whole number of steps apart.
struct Ticks {
    double lo = 0, hi = 1, step = 1;
    int count = 2;
    int decimals = 0;
    double at(int k) const { return k + 1 == count ? hi : lo + k * step; }
};

// At most max_ticks gridlines (one more when rounding out leaves no choice), for any finite input.
Ticks nice_ticks(double lo, double hi, int max_ticks);

// Units other than "%" and "kr" go once above the axis ("personer"), not after every tick.
bool unit_in_ticks(std::string_view unit);

// A gridline's figure: "2,5 %", "1.200 kr.", "1.200".
std::string tick_label(double v, std::string_view unit, int decimals);
