#include <SDL.h>
#include <SDL_syswm.h>
#include <X11/Xlib.h>
#include <X11/extensions/dpms.h>

#include "platform/dpms.h"

DpmsResult x11_set_dpms(Display* display, bool on) {
    int event_base = 0, error_base = 0;
    if (!DPMSQueryExtension(display, &event_base, &error_base))
        return {DpmsState::not_offered, "the X server has no DPMS extension"};
    if (!DPMSCapable(display)) return {DpmsState::not_offered, "the X server's screen is not DPMS capable"};
    // Forcing a level needs DPMS enabled (else BadMatch); while on, the server's own timeouts
    // are kept from blanking the screen by SDL's screen-saver suspension.
    DPMSEnable(display);
    DPMSForceLevel(display, on ? DPMSModeOn : DPMSModeOff);
    XSync(display, False);
    CARD16 level = 0;
    BOOL enabled = False;
    if (!DPMSInfo(display, &level, &enabled)) return {DpmsState::failed, "DPMSInfo failed"};
    const CARD16 want = on ? DPMSModeOn : DPMSModeOff;
    if (level != want) return {DpmsState::failed, "DPMS reads back level " + std::to_string(level)};
    return {on ? DpmsState::on : DpmsState::off, ""};
}

DpmsTarget dpms_target(SDL_Window* window) {
    DpmsTarget t;
    SDL_SysWMinfo info;
    SDL_VERSION(&info.version);
    if (!window || !SDL_GetWindowWMInfo(window, &info)) return t;
#if defined(SDL_VIDEO_DRIVER_KMSDRM)
    if (info.subsystem == SDL_SYSWM_KMSDRM) t.drm_fd = info.info.kmsdrm.drm_fd;
#endif
#if defined(SDL_VIDEO_DRIVER_X11)
    if (info.subsystem == SDL_SYSWM_X11) t.x11 = info.info.x11.display;
#endif
    return t;
}

DpmsResult set_dpms(const DpmsTarget& t, bool on) {
    if (t.drm_fd >= 0) return drm_set_dpms(system_drm_io(), t.drm_fd, on);
    if (t.x11) return x11_set_dpms(t.x11, on);
    return {DpmsState::not_offered, "the video driver offers no DPMS"};
}
