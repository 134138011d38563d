// Whether the kernel considers the system clock synchronised: adjtimex() read-only, and its
// STA_UNSYNC status bit clear. Read at the edge and passed on as a value (feeds/trust.h).
#pragma once

// True unless the kernel says the clock is not synchronised (or cannot be asked).
bool clock_synchronised();

// The same decision on an adjtimex() status word (for tests): STA_UNSYNC clear.
bool synchronised_status(int status, int adjtimex_result);
