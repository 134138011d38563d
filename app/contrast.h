// WCAG 2.x contrast between two colours (https://www.w3.org/TR/WCAG21/#dfn-contrast-ratio):
// (L1 + 0.05) / (L2 + 0.05) of their relative luminances, lighter over darker, 1 to 21.
// Text on a slide needs at least kMinTextContrast against the colour under it.
#pragma once

#include <imgui/imgui.h>

inline constexpr double kMinTextContrast = 4.5;

// Relative luminance of an ImU32 colour's RGB (alpha ignored), 0 (black) to 1 (white).
double relative_luminance(ImU32 color);

// The contrast ratio of two opaque colours, 1 to 21.
double contrast_ratio(ImU32 a, ImU32 b);

// `top` drawn over the opaque `under` with its own alpha: the opaque colour the eye sees.
ImU32 blend_over(ImU32 top, ImU32 under);
