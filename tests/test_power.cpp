// Screen power (issue 17): the CEC bytes and ioctl sequence against a fake adapter, the DRM
// DPMS property calls against a fake, the pure decision of app/kiosk/power.h, the power step
// over a 16-hour fake-clock night, and the status record's display part.
#include <doctest/doctest.h>

#include <linux/cec.h>
#include <sys/ioctl.h>

#include <cerrno>
#include <map>
#include <sstream>

#include "app/kiosk/power_step.h"
#include "app/status/prometheus_text.h"
#include "app/status/status_json.h"
#include "app/status/summary_line.h"
#include "feeds/bundled_feeds.h"
#include "feeds/sync/feed_sync.h"
#include "feeds/url.h"

namespace {

std::string hex(const std::uint8_t* b, std::size_t n) {
    std::string s;
    for (std::size_t i = 0; i < n; ++i) {
        static const char* digits = "0123456789abcdef";
        if (i) s += ':';
        s += digits[b[i] >> 4];
        s += digits[b[i] & 0xF];
    }
    return s;
}

std::string hex(const std::vector<std::uint8_t>& b) {
    return hex(b.data(), b.size());
}

// A CEC adapter and a TV, as the kernel would answer; every call is written down.
struct FakeCec {
    bool exists = true;
    std::uint16_t physical_address = 0x1000;
    bool claimed = false;
    bool tv_acks = true;
    std::uint8_t tv_power = 0;  // 0 on, 1 standby
    std::vector<std::string> calls;

    CecIo io() {
        return {[this](const char* path, int) {
                    calls.push_back(std::string("open ") + path);
                    if (!exists) errno = ENOENT;
                    return exists ? 7 : -1;
                },
                [this](int fd, unsigned long request, void* arg) { return ioctl(fd, request, arg); },
                [this](int fd) {
                    calls.push_back("close " + std::to_string(fd));
                    return 0;
                }};
    }

    int ioctl(int, unsigned long request, void* arg) {
        if (request == CEC_ADAP_G_PHYS_ADDR) {
            calls.push_back("G_PHYS_ADDR");
            *static_cast<std::uint16_t*>(arg) = physical_address;
        } else if (request == CEC_ADAP_G_LOG_ADDRS) {
            calls.push_back("G_LOG_ADDRS");
            auto* las = static_cast<cec_log_addrs*>(arg);
            las->num_log_addrs = claimed ? 1 : 0;
            las->log_addr[0] = claimed ? 4 : CEC_LOG_ADDR_INVALID;
        } else if (request == CEC_ADAP_G_CAPS) {
            calls.push_back("G_CAPS");
            static_cast<cec_caps*>(arg)->capabilities = CEC_CAP_LOG_ADDRS | CEC_CAP_TRANSMIT;
        } else if (request == CEC_ADAP_S_LOG_ADDRS) {
            auto* las = static_cast<cec_log_addrs*>(arg);
            calls.push_back("S_LOG_ADDRS n=" + std::to_string(las->num_log_addrs) +
                            " type=" + std::to_string(las->log_addr_type[0]) + " prim=" +
                            std::to_string(las->primary_device_type[0]) + " name=" + las->osd_name);
            las->log_addr[0] = 4;  // Playback 1
            claimed = true;
        } else if (request == CEC_TRANSMIT) {
            auto* m = static_cast<cec_msg*>(arg);
            calls.push_back(
                "TRANSMIT " + hex(m->msg, m->len) +
                (m->reply ? " reply=" + hex(&m->reply, 1) + " timeout=" + std::to_string(m->timeout) : ""));
            m->tx_status = tv_acks ? CEC_TX_STATUS_OK : CEC_TX_STATUS_NACK | CEC_TX_STATUS_MAX_RETRIES;
            if (tv_acks && m->msg[1] == 0x36) tv_power = 1;  // the TV does as it is told
            if (tv_acks && m->msg[1] == 0x04) tv_power = 0;
            if (tv_acks && m->reply) {
                m->rx_status = CEC_RX_STATUS_OK;
                m->len = 3;
                m->msg[0] = 0x04;
                m->msg[1] = 0x90;
                m->msg[2] = tv_power;
            } else if (m->reply) {
                m->rx_status = CEC_RX_STATUS_TIMEOUT;
            }
        } else {
            calls.push_back("unexpected request " + std::to_string(request));
            errno = ENOTTY;
            return -1;
        }
        return 0;
    }
};

using Calls = std::vector<std::string>;

}  // namespace

TEST_CASE("cec: the message bytes") {
    CHECK(hex(cec_standby_message(4)) == "40:36");
    CHECK(hex(cec_image_view_on_message(4)) == "40:04");
    CHECK(hex(cec_active_source_message(4, 0x1200)) == "4f:82:12:00");
    CHECK(hex(cec_give_power_status_message(8)) == "80:8f");
    CHECK(hex(cec_standby_message(kCecBroadcast)) == "f0:36");
    CHECK(cec_physical_address_text(0x1200) == "1.2.0.0");
    CHECK(cec_physical_address_text(kCecNoPhysicalAddress) == "f.f.f.f");
}

TEST_CASE("cec: standby claims a Playback address first, then wake and ask reuse it") {
    FakeCec fake;
    const CecIo io = fake.io();
    CecDevice d;
    CHECK(cec_send_standby(d, io) == CecState::standby);
    CHECK(fake.calls == Calls{"open /dev/cec0", "G_PHYS_ADDR", "G_LOG_ADDRS", "G_CAPS",
                              "S_LOG_ADDRS n=1 type=3 prim=4 name=infotavle", "TRANSMIT 40:36"});
    fake.calls.clear();
    CHECK(cec_send_wake(d, io) == CecState::on);
    CHECK(fake.calls == Calls{"G_PHYS_ADDR", "G_LOG_ADDRS", "TRANSMIT 40:04", "TRANSMIT 4f:82:10:00"});
    fake.calls.clear();
    fake.tv_power = 1;
    CHECK(cec_ask_power(d, io) == CecState::standby);
    CHECK(fake.calls == Calls{"G_PHYS_ADDR", "G_LOG_ADDRS", "TRANSMIT 40:8f reply=90 timeout=1000"});
    fake.tv_power = 0;
    CHECK(cec_ask_power(d, io) == CecState::on);
}

TEST_CASE("cec: no adapter, no HDMI link and a TV that does not answer are three states") {
    SUBCASE("no adapter") {
        FakeCec fake;
        fake.exists = false;
        CecDevice d;
        CHECK(cec_send_standby(d, fake.io()) == CecState::no_adapter);
        CHECK(fake.calls == Calls{"open /dev/cec0"});
        CHECK(d.detail == "/dev/cec0: No such file or directory");
        CHECK(std::string(cec_state_text(CecState::no_adapter)) == "no adapter");
    }
    SUBCASE("no HDMI link: nothing is claimed or sent") {
        FakeCec fake;
        fake.physical_address = kCecNoPhysicalAddress;
        CecDevice d;
        CHECK(cec_send_wake(d, fake.io()) == CecState::no_link);
        CHECK(fake.calls == Calls{"open /dev/cec0", "G_PHYS_ADDR"});
        CHECK(std::string(cec_state_text(CecState::no_link)) == "no HDMI link");
        fake.physical_address = 0x2000;  // the cable is back: the same fd carries on
        fake.calls.clear();
        CHECK(cec_send_wake(d, fake.io()) == CecState::on);
        CHECK(fake.calls.back() == "TRANSMIT 4f:82:20:00");
    }
    SUBCASE("the TV does not acknowledge") {
        FakeCec fake;
        fake.tv_acks = false;
        CecDevice d;
        CHECK(cec_send_standby(d, fake.io()) == CecState::no_answer);
        CHECK(d.detail == "not acknowledged");
        CHECK(cec_ask_power(d, fake.io()) == CecState::no_answer);
        CHECK(std::string(cec_state_text(CecState::no_answer)) == "TV does not answer");
    }
}

namespace {

struct FakeDrm {
    std::vector<std::uint32_t> connected{31, 45};
    std::map<std::uint32_t, std::uint64_t> dpms{{31, kDrmDpmsOn}, {45, kDrmDpmsOn}};
    bool has_property = true;
    std::vector<std::string> calls;

    DrmIo io() {
        return {[this](int fd) {
                    calls.push_back("connectors fd=" + std::to_string(fd));
                    return connected;
                },
                [this](int, std::uint32_t c, const std::string& name) -> std::optional<DrmProperty> {
                    calls.push_back("get " + std::to_string(c) + " " + name);
                    if (!has_property || name != "DPMS") return std::nullopt;
                    return DrmProperty{20, dpms[c]};
                },
                [this](int, std::uint32_t c, std::uint32_t prop, std::uint64_t v) {
                    calls.push_back("set " + std::to_string(c) + " prop=" + std::to_string(prop) + " " +
                                    std::to_string(v));
                    dpms[c] = v;
                    return 0;
                }};
    }
};

}  // namespace

TEST_CASE("dpms: the DRM connectors' DPMS property is set and read back") {
    FakeDrm fake;
    const DpmsResult off = drm_set_dpms(fake.io(), 9, false);
    CHECK(off.state == DpmsState::off);
    CHECK(fake.calls == Calls{"connectors fd=9", "get 31 DPMS", "set 31 prop=20 3", "get 31 DPMS",
                              "get 45 DPMS", "set 45 prop=20 3", "get 45 DPMS"});
    fake.calls.clear();
    CHECK(drm_set_dpms(fake.io(), 9, true).state == DpmsState::on);
    CHECK(fake.dpms[31] == kDrmDpmsOn);
    CHECK(fake.dpms[45] == kDrmDpmsOn);
}

TEST_CASE("dpms: no connector or no property is not offered, a value that does not hold is a failure") {
    FakeDrm none;
    none.connected.clear();
    CHECK(drm_set_dpms(none.io(), 9, false).state == DpmsState::not_offered);
    FakeDrm no_prop;
    no_prop.has_property = false;
    const DpmsResult r = drm_set_dpms(no_prop.io(), 9, false);
    CHECK(r.state == DpmsState::not_offered);
    CHECK(r.detail == "connector 31 has no DPMS property");
    FakeDrm stuck;
    DrmIo io = stuck.io();
    io.set_property = [](int, std::uint32_t, std::uint32_t, std::uint64_t) { return 0; };  // ignored
    CHECK(drm_set_dpms(io, 9, false).state == DpmsState::failed);
    CHECK(set_dpms(DpmsTarget{}, false).state == DpmsState::not_offered);  // neither kmsdrm nor X11
}

namespace {

// The channels once the screen was put off: black on screen, CEC and DPMS as given, both last
// told to go off.
PowerChannels put_off(CecState cec, std::int64_t cec_at_ms, DpmsState dpms) {
    PowerChannels ch;
    ch.black_shown = true;
    ch.cec = cec;
    ch.cec_target = false;
    ch.cec_at_ms = cec_at_ms;
    ch.dpms = dpms;
    ch.dpms_target = false;
    return ch;
}

}  // namespace

TEST_CASE("power: without a schedule the channels are left alone and the screen draws") {
    const PowerActions a = decide_power({false, true}, {}, 0);
    CHECK_FALSE(a.acts());
    CHECK(a.draw);
    CHECK(display_line(display_status({false, true}, {})) == "display on (no schedule)");
}

TEST_CASE("power: off shows black, sends standby and turns DPMS off, then nothing until the re-ask") {
    const PowerWant off{true, false};
    PowerChannels ch;
    PowerActions a = decide_power(off, ch, 1000);
    CHECK(a.present_black);
    CHECK(a.cec_standby);
    CHECK(a.dpms == std::optional<bool>(false));
    CHECK_FALSE(a.draw);
    ch = put_off(CecState::standby, 1000, DpmsState::off);
    a = decide_power(off, ch, 2000);
    CHECK_FALSE(a.acts());
    CHECK_FALSE(a.draw);
    CHECK(a.next_ms == 1000 + kCecReassertMs);
    CHECK(display_line(display_status(off, ch)) ==
          "display off (schedule) · cec: standby · dpms: off · black: shown");
    // Five minutes on: the TV is asked; if someone switched it on, standby again at once.
    a = decide_power(off, ch, 1000 + kCecReassertMs);
    CHECK(a.cec_ask);
    CHECK_FALSE(a.cec_standby);
    ch.cec = CecState::on;
    ch.cec_at_ms = 1000 + kCecReassertMs;
    a = decide_power(off, ch, 1000 + kCecReassertMs);
    CHECK(a.cec_standby);
    CHECK_FALSE(a.present_black);  // one black picture, not one per turn
}

TEST_CASE("power: waking turns DPMS on, wakes the TV and redraws") {
    const PowerChannels ch = put_off(CecState::standby, 0, DpmsState::off);
    const PowerActions a = decide_power({true, true}, ch, 5000);
    CHECK(a.cec_wake);
    CHECK(a.dpms == std::optional<bool>(true));
    CHECK(a.redraw);
    CHECK(a.draw);
}

TEST_CASE("power: a channel that failed is tried again after 5 min, DPMS not offered is not") {
    const PowerWant off{true, false};
    PowerChannels ch = put_off(CecState::no_adapter, 0, DpmsState::not_offered);
    CHECK_FALSE(decide_power(off, ch, kCecReassertMs - 1).acts());
    const PowerActions a = decide_power(off, ch, kCecReassertMs);
    CHECK(a.cec_standby);
    CHECK_FALSE(a.dpms);
    ch.dpms_target = true;  // even when the schedule changes
    CHECK_FALSE(decide_power(off, ch, 1).dpms);
}

TEST_CASE("power: the step drives a fake adapter over a 16-hour night, asking every 5 minutes") {
    FakeCec fake;
    ScreenPower p;
    p.cec_io = fake.io();  // no renderer, no DPMS target: black is noted, DPMS not offered
    std::ostringstream log;
    const std::int64_t night_ms = 16 * 3600 * 1000;
    std::int64_t now = 0;
    int turns = 0;
    PowerTurn t = step_power(p, true, false, now, log);
    CHECK_FALSE(t.draw);
    CHECK(fake.calls.back() == "TRANSMIT 40:36");
    while (now < night_ms) {  // the loop wakes for the step when it asks, at the latest
        now = std::min(t.next_ms, night_ms);
        t = step_power(p, true, false, now, log);
        ++turns;
        CHECK_FALSE(t.draw);
    }
    int transmits = 0;
    for (const auto& c : fake.calls) transmits += c.rfind("TRANSMIT", 0) == 0;
    CHECK(turns == 16 * 12);
    CHECK(transmits == 1 + 16 * 12);  // standby, then one status question per 5 minutes
    INFO(log.str());
    CHECK(log.str().find(
              "display off (schedule) · cec: standby · dpms: not offered (the video driver offers no DPMS) · "
              "black: shown") != std::string::npos);
    // Morning: DPMS on, Image View On, Active Source, one redraw.
    fake.calls.clear();
    t = step_power(p, true, true, now + 1, log);
    CHECK(t.draw);
    CHECK(t.redraw);
    CHECK(fake.calls == Calls{"G_PHYS_ADDR", "G_LOG_ADDRS", "TRANSMIT 40:04", "TRANSMIT 4f:82:10:00"});
    CHECK_FALSE(step_power(p, true, true, now + 2, log).redraw);
}

TEST_CASE("power: the status record says intended and actual state per channel") {
    StatusRecord r;
    r.display = display_status({true, false}, [] {
        PowerChannels ch;
        ch.cec = CecState::standby;
        ch.dpms = DpmsState::off;
        ch.black_shown = true;
        return ch;
    }());
    CHECK(summary_line(r).find(" · display off (schedule) · cec: standby · dpms: off · black: shown") !=
          std::string::npos);
    const std::string json = status_json(r);
    CHECK(json.find("\"display\": {\n    \"intended\": \"off\",\n    \"reason\": \"schedule\"") !=
          std::string::npos);
    CHECK(json.find("\"cec\": {\n        \"state\": \"standby\",\n        \"on\": false") !=
          std::string::npos);
    const std::string prom = prometheus_text(r);
    CHECK(prom.find("infotavle_display_intended_on 0\n") != std::string::npos);
    CHECK(prom.find("infotavle_display_on{channel=\"cec\"} 0\n") != std::string::npos);
    CHECK(prom.find("infotavle_display_on{channel=\"dpms\"} 0\n") != std::string::npos);
    CHECK(prom.find("infotavle_display_channel_info{channel=\"cec\",state=\"standby\"} 1\n") !=
          std::string::npos);
    // A failed channel: its state, no on/off sample; the change key moves.
    StatusRecord failed = r;
    failed.display.channels[0] = {"cec", "no adapter", "/dev/cec0: No such file or directory", std::nullopt};
    CHECK(prometheus_text(failed).find("infotavle_display_on{channel=\"cec\"}") == std::string::npos);
    CHECK(change_key(failed) != change_key(r));
    CHECK(display_line(failed.display, true) ==
          "display off (schedule) · cec: no adapter (/dev/cec0: No such file or directory) · dpms: off · "
          "black: "
          "shown");
}

namespace {

std::string bundled_text(std::string_view name) {
    for (const auto& f : feeds::bundled_files())
        if (f.name == name) return std::string(f.text);
    return {};
}

}  // namespace

TEST_CASE("power: a 16-hour night off makes no more fetches than refresh_s allows, and keeps fetching") {
    // The off branch of the run loop wakes for the next fetch due (or after a minute at most)
    // and for the power step; every wake takes what is due. Fetches are answered by hand.
    std::vector<feeds::Note> notes;  // no cache directory: nothing written, the schedule is the same
    feeds::SyncOptions options;
    options.manifest_location = "https://data.example.dk/infotavle/manifest.json";
    feeds::FeedSync s = feeds::open_sync(options, notes);
    FakeCec tv;
    ScreenPower power;
    power.cec_io = tv.io();
    std::ostringstream log;
    const std::int64_t t0 = 1'800'000'000, night_s = 16 * 3600;
    std::map<std::string, int> fetches;
    std::int64_t now = t0;
    int wakes = 0;
    while (now < t0 + night_s) {
        const PowerTurn pt = step_power(power, true, false, (now - t0) * 1000, log);
        REQUIRE_FALSE(pt.draw);
        for (int round = 0; round < 2; ++round)  // the manifest first, then its feeds
            for (const auto& o : feeds::due_fetches(s, now)) {
                ++fetches[o.key];
                feeds::FetchResult r;
                const bool first = fetches[o.key] == 1;
                r.status = first ? feeds::FetchStatus::Ok : feeds::FetchStatus::NotModified;
                r.http_code = first ? 200 : 304;
                r.body = first ? bundled_text(feeds::url_file_name(o.request.url)) : "";
                r.etag = "\"e1\"";
                feeds::apply_fetch(s, o.key, o.request, r, now);
            }
        std::int64_t wait_ms = 60'000;
        if (auto due = feeds::next_fetch_due(s, now)) wait_ms = std::min(wait_ms, (*due - now) * 1000);
        wait_ms = std::min(wait_ms, pt.next_ms - (now - t0) * 1000);
        now += std::max<std::int64_t>(1, (wait_ms + 999) / 1000);
        ++wakes;
    }
    REQUIRE(s.manifest);
    REQUIRE(s.manifest->feeds.size() == 3);
    for (const auto& ref : s.manifest->feeds) {
        INFO(ref.id);
        const double refresh = double(ref.refresh_s);
        CHECK(fetches[ref.id] <= int(night_s / (0.9 * refresh)) + 1);  // refresh_s, less 10 % jitter
        CHECK(fetches[ref.id] >= int(night_s / (1.1 * refresh)) - 1);  // and fetching goes on
    }
    int all_fetches = 0;
    for (const auto& f : fetches) all_fetches += f.second;
    CHECK(wakes <= night_s / 60 + 16 * 12 + all_fetches);  // a minute, the TV's 5 minutes, a fetch
    int transmits = 0;
    for (const auto& c : tv.calls) transmits += c.rfind("TRANSMIT", 0) == 0;
    CHECK(transmits >= 16 * 12);  // standby, then a status question every 5 minutes
    CHECK(transmits <= 1 + 16 * 12);
}
