#include "feeds/freshness.h"

#include <algorithm>
#include <cmath>
#include <ctime>
#include <string>

#include <curl/curl.h>

namespace feeds {

namespace {

std::int64_t at_least_1(double seconds) {
    return std::max<std::int64_t>(1, static_cast<std::int64_t>(std::llround(seconds)));
}

}  // namespace

std::optional<std::int64_t> retry_after_s(std::string_view header, std::int64_t now) {
    while (!header.empty() && (header.front() == ' ' || header.front() == '\t')) header.remove_prefix(1);
    while (!header.empty() && (header.back() == ' ' || header.back() == '\t')) header.remove_suffix(1);
    if (header.empty()) return std::nullopt;
    std::int64_t seconds = 0;
    if (std::all_of(header.begin(), header.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        for (char c : header) {
            seconds = seconds * 10 + (c - '0');
            if (seconds > kMaxRetryAfterS) break;  // no overflow, however many digits
        }
    } else {
        // An HTTP date (RFC 9110: IMF-fixdate, or the obsolete forms); libcurl's parser.
        const time_t at = curl_getdate(std::string(header).c_str(), nullptr);
        if (at == -1) return std::nullopt;
        seconds = static_cast<std::int64_t>(at) - now;
    }
    return std::clamp<std::int64_t>(seconds, 0, kMaxRetryAfterS);
}

std::int64_t backoff_ceiling_s(const FeedRef& ref, int failures, const BackoffPolicy& policy) {
    const std::int64_t refresh = std::max(1, ref.refresh_s);
    if (failures <= 0) return refresh;
    // Doubling from first_retry_s; the shift is bounded so it cannot overflow.
    const std::int64_t first = std::max(1, policy.first_retry_s);
    return std::min(refresh, first << std::min(failures - 1, 30));
}

std::int64_t retry_after_cap_s(const FeedRef& ref) {
    return std::max<std::int64_t>(kRetryAfterCapFloorS,
                                  4 * static_cast<std::int64_t>(std::max(1, ref.refresh_s)));
}

FetchSchedule after_attempt(FetchSchedule s, const FeedRef& ref, bool succeeded, std::int64_t now,
                            double unit, std::optional<std::int64_t> retry_after,
                            const BackoffPolicy& policy) {
    unit = std::clamp(unit, 0.0, 1.0);
    s.last_attempt_s = now;
    s.failures = succeeded ? 0 : std::min(s.failures + 1, 1000);
    const double ceiling = static_cast<double>(backoff_ceiling_s(ref, s.failures, policy));
    std::int64_t delay = 0;
    if (succeeded) {
        const double j = std::clamp(policy.refresh_jitter, 0.0, 0.5);
        delay = at_least_1(ceiling * (1.0 - j + 2.0 * j * unit));
    } else {
        delay = at_least_1(ceiling * unit);
        // A server may make the screen wait longer, never retry sooner than its own back-off.
        if (retry_after) {
            const auto r =
                static_cast<double>(std::clamp<std::int64_t>(*retry_after, 0, retry_after_cap_s(ref)));
            delay = std::max(delay, at_least_1(r * (1.0 + 0.1 * unit)));
        }
    }
    s.next_due_s = now + delay;
    return s;
}

std::int64_t next_fetch_at(const FetchSchedule& s, std::int64_t now) {
    return fetch_due(s, now) ? now : *s.next_due_s;
}

bool fetch_due(const FetchSchedule& s, std::int64_t now) {
    if (!s.next_due_s || now >= *s.next_due_s) return true;
    if (s.last_attempt_s && now < *s.last_attempt_s) return true;
    return *s.next_due_s - now > kMaxScheduleAheadS;
}

DataAge data_age(const FeedRef& ref, std::int64_t fetched_at, std::int64_t now) {
    DataAge a;
    a.age_s = std::max<std::int64_t>(0, now - fetched_at);
    a.stale = a.age_s > ref.max_age_s;
    return a;
}

}  // namespace feeds
