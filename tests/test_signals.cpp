// platform/signals.h: the loop's sleep (wait_for_signal) ends when a signal comes to any thread,
// or when another thread has work for the loop (wake_signal_wait): a screen that is off sleeps in
// it for hours, and without a desktop the loop sleeps in it between frames.
#include <doctest/doctest.h>

#include <signal.h>

#include <thread>

#include "platform/signals.h"

TEST_CASE("signals: a signal to another thread ends a screen-off sleep") {
    // The sleep of a screen that is off is one poll with no slices: it must end when SIGUSR1
    // (or SIGTERM) is delivered to any thread, as the fetch threads may take it. Broken, this
    // test hangs for ten minutes (ctest's timeout), never passes by luck.
    catch_control_signals();
    take_signal_requests();
    std::thread other([] { raise(SIGUSR1); });  // raise: to the calling (other) thread
    wait_for_signal(10 * 60 * 1000);
    other.join();
    CHECK(take_signal_requests().screenshot);
}

TEST_CASE("signals: another thread with work for the loop ends a screen-off sleep, asking for nothing") {
    // A finished fetch or a changed local file (app/kiosk/kiosk_data.cpp's waker): a takeover
    // notice may have to turn the screen on. Broken, this test hangs for ten minutes.
    catch_control_signals();
    take_signal_requests();
    std::thread other([] { wake_signal_wait(); });
    wait_for_signal(10 * 60 * 1000);
    other.join();
    const SignalRequests r = take_signal_requests();
    CHECK(!r.reload);
    CHECK(!r.screenshot);
}
