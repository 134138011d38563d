// Signals from the service manager or an operator, for the kiosk loop:
//   SIGHUP                  read the manifest again now (systemctl reload: ExecReload)
//   SIGTERM, SIGINT, SIGQUIT stop cleanly
//   SIGUSR1                 write a screenshot next to the status file (app/status/outlets.h)
// The handlers only set flags (and wake wait_for_signal); the loop asks for them between its
// waits (without a desktop it sleeps in wait_for_signal, with one in SDL's event wait, at most
// 1 s at a time), so nothing unsafe runs in a handler.
#pragma once

struct SignalRequests {
    bool reload = false;
    bool quit = false;
    bool screenshot = false;
};

// Installs the handlers. Call before SDL is initialised (SDL then leaves SIGTERM and SIGINT to
// them). Safe to call more than once.
void catch_control_signals();

// What was asked since the last call; clears the reload and screenshot requests (a quit stays
// asked).
SignalRequests take_signal_requests();

// True when a request is waiting, without taking it: lets a wait end early.
bool signal_request_pending();

// Sleeps up to `timeout_ms`, or until one of the signals above comes (to any thread of the
// process: the handler also writes to a pipe this waits on). For the long sleeps of a screen
// that is off: no slices, no wake-ups in between.
void wait_for_signal(int timeout_ms);

// Ends the wait_for_signal() under way, or the next one, early: another thread has work for the
// loop (a fetch finished, a watched file changed). Thread-safe; a no-op before
// catch_control_signals().
void wake_signal_wait();
