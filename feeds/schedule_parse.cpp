#include "feeds/schedule_parse.h"

#include <array>
#include <charconv>

namespace feeds {

namespace {

constexpr std::array<std::string_view, 7> kDayNames = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

std::optional<int> digits(std::string_view s) {
    int v = 0;
    for (const char c : s)
        if (c < '0' || c > '9') return std::nullopt;
    if (s.empty() || std::from_chars(s.data(), s.data() + s.size(), v).ec != std::errc{}) return std::nullopt;
    return v;
}

std::optional<int> read_clock(Ctx& ctx, const Json& o, const std::string& p, std::string_view key, bool end) {
    const std::string text = get_string(ctx, o, p, key, Need::Required);
    if (text.empty()) return std::nullopt;
    auto m = parse_clock_minutes(text, end);
    if (!m)
        add_error(ctx, key_path(p, key),
                  "not a time of day " + quote_text(text) + ": expected \"HH:MM\" from 00:00 to " +
                      (end ? "24:00" : "23:59"));
    return m;
}

// {"from": "07:00", "until": "18:00"}: until before from crosses midnight; equal is no window.
std::optional<DayWindow> read_day_window(Ctx& ctx, const Json& o, const std::string& p) {
    if (!expect_object(ctx, o, p)) return std::nullopt;
    warn_unknown_keys(ctx, o, p, {"days", "from", "until"});
    const auto from = read_clock(ctx, o, p, "from", false);
    const auto until = read_clock(ctx, o, p, "until", true);
    if (!from || !until) return std::nullopt;
    if (*from == *until % 1440) {
        add_error(ctx, p,
                  "impossible window: from and until are the same time (a window is at least a minute)");
        return std::nullopt;
    }
    return DayWindow{*from, *until};
}

std::vector<int> read_days(Ctx& ctx, const Json& o, const std::string& p) {
    std::vector<int> days;
    const std::vector<std::string> names = get_string_list(ctx, o, p, "days", Need::Required);
    for (std::size_t i = 0; i < names.size(); ++i) {
        int found = -1;
        for (std::size_t d = 0; d < kDayNames.size(); ++d)
            if (names[i] == kDayNames[d]) found = int(d);
        if (found < 0)
            add_error(ctx, index_path(key_path(p, "days"), i),
                      "unknown day " + quote_text(names[i]) + ": use mon, tue, wed, thu, fri, sat, sun");
        else
            days.push_back(found);
    }
    if (o.contains("days") && names.empty())
        add_error(ctx, key_path(p, "days"), "no days: the window is never open");
    return days;
}

std::vector<WeeklyWindow> read_weekly(Ctx& ctx, const Json& o, const std::string& p, std::string_view key) {
    std::vector<WeeklyWindow> out;
    const Json* list = get_array(ctx, o, p, key, Need::Optional);
    if (!list) return out;
    const std::string lp = key_path(p, key);
    for (std::size_t i = 0; i < list->size(); ++i) {
        const std::string wp = index_path(lp, i);
        if (!expect_object(ctx, (*list)[i], wp)) continue;
        std::vector<int> days = read_days(ctx, (*list)[i], wp);
        if (auto w = read_day_window(ctx, (*list)[i], wp)) out.push_back({std::move(days), *w});
    }
    for (const auto& [a, b] : overlapping_windows(out))
        add_error(ctx, index_path(lp, b), "overlaps " + index_path(lp, a) + ": join them into one window");
    return out;
}

std::optional<CivilDate> read_date(Ctx& ctx, const Json& o, const std::string& p, std::string_view key) {
    const std::string text = get_string(ctx, o, p, key, Need::Required);
    if (text.empty()) return std::nullopt;
    auto d = parse_civil_date(text);
    if (!d)
        add_error(ctx, key_path(p, key),
                  "not a date that exists " + quote_text(text) + ": expected \"YYYY-MM-DD\"");
    return d;
}

std::optional<ScheduleException> read_exception(Ctx& ctx, const Json& o, const std::string& p) {
    warn_unknown_keys(ctx, o, p, {"date", "from", "until", "state", "windows", "note"});
    ScheduleException e;
    e.note = get_text(ctx, o, p, "note", Need::Required);
    std::optional<CivilDate> from, until;
    if (o.contains("date")) {
        from = until = read_date(ctx, o, p, "date");
    } else {
        from = read_date(ctx, o, p, "from");
        until = read_date(ctx, o, p, "until");
    }
    const std::string state = get_string(ctx, o, p, "state", Need::Required);
    const bool has_windows = o.contains("windows");
    if (state == "closed" && has_windows)
        add_error(ctx, key_path(p, "windows"), "a closed day has no windows: use \"state\": \"open\"");
    else if (state != "closed" && state != "open" && !state.empty())
        add_error(ctx, key_path(p, "state"), "expected \"closed\" or \"open\", got " + quote_text(state));
    e.kind = state == "closed" ? ExceptionKind::Closed
                               : (has_windows ? ExceptionKind::OpenWindows : ExceptionKind::OpenAllDay);
    if (const Json* ws = get_array(ctx, o, p, "windows", Need::Optional)) {
        for (std::size_t i = 0; i < ws->size(); ++i)
            if (auto w = read_day_window(ctx, (*ws)[i], index_path(key_path(p, "windows"), i)))
                e.windows.push_back(*w);
        if (ws->empty()) add_error(ctx, key_path(p, "windows"), "no windows: use \"state\": \"closed\"");
    }
    if (!from || !until) return std::nullopt;
    if (days_from_civil(*until) < days_from_civil(*from)) {
        add_error(ctx, key_path(p, "until"), "until is before from");
        return std::nullopt;
    }
    e.from = *from;
    e.until = *until;
    return e;
}

// "2027-05-01" (the start of that day; as `until`, the end of it) or "2027-05-01T08:30".
std::optional<CivilMinute> read_moment(Ctx& ctx, const Json& o, const std::string& p, std::string_view key,
                                       bool end) {
    const std::string text = get_string(ctx, o, p, key, Need::Optional);
    if (text.empty()) return std::nullopt;
    const std::string_view date_part = std::string_view(text).substr(0, 10);
    const auto d = parse_civil_date(date_part);
    std::optional<int> minute = text.size() == 10 ? std::optional<int>(end ? 1440 : 0) : std::nullopt;
    if (text.size() == 16 && text[10] == 'T')
        minute = parse_clock_minutes(std::string_view(text).substr(11), false);
    if (!d || !minute) {
        add_error(ctx, key_path(p, key),
                  "not a date or time that exists " + quote_text(text) +
                      ": expected \"YYYY-MM-DD\" or "
                      "\"YYYY-MM-DDTHH:MM\"");
        return std::nullopt;
    }
    return days_from_civil(*d) * 1440 + *minute;
}

}  // namespace

std::optional<CivilDate> parse_civil_date(std::string_view t) {
    if (t.size() != 10 || t[4] != '-' || t[7] != '-') return std::nullopt;
    const auto y = digits(t.substr(0, 4)), m = digits(t.substr(5, 2)), d = digits(t.substr(8, 2));
    if (!y || !m || !d) return std::nullopt;
    const CivilDate date{*y, *m, *d};
    if (!date_exists(date)) return std::nullopt;
    return date;
}

std::optional<int> parse_clock_minutes(std::string_view t, bool end) {
    if (t.size() != 5 || t[2] != ':') return std::nullopt;
    const auto h = digits(t.substr(0, 2)), m = digits(t.substr(3, 2));
    if (!h || !m || *m > 59) return std::nullopt;
    if (*h == 24 && *m == 0 && end) return 1440;
    if (*h > 23) return std::nullopt;
    return *h * 60 + *m;
}

std::optional<DisplaySchedule> read_display_schedule(Ctx& ctx, const Json& o, const std::string& p) {
    warn_unknown_keys(ctx, o, p, {"weekly", "exceptions"});
    const std::size_t errors_before = ctx.errors;
    DisplaySchedule s;
    s.weekly = read_weekly(ctx, o, p, "weekly");
    if (const Json* ex = get_array(ctx, o, p, "exceptions", Need::Optional))
        for (std::size_t i = 0; i < ex->size(); ++i) {
            const std::string ep = index_path(key_path(p, "exceptions"), i);
            if (!expect_object(ctx, (*ex)[i], ep)) continue;
            if (auto e = read_exception(ctx, (*ex)[i], ep)) s.exceptions.push_back(std::move(*e));
        }
    if (ctx.errors == errors_before && !ever_on(s))
        add_error(
            ctx, p,
            "the schedule is never on: give \"weekly\" at least one window (the screen would stay black)");
    return s;
}

std::optional<SlideShow> read_slide_show(Ctx& ctx, const Json& o, const std::string& p) {
    warn_unknown_keys(ctx, o, p, {"from", "until", "windows"});
    SlideShow show;
    show.from = read_moment(ctx, o, p, "from", false);
    show.until = read_moment(ctx, o, p, "until", true);
    show.windows = read_weekly(ctx, o, p, "windows");
    if (show.from && show.until && *show.until <= *show.from)
        add_error(ctx, key_path(p, "until"), "until is before from: the slide would never be shown");
    return show;
}

}  // namespace feeds
