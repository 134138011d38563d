// The frame around every slide: header (title, Danish date and time), footer (source and
// the date of the figures, stale warning), and the calm full-screen message shown when no
// slide has valid data. The layout is planned in slide_chrome_plan.h; this draws it.
#pragma once

#include <string>

#include "app/danish_format.h"
#include "app/qr_code.h"
#include "app/slide_chrome_plan.h"
#include "app/view.h"

// Fills the background and draws header and footer (plan_chrome()). The body is left for
// draw_view().
void draw_chrome(Canvas& c, const ViewStyle& s, const SlideLayout& layout, const ChromeText& text);

// The slide's link as a QR code with its caption, at the body's right (landscape) or bottom
// (portrait): about 0.28 of the screen's shorter side wide (300 px at 1080p), on white with
// the quiet zone. Returns the body left for the view. The caller leaves out a code that is not
// qr_readable() on this screen (qr_code.h).
Rect draw_link(Canvas& c, const ViewStyle& s, Rect body, const QrCode& qr, const std::string& caption);

// Whole-screen message when nothing can be shown: a calm Danish headline over kNoDataDetail.
// The technical reason (English, file and JSON path) goes to the log and the status, never to
// the lobby.
inline constexpr const char* kNoDataDetail =
    "Ingen af skærmens sider har gyldige data lige nu. Årsagen står i skærmens log.";
void draw_no_data(Canvas& c, const ViewStyle& s, int width, int height, const ClockForms& clock);
// The same calm page with another headline: "Ingen sider lige nu" over "Åbner igen mandag kl. 7.00".
void draw_calm_page(Canvas& c, const ViewStyle& s, int width, int height, const ClockForms& clock,
                    const std::string& headline, const std::string& detail);
