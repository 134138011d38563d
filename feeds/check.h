// The publisher's checker behind "infotavle --check PATH...": validates manifests (and the local
// feeds they name) and feeds, prints one line per problem and a summary line.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "feeds/limits.h"

namespace feeds {

// Returns 0 when no file has an error (warnings allowed), 1 otherwise. Never throws, never hangs:
// only regular files are opened and at most limits.max_file_bytes + 1 bytes are read from each.
int run_check(const std::vector<std::string>& paths, std::ostream& out, const Limits& limits = {});

}  // namespace feeds
