#include "feeds/freshness.h"

#include <algorithm>
#include <cmath>

namespace feeds {

namespace {

// splitmix64: a well-mixed 64-bit hash, so nearby seeds and counts give unrelated jitter.
std::uint64_t mix(std::uint64_t x) {
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

// Stable across runs and compilers, unlike std::hash.
std::uint64_t fnv1a(const std::string& s) {
    std::uint64_t h = 0xcbf29ce484222325ULL;
    for (unsigned char c : s) h = (h ^ c) * 0x100000001b3ULL;
    return h;
}

// A factor in [1 - jitter, 1 + jitter], the same for the same inputs.
double jitter_factor(const BackoffPolicy& policy, const std::string& feed_id, int failures) {
    const double j = std::clamp(policy.jitter, 0.0, 0.5);
    if (j == 0.0) return 1.0;
    const std::uint64_t h = mix(policy.seed ^ mix(fnv1a(feed_id) + static_cast<std::uint64_t>(failures)));
    const double unit = static_cast<double>(h >> 11) / static_cast<double>(1ULL << 53);  // [0, 1)
    return 1.0 - j + 2.0 * j * unit;
}

}  // namespace

std::int64_t fetch_delay_s(const FeedRef& ref, int failures, const BackoffPolicy& policy) {
    const std::int64_t refresh = std::max(1, ref.refresh_s);
    std::int64_t base = refresh;
    if (failures > 0) {
        // Doubling from first_retry_s; the shift is bounded so it cannot overflow.
        const std::int64_t first = std::max(1, policy.first_retry_s);
        base = std::min(refresh, first << std::min(failures - 1, 30));
    }
    const double scaled = std::round(static_cast<double>(base) * jitter_factor(policy, ref.id, failures));
    return std::max<std::int64_t>(1, static_cast<std::int64_t>(scaled));
}

std::int64_t next_fetch_at(const FeedRef& ref, const FetchSchedule& s, std::int64_t now,
                           const BackoffPolicy& policy) {
    if (!s.last_attempt_s) return now;
    return *s.last_attempt_s + fetch_delay_s(ref, s.failures, policy);
}

bool fetch_due(const FeedRef& ref, const FetchSchedule& s, std::int64_t now, const BackoffPolicy& policy) {
    if (!s.last_attempt_s || now < *s.last_attempt_s) return true;
    return now >= next_fetch_at(ref, s, now, policy);
}

FetchSchedule after_attempt(FetchSchedule s, bool succeeded, std::int64_t now) {
    s.last_attempt_s = now;
    s.failures = succeeded ? 0 : std::min(s.failures + 1, 1000);
    return s;
}

DataAge data_age(const FeedRef& ref, std::int64_t fetched_at, std::int64_t now) {
    DataAge a;
    a.age_s = std::max<std::int64_t>(0, now - fetched_at);
    a.stale = a.age_s > ref.max_age_s;
    return a;
}

}  // namespace feeds
