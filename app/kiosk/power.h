// Screen power: what to do with the three channels (HDMI-CEC, DPMS, black) given what the
// schedule wants and what each channel last did. Pure: decide_power() is the whole rule; the
// run loop's power step (power_step.h) does the actions and records their outcome here.
//   - Off: one black picture first (while page flips still work), then CEC Standby and DPMS
//     off; nothing is drawn or presented until on again.
//   - On: DPMS on, CEC Image View On + Active Source, then the picture drawn anew.
//   - Every kCecReassertMs the TV's power status is asked; a TV that went the other way (someone
//     pressed the remote) is told again at once; a channel that failed is tried again.
// With no schedule ever in force the channels are left alone: the screen is on.
#pragma once

#include <cstdint>
#include <limits>
#include <optional>

#include "app/status/record.h"
#include "platform/cec.h"
#include "platform/dpms.h"

inline constexpr std::int64_t kCecReassertMs = 5 * 60 * 1000;
inline constexpr std::int64_t kNever = std::numeric_limits<std::int64_t>::max();

// The schedule's side.
struct PowerWant {
    bool managed = false;  // a schedule is (or was) in force: the channels are driven
    bool on = true;
};

// What each channel last did.
struct PowerChannels {
    CecState cec = CecState::closed;
    std::optional<bool> cec_target;  // what CEC was last told: true on, false standby
    std::int64_t cec_at_ms = 0;      // when CEC was last told or asked (monotonic ms)
    std::string cec_detail;
    DpmsState dpms = DpmsState::closed;
    std::optional<bool> dpms_target;
    std::string dpms_detail;
    bool black_shown = false;  // the black picture is on screen (off)
};

struct PowerActions {
    bool present_black = false;
    bool cec_standby = false, cec_wake = false, cec_ask = false;
    std::optional<bool> dpms;       // set DPMS on (true) or off (false)
    bool draw = true;               // compose and present frames
    bool redraw = false;            // waking: the picture is drawn anew
    std::int64_t next_ms = kNever;  // decide again by then at the latest (monotonic ms)
    bool acts() const { return present_black || cec_standby || cec_wake || cec_ask || dpms.has_value(); }
};

PowerActions decide_power(const PowerWant& want, const PowerChannels& ch, std::int64_t now_ms);

// For the status record: intended state and each channel's ("display off (schedule) · cec:
// standby · dpms: off · black: shown" through display_line()).
DisplayStatus display_status(const PowerWant& want, const PowerChannels& ch);
