// For tests/dpms_xvfb.py: forces the X server's DPMS off (then on) through x11_set_dpms, as the
// kiosk does, and prints what it reported and what DPMSInfo reads back, one line each:
//   off <state> <detail>
//   info <level or "none">
//   on <state> <detail>
#include <X11/Xlib.h>
#include <X11/extensions/dpms.h>

#include <cstdio>

#include "platform/dpms.h"

int main() {
    Display* d = XOpenDisplay(nullptr);
    if (!d) {
        std::printf("no display\n");
        return 2;
    }
    const DpmsResult off = x11_set_dpms(d, false);
    std::printf("off %s %s\n", dpms_state_text(off.state), off.detail.c_str());
    int ev = 0, err = 0;
    CARD16 level = 0;
    BOOL enabled = False;
    if (DPMSQueryExtension(d, &ev, &err) && DPMSInfo(d, &level, &enabled))
        std::printf("info %d\n", int(level));
    else
        std::printf("info none\n");
    const DpmsResult on = x11_set_dpms(d, true);
    std::printf("on %s %s\n", dpms_state_text(on.state), on.detail.c_str());
    XCloseDisplay(d);
    return 0;
}
