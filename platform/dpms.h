// DPMS: the panel's own power saving, asked through the display server SDL runs on.
//   kmsdrm: the DRM connector's "DPMS" property, set through the DRM fd SDL holds (it is the
//           DRM master; libdrm, Debian's libdrm-dev). Reached through DrmIo so that the
//           property calls are tested against a fake.
//   X11:    the DPMS extension (libXext, Debian's libxext-dev) on SDL's Display.
// Anything else (Wayland, the dummy driver) does not offer it.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

struct SDL_Window;
typedef struct _XDisplay Display;

enum class DpmsState {
    closed,       // not tried yet
    not_offered,  // no such control here (no DPMS extension or property, another video driver)
    on,
    off,
    failed,  // offered, but setting it failed or did not hold
};
const char* dpms_state_text(DpmsState s);  // "not tried", "not offered", "on", "off", "failed"

struct DpmsResult {
    DpmsState state = DpmsState::closed;
    std::string detail;  // why not offered or failed, for the log
};

struct DrmProperty {
    std::uint32_t id = 0;
    std::uint64_t value = 0;
};

// The DRM calls (libdrm), replaceable by a fake.
struct DrmIo {
    std::function<std::vector<std::uint32_t>(int fd)> connected_connectors;
    std::function<std::optional<DrmProperty>(int fd, std::uint32_t connector, const std::string& name)>
        property;
    std::function<int(int fd, std::uint32_t connector, std::uint32_t property, std::uint64_t value)>
        set_property;
};
DrmIo system_drm_io();

inline constexpr std::uint64_t kDrmDpmsOn = 0;   // DRM_MODE_DPMS_ON
inline constexpr std::uint64_t kDrmDpmsOff = 3;  // DRM_MODE_DPMS_OFF

// Every connected connector's "DPMS" property to on or off, then read back.
DpmsResult drm_set_dpms(const DrmIo& io, int fd, bool on);

// The X server's DPMS forced on or off, then read back (DPMSInfo).
DpmsResult x11_set_dpms(Display* display, bool on);

// What SDL's window runs on, for DPMS: the kmsdrm fd or the X11 display; neither elsewhere.
struct DpmsTarget {
    int drm_fd = -1;
    Display* x11 = nullptr;
};
DpmsTarget dpms_target(SDL_Window* window);
DpmsResult set_dpms(const DpmsTarget& t, bool on);
