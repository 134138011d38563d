// The editor's notes on how a feed's figures were read from their source ("provenance"):
// never on a screen, listed by --check so whoever publishes a feed can review them.
#pragma once

#include <string>
#include <vector>

#include "feeds/feed_model.h"

namespace feeds {

// One line per note, naming the file and the JSON path:
//   employment.json: $.datasets[2].items[0] ("ledighed"): provenance: Året står ikke i kilden.
std::vector<std::string> provenance_lines(const Feed& feed, const std::string& file);

}  // namespace feeds
