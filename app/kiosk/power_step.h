// The run loop's power step: the edge of power.h. Asks decide_power() what to do, does it
// (black picture, CEC, DPMS), records each channel's outcome, and logs the display line when
// it changes ("display off (schedule) · cec: standby · dpms: off · black: shown").
#pragma once

#include <cstdint>
#include <ostream>
#include <string>

#include "app/kiosk/power.h"

struct SDL_Renderer;
struct SDL_Window;

struct ScreenPower {
    PowerWant want;
    PowerChannels ch;
    CecDevice cec;
    CecIo cec_io;
    DpmsTarget dpms;
    SDL_Renderer* renderer = nullptr;
    std::string said;                  // the display line last logged
    bool first_frame_pending = false;  // woken: the first frame's time is logged
};

// The channels of this window: /dev/cec0 and the DPMS of SDL's video driver. Nothing is sent.
void open_screen_power(ScreenPower& p, SDL_Window* window, SDL_Renderer* renderer);

struct PowerTurn {
    bool draw = true;     // compose and present frames
    bool redraw = false;  // woken: draw the picture anew
    std::int64_t next_ms = kNever;
};

// `has_schedule`: a schedule is in force (the channels are driven from then on); `on`: it says
// on. `now_ms` is monotonic.
PowerTurn step_power(ScreenPower& p, bool has_schedule, bool on, std::int64_t now_ms, std::ostream& log);

// A frame was presented: after a wake, logs how far into the minute it came (the schedule
// turns the screen on at a whole minute: this is the wake latency).
void note_presented(ScreenPower& p, std::ostream& log);
