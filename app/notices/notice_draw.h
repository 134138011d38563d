// Drawing notices through the Canvas (so the canvas checks see every text): the full-screen
// page of a takeover or an info slide, and the band a moderate notice puts across the bottom
// of every slide, above the source line.
#pragma once

#include "app/canvas.h"
#include "app/notices/notice_text.h"
#include "app/slide_chrome.h"
#include "app/view.h"

// The page's colours: high contrast for a takeover (black on signal yellow for extreme, white
// on deep red for severe), the screen's own theme for an info slide.
struct NoticeColours {
    ImU32 background, text, accent;
};
NoticeColours notice_colours(NoticeTier tier, const Theme& theme);

// The whole screen, `w` x `h`.
void draw_notice_page(Canvas& c, const ViewStyle& s, int w, int h, const NoticePageText& page);

// The band's rectangle on a slide of `layout`: the body's width, at most 1/8 of the screen's
// height, ending above the footer (the source line); the slide's body ends above it.
Rect notice_band_rect(const SlideLayout& layout, const ViewStyle& s, float screen_h,
                      const NoticeBandText& text);

// The band in `band` (from notice_band_rect).
void draw_notice_band(Canvas& c, const ViewStyle& s, Rect band, const NoticeBandText& text);
