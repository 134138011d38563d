#include "app/kiosk/power.h"

namespace {

bool failed_state(CecState s) {
    return s == CecState::no_adapter || s == CecState::no_link || s == CecState::no_answer;
}

void decide_cec(const PowerWant& want, const PowerChannels& ch, std::int64_t now_ms, PowerActions& a) {
    const bool tell = [&] {
        if (ch.cec_target != want.on) return true;  // the schedule changed
        const CecState other = want.on ? CecState::standby : CecState::on;
        if (ch.cec == other) return true;  // the TV says it went the other way
        return failed_state(ch.cec) && now_ms - ch.cec_at_ms >= kCecReassertMs;
    }();
    if (tell) {
        (want.on ? a.cec_wake : a.cec_standby) = true;
        return;
    }
    if (now_ms - ch.cec_at_ms >= kCecReassertMs)
        a.cec_ask = true;
    else
        a.next_ms = ch.cec_at_ms + kCecReassertMs;
}

}  // namespace

PowerActions decide_power(const PowerWant& want, const PowerChannels& ch, std::int64_t now_ms) {
    PowerActions a;
    if (!want.managed) return a;
    a.draw = want.on;
    a.present_black = !want.on && !ch.black_shown;
    a.redraw = want.on && ch.black_shown;
    decide_cec(want, ch, now_ms, a);
    if (ch.dpms_target != want.on && ch.dpms != DpmsState::not_offered) a.dpms = want.on;
    return a;
}

DisplayStatus display_status(const PowerWant& want, const PowerChannels& ch) {
    DisplayStatus d;
    d.intended_on = !want.managed || want.on;
    d.reason = want.managed ? "schedule" : "no schedule";
    if (!want.managed) return d;
    const auto on_of = [](bool known, bool on) { return known ? std::optional<bool>(on) : std::nullopt; };
    const bool cec_known = ch.cec == CecState::on || ch.cec == CecState::standby;
    d.channels.push_back(
        {"cec", cec_state_text(ch.cec), ch.cec_detail, on_of(cec_known, ch.cec == CecState::on)});
    const bool dpms_known = ch.dpms == DpmsState::on || ch.dpms == DpmsState::off;
    d.channels.push_back(
        {"dpms", dpms_state_text(ch.dpms), ch.dpms_detail, on_of(dpms_known, ch.dpms == DpmsState::on)});
    if (!want.on) d.channels.push_back({"black", ch.black_shown ? "shown" : "not yet", "", !ch.black_shown});
    return d;
}
