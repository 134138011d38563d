#include "platform/signals.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <unistd.h>

#include <cerrno>

#include <initializer_list>

namespace {

// A signal handler can reach nothing but process-wide state: these three flags and the wake
// pipe (written by the handler, read by wait_for_signal) are the only ones.
volatile sig_atomic_t g_reload = 0;
volatile sig_atomic_t g_quit = 0;
volatile sig_atomic_t g_screenshot = 0;
int g_wake_pipe[2] = {-1, -1};

extern "C" void on_signal(int sig) {
    if (sig == SIGHUP)
        g_reload = 1;
    else if (sig == SIGUSR1)
        g_screenshot = 1;
    else
        g_quit = 1;
    const int saved = errno;
    if (g_wake_pipe[1] >= 0) {
        const ssize_t n = write(g_wake_pipe[1], "s", 1);  // full pipe: a wake-up is pending anyway
        (void)n;
    }
    errno = saved;
}

}  // namespace

void catch_control_signals() {
    if (g_wake_pipe[0] < 0 && pipe2(g_wake_pipe, O_CLOEXEC | O_NONBLOCK) != 0)
        g_wake_pipe[0] = g_wake_pipe[1] = -1;
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

void wait_for_signal(int timeout_ms) {
    if (signal_request_pending() || timeout_ms <= 0) return;
    if (g_wake_pipe[0] < 0) {  // no pipe: sleep in slices of a second, as the loop did before
        for (int slept = 0; slept < timeout_ms && !signal_request_pending(); slept += 1000) {
            const int slice = timeout_ms - slept < 1000 ? timeout_ms - slept : 1000;
            poll(nullptr, 0, slice);
        }
        return;
    }
    pollfd p{g_wake_pipe[0], POLLIN, 0};
    poll(&p, 1, timeout_ms);
    char drain[64];
    while (read(g_wake_pipe[0], drain, sizeof drain) > 0) {
    }
}

void wake_signal_wait() {
    if (g_wake_pipe[1] < 0) return;
    const ssize_t n = write(g_wake_pipe[1], "w", 1);  // full pipe: a wake-up is pending anyway
    (void)n;
}
