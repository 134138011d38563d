#include <xf86drm.h>
#include <xf86drmMode.h>

#include <cerrno>
#include <cstring>

#include "platform/dpms.h"

const char* dpms_state_text(DpmsState s) {
    switch (s) {
        case DpmsState::closed:
            return "not tried";
        case DpmsState::not_offered:
            return "not offered";
        case DpmsState::on:
            return "on";
        case DpmsState::off:
            return "off";
        case DpmsState::failed:
            return "failed";
    }
    return "?";
}

DpmsResult drm_set_dpms(const DrmIo& io, int fd, bool on) {
    const std::vector<std::uint32_t> connectors = io.connected_connectors(fd);
    if (connectors.empty()) return {DpmsState::not_offered, "no connected DRM connector"};
    const std::uint64_t want = on ? kDrmDpmsOn : kDrmDpmsOff;
    for (std::uint32_t c : connectors) {
        const std::string name = "connector " + std::to_string(c);
        const std::optional<DrmProperty> p = io.property(fd, c, "DPMS");
        if (!p) return {DpmsState::not_offered, name + " has no DPMS property"};
        if (p->value != want && io.set_property(fd, c, p->id, want) < 0)
            return {DpmsState::failed, name + ": setting DPMS: " + std::strerror(errno)};
        const std::optional<DrmProperty> now = io.property(fd, c, "DPMS");
        if (!now || now->value != want)
            return {DpmsState::failed,
                    name + ": DPMS reads back " + (now ? std::to_string(now->value) : "nothing")};
    }
    return {on ? DpmsState::on : DpmsState::off, ""};
}

namespace {

std::vector<std::uint32_t> drm_connected_connectors(int fd) {
    std::vector<std::uint32_t> out;
    drmModeRes* res = drmModeGetResources(fd);
    if (!res) return out;
    for (int i = 0; i < res->count_connectors; ++i) {
        drmModeConnector* c = drmModeGetConnector(fd, res->connectors[i]);
        if (!c) continue;
        if (c->connection == DRM_MODE_CONNECTED) out.push_back(c->connector_id);
        drmModeFreeConnector(c);
    }
    drmModeFreeResources(res);
    return out;
}

std::optional<DrmProperty> drm_property(int fd, std::uint32_t connector, const std::string& name) {
    drmModeObjectProperties* props = drmModeObjectGetProperties(fd, connector, DRM_MODE_OBJECT_CONNECTOR);
    if (!props) return std::nullopt;
    std::optional<DrmProperty> found;
    for (std::uint32_t i = 0; i < props->count_props && !found; ++i) {
        drmModePropertyRes* p = drmModeGetProperty(fd, props->props[i]);
        if (!p) continue;
        if (name == p->name) found = DrmProperty{p->prop_id, props->prop_values[i]};
        drmModeFreeProperty(p);
    }
    drmModeFreeObjectProperties(props);
    return found;
}

}  // namespace

DrmIo system_drm_io() {
    return {drm_connected_connectors, drm_property,
            [](int fd, std::uint32_t connector, std::uint32_t property, std::uint64_t value) {
                return drmModeObjectSetProperty(fd, connector, DRM_MODE_OBJECT_CONNECTOR, property, value);
            }};
}
