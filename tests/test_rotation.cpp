#include <doctest/doctest.h>

#include "app/kiosk/rotation.h"

namespace {

constexpr std::int64_t kT0 = 1'000'000;  // any monotonic start; not zero, to catch absolute-time slips

// Runs the rotation frame by frame as the app does, keeping advance()'s result.
RotationState run(RotationState s, const std::vector<SlideTiming>& timings, std::int64_t from_ms,
                  std::int64_t to_ms, std::int64_t frame_ms) {
    for (std::int64_t t = from_ms; t <= to_ms; t += frame_ms) s = advance(s, timings, t);
    return advance(s, timings, to_ms);
}

}  // namespace

TEST_CASE("durations are honoured exactly at the boundaries, with the fade at the end of a slot") {
    const std::vector<SlideTiming> timings = {{5000, true}, {7000, true}};
    RotationState s = start_rotation(kT0, timings, 600);

    RotationFrame f = rotation_at(s, timings, kT0);
    CHECK(f.current == 0);
    CHECK(f.next == 1);
    CHECK_FALSE(f.in_transition);
    CHECK(f.slide_progress == 0.0);
    CHECK(f.ms_until_change == 4400);

    f = rotation_at(s, timings, kT0 + 4399);
    CHECK_FALSE(f.in_transition);
    CHECK(f.ms_until_change == 1);

    f = rotation_at(s, timings, kT0 + 4400);
    CHECK(f.in_transition);
    CHECK(f.transition_progress == 0.0);
    CHECK(f.ms_until_change == 600);

    f = rotation_at(s, timings, kT0 + 4700);
    CHECK(f.current == 0);
    CHECK(f.next == 1);
    CHECK(f.transition_progress == doctest::Approx(0.5));
    CHECK(f.slide_progress == doctest::Approx(0.94));
    CHECK(f.ms_until_change == 300);

    f = rotation_at(s, timings, kT0 + 4999);
    CHECK(f.current == 0);
    CHECK(f.in_transition);

    s = advance(s, timings, kT0 + 5000);
    CHECK(s.slot_start_ms == kT0 + 5000);
    f = rotation_at(s, timings, kT0 + 5000);
    CHECK(f.current == 1);
    CHECK(f.next == 0);
    CHECK_FALSE(f.in_transition);
    CHECK(f.slide_progress == 0.0);
    CHECK(f.ms_on_screen == 0);
    CHECK(f.ms_until_change == 6400);

    CHECK(rotation_at(s, timings, kT0 + 11999).current == 1);
    s = advance(s, timings, kT0 + 12000);  // wrap-around
    CHECK(s.current == 0);
    CHECK(s.slot_start_ms == kT0 + 12000);
}

TEST_CASE("late frames do not drift the schedule, wrap-around goes on forever") {
    const std::vector<SlideTiming> timings = {{5000, true}, {7000, true}, {3000, true}};
    RotationState s = start_rotation(kT0, timings);
    // 17 ms frames never land on a boundary; after 100 cycles the slots are still exact.
    const std::int64_t cycle = 15000;
    s = run(s, timings, kT0, kT0 + 100 * cycle + 1, 17);
    CHECK(s.current == 0);
    CHECK(s.slot_start_ms == kT0 + 100 * cycle);
    s = run(s, timings, kT0 + 100 * cycle + 1, kT0 + 100 * cycle + 12001, 17);
    CHECK(s.current == 2);
    CHECK(s.slot_start_ms == kT0 + 100 * cycle + 12000);
}

TEST_CASE("invalid slides are skipped") {
    const std::vector<SlideTiming> timings = {{5000, false}, {5000, true}, {5000, false}, {5000, true}};
    RotationState s = start_rotation(kT0, timings);
    CHECK(s.current == 1);  // the first valid one
    RotationFrame f = rotation_at(s, timings, kT0);
    CHECK(f.next == 3);

    s = advance(s, timings, kT0 + 5000);
    CHECK(s.current == 3);
    CHECK(rotation_at(s, timings, kT0 + 5000).next == 1);  // wraps past the invalid slide 0
    s = advance(s, timings, kT0 + 10000);
    CHECK(s.current == 1);
}

TEST_CASE("all slides invalid: index -1 and a calm recheck") {
    std::vector<SlideTiming> timings = {{5000, false}, {5000, false}};
    RotationState s = start_rotation(kT0, timings);
    RotationFrame f = rotation_at(s, timings, kT0 + 123);
    CHECK(f.current == -1);
    CHECK(f.next == -1);
    CHECK_FALSE(f.in_transition);
    CHECK(f.ms_until_change == kIdleRecheckMs);

    // Data arrives: the slide appears at once, with a full slot from that moment.
    timings[1].valid = true;
    s = advance(s, timings, kT0 + 60000);
    CHECK(s.current == 1);
    CHECK(s.slot_start_ms == kT0 + 60000);
    f = rotation_at(s, timings, kT0 + 60000);
    CHECK(f.ms_on_screen == 0);

    SUBCASE("an empty playlist is the same as all invalid") {
        const std::vector<SlideTiming> none;
        const RotationState e = start_rotation(kT0, none);
        CHECK(rotation_at(e, none, kT0 + 99999).current == -1);
    }
}

TEST_CASE("a single valid slide never transitions to itself") {
    const std::vector<SlideTiming> timings = {{8000, false}, {5000, true}};
    RotationState s = start_rotation(kT0, timings);

    RotationFrame f = rotation_at(s, timings, kT0 + 4800);  // inside where a fade would be
    CHECK(f.current == 1);
    CHECK(f.next == 1);
    CHECK_FALSE(f.in_transition);
    CHECK(f.ms_until_change == 200);  // the slot's end, when validity is looked at again

    // Its slot renews, but it has been on screen all along.
    s = run(s, timings, kT0, kT0 + 12000, 16);
    f = rotation_at(s, timings, kT0 + 12000);
    CHECK(f.current == 1);
    CHECK(f.slide_progress == doctest::Approx(0.4));
    CHECK(f.ms_on_screen == 12000);
}

TEST_CASE("validity changing mid-run") {
    std::vector<SlideTiming> timings = {{5000, true}, {5000, true}, {5000, true}};
    RotationState s = start_rotation(kT0, timings);

    SUBCASE("the current slide breaks: move on at once, no fade") {
        s = advance(s, timings, kT0 + 2000);
        timings[0].valid = false;
        s = advance(s, timings, kT0 + 2001);
        CHECK(s.current == 1);
        CHECK(s.slot_start_ms == kT0 + 2001);
        const RotationFrame f = rotation_at(s, timings, kT0 + 2001);
        CHECK_FALSE(f.in_transition);
        CHECK(f.next == 2);
    }
    SUBCASE("the incoming slide breaks during the fade: the fade goes to the one after") {
        CHECK(rotation_at(s, timings, kT0 + 4500).next == 1);
        timings[1].valid = false;
        const RotationFrame f = rotation_at(s, timings, kT0 + 4600);
        CHECK(f.in_transition);
        CHECK(f.next == 2);
        s = advance(s, timings, kT0 + 5000);
        CHECK(s.current == 2);
    }
    SUBCASE("a slide turning valid joins at the next boundary without disturbing the current slot") {
        timings[1].valid = false;
        s = advance(s, timings, kT0 + 1000);
        CHECK(rotation_at(s, timings, kT0 + 1000).next == 2);
        timings[1].valid = true;
        s = advance(s, timings, kT0 + 3000);
        CHECK(s.current == 0);
        CHECK(s.slot_start_ms == kT0);
        s = advance(s, timings, kT0 + 5000);
        CHECK(s.current == 1);
    }
    SUBCASE("everything breaks, then returns: rotation resumes after the last slide shown") {
        s = advance(s, timings, kT0 + 5000);
        REQUIRE(s.current == 1);
        for (auto& t : timings) t.valid = false;
        s = advance(s, timings, kT0 + 6000);
        CHECK(s.current == -1);
        for (auto& t : timings) t.valid = true;
        s = advance(s, timings, kT0 + 9000);
        CHECK(s.current == 2);
        CHECK(s.slot_start_ms == kT0 + 9000);
    }
}

TEST_CASE("a long pause lands on the next slide with a fresh slot, no catch-up") {
    const std::vector<SlideTiming> timings = {{5000, true}, {5000, true}, {5000, true}};
    RotationState s = start_rotation(kT0, timings);

    const std::int64_t later = kT0 + 3'600'000;  // an hour without frames
    s = advance(s, timings, later);
    CHECK(s.current == 1);  // one step on, not where the schedule "would" be
    CHECK(s.slot_start_ms == later);
    const RotationFrame f = rotation_at(s, timings, later);
    CHECK(f.slide_progress == 0.0);
    CHECK_FALSE(f.in_transition);
    CHECK(f.ms_until_change == 4400);

    SUBCASE("a frame late by less than a slot keeps the schedule") {
        RotationState t = start_rotation(kT0, timings);
        t = advance(t, timings, kT0 + 9999);  // the next slot ends at kT0 + 10000
        CHECK(t.current == 1);
        CHECK(t.slot_start_ms == kT0 + 5000);
        t = advance(t, timings, kT0 + 10000);
        CHECK(t.current == 2);
    }
}

TEST_CASE("a playlist of another length restarts from the first valid slide") {
    std::vector<SlideTiming> timings = {{5000, true}, {5000, true}};
    RotationState s = start_rotation(kT0, timings, 800);
    s = advance(s, timings, kT0 + 5000);
    REQUIRE(s.current == 1);
    timings = {{5000, false}, {6000, true}, {5000, true}};
    s = advance(s, timings, kT0 + 7000);
    CHECK(s.current == 1);
    CHECK(s.slot_start_ms == kT0 + 7000);
    CHECK(s.slide_count == 3);
    CHECK(s.transition_ms == 800);  // kept across the restart

    timings.clear();
    s = advance(s, timings, kT0 + 8000);
    CHECK(s.current == -1);
}

TEST_CASE("odd inputs are handled safely") {
    SUBCASE("a clock going back restarts the slot") {
        const std::vector<SlideTiming> timings = {{5000, true}, {5000, true}};
        RotationState s = start_rotation(kT0, timings);
        s = advance(s, timings, kT0 - 1000);
        CHECK(s.current == 0);
        CHECK(s.slot_start_ms == kT0 - 1000);
        CHECK(rotation_at(s, timings, kT0 - 1000).slide_progress == 0.0);
    }
    SUBCASE("zero and negative durations are raised to the minimum") {
        const std::vector<SlideTiming> timings = {{0, true}, {-5, true}};
        RotationState s = start_rotation(kT0, timings);
        CHECK(advance(s, timings, kT0 + kMinSlideMs - 1).current == 0);
        CHECK(advance(s, timings, kT0 + kMinSlideMs).current == 1);
    }
    SUBCASE("the fade takes at most half of a short slide") {
        const std::vector<SlideTiming> timings = {{1000, true}, {1000, true}};
        RotationState s = start_rotation(kT0, timings, 5000);
        CHECK_FALSE(rotation_at(s, timings, kT0 + 499).in_transition);
        const RotationFrame f = rotation_at(s, timings, kT0 + 750);
        CHECK(f.in_transition);
        CHECK(f.transition_progress == doctest::Approx(0.5));
    }
    SUBCASE("no transition length means a cut") {
        const std::vector<SlideTiming> timings = {{5000, true}, {5000, true}};
        RotationState s = start_rotation(kT0, timings, 0);
        const RotationFrame f = rotation_at(s, timings, kT0 + 4999);
        CHECK_FALSE(f.in_transition);
        CHECK(f.ms_until_change == 1);
    }
}
