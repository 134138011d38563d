// What the screen shows of the sync state (feeds/sync/feed_sync.h): the slides of the last
// good manifest and feeds, else the bundled slides with the reason, and each slide's stale text.
#pragma once

#include <cstdint>
#include <string>

#include "app/kiosk/slide_set.h"
#include "feeds/sync/feed_sync.h"

// What to put on screen.
struct ShownSlides {
    SlideSet set;
    bool bundled = false;     // the bundled fallback: dated by its own "Data pr.", never stale
    std::string why_bundled;  // one line for the log when bundled
};

ShownSlides slides_to_show(const feeds::FeedSync& s);

// Sets each slide's footer stale text from its feed's age at `now`: stale_text() when older
// than the feed's max_age_s, else empty. True when any text changed (redraw the slides).
bool update_stale_texts(ShownSlides& shown, const feeds::FeedSync& s, std::int64_t now);
