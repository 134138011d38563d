// The publisher's checker behind "infotavle --check PATH...": validates manifests (and the local
// feeds they name) and feeds, prints one line per problem and a summary line.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "feeds/limits.h"
#include "feeds/problem.h"

namespace feeds {

struct CheckOptions {
    // Unknown keys, views and dataset types (Problem::lost) are warnings, not errors: for a
    // file written for a newer reader. Without it, whatever would not be shown fails the check.
    bool allow_unknown = false;
};

// Returns 0 when no file has an error (warnings allowed), 1 otherwise. Never throws, never hangs:
// only regular files are opened and at most limits.max_file_bytes + 1 bytes are read from each.
int run_check(const std::vector<std::string>& paths, std::ostream& out, const Limits& limits = {},
              const CheckOptions& options = {});

// --list-places: the places a project map knows (name, lat, lon), then those the given feed
// files add in their projects datasets' "places". Returns 0, or 1 when a file cannot be read.
int list_places(const std::vector<std::string>& feed_paths, std::ostream& out);

// A lost problem (Problem::lost) made an error, unless allow_unknown: the rule --check and
// --render share.
Problem as_publisher_sees_it(Problem p, bool allow_unknown);

}  // namespace feeds
