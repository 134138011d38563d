#include <doctest/doctest.h>

#include <set>

#include "app/age_text.h"
#include "feeds/freshness.h"

using namespace feeds;

namespace {
FeedRef ref_with(int refresh_s, int max_age_s = 86400) {
    FeedRef r;
    r.id = "employment";
    r.refresh_s = refresh_s;
    r.max_age_s = max_age_s;
    return r;
}
}  // namespace

TEST_CASE("freshness: a feed never fetched is due at once") {
    const FeedRef ref = ref_with(900);
    CHECK(fetch_due(ref, {}, 1000));
    CHECK(next_fetch_at(ref, {}, 1000) == 1000);
}

TEST_CASE("freshness: after a success the next fetch is refresh_s after the attempt") {
    const FeedRef ref = ref_with(900);
    const FetchSchedule s = after_attempt({}, true, 1000);
    CHECK(s.failures == 0);
    CHECK(next_fetch_at(ref, s, 1000) == 1900);
    CHECK_FALSE(fetch_due(ref, s, 1899));
    CHECK(fetch_due(ref, s, 1900));
}

TEST_CASE("freshness: failures back off 30, 60, 120 ... capped at refresh_s, a success resets") {
    const FeedRef ref = ref_with(900);
    std::int64_t now = 0;
    FetchSchedule s;
    const std::int64_t expected[] = {30, 60, 120, 240, 480, 900, 900};
    for (std::int64_t delay : expected) {
        s = after_attempt(s, false, now);
        CHECK(next_fetch_at(ref, s, now) - now == delay);
        CHECK_FALSE(fetch_due(ref, s, now + delay - 1));
        CHECK(fetch_due(ref, s, now + delay));
        now += delay;
    }
    CHECK(s.failures == 7);
    s = after_attempt(s, true, now);
    CHECK(s.failures == 0);
    CHECK(next_fetch_at(ref, s, now) - now == 900);
}

TEST_CASE("freshness: the backoff never overflows, however long the outage") {
    const FeedRef ref = ref_with(86400);
    CHECK(fetch_delay_s(ref, 1000) == 86400);
    CHECK(fetch_delay_s(ref, 31) == 86400);
    CHECK(fetch_delay_s(ref_with(30), 1) == 30);
}

TEST_CASE("freshness: a clock set back past the last attempt makes the feed due") {
    const FeedRef ref = ref_with(900);
    const FetchSchedule s = after_attempt({}, true, 1'700'000'000);
    CHECK(fetch_due(ref, s, 1'600'000'000));
}

TEST_CASE("freshness: jitter is bounded and deterministic for a seed") {
    const FeedRef ref = ref_with(900);
    BackoffPolicy p;
    p.jitter = 0.2;
    p.seed = 42;
    std::set<std::int64_t> seen;
    for (int failures = 0; failures < 8; ++failures) {
        const std::int64_t base = fetch_delay_s(ref, failures);
        const std::int64_t d = fetch_delay_s(ref, failures, p);
        CHECK(d >= static_cast<std::int64_t>(base * 0.8) - 1);
        CHECK(d <= static_cast<std::int64_t>(base * 1.2) + 1);
        CHECK(d == fetch_delay_s(ref, failures, p));  // same inputs, same delay
        seen.insert(d * 1000 / base);
    }
    CHECK(seen.size() > 1);  // it does vary
    BackoffPolicy other = p;
    other.seed = 43;
    bool differs = false;
    for (int failures = 0; failures < 8; ++failures)
        differs = differs || fetch_delay_s(ref, failures, p) != fetch_delay_s(ref, failures, other);
    CHECK(differs);
}

TEST_CASE("freshness: data age and staleness against max_age_s") {
    const FeedRef ref = ref_with(900, 3600);
    CHECK(data_age(ref, 1000, 1000).age_s == 0);
    CHECK_FALSE(data_age(ref, 1000, 4600).stale);  // exactly max_age_s: not yet stale
    CHECK(data_age(ref, 1000, 4601).stale);
    CHECK(data_age(ref, 1000, 4601).age_s == 3601);
    CHECK(data_age(ref, 5000, 1000).age_s == 0);  // fetched "in the future": the clock moved back
    CHECK_FALSE(data_age(ref, 5000, 1000).stale);
}

TEST_CASE("age text: Danish phrases for the footer") {
    CHECK(age_phrase(0) == "for under 1 min. siden");
    CHECK(age_phrase(59) == "for under 1 min. siden");
    CHECK(age_phrase(60) == "for 1 min. siden");
    CHECK(age_phrase(5 * 60 + 30) == "for 5 min. siden");
    CHECK(age_phrase(3599) == "for 59 min. siden");
    CHECK(age_phrase(3600) == "for 1 time siden");
    CHECK(age_phrase(3 * 3600 + 1800) == "for 3 timer siden");
    CHECK(age_phrase(86400) == "for 1 dag siden");
    CHECK(age_phrase(2 * 86400) == "for 2 dage siden");
    CHECK(age_phrase(13 * 86400) == "for 13 dage siden");
    CHECK(age_phrase(14 * 86400) == "for 2 uger siden");
    CHECK(age_phrase(59 * 86400) == "for 8 uger siden");
    CHECK(age_phrase(60 * 86400) == "for 2 måneder siden");
    CHECK(age_phrase(365 * 86400) == "for 1 år siden");
    CHECK(age_phrase(3 * 365 * 86400) == "for 3 år siden");
    CHECK(age_phrase(-100) == "for under 1 min. siden");
}

TEST_CASE("age text: the footer lines") {
    CHECK(fetched_text(5 * 60) == "Data hentet for 5 min. siden");
    CHECK(stale_text(3 * 86400) == "Seneste data hentet for 3 dage siden");
    CHECK(stale_text(3 * 3600) == "Seneste data hentet for 3 timer siden");
}
