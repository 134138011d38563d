#include "app/kiosk/schedule_override.h"

#include "feeds/schedule_file.h"

OverrideOutcome read_schedule_override(const std::string& setting, const ReadFile& read) {
    OverrideOutcome out;
    if (setting.empty()) return out;
    out.value.set = true;
    if (setting == "always") return out;
    const std::string where = "display_schedule " + setting + ": ";
    const FileRead file = read(setting);
    if (!file.exists) {
        out.error = where + "no such file (give \"always\" or a schedule JSON file)";
        return out;
    }
    if (!file.error.empty()) {
        out.error = where + file.error;
        return out;
    }
    feeds::ScheduleFileResult r = feeds::parse_schedule_file(file.text, setting);
    out.value.schedule = std::move(r.schedule);
    if (out.value.schedule) return out;
    out.error = "display_schedule: ";
    for (const auto& p : r.problems)
        if (p.severity == feeds::Problem::Severity::Error) {
            out.error += feeds::to_line(p);
            break;
        }
    return out;
}
