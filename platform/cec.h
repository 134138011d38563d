// HDMI-CEC through the kernel's CEC interface (/dev/cec*, linux/cec.h; no library): claim a
// Playback logical address, put the TV in standby, wake it (Image View On and Active Source)
// and ask its power status. The message bytes are pure functions; the device is reached only
// through CecIo (open/ioctl/close), so the tests run the whole sequence against a fake.
// Every call blocks briefly (a transmit is some tens of ms; a status question waits for the
// answer at most kCecReplyTimeoutMs).
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

inline constexpr std::uint8_t kCecTv = 0x0;         // the TV's logical address
inline constexpr std::uint8_t kCecBroadcast = 0xF;  // "unregistered" as an initiator
inline constexpr std::uint8_t kCecStandby = 0x36;
inline constexpr std::uint8_t kCecImageViewOn = 0x04;
inline constexpr std::uint8_t kCecActiveSource = 0x82;
inline constexpr std::uint8_t kCecGiveDevicePowerStatus = 0x8F;
inline constexpr std::uint8_t kCecReportPowerStatus = 0x90;
inline constexpr std::uint16_t kCecNoPhysicalAddress = 0xFFFF;  // f.f.f.f: no HDMI link
inline constexpr std::uint32_t kCecReplyTimeoutMs = 1000;

// The message bytes: header (initiator << 4 | destination), opcode, operands.
std::vector<std::uint8_t> cec_standby_message(std::uint8_t initiator);
std::vector<std::uint8_t> cec_image_view_on_message(std::uint8_t initiator);
std::vector<std::uint8_t> cec_active_source_message(std::uint8_t initiator, std::uint16_t physical_address);
std::vector<std::uint8_t> cec_give_power_status_message(std::uint8_t initiator);

// "1.0.0.0"
std::string cec_physical_address_text(std::uint16_t pa);

// The TV as CEC sees it. Three ways of not reaching it are three states.
enum class CecState {
    closed,      // not tried yet
    no_adapter,  // no /dev/cec* (or it cannot be opened)
    no_link,     // an adapter, but physical address f.f.f.f: no HDMI link (cable, TV unplugged)
    no_answer,   // the TV does not acknowledge or answer
    on,          // told to wake, or says it is on
    standby,     // told to go to standby, or says it is in standby
};
const char* cec_state_text(CecState s);  // "no adapter", "no HDMI link", "TV does not answer", ...

// The system calls, replaceable by a fake.
struct CecIo {
    std::function<int(const char* path, int flags)> open;
    std::function<int(int fd, unsigned long request, void* arg)> ioctl;  // -1 and errno on failure
    std::function<int(int fd)> close;
};
CecIo system_cec_io();

struct CecDevice {
    std::string path = "/dev/cec0";
    int fd = -1;
    std::uint16_t physical_address = kCecNoPhysicalAddress;
    std::uint8_t logical_address = kCecBroadcast;  // claimed: a Playback address (4, 8, 11)
    std::string detail;                            // the last failure, for the log: "CEC_TRANSMIT: ..."
};

// Opens the adapter (when not open) and reads the physical address; claims a Playback logical
// address when none is configured yet. Returns closed on success (the TV is not asked), else
// no_adapter or no_link.
CecState cec_connect(CecDevice& d, const CecIo& io);

// The TV to standby: on success `standby`, else why not.
CecState cec_send_standby(CecDevice& d, const CecIo& io);
// Image View On to the TV, then Active Source (our physical address) to all: `on`, else why not.
CecState cec_send_wake(CecDevice& d, const CecIo& io);
// Give Device Power Status: `on` or `standby` as the TV answers (its transitions count as where
// they go), else why not.
CecState cec_ask_power(CecDevice& d, const CecIo& io);

void cec_close(CecDevice& d, const CecIo& io);
