// What one topic ("fetch employment", "slide ledighed", "textures") has to say now, from the
// sync state (feeds/sync/) or a frame (app/kiosk/frame.h). Empty `lines`: the topic is fine
// now. The run loop logs a topic's lines only when they change (app/kiosk/log.h).
#pragma once

#include <string>
#include <vector>

namespace feeds {

struct Note {
    std::string topic;
    std::vector<std::string> lines;
};

}  // namespace feeds
