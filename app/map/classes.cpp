#include "app/map/classes.h"

#include <algorithm>
#include <cmath>

#include "app/danish_format.h"

namespace {

// Viridis at 0.2, 0.4, 0.6, 0.8 and 1.0 (matplotlib's table): the darkest end is left out, as
// it would vanish into the screen's navy background.
constexpr ImU32 kViridis[5] = {
    IM_COL32(0x41, 0x44, 0x87, 0xFF), IM_COL32(0x2A, 0x78, 0x8E, 0xFF), IM_COL32(0x22, 0xA8, 0x84, 0xFF),
    IM_COL32(0x7A, 0xD1, 0x51, 0xFF), IM_COL32(0xFD, 0xE7, 0x25, 0xFF),
};

}  // namespace

ImU32 sequential_color(int i, int n) {
    if (n <= 1) return kViridis[2];
    const int k = int(std::lround(double(i) * 4.0 / double(n - 1)));
    return kViridis[std::clamp(k, 0, 4)];
}

std::vector<MapClass> quantile_classes(std::vector<double> v, int max_classes, std::string_view unit,
                                       std::optional<int> decimals) {
    std::vector<MapClass> out;
    if (v.empty()) return out;
    std::sort(v.begin(), v.end());
    const int n = int(v.size());
    const int k = std::clamp(max_classes, 1, 5);
    // Break values: a class starts at each; equal values always share a class.
    std::vector<double> starts{v.front()};
    for (int i = 1; i < k; ++i) {
        const double b = v[std::size_t(std::clamp(int(std::lround(double(i) * n / k)), 0, n - 1))];
        if (b > starts.back()) starts.push_back(b);
    }
    for (std::size_t c = 0; c < starts.size(); ++c) {
        MapClass m;
        const double next = c + 1 < starts.size() ? starts[c + 1] : INFINITY;
        m.lo = starts[c];
        m.hi = starts[c];
        for (double x : v)
            if (x >= starts[c] && x < next) m.hi = std::max(m.hi, x);
        out.push_back(m);
    }
    const int m = int(out.size());
    for (int c = 0; c < m; ++c) {
        MapClass& cl = out[std::size_t(c)];
        cl.color = sequential_color(c, m);
        const std::string hi = format_value(cl.hi, unit, decimals);
        cl.label = cl.lo == cl.hi ? hi : format_number_auto(cl.lo, decimals) + "\u2013" + hi;
        if (unit == "kr" && cl.lo != cl.hi) cl.label = format_money(cl.lo) + " \u2013 " + hi;
    }
    return out;
}

int class_of(const std::vector<MapClass>& classes, double v) {
    int at = classes.empty() ? -1 : 0;
    for (int i = 0; i < int(classes.size()); ++i)
        if (classes[std::size_t(i)].lo <= v) at = i;
    return at;
}
