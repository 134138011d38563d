// Colours of the screen. One palette, chosen for a lobby: dark background (calm at night,
// no glare), light text at well over 4.5:1 contrast, and a colour-blind-safe set for data
// (Okabe-Ito hues, lightened for a dark background). Status is never colour alone: every
// status also carries a word or an icon (see status_style.h).
#pragma once

#include <imgui/imgui.h>

struct Theme {
    ImU32 background;  // whole screen
    ImU32 panel;       // cards, tiles, table bands
    ImU32 panel_edge;  // hairlines between panels
    ImU32 text;        // primary text, >= 12:1 on background
    ImU32 text_muted;  // secondary text (sources, captions), >= 4.5:1 on background and panel
    ImU32 grid;        // chart grid lines and axes
    ImU32 bar;         // the ordinary data colour
    ImU32 bar_muted;   // a second series or "the rest"
    ImU32 highlight;   // the highlighted bar / home municipality
    ImU32 target;      // target markers
    ImU32 good;        // met, better
    ImU32 partial;     // partly met
    ImU32 bad;         // not met, worse
    ImU32 pending;     // pending, unknown
    ImU32 series[4];   // lines and grouped bars, in order
    ImU32 on_badge;    // text on a filled status badge
};

Theme default_theme();
