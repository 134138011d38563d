// What is on screen, for the status record and the screenshot: the slide on screen as drawn
// (its cached texture: the picture without the progress bar, so it changes when the slide,
// its data or the clock text does, not as the bar grows), scaled down on the renderer to at
// most kGrabMaxWidth px wide and read back: one small read-back per slide shown, never per
// frame. A turned screen's picture is as the panel scans it (turned).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "app/kiosk/frame.h"

inline constexpr int kGrabMaxWidth = 640;

struct FrameGrab {
    std::vector<unsigned char> rgba;  // tightly packed rows; empty: nothing grabbed
    int width = 0, height = 0;
};

// Which picture grab_shown_slide() would read now; "" when the slide on screen has no texture
// (drawn straight to the output) or nothing was composed yet. Grab again when it changes.
std::string shown_picture_key(const KioskScreen& k);

// Reads the picture back; leaves the renderer's target as `target`. Empty on failure.
FrameGrab grab_shown_slide(KioskScreen& k, SDL_Texture* target, int max_width = kGrabMaxWidth);

// FNV-1a 64 of the pixels, as 16 hex digits; "" for an empty grab.
std::string grab_hash(const FrameGrab& g);
