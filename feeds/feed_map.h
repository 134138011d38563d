// Parsed feeds by manifest feed id, shared by the sync state (feeds/sync/feed_sync.h) and every
// slide set built from it: a new set costs a pointer per feed, not a copy of its data.
#pragma once

#include <map>
#include <memory>
#include <string>

#include "feeds/feed_model.h"

namespace feeds {

using FeedPtr = std::shared_ptr<const Feed>;
using FeedMap = std::map<std::string, FeedPtr>;  // by manifest feed id

}  // namespace feeds
