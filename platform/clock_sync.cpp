#include "platform/clock_sync.h"

#include <sys/timex.h>

bool synchronised_status(int status, int adjtimex_result) {
    if (adjtimex_result == -1) return true;  // cannot be asked: trust the clock rather than blank
    return adjtimex_result != TIME_ERROR && (status & STA_UNSYNC) == 0;
}

bool clock_synchronised() {
    struct timex t {};
    t.modes = 0;  // read only
    const int r = ::adjtimex(&t);
    return synchronised_status(t.status, r);
}
