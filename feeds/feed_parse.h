// Parsing feeds and manifests from JSON text. Never throws: every problem found is returned,
// each with file, JSON path and reason. A file with any error is refused whole (feed/manifest is
// nullopt), so the screen never shows half a feed; warnings alone still give a result.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "feeds/feed_model.h"
#include "feeds/limits.h"
#include "feeds/parse_control.h"
#include "feeds/problem.h"

namespace feeds {

struct FeedResult {
    std::optional<Feed> feed;
    std::vector<Problem> problems;
    ParseStats stats;  // what reading it cost; stats.parsed_bytes is the feed's share of a data budget
};

struct ManifestResult {
    std::optional<Manifest> manifest;
    std::vector<Problem> problems;
    ParseStats stats;
};

// file_name is only used in the problems ("employment.json"). `control` can abandon the parse
// (from another thread, at a deadline, past a size): then it is refused with one error saying why.
FeedResult parse_feed(std::string_view text, const std::string& file_name, const Limits& limits = {},
                      const ParseControl& control = {});
ManifestResult parse_manifest(std::string_view text, const std::string& file_name, const Limits& limits = {},
                              const ParseControl& control = {});

// "2021" -> {2021,0,0}, "2021-12" -> {2021,12,0}, "2022-05-03" -> {2022,5,3}; nullopt for anything
// else, including impossible months and days ("2023-02-29").
std::optional<PartialDate> parse_partial_date(std::string_view text);
// The other way: {2021,12,0} -> "2021-12".
std::string format_partial_date(const PartialDate& d);

inline constexpr std::string_view kFeedFormat = "infotavle-feed";
inline constexpr std::string_view kManifestFormat = "infotavle-manifest";

}  // namespace feeds
