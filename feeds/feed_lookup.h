// Small lookups on a parsed feed, shared by the checker and the app's views.
#pragma once

#include <string_view>

#include "feeds/feed_model.h"

namespace feeds {

// nullptr when the feed has no dataset with that id.
const Dataset* find_dataset(const Feed& feed, std::string_view id);
// nullptr when the manifest lists no feed with that id.
const FeedRef* find_feed_ref(const Manifest& manifest, std::string_view id);

// The dataset's source with each empty field filled in from the feed's source.
SourceRef resolve_source(const Feed& feed, const Dataset& dataset);

// The date the dataset's figures are from: its own as_of, else the feed's.
PartialDate effective_as_of(const Feed& feed, const Dataset& dataset);
// The text to display for that date, when the publisher gave one ("2. halvår 2021"); else empty.
std::string effective_as_of_text(const Feed& feed, const Dataset& dataset);

// Dataset type names as in FORMAT.md: "indicators", "series", "municipality_table", ...
const char* dataset_type_name(const DatasetBody& body);

}  // namespace feeds
