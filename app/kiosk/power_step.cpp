#include "app/kiosk/power_step.h"

#include <SDL.h>

#include <chrono>

#include "app/kiosk/log.h"
#include "app/status/summary_line.h"

namespace {

// One black picture, presented while page flips still work (before DPMS turns the panel off).
void show_black(SDL_Renderer* renderer) {
    if (!renderer) return;
    SDL_SetRenderTarget(renderer, nullptr);
    SDL_SetRenderDrawColor(renderer, 0, 0, 0, 255);
    SDL_RenderClear(renderer);
    SDL_RenderPresent(renderer);
}

void set_dpms_channel(ScreenPower& p, bool on) {
    const DpmsResult r = set_dpms(p.dpms, on);
    p.ch.dpms = r.state;
    p.ch.dpms_detail = r.detail;
    p.ch.dpms_target = on;
    // While off, the X server's screen saver may blank too; while on, SDL keeps it away.
    if (on)
        SDL_DisableScreenSaver();
    else
        SDL_EnableScreenSaver();
}

void act(ScreenPower& p, const PowerActions& a, std::int64_t now_ms) {
    if (a.present_black) {
        show_black(p.renderer);
        p.ch.black_shown = true;
    }
    if (a.redraw) p.ch.black_shown = false;
    if (a.dpms && *a.dpms) set_dpms_channel(p, true);  // on before CEC wakes the TV: flips work
    if (a.cec_standby || a.cec_wake || a.cec_ask) {
        p.ch.cec = a.cec_standby ? cec_send_standby(p.cec, p.cec_io)
                   : a.cec_wake  ? cec_send_wake(p.cec, p.cec_io)
                                 : cec_ask_power(p.cec, p.cec_io);
        p.ch.cec_detail = p.cec.detail;
        p.ch.cec_at_ms = now_ms;
        if (!a.cec_ask) p.ch.cec_target = p.want.on;
    }
    if (a.dpms && !*a.dpms) set_dpms_channel(p, false);  // off after the black picture
}

std::int64_t wall_ms() {
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

}  // namespace

void open_screen_power(ScreenPower& p, SDL_Window* window, SDL_Renderer* renderer) {
    p.cec_io = system_cec_io();
    p.dpms = dpms_target(window);
    p.renderer = renderer;
}

PowerTurn step_power(ScreenPower& p, bool has_schedule, bool on, std::int64_t now_ms, std::ostream& log) {
    p.want.managed = p.want.managed || has_schedule;
    p.want.on = on || !has_schedule;
    PowerTurn turn;
    // At most a few rounds: an answer (the TV says it is on while it should be off) is acted
    // on in the same turn.
    for (int round = 0; round < 3; ++round) {
        const PowerActions a = decide_power(p.want, p.ch, now_ms);
        turn = {a.draw, turn.redraw || a.redraw, a.next_ms};
        if (!a.acts() && !a.redraw) break;
        act(p, a, now_ms);
    }
    if (turn.redraw) p.first_frame_pending = true;
    if (!p.want.managed) return turn;
    const DisplayStatus d = display_status(p.want, p.ch);
    const std::string line = display_line(d, true);
    if (line != p.said) log_line(log, Severity::info) << line << "\n";
    p.said = line;
    return turn;
}

void note_presented(ScreenPower& p, std::ostream& log) {
    if (!p.first_frame_pending) return;
    p.first_frame_pending = false;
    log_line(log, Severity::info) << "display on: first frame " << wall_ms() % 60000
                                  << " ms after the minute turned\n";
}
