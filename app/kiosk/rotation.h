// Slide rotation timing. Pure: the caller passes `now_ms` from any monotonic clock (SDL_GetTicks64,
// steady_clock) and the list of slide timings; no clock is read here.
//
// Timeline of one slide's slot, [start, start + duration):
//
//   start                          start + duration - transition        start + duration
//     |  current fully on screen            |  cross-fade current → next   |  next's slot starts
//
// So `duration_ms` is exactly the time from one slide being fully on screen to the next being
// fully on screen; a cycle of slides lasts exactly the sum of their durations. The first slide
// is on screen at once (no fade in from blank).
//
// Why a step function (advance) rather than a pure function of (start time, now): validity
// changes while the app runs (a feed arrives, breaks, goes stale). A pure function would have
// to know the whole history of validity to know where the schedule is now; given only today's
// flags, one slide earlier in the list turning valid would shift every later slot and make the
// screen jump mid-slide. The step function decides only at slot boundaries, with the flags of
// that moment, so a change in validity affects the future only.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

// One playlist entry, as rotation sees it.
struct SlideTiming {
    std::int64_t duration_ms = 12000;  // raised to kMinSlideMs if shorter
    bool valid = true;                 // false: data missing or broken; the slide is skipped
};

inline constexpr std::int64_t kMinSlideMs = 1000;  // guards against 0 and negative durations
inline constexpr std::int64_t kDefaultTransitionMs = 600;
inline constexpr std::int64_t kIdleRecheckMs = 1000;  // ms_until_change when nothing is valid

// Where the rotation is. Plain data; keep the value advance() returns and pass it back next time.
struct RotationState {
    int current = -1;                 // the slide on screen; -1 = none is valid ("no data")
    int resume_after = -1;            // the last slide shown, so rotation resumes after it
    std::int64_t slot_start_ms = 0;   // when the current slot began
    std::int64_t shown_since_ms = 0;  // when `current` came on screen (a lone slide's slot
                                      // renews without resetting this)
    std::int64_t transition_ms = kDefaultTransitionMs;
    std::size_t slide_count = 0;  // timings.size() this state was made for
};

// What to draw now.
struct RotationFrame {
    int current = -1;                  // slide to draw; -1 = nothing valid: show the calm "no data" text
    int next = -1;                     // the slide that follows; == current when it is the only valid one
    bool in_transition = false;        // cross-fading from current to next
    double transition_progress = 0;    // 0..1 while in_transition, else 0
    double slide_progress = 0;         // 0..1 through current's slot (for a progress bar; hide it
                                       // when next == current, as nothing is coming)
    std::int64_t ms_on_screen = 0;     // since current came on screen, for entrance animations
    std::int64_t ms_until_change = 0;  // until the next transition starts or ends or the slot renews;
                                       // kIdleRecheckMs when nothing is valid. The caller may sleep this
                                       // long if nothing else (input, data) wakes it; while
                                       // in_transition it should draw every frame anyway.
};

// Begins at the first valid slide, with its slot starting at now_ms.
RotationState start_rotation(std::int64_t now_ms, const std::vector<SlideTiming>& timings,
                             std::int64_t transition_ms = kDefaultTransitionMs);

// Moves the state on to now_ms. Call once per frame (or on waking) and keep the result.
//  - At a slot's end, moves to the next valid slide, wrapping around; the new slot starts at the
//    old slot's end, so the durations add up exactly however late the frame comes.
//  - After a long pause (now past the end of the following slot too: the machine slept, the
//    process stalled), moves one slide on and starts its slot at now: no replay of missed slots.
//  - A current slide that became invalid is left at once (no fade: its data is gone).
//  - All invalid: current = -1; when a slide turns valid, rotation resumes after the last shown.
//  - A list of a different length restarts from the start (the indices now mean other slides).
//  - now_ms earlier than the slot start (a clock that went back) restarts the slot at now_ms.
RotationState advance(RotationState state, const std::vector<SlideTiming>& timings, std::int64_t now_ms);

// The frame at now_ms. Advances a copy of `state` first, so it is right even for a stale state,
// but the caller should keep advance()'s result so that slot boundaries stay exact.
RotationFrame rotation_at(const RotationState& state, const std::vector<SlideTiming>& timings,
                          std::int64_t now_ms);
