#include <doctest/doctest.h>

#include <random>
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
    CHECK(fetch_due({}, 1000));
    CHECK(next_fetch_at({}, 1000) == 1000);
}

TEST_CASE("freshness: after a success the next fetch is refresh_s away, give or take 10 %") {
    const FeedRef ref = ref_with(900);
    const FetchSchedule mid = after_attempt({}, ref, true, 1000, 0.5);
    CHECK(mid.failures == 0);
    CHECK(next_fetch_at(mid, 1000) == 1900);
    CHECK_FALSE(fetch_due(mid, 1899));
    CHECK(fetch_due(mid, 1900));
    CHECK(*after_attempt({}, ref, true, 1000, 0.0).next_due_s == 1000 + 810);
    CHECK(*after_attempt({}, ref, true, 1000, 0.999999).next_due_s == 1000 + 990);
}

TEST_CASE("freshness: failures back off with full jitter under 30, 60, 120 ... capped at refresh_s") {
    const FeedRef ref = ref_with(900);
    const std::int64_t ceilings[] = {30, 60, 120, 240, 480, 900, 900};
    FetchSchedule top, bottom;
    std::int64_t now = 0;
    for (std::int64_t ceiling : ceilings) {
        const FetchSchedule prev = top;
        top = after_attempt(top, ref, false, now, 0.999999);
        bottom = after_attempt(bottom, ref, false, now, 0.0);
        CHECK(backoff_ceiling_s(ref, top.failures) == ceiling);
        CHECK(*top.next_due_s - now == ceiling);  // unit near 1: the ceiling
        CHECK(*bottom.next_due_s - now == 1);     // unit 0: at once (at least 1 s)
        CHECK(*after_attempt(prev, ref, false, now, 0.5).next_due_s - now == ceiling / 2);
        now += ceiling;
    }
    CHECK(top.failures == 7);
    top = after_attempt(top, ref, true, now, 0.5);
    CHECK(top.failures == 0);
    CHECK(next_fetch_at(top, now) - now == 900);
}

TEST_CASE("freshness: many screens failing together spread their retries over the whole back-off") {
    const FeedRef ref = ref_with(900);
    std::mt19937_64 rng(7);  // as FeedSync draws it
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    std::set<std::int64_t> seconds;
    for (int screen = 0; screen < 1000; ++screen)
        seconds.insert(*after_attempt({}, ref, false, 0, unit(rng)).next_due_s);
    CHECK(seconds.size() == 30);  // every second of [1, 30] is used
    CHECK(*seconds.begin() == 1);
    CHECK(*seconds.rbegin() == 30);
}

TEST_CASE("freshness: the backoff never overflows, however long the outage") {
    CHECK(backoff_ceiling_s(ref_with(86400), 1000) == 86400);
    CHECK(backoff_ceiling_s(ref_with(86400), 31) == 86400);
    CHECK(backoff_ceiling_s(ref_with(30), 1) == 30);
}

TEST_CASE("freshness: Retry-After in seconds or as an HTTP date, clamped to a day") {
    const std::int64_t now = 1445412480;  // Wed, 21 Oct 2015 07:28:00 GMT
    CHECK(retry_after_s("120", now) == 120);
    CHECK(retry_after_s(" 0 ", now) == 0);
    CHECK(retry_after_s("99999999999999999999999", now) == kMaxRetryAfterS);
    CHECK(retry_after_s("Wed, 21 Oct 2015 07:30:00 GMT", now) == 120);
    CHECK(retry_after_s("Wed, 21 Oct 2015 07:00:00 GMT", now) == 0);  // in the past: now
    CHECK(retry_after_s("Fri, 30 Oct 2015 07:28:00 GMT", now) == kMaxRetryAfterS);
    CHECK_FALSE(retry_after_s("", now).has_value());
    CHECK_FALSE(retry_after_s("soon", now).has_value());
    CHECK_FALSE(retry_after_s("-5", now).has_value());
}

TEST_CASE("freshness: a failure's Retry-After is honoured, plus up to 10 %") {
    const FeedRef ref = ref_with(900);
    CHECK(*after_attempt({}, ref, false, 1000, 0.0, 3600).next_due_s == 1000 + 3600);
    CHECK(*after_attempt({}, ref, false, 1000, 0.999999, 3600).next_due_s == 1000 + 3960);
}

TEST_CASE("freshness: a Retry-After of 0 or in the past never retries faster than the back-off") {
    const FeedRef ref = ref_with(900);
    FetchSchedule with, without;
    std::int64_t now = 0;
    for (int i = 0; i < 8; ++i) {
        with = after_attempt(with, ref, false, now, 0.5, 0);
        without = after_attempt(without, ref, false, now, 0.5);
        CHECK(*with.next_due_s == *without.next_due_s);
        now = *with.next_due_s;
    }
    CHECK(*after_attempt({}, ref, false, 1000, 0.5, 0).next_due_s == 1000 + 15);
    // A short wish does not shorten a long back-off either.
    FetchSchedule late;
    late.failures = 4;  // the next ceiling is 480 s
    CHECK(*after_attempt(late, ref, false, 1000, 0.5, 10).next_due_s == 1000 + 240);
}

TEST_CASE("freshness: a server's wish is cut to an hour, or four refreshes of a slow feed") {
    CHECK(retry_after_cap_s(ref_with(30)) == 3600);
    CHECK(retry_after_cap_s(ref_with(900)) == 3600);
    CHECK(retry_after_cap_s(ref_with(3600)) == 4 * 3600);
    const std::int64_t huge = retry_after_s("99999999999", 0).value();
    const FetchSchedule fast = after_attempt({}, ref_with(30), false, 1000, 0.0, huge);
    CHECK(*fast.next_due_s == 1000 + 3600);
    CHECK(*after_attempt({}, ref_with(30), false, 1000, 0.999999, huge).next_due_s == 1000 + 3960);
    CHECK(*after_attempt({}, ref_with(3600), false, 1000, 0.0, huge).next_due_s == 1000 + 4 * 3600);
    // and the feed is due again then: a later retry is always scheduled
    CHECK_FALSE(fetch_due(fast, 1000 + 3599));
    CHECK(fetch_due(fast, 1000 + 3600));
}

TEST_CASE(
    "freshness: a clock set back past the last attempt, or a due time too far ahead, makes the feed due") {
    const FeedRef ref = ref_with(900);
    const FetchSchedule s = after_attempt({}, ref, true, 1'700'000'000, 0.5);
    CHECK(fetch_due(s, 1'600'000'000));
    FetchSchedule restored;  // from the cache: no attempt yet in this run
    restored.next_due_s = 1'700'000'000;
    CHECK_FALSE(fetch_due(restored, 1'700'000'000 - 600));
    CHECK(fetch_due(restored, 1'700'000'000 - kMaxScheduleAheadS - 1));
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
