#include "app/age_text.h"

#include <algorithm>

namespace {

constexpr std::int64_t kMinute = 60;
constexpr std::int64_t kHour = 60 * kMinute;
constexpr std::int64_t kDay = 24 * kHour;
constexpr std::int64_t kYear = 365 * kDay;

std::string count(std::int64_t n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

std::string amount(std::int64_t s) {
    if (s < kMinute) return "under 1 min.";
    if (s < kHour) return std::to_string(s / kMinute) + " min.";
    if (s < kDay) return count(s / kHour, "time", "timer");
    if (s < 14 * kDay) return count(s / kDay, "dag", "dage");
    if (s < 60 * kDay) return count(s / (7 * kDay), "uge", "uger");
    if (s < kYear) return count(s / (30 * kDay), "måned", "måneder");
    return count(s / kYear, "år", "år");
}

}  // namespace

std::string age_phrase(std::int64_t age_s) {
    return "for " + amount(std::max<std::int64_t>(0, age_s)) + " siden";
}

std::string fetched_text(std::int64_t age_s) {
    return "Data hentet " + age_phrase(age_s);
}

std::string stale_text(std::int64_t age_s) {
    return "Seneste data hentet " + age_phrase(age_s);
}
