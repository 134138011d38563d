#include "platform/signals.h"

#include <signal.h>

#include <initializer_list>

namespace {

// A signal handler can reach nothing but process-wide flags: these three are the only ones.
volatile sig_atomic_t g_reload = 0;
volatile sig_atomic_t g_quit = 0;
volatile sig_atomic_t g_screenshot = 0;

extern "C" void on_signal(int sig) {
    if (sig == SIGHUP)
        g_reload = 1;
    else if (sig == SIGUSR1)
        g_screenshot = 1;
    else
        g_quit = 1;
}

}  // namespace

void catch_control_signals() {
    struct sigaction sa {};
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;
    for (int sig : {SIGHUP, SIGTERM, SIGINT, SIGQUIT, SIGUSR1}) sigaction(sig, &sa, nullptr);
}

SignalRequests take_signal_requests() {
    SignalRequests r;
    r.quit = g_quit != 0;
    r.reload = g_reload != 0;
    r.screenshot = g_screenshot != 0;
    g_reload = 0;
    g_screenshot = 0;
    return r;
}

bool signal_request_pending() {
    return g_quit != 0 || g_reload != 0 || g_screenshot != 0;
}
