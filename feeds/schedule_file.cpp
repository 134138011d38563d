#include "feeds/schedule_file.h"

#include "feeds/json_document.h"
#include "feeds/json_reader.h"
#include "feeds/schedule_parse.h"

namespace feeds {

ScheduleFileResult parse_schedule_file(std::string_view text, const std::string& file_name) {
    Ctx ctx = make_ctx(file_name, Limits{});
    ScheduleFileResult result;
    try {
        if (auto doc = read_json_document(text, ctx); doc && expect_object(ctx, *doc, "$"))
            result.schedule = read_display_schedule(ctx, *doc, "$");
    } catch (const std::exception& e) {
        add_error(ctx, "", std::string("internal error while reading the schedule: ") + e.what());
    }
    if (ctx.errors > 0) result.schedule.reset();
    finish_problems(ctx);
    result.problems = std::move(ctx.problems);
    return result;
}

}  // namespace feeds
