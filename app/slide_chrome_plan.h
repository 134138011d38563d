// The frame around every slide, planned: where the header (title, subtitle, Danish date and
// time) and the footer (source, the date of the figures, stale warning, slide position) go.
// Pure: measures text, draws nothing; draw_chrome() (slide_chrome.h) draws the plan.
#pragma once

#include <string>
#include <vector>

#include "app/danish_format.h"
#include "app/view.h"

struct ChromeText {
    std::string title;     // the slide's Danish title
    std::string caption;   // optional one-line subtitle (view option "caption"); may be empty
    ClockForms clock;      // "tirsdag 3. maj 2022, kl. 10.15" and its shorter forms
    std::string source;    // "Kilde: KKR Sjælland, bilag til møde maj 2022, pkt. 2.7"
    std::string as_of;     // "Data pr. december 2021"
    std::string stale;     // "Seneste data hentet for 3 dage siden" or empty when fresh
    std::string position;  // "3 / 14"
};

struct SlideLayout {
    Rect header;    // title + clock
    Rect body;      // the view
    Rect footer;    // source + as-of
    Rect progress;  // slim bar at the very bottom; drawn by the renderer each update, not here
};

// Depends on the screen size only, never on the texts: every slide of a playlist puts its title
// and its body in the same place.
SlideLayout slide_layout(int width, int height, const FontSizes& sizes);

// Spacing of the chrome, from the screen's shorter side.
struct ChromeMetrics {
    float unit, margin_x, top_pad, line_gap, header_gap, footer_gap, bottom_pad, progress_h;
};
ChromeMetrics chrome_metrics(int width, int height);

// Portrait: a screen clearly taller than wide. The chrome and the link stack there.
bool chrome_portrait(float w, float h);

// One line of the chrome's text. The role gives its colour (the title the text colour, the
// stale warning the warning colour, the rest muted).
struct ChromeLine {
    enum Role { Title, Caption, Clock, Source, AsOf, Stale, Position } role = Title;
    const ImFont* font = nullptr;
    Rect box;  // canvas_text_in()'s box: cut to its width, centred in its height
    std::string text;
    Align align = Align::Left;
    bool whole = false;  // a wrapped title line: drawn at the box's top left as it is, never cut
};

struct ChromePlan {
    bool portrait = false;
    std::vector<ChromeLine> header;  // title, caption and clock, in drawing order
    Rect header_rule, footer_rule;   // the hairlines between header, body and footer
    std::vector<ChromeLine> footer;  // source, "Data pr.", stale warning, position
    float warning_r = 0;             // the stale warning's icon: its radius, 0 when fresh,
    ImVec2 warning_at;               // its centre,
    std::size_t warning_after = 0;   // and the footer lines drawn before it
};

// The chrome of a slide with `text` on a screen of `bounds`, laid out as `l`.
ChromePlan plan_chrome(const ViewStyle& s, Rect bounds, const SlideLayout& l, const ChromeText& text);
