#include "app/contrast.h"

#include <algorithm>
#include <cmath>

static double channel(ImU32 color, int shift) {
    const double c = double((color >> shift) & 0xFF) / 255.0;
    return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

double relative_luminance(ImU32 color) {
    return 0.2126 * channel(color, IM_COL32_R_SHIFT) + 0.7152 * channel(color, IM_COL32_G_SHIFT) +
           0.0722 * channel(color, IM_COL32_B_SHIFT);
}

double contrast_ratio(ImU32 a, ImU32 b) {
    const double la = relative_luminance(a), lb = relative_luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

ImU32 blend_over(ImU32 top, ImU32 under) {
    const unsigned a = (top >> IM_COL32_A_SHIFT) & 0xFF;
    auto mix = [&](int shift) {
        const unsigned t = (top >> shift) & 0xFF, u = (under >> shift) & 0xFF;
        return (t * a + u * (255 - a) + 127) / 255;
    };
    return IM_COL32(mix(IM_COL32_R_SHIFT), mix(IM_COL32_G_SHIFT), mix(IM_COL32_B_SHIFT), 255);
}
