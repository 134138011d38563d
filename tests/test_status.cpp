// app/status: the status record made from a fake kiosk state, and its formats (JSON, Prometheus
// text, the summary line); the frame-cost histogram; the rotation's change lines; the status
// files' atomic replacement; the host facts' parsers. No window, thread or clock.
#include <doctest/doctest.h>

#include <sys/stat.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "app/kiosk/shown_slides.h"
#include "app/status/frame_cost.h"
#include "app/status/options.h"
#include "app/status/prometheus_text.h"
#include "app/status/record.h"
#include "app/status/rotation_changes.h"
#include "app/status/status_json.h"
#include "app/status/summary_line.h"
#include "feeds/bundled_feeds.h"
#include "feeds/url.h"
#include "platform/atomic_file.h"
#include "platform/host_facts.h"
#include "tests/sync_fixture.h"
#include "tests/temp_dir.h"

using namespace feeds;
using namespace sync_fixture;

namespace {

// A screen that fetched the bundled manifest and feeds at kT0, except transport.json, whose
// fetch failed twice (503) with no copy held.
struct FakeScreen {
    FeedSync sync;
    ShownSlides shown;
    FakeScreen() {
        std::vector<Note> notes;
        sync = open_sync({kManifestUrl, ""}, notes);
        sync.rng.seed(1);
        for (int round = 0; round < 2; ++round)
            for (const auto& o : due_fetches(sync, kT0)) {
                feeds::FetchResult r =
                    ok(bundled(feeds::url_file_name(o.request.url)), "\"" + o.key + "-1\"");
                if (o.key == "transport") {
                    r = {};
                    r.error = "transport.json: HTTP 503 from " + o.request.url;
                }
                apply_fetch(sync, o.key, o.request, r, kT0);
            }
        for (auto& f : sync.feeds)
            if (f.key == "transport") {  // a second failure, later
                f.in_flight = true;
                feeds::FetchResult r;
                r.error = "transport.json: HTTP 503 from " + f.location;
                apply_fetch(sync, f.key, feeds::conditional_request(f.location, f.label, nullptr), r,
                            kT0 + 60);
            }
        shown = slides_to_show(sync);
    }
};

StatusInputs inputs_for(const FakeScreen& s) {
    StatusInputs in;
    in.screen = {"foyer-1", "Foyer", "Rådhuset, Køge"};
    in.version = "0.1.0";
    in.now_s = kT0 + 240;
    in.started_s = kT0 - 60;
    in.sync = &s.sync;
    in.set = &s.shown.set;
    in.current = 1;
    in.frame_p95_ms = 2.5;
    in.host = {true, 123456789, 47.5, 80 * 1024 * 1024};
    in.frame_hash = "00112233aabbccdd";
    in.frame_changed_at = kT0 + 230;
    in.heartbeat = {true, 4, 1, 1, kT0 + 200, "heartbeat: HTTP 500 from https://centre.example.dk/beat"};
    return in;
}

const FeedStatus& feed(const StatusRecord& r, const std::string& id) {
    for (const auto& f : r.feeds)
        if (f.id == id) return f;
    FAIL("no feed " << id);
    return r.feeds.front();
}

}  // namespace

TEST_CASE("status record: every field from a fake kiosk state") {
    const FakeScreen s;
    const StatusRecord r = make_status_record(inputs_for(s));
    CHECK(r.screen.id == "foyer-1");
    CHECK(r.screen.name == "Foyer");
    CHECK(r.screen.location == "Rådhuset, Køge");
    CHECK(r.version == "0.1.0");
    CHECK(r.now_s == kT0 + 240);
    CHECK(r.uptime_s == 300);
    CHECK(r.manifest.location == kManifestUrl);
    CHECK(r.manifest.version_tag == "\"manifest-1\"");
    CHECK(r.manifest.fetched_at == kT0);
    CHECK(r.manifest.age_s == 240);
    CHECK_FALSE(r.manifest.bundled);
    CHECK_FALSE(r.manifest.title.empty());
    REQUIRE(r.feeds.size() == s.sync.feeds.size());
    const FeedStatus& emp = feed(r, "employment");
    CHECK(emp.as_of == feeds::format_partial_date(s.sync.data.at("employment")->as_of));
    CHECK(emp.version_tag == "\"employment-1\"");
    CHECK(emp.last_good_at == kT0);
    CHECK(emp.age_s == 240);
    CHECK_FALSE(emp.stale);
    CHECK(emp.last_error.empty());
    CHECK(emp.consecutive_failures == 0);
    CHECK(emp.failures_total == 0);
    REQUIRE(emp.next_fetch_at);
    CHECK(*emp.next_fetch_at > kT0);
    const FeedStatus& tr = feed(r, "transport");
    CHECK(tr.as_of.empty());
    CHECK_FALSE(tr.last_good_at);
    CHECK_FALSE(tr.age_s);
    CHECK(tr.last_error.find("HTTP 503") != std::string::npos);
    CHECK(tr.consecutive_failures == 2);
    CHECK(tr.failures_total == 2);
    CHECK(r.slide_n == 2);
    CHECK(r.slide_count == int(s.shown.set.slides.size()));
    CHECK(r.slide_id == s.shown.set.slides[1].slide->id);
    REQUIRE_FALSE(r.skipped.empty());  // the transport slides have no data
    for (const auto& k : r.skipped) CHECK_FALSE(k.reason.empty());
    CHECK(r.frame_p95_ms == 2.5);
    CHECK(r.host.clock_synchronized);
    CHECK(r.host.cache_free_bytes == 123456789u);
    CHECK(r.host.soc_temp_c == 47.5);
    CHECK(r.host.resident_bytes == 80u * 1024 * 1024);
    CHECK(r.frame_hash == "00112233aabbccdd");
    CHECK(r.frame_changed_at == kT0 + 230);
    CHECK(r.heartbeat.failures_total == 1);
}

TEST_CASE("status record: without a manifest the bundled feeds, never fetched") {
    const SlideSet set = load_slide_set({});
    StatusInputs in;
    in.set = &set;
    in.now_s = kT0;
    in.started_s = kT0;
    const StatusRecord r = make_status_record(in);
    CHECK(r.manifest.location == "bundled");
    CHECK(r.manifest.bundled);
    REQUIRE(r.feeds.size() == set.manifest.feeds.size());
    for (const auto& f : r.feeds) {
        CHECK_FALSE(f.as_of.empty());
        CHECK_FALSE(f.last_good_at);
    }
    CHECK(r.slide_n == 0);  // nothing on screen yet
    CHECK(summary_line(r) ==
          "0/" + std::to_string(r.feeds.size()) + " feeds ok · bundled feeds · no-data screen");
}

TEST_CASE("status record: the change key ignores what moves with the clock alone") {
    const FakeScreen s;
    StatusInputs in = inputs_for(s);
    const std::string key = change_key(make_status_record(in));
    in.now_s += 500;
    in.host.resident_bytes = 1;
    in.host.soc_temp_c = 80;
    in.frame_p95_ms = 9;
    CHECK(change_key(make_status_record(in)) == key);
    in.current = 2;
    CHECK(change_key(make_status_record(in)) != key);
    in.current = 1;
    in.frame_hash = "ffff";
    CHECK(change_key(make_status_record(in)) != key);
}

TEST_CASE("status JSON: every field, null for what is not known") {
    const FakeScreen s;
    const auto j = nlohmann::json::parse(status_json(make_status_record(inputs_for(s))));
    CHECK(j["screen"]["id"] == "foyer-1");
    CHECK(j["screen"]["location"] == "Rådhuset, Køge");
    CHECK(j["version"] == "0.1.0");
    CHECK(j["uptime_s"] == 300);
    CHECK(j["manifest"]["age_s"] == 240);
    CHECK(j["manifest"]["version_tag"] == "\"manifest-1\"");
    CHECK(j["slide"]["n"] == 2);
    CHECK(j["frame"]["hash"] == "00112233aabbccdd");
    CHECK(j["frame"]["p95_ms"] == 2.5);
    CHECK(j["host"]["clock_synchronized"] == true);
    CHECK(j["host"]["soc_temp_c"] == 47.5);
    CHECK(j["heartbeat"]["failures_total"] == 1);
    bool saw_transport = false;
    for (const auto& f : j["feeds"]) {
        if (f["id"] != "transport") continue;
        saw_transport = true;
        CHECK(f["last_good_at"].is_null());
        CHECK(f["as_of"].is_null());
        CHECK(f["consecutive_failures"] == 2);
        CHECK(f["last_error"].get<std::string>().find("HTTP 503") != std::string::npos);
    }
    CHECK(saw_transport);
    CHECK_FALSE(j["skipped"].empty());
}

TEST_CASE("Prometheus text: named as Prometheus asks, labels escaped, unknowns left out") {
    const FakeScreen s;
    StatusInputs in = inputs_for(s);
    in.screen.name = "Foyer \"nord\"\\syd";
    in.host.soc_temp_c.reset();
    const std::string t = prometheus_text(make_status_record(in));
    CHECK(
        t.find("# TYPE infotavle_build_info gauge\ninfotavle_build_info{version=\"0.1.0\",screen=\"foyer-1\","
               "name=\"Foyer \\\"nord\\\"\\\\syd\"") != std::string::npos);
    CHECK(t.find("infotavle_feed_age_seconds{feed=\"employment\"} 240\n") != std::string::npos);
    CHECK(t.find("# TYPE infotavle_feed_failures_total counter\n") != std::string::npos);
    CHECK(t.find("infotavle_feed_failures_total{feed=\"transport\"} 2\n") != std::string::npos);
    CHECK(t.find("infotavle_feed_age_seconds{feed=\"transport\"}") == std::string::npos);
    CHECK(t.find("infotavle_manifest_age_seconds 240\n") != std::string::npos);
    CHECK(t.find("infotavle_frame_compose_p95_seconds 0.0025\n") != std::string::npos);
    CHECK(t.find("infotavle_soc_temperature_celsius") == std::string::npos);
    CHECK(t.find("infotavle_heartbeat_failures_total 1\n") != std::string::npos);
    CHECK(prometheus_label("a\nb") == "a\\nb");
}

TEST_CASE("summary line: feeds ok, manifest age, slide n of m") {
    const FakeScreen s;
    const StatusRecord r = make_status_record(inputs_for(s));
    const std::string n = std::to_string(r.feeds.size() - 1) + "/" + std::to_string(r.feeds.size());
    CHECK(summary_line(r) == n + " feeds ok · manifest 4 min · slide 2/" + std::to_string(r.slide_count) +
                                 " · heartbeat failing (1)");
    CHECK(short_age(59) == "59 s");
    CHECK(short_age(7200) == "2 h");
    CHECK(short_age(3 * 86400 + 5) == "3 d");
}

TEST_CASE("frame cost: p95 of the last hour, older minutes forgotten") {
    FrameCosts c;
    CHECK_FALSE(frame_cost_p95_ms(c, kT0));
    for (int i = 0; i < 95; ++i) add_frame_cost(c, kT0, 1.0);
    for (int i = 0; i < 5; ++i) add_frame_cost(c, kT0, 40.0);
    const double p95 = *frame_cost_p95_ms(c, kT0);
    CHECK(p95 >= 1.0);
    CHECK(p95 < 1.25 * 1.25);
    for (int i = 0; i < 10; ++i) add_frame_cost(c, kT0 + 120, 40.0);  // now 95 of 110 are fast
    CHECK(*frame_cost_p95_ms(c, kT0 + 120) >= 40.0);
    CHECK(*frame_cost_p95_ms(c, kT0 + 3600) >= 40.0);     // the first minute has gone
    CHECK_FALSE(frame_cost_p95_ms(c, kT0 + 120 + 3600));  // and now all of them
}

TEST_CASE("rotation changes: a slide in, a slide out with its reason, a slide gone") {
    const std::vector<RotationEntry> before{{"a", true, ""}, {"b", true, ""}, {"c", false, "no data"}};
    const std::vector<RotationEntry> after{{"b", false, "feed transport: no data yet"}, {"c", true, ""}};
    CHECK(rotation_change_lines(before, after) ==
          std::vector<std::string>{"slide b dropped from rotation: feed transport: no data yet",
                                   "slide c added to rotation",
                                   "slide a dropped from rotation: no longer in the manifest"});
    CHECK(rotation_change_lines(after, after).empty());
}

TEST_CASE("status files are replaced whole: a new file renamed over the old, no temp left") {
    TempDir t("status");
    const std::string path = t.file("status.json");
    REQUIRE_FALSE(replace_file(path, "first"));
    struct stat before {};
    REQUIRE(::stat(path.c_str(), &before) == 0);
    std::ifstream held(path);  // a reader holding the old file keeps reading the old text
    REQUIRE_FALSE(replace_file(path, "second, longer"));
    struct stat after {};
    REQUIRE(::stat(path.c_str(), &after) == 0);
    CHECK(after.st_ino != before.st_ino);  // renamed into place, not rewritten in place
    std::string old_text;
    std::getline(held, old_text);
    CHECK(old_text == "first");
    std::ifstream now(path);
    std::string text;
    std::getline(now, text);
    CHECK(text == "second, longer");
    CHECK_FALSE(std::filesystem::exists(path + ".tmp"));
    const auto err = replace_file(t.file("missing/status.json"), "x");
    REQUIRE(err);
    CHECK(err->find("missing/status.json") != std::string::npos);
}

TEST_CASE("host facts: thermal zone, resident memory and the timesync flag") {
    CHECK(parse_millidegrees("45123\n") == 45.123);
    CHECK_FALSE(parse_millidegrees("hot"));
    CHECK(parse_statm_resident("1000 250 30 1 0 100 0\n", 4096) == 250u * 4096);
    TempDir t("host");
    std::filesystem::create_directories(t.path / "thermal" / "thermal_zone0");
    std::filesystem::create_directories(t.path / "thermal" / "thermal_zone1");
    t.write("thermal/thermal_zone0/type", "acpitz\n");
    t.write("thermal/thermal_zone0/temp", "30000\n");
    t.write("thermal/thermal_zone1/type", "cpu-thermal\n");
    t.write("thermal/thermal_zone1/temp", "51540\n");
    t.write("statm", "1000 250 30 1 0 100 0\n");
    HostPaths paths{t.file("synchronized"), t.file("thermal"), t.file("statm")};
    HostFacts f = read_host_facts(t.dir(), paths);
    CHECK_FALSE(f.clock_synchronized);
    CHECK(f.soc_temp_c == 51.54);
    REQUIRE(f.resident_bytes);
    CHECK(*f.cache_free_bytes > 0);
    t.write("synchronized", "");
    CHECK(read_host_facts(t.dir(), paths).clock_synchronized);
}

TEST_CASE("the log says each accepted update (feed, as_of, bytes) and each refused one, once") {
    std::vector<Note> notes;
    FeedSync s = open_sync({kManifestUrl, ""}, notes);
    s.rng.seed(1);
    for (const auto& o : due_fetches(s, kT0))
        apply_fetch(s, o.key, o.request, ok(bundled("manifest.json"), "m"), kT0);
    for (const auto& o : due_fetches(s, kT0)) {
        if (o.key != "employment") continue;
        const std::string body = bundled("employment.json");
        const auto lines = all_lines(apply_fetch(s, o.key, o.request, ok(body, "e1"), kT0));
        REQUIRE(lines.size() == 1);
        CHECK(lines[0] == "employment.json: took new data as of 2021-12 (" + std::to_string(body.size()) +
                              " bytes) from https://data.example.dk/infotavle/employment.json");
    }
    for (auto& f : s.feeds)
        if (f.key == "employment") {
            f.in_flight = true;
            const auto req = feeds::conditional_request(f.location, f.label, nullptr);
            const auto lines =
                all_lines(apply_fetch(s, f.key, req, ok(R"({"format": "infotavle-feed"})", "e2"), kT0 + 900));
            REQUIRE_FALSE(lines.empty());
            CHECK(lines.back().find("keeping the last good copy") != std::string::npos);
        }
    const SyncItem& emp = *std::find_if(s.feeds.begin(), s.feeds.end(),
                                        [](const SyncItem& i) { return i.key == "employment"; });
    CHECK(emp.failures_total == 1);
    CHECK(emp.last_error.find("keeping the last good copy") != std::string::npos);
}

TEST_CASE("status options come from the settings, the status file from RuntimeDirectory= by default") {
    Settings s;
    s.screen_id = "koege-1";
    s.screen_name = "Forhal";
    s.location = "Køge Rådhus";
    s.heartbeat_url = "https://drift.example/hb";
    s.heartbeat_s = 600;
    StatusOptions o = status_options(s, "/run/infotavle:/run/other");
    CHECK(o.status_file == "/run/infotavle/status.json");
    CHECK(o.screen.id == "koege-1");
    CHECK(o.screen.name == "Forhal");
    CHECK(o.screen.location == "Køge Rådhus");
    CHECK(o.heartbeat_url == "https://drift.example/hb");
    CHECK(o.heartbeat_s == 600);
    CHECK(status_options(s, nullptr).status_file.empty());
    s.status_file = "/tmp/s.json";
    CHECK(status_options(s, "/run/infotavle").status_file == "/tmp/s.json");
}
