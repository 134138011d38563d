#include "feeds/feed_lookup.h"

#include <iterator>

namespace feeds {

const Dataset* find_dataset(const Feed& feed, std::string_view id) {
    for (const auto& ds : feed.datasets)
        if (ds.id == id) return &ds;
    return nullptr;
}

const FeedRef* find_feed_ref(const Manifest& manifest, std::string_view id) {
    for (const auto& ref : manifest.feeds)
        if (ref.id == id) return &ref;
    return nullptr;
}

SourceRef resolve_source(const Feed& feed, const Dataset& dataset) {
    SourceRef s = dataset.source;
    auto fill = [](std::string& mine, const std::string& inherited) {
        if (mine.empty()) mine = inherited;
    };
    fill(s.publisher, feed.source.publisher);
    fill(s.document, feed.source.document);
    fill(s.item, feed.source.item);
    fill(s.lines, feed.source.lines);
    fill(s.url, feed.source.url);
    fill(s.short_text, feed.source.short_text);
    return s;
}

PartialDate effective_as_of(const Feed& feed, const Dataset& dataset) {
    return dataset.as_of ? *dataset.as_of : feed.as_of;
}

std::string effective_as_of_text(const Feed& feed, const Dataset& dataset) {
    // A dataset with its own date must not borrow the feed's wording for a different date.
    if (dataset.as_of) return dataset.as_of_text;
    return dataset.as_of_text.empty() ? feed.as_of_text : dataset.as_of_text;
}

const char* dataset_type_name(const DatasetBody& body) {
    static constexpr const char* names[] = {"indicators", "series",   "municipality_table",
                                            "projects",   "timeline", "goals",  "notices"};
    static_assert(std::variant_size_v<DatasetBody> == std::size(names));
    return names[body.index()];
}

}  // namespace feeds
