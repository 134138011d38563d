// Reads a dataset of type `notices` (format 1.2, FORMAT.md "Notices") and the instants its
// notices are timed by. Internal to the parsers (dataset_parse.cpp); the selection of what a
// screen shows is feeds/notice_select.h.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "feeds/json_reader.h"

namespace feeds {

// Lengths the format allows, in characters (code points), so every layout can be checked with
// the longest: a headline is one thought ("Vandet er afbrudt i Rønnede til kl. 15"), a body a
// few sentences. The takeover at 800x480 holds both in both languages.
inline constexpr std::size_t kMaxNoticeHeadline = 90;
inline constexpr std::size_t kMaxNoticeBody = 280;
inline constexpr std::size_t kMaxNoticeSender = 60;

// "2027-10-01T06:00:00+02:00", "2027-10-01T04:00Z" -> unix seconds. The offset (or Z) is
// required: a notice's times are instants, not wall-clock readings. Seconds are optional.
std::optional<std::int64_t> parse_instant(std::string_view text);

// The number of code points in valid UTF-8 text.
std::size_t utf8_length(std::string_view text);

NoticeList read_notices(Ctx& ctx, const Json& obj, const std::string& path);

}  // namespace feeds
