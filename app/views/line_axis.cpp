#include "app/views/line_axis.h"

#include <algorithm>
#include <cmath>

#include "app/danish_format.h"

// The axis holds values within ±kAxisLimit; larger ones are drawn at its edge. That keeps every
// sum below (padding, rounding out to a whole step, the span) far from overflow, so no tick can
// become infinite, whatever finite double a feed sends.
constexpr double kAxisLimit = 1e300;
// A span this small against the values is no span: drawn as one value with room around it.
constexpr double kMinRelativeSpan = 1e-12;
constexpr double kMinSpan = 1e-300;  // and below this absolute size (denormals) likewise

// 1-2-5 steps: the only steps a reader can add up in their head.
static double nice_step(double raw) {
    if (!(raw > 0) || !std::isfinite(raw)) return 1;
    const double mag = std::pow(10.0, std::floor(std::log10(raw)));
    const double f = raw / mag;
    return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * mag;
}

Ticks nice_ticks(double lo, double hi, int max_ticks) {
    max_ticks = std::clamp(max_ticks, 2, 12);
    lo = std::clamp(lo, -kAxisLimit, kAxisLimit);
    hi = std::clamp(hi, -kAxisLimit, kAxisLimit);
    // Start from zero when the data is on one side of it and not far from it: a line chart
    // that starts at 97 makes a 2 % change look like a cliff.
    if (lo > 0 && lo < hi * 0.6) lo = 0;
    if (hi < 0 && hi > lo * 0.6) hi = 0;
    const double size = std::max(std::abs(lo), std::abs(hi));
    if (!(hi - lo > std::max(size * kMinRelativeSpan, kMinSpan))) {  // one value, or all equal
        const double pad = lo == 0 ? 1 : std::max(std::abs(lo) * 0.1, kMinSpan);
        lo = lo >= 0 && lo - pad < 0 ? 0 : lo - pad;
        hi = hi + pad;
    }
    // Within the limits the step is a normal double, and lo / step, hi / step are whole numbers
    // well below 2^53 (the span is at least 1e-12 of the values), so the count is exact.
    auto place = [&](Ticks& t) {
        const double k0 = std::floor(lo / t.step + 1e-9), k1 = std::ceil(hi / t.step - 1e-9);
        t.lo = k0 * t.step;
        t.hi = k1 * t.step;
        return k1 - k0;
    };
    Ticks t;
    t.step = nice_step((hi - lo) / (max_ticks - 1));
    // Rounding may leave one tick too many; widen the step once (1-2-5: at least doubles it).
    if (place(t) > max_ticks - 1 + 0.5) {
        t.step = nice_step(t.step * 1.5);
        place(t);
    }
    t.count = int(std::clamp(std::round((t.hi - t.lo) / t.step), 1.0, double(max_ticks))) + 1;
    t.decimals = std::clamp(int(-std::floor(std::log10(t.step) + 1e-9)), 0, 9);
    return t;
}

bool unit_in_ticks(std::string_view unit) {
    return unit == "%" || unit == "kr";
}

std::string tick_label(double v, std::string_view unit, int decimals) {
    if (std::abs(v) < 1e-12) v = 0;
    if (unit == "%") return format_percent(v, decimals);
    if (unit == "kr") return format_money(v);
    return format_number(v, decimals);
}
