#include "platform/cec.h"

#include <fcntl.h>
#include <linux/cec.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace {

std::uint8_t header(std::uint8_t initiator, std::uint8_t destination) {
    return std::uint8_t((initiator & 0xF) << 4 | (destination & 0xF));
}

std::string failed(const char* what, int err) {
    return std::string(what) + ": " + std::strerror(err);
}

// Forgets the adapter: the next call opens it again (a USB adapter unplugged and back).
CecState lost(CecDevice& d, const CecIo& io, CecState why, std::string detail) {
    d.detail = std::move(detail);
    cec_close(d, io);
    return why;
}

// A Playback address, when the adapter has none configured and lets us choose.
std::uint8_t claim_playback(CecDevice& d, const CecIo& io) {
    cec_caps caps{};
    if (io.ioctl(d.fd, CEC_ADAP_G_CAPS, &caps) < 0 || !(caps.capabilities & CEC_CAP_LOG_ADDRS))
        return kCecBroadcast;  // the driver configures it itself: we speak as "unregistered"
    cec_log_addrs las{};
    las.cec_version = CEC_OP_CEC_VERSION_1_4;
    las.num_log_addrs = 1;
    las.vendor_id = CEC_VENDOR_ID_NONE;
    las.flags = CEC_LOG_ADDRS_FL_ALLOW_UNREG_FALLBACK;
    std::strncpy(las.osd_name, "infotavle", sizeof las.osd_name - 1);
    las.primary_device_type[0] = CEC_OP_PRIM_DEVTYPE_PLAYBACK;
    las.log_addr_type[0] = CEC_LOG_ADDR_TYPE_PLAYBACK;
    las.all_device_types[0] = CEC_OP_ALL_DEVTYPE_PLAYBACK;
    if (io.ioctl(d.fd, CEC_ADAP_S_LOG_ADDRS, &las) < 0) {
        d.detail = failed("CEC_ADAP_S_LOG_ADDRS", errno);
        return kCecBroadcast;
    }
    return las.log_addr[0] == CEC_LOG_ADDR_INVALID ? kCecBroadcast : las.log_addr[0];
}

// Sends one message; with `reply`, waits for the TV's answer (copied back into `answer`).
CecState transmit(CecDevice& d, const CecIo& io, const std::vector<std::uint8_t>& bytes, std::uint8_t reply,
                  CecState ok, std::vector<std::uint8_t>* answer = nullptr) {
    cec_msg m{};
    m.len = std::uint32_t(bytes.size());
    std::memcpy(m.msg, bytes.data(), bytes.size());
    m.reply = reply;
    m.timeout = reply ? kCecReplyTimeoutMs : 0;
    if (io.ioctl(d.fd, CEC_TRANSMIT, &m) < 0) {
        const int err = errno;
        if (err == ENONET) return lost(d, io, CecState::no_link, failed("CEC_TRANSMIT", err));
        if (err == ENODEV) return lost(d, io, CecState::no_adapter, failed("CEC_TRANSMIT", err));
        d.detail = failed("CEC_TRANSMIT", err);
        return CecState::no_answer;
    }
    if (!(m.tx_status & CEC_TX_STATUS_OK)) {
        d.detail = m.tx_status & CEC_TX_STATUS_NACK ? "not acknowledged" : "not sent";
        return CecState::no_answer;
    }
    if (reply && !(m.rx_status & CEC_RX_STATUS_OK)) {
        d.detail = "no answer";
        return CecState::no_answer;
    }
    if (answer) answer->assign(m.msg, m.msg + std::min<std::uint32_t>(m.len, CEC_MAX_MSG_SIZE));
    d.detail.clear();
    return ok;
}

}  // namespace

std::vector<std::uint8_t> cec_standby_message(std::uint8_t initiator) {
    return {header(initiator, kCecTv), kCecStandby};
}

std::vector<std::uint8_t> cec_image_view_on_message(std::uint8_t initiator) {
    return {header(initiator, kCecTv), kCecImageViewOn};
}

std::vector<std::uint8_t> cec_active_source_message(std::uint8_t initiator, std::uint16_t pa) {
    return {header(initiator, kCecBroadcast), kCecActiveSource, std::uint8_t(pa >> 8),
            std::uint8_t(pa & 0xFF)};
}

std::vector<std::uint8_t> cec_give_power_status_message(std::uint8_t initiator) {
    return {header(initiator, kCecTv), kCecGiveDevicePowerStatus};
}

std::string cec_physical_address_text(std::uint16_t pa) {
    std::string s;
    for (int shift = 12; shift >= 0; shift -= 4) {
        if (!s.empty()) s += '.';
        s += "0123456789abcdef"[(pa >> shift) & 0xF];
    }
    return s;
}

const char* cec_state_text(CecState s) {
    switch (s) {
        case CecState::closed:
            return "not tried";
        case CecState::no_adapter:
            return "no adapter";
        case CecState::no_link:
            return "no HDMI link";
        case CecState::no_answer:
            return "TV does not answer";
        case CecState::on:
            return "on";
        case CecState::standby:
            return "standby";
    }
    return "?";
}

CecIo system_cec_io() {
    return {[](const char* path, int flags) { return ::open(path, flags); },
            [](int fd, unsigned long request, void* arg) { return ::ioctl(fd, request, arg); },
            [](int fd) { return ::close(fd); }};
}

CecState cec_connect(CecDevice& d, const CecIo& io) {
    if (d.fd < 0) {
        d.fd = io.open(d.path.c_str(), O_RDWR | O_CLOEXEC);
        if (d.fd < 0) return lost(d, io, CecState::no_adapter, failed(d.path.c_str(), errno));
    }
    std::uint16_t pa = kCecNoPhysicalAddress;
    if (io.ioctl(d.fd, CEC_ADAP_G_PHYS_ADDR, &pa) < 0)
        return lost(d, io, CecState::no_adapter, failed("CEC_ADAP_G_PHYS_ADDR", errno));
    d.physical_address = pa;
    if (pa == kCecNoPhysicalAddress) {
        d.detail = "physical address f.f.f.f";
        return CecState::no_link;
    }
    cec_log_addrs las{};
    if (io.ioctl(d.fd, CEC_ADAP_G_LOG_ADDRS, &las) < 0)
        return lost(d, io, CecState::no_adapter, failed("CEC_ADAP_G_LOG_ADDRS", errno));
    if (las.num_log_addrs > 0)  // configured already (by us before, or by the system)
        d.logical_address = las.log_addr[0] == CEC_LOG_ADDR_INVALID ? kCecBroadcast : las.log_addr[0];
    else
        d.logical_address = claim_playback(d, io);
    return CecState::closed;
}

CecState cec_send_standby(CecDevice& d, const CecIo& io) {
    if (const CecState s = cec_connect(d, io); s != CecState::closed) return s;
    return transmit(d, io, cec_standby_message(d.logical_address), 0, CecState::standby);
}

CecState cec_send_wake(CecDevice& d, const CecIo& io) {
    if (const CecState s = cec_connect(d, io); s != CecState::closed) return s;
    const CecState s = transmit(d, io, cec_image_view_on_message(d.logical_address), 0, CecState::on);
    if (s != CecState::on) return s;
    return transmit(d, io, cec_active_source_message(d.logical_address, d.physical_address), 0, CecState::on);
}

CecState cec_ask_power(CecDevice& d, const CecIo& io) {
    if (const CecState s = cec_connect(d, io); s != CecState::closed) return s;
    std::vector<std::uint8_t> answer;
    const CecState s = transmit(d, io, cec_give_power_status_message(d.logical_address),
                                kCecReportPowerStatus, CecState::on, &answer);
    if (s != CecState::on) return s;
    if (answer.size() < 3) {
        d.detail = "a power status without its operand";
        return CecState::no_answer;
    }
    // 0 on, 1 standby, 2 standby -> on, 3 on -> standby
    return answer[2] == 1 || answer[2] == 3 ? CecState::standby : CecState::on;
}

void cec_close(CecDevice& d, const CecIo& io) {
    if (d.fd >= 0) io.close(d.fd);
    d.fd = -1;
}
