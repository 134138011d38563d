#include "app/kiosk/rotation.h"

#include <algorithm>

namespace {

bool is_valid(const std::vector<SlideTiming>& timings, int i) {
    return i >= 0 && std::size_t(i) < timings.size() && timings[std::size_t(i)].valid;
}

std::int64_t duration_of(const std::vector<SlideTiming>& timings, int i) {
    return std::max(timings[std::size_t(i)].duration_ms, kMinSlideMs);
}

// A fade never takes more than half a slide, so even a short slide is seen whole for a while.
std::int64_t transition_of(const RotationState& s, const std::vector<SlideTiming>& timings, int i) {
    return std::clamp<std::int64_t>(s.transition_ms, 0, duration_of(timings, i) / 2);
}

// The first valid slide after `from`, wrapping around, with `from` itself tried last (so a lone
// valid slide follows itself). from = -1 starts at slide 0. -1 when none is valid.
int next_valid(const std::vector<SlideTiming>& timings, int from) {
    const int n = int(timings.size());
    for (int k = 1; k <= n; ++k) {
        const int i = ((from + k) % n + n) % n;
        if (timings[std::size_t(i)].valid) return i;
    }
    return -1;
}

RotationState begin_slot(RotationState s, int slide, std::int64_t start_ms) {
    if (slide != s.current) s.shown_since_ms = start_ms;  // a lone slide renewing stays "on screen"
    s.current = slide;
    s.resume_after = slide;
    s.slot_start_ms = start_ms;
    return s;
}

}  // namespace

RotationState start_rotation(std::int64_t now_ms, const std::vector<SlideTiming>& timings,
                             std::int64_t transition_ms) {
    RotationState s;
    s.transition_ms = std::max<std::int64_t>(transition_ms, 0);
    s.slide_count = timings.size();
    s.current = next_valid(timings, -1);
    s.resume_after = s.current;
    s.slot_start_ms = now_ms;
    s.shown_since_ms = now_ms;
    return s;
}

RotationState advance(RotationState s, const std::vector<SlideTiming>& timings, std::int64_t now_ms) {
    if (timings.size() != s.slide_count) return start_rotation(now_ms, timings, s.transition_ms);
    if (now_ms < s.slot_start_ms) {  // the clock went back: restart the slot rather than stall
        s.slot_start_ms = now_ms;
        s.shown_since_ms = std::min(s.shown_since_ms, now_ms);
    }

    if (!is_valid(timings, s.current)) {
        // Nothing on screen, or its data just went: show the next valid slide at once.
        const int n = next_valid(timings, s.resume_after);
        if (n < 0) {
            s.current = -1;
            s.slot_start_ms = now_ms;
            return s;
        }
        return begin_slot(s, n, now_ms);
    }

    const std::int64_t end = s.slot_start_ms + duration_of(timings, s.current);
    if (now_ms < end) return s;
    const int n = next_valid(timings, s.current);
    // Normally the next slot starts exactly where this one ended. If now is past that slot's end
    // as well, we were paused: start the next slide fresh instead of replaying what was missed.
    const bool long_pause = now_ms >= end + duration_of(timings, n);
    return begin_slot(s, n, long_pause ? now_ms : end);
}

RotationFrame rotation_at(const RotationState& state, const std::vector<SlideTiming>& timings,
                          std::int64_t now_ms) {
    const RotationState s = advance(state, timings, now_ms);
    RotationFrame f;
    if (s.current < 0) {
        f.ms_until_change = kIdleRecheckMs;
        return f;
    }
    f.current = s.current;
    f.next = next_valid(timings, s.current);
    f.ms_on_screen = now_ms - s.shown_since_ms;

    const std::int64_t duration = duration_of(timings, s.current);
    const std::int64_t elapsed = now_ms - s.slot_start_ms;  // 0 <= elapsed < duration after advance
    f.slide_progress = double(elapsed) / double(duration);

    const std::int64_t transition = transition_of(s, timings, s.current);
    const std::int64_t fade_start = duration - transition;
    const bool moving_on = f.next != f.current && transition > 0;
    if (moving_on && elapsed >= fade_start) {
        f.in_transition = true;
        f.transition_progress = double(elapsed - fade_start) / double(transition);
        f.ms_until_change = duration - elapsed;
    } else if (moving_on) {
        f.ms_until_change = fade_start - elapsed;
    } else {
        f.ms_until_change = duration - elapsed;  // a cut, or a lone slide's slot renewing
    }
    return f;
}
