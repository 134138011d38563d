// How --check names a place in a file for a person: JSON paths with each array item's own
// name beside its index ("$.datasets[0] (\"noegletal\").items[1] (\"ledighed\").value"), and
// the line a text first appears on, for a manifest line a feed problem goes back to.
#pragma once

#include <string>
#include <string_view>

#include "feeds/json_reader.h"

namespace feeds {

// `path` with the id (or code, number, label) of every array item it passes through in `doc`;
// unchanged where it does not start with "$" or leaves the document.
std::string path_with_ids(const Json& doc, const std::string& path);

// "line 7" for the first line of `text` holding `needle`; empty when it is not there.
std::string line_of_text(std::string_view text, std::string_view needle);

}  // namespace feeds
