// Reads a manifest's `display_schedule` and a slide's `show` (format 1.2, FORMAT.md). Internal
// to the parsers (manifest_parse.cpp); the evaluation is feeds/schedule.h.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "feeds/json_reader.h"
#include "feeds/schedule.h"

namespace feeds {

std::optional<DisplaySchedule> read_display_schedule(Ctx& ctx, const Json& o, const std::string& path);
std::optional<SlideShow> read_slide_show(Ctx& ctx, const Json& o, const std::string& path);

// "2027-03-28" -> that date; nullopt when malformed or the day does not exist.
std::optional<CivilDate> parse_civil_date(std::string_view text);
// "07:00" -> 420; "24:00" -> 1440 (only as an end).
std::optional<int> parse_clock_minutes(std::string_view text, bool end);

}  // namespace feeds
