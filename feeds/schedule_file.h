// A screen's own schedule (the config file's display_schedule = PATH): a JSON file holding
// what a manifest's "display_schedule" holds ({"weekly": [...], "exceptions": [...]}), read
// by the same rules (FORMAT.md, "display_schedule").
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "feeds/problem.h"
#include "feeds/schedule.h"

namespace feeds {

struct ScheduleFileResult {
    std::optional<DisplaySchedule> schedule;  // none when any problem is an error
    std::vector<Problem> problems;
};

ScheduleFileResult parse_schedule_file(std::string_view text, const std::string& file_name);

}  // namespace feeds
