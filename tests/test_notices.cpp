// The notice feed (format 1.2): parsing, the checker's messages, and the pure selection of what a
// screen shows at an instant (a fake clock: every `now` is passed in).
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "feeds/check.h"
#include "feeds/geo_reference.h"
#include "feeds/notice_parse.h"
#include "feeds/notice_select.h"
#include "tests/notice_support.h"
#include "tests/temp_dir.h"

using namespace notice_test;
using feeds::NoticeSeverity;

namespace {

std::string all_lines(const feeds::FeedResult& r) {
    std::string s;
    for (const auto& p : r.problems) s += feeds::to_line(p) + "\n";
    return s;
}

feeds::NoticeSelection select(const feeds::Feed& f, std::int64_t now, std::string_view home = "") {
    return feeds::select_notices({&notices_of(f)}, now, home);
}

}  // namespace

TEST_CASE("notices: instants need their offset and a day that exists") {
    CHECK(feeds::parse_instant("2027-10-01T12:00:00+02:00") == kT0);
    CHECK(feeds::parse_instant("2027-10-01T10:00Z") == kT0);
    CHECK(feeds::parse_instant("2027-10-01T05:30-04:30") == kT0);
    CHECK_FALSE(feeds::parse_instant("2027-10-01T10:00:00"));  // no offset: a wall clock, refused
    CHECK_FALSE(feeds::parse_instant("2027-02-29T10:00Z"));
    CHECK_FALSE(feeds::parse_instant("2027-10-01T24:00Z"));
    CHECK_FALSE(feeds::parse_instant("2027-10-01 10:00Z"));
    CHECK(iso(kT0) == "2027-10-01T10:00:00Z");
}

TEST_CASE("notices: a valid notice feed is read whole") {
    Json n = notice("storm", "severe");
    n["en"] = Json{{"headline", "Storm warning"}, {"body", "Stay indoors."}};
    n["areas"] = Json::array({"259", "370"});
    n["link"] = Json{{"url", "https://www.dmi.dk/varsler"}, {"caption", "Se varslet hos DMI"}};
    const auto r = parse_notices(Json::array({n}));
    REQUIRE_MESSAGE(r.feed, all_lines(r));
    CHECK_MESSAGE(r.problems.empty(), all_lines(r));
    const feeds::Notice& got = notices_of(*r.feed).items.at(0);
    CHECK(got.severity == NoticeSeverity::Severe);
    CHECK(got.en->headline == "Storm warning");
    CHECK(got.areas == std::vector<std::string>{"259", "370"});
    CHECK_FALSE(got.whole_region);
    CHECK(got.effective == kT0);
    CHECK(got.expires == kT0 + 3600);
    CHECK(got.link->url == "https://www.dmi.dk/varsler");
}

TEST_CASE("notices: errors name the notice, its JSON path and the reason") {
    SUBCASE("no expires") {
        Json n = notice("uden-slut", "info");
        n.erase("expires");
        const auto r = parse_notices(Json::array({n}));
        CHECK_FALSE(r.feed);
        CHECK(all_lines(r).find("varsler.json: $.datasets[0].items[0].expires: missing required key") !=
              std::string::npos);
    }
    SUBCASE("ends before it starts") {
        const auto r = parse_notices(Json::array({notice("baglaens", "info", kT0, kT0)}));
        CHECK(all_lines(r).find("$.datasets[0].items[0].expires: notice \"baglaens\": expires before it is "
                                "effective") != std::string::npos);
    }
    SUBCASE("a time without its offset") {
        Json n = notice("lokal-tid", "info");
        n["effective"] = "2027-10-01T12:00";
        CHECK(all_lines(parse_notices(Json::array({n})))
                  .find("$.datasets[0].items[0].effective: notice "
                        "\"lokal-tid\": \"2027-10-01T12:00\"") != std::string::npos);
    }
    SUBCASE("an area outside the region") {
        Json n = notice("kbh", "info");
        n["areas"] = Json::array({"259", "101"});
        const std::string lines = all_lines(parse_notices(Json::array({n})));
        CHECK(lines.find("$.datasets[0].items[0].areas[1]: notice \"kbh\": not a municipality code of Region "
                         "Sjælland: \"101\"") != std::string::npos);
    }
    SUBCASE("headline over the limit, by characters not bytes") {
        Json n = notice("lang", "moderate");
        n["headline"] = std::string(feeds::kMaxNoticeHeadline, 'a');
        CHECK(parse_notices(Json::array({n})).feed);
        std::string aeoe;
        for (std::size_t i = 0; i < feeds::kMaxNoticeHeadline; ++i) aeoe += "ø";
        n["headline"] = aeoe;  // 90 characters, 180 bytes
        CHECK(parse_notices(Json::array({n})).feed);
        n["headline"] = aeoe + "ø";
        CHECK(all_lines(parse_notices(Json::array({n})))
                  .find("headline: notice \"lang\": 91 characters; at most 90") != std::string::npos);
    }
    SUBCASE("update without references, unknown severity, duplicate ids") {
        Json u = notice("u", "info");
        u["kind"] = "update";
        Json bad = notice("u", "akut");
        const std::string lines = all_lines(parse_notices(Json::array({u, bad})));
        CHECK(lines.find("items[0].references: notice \"u\": an update or a cancel names") !=
              std::string::npos);
        CHECK(lines.find("items[1].severity: unknown value \"akut\"") != std::string::npos);
        CHECK(lines.find("duplicate notice id") != std::string::npos);
    }
}

TEST_CASE("notices: --check reads a notice feed with the same messages") {
    TempDir dir;
    Json n = notice("x", "info");
    n.erase("expires");
    const std::string path = (dir.path / "varsler.json").string();
    { std::ofstream(path) << notice_feed(Json::array({n})).dump(1); }
    std::ostringstream out;
    CHECK(feeds::run_check({path}, out) == 1);
    INFO(out.str());
    CHECK(out.str().find(
              "varsler.json: $.datasets[0] (\"varsler\").items[0] (\"x\").expires: missing required key") !=
          std::string::npos);
}

TEST_CASE("notices: shown from effective until expires, to the second, offline included") {
    const auto r = parse_notices(Json::array({notice("a", "info", kT0, kT0 + 600)}));
    REQUIRE(r.feed);
    CHECK(select(*r.feed, kT0 - 1).info.empty());
    CHECK(select(*r.feed, kT0 - 1).next_change == kT0);
    CHECK(select(*r.feed, kT0).info.size() == 1);
    CHECK(select(*r.feed, kT0).next_change == kT0 + 600);
    CHECK(select(*r.feed, kT0 + 599).info.size() == 1);
    CHECK(select(*r.feed, kT0 + 600).info.empty());  // expires is exclusive
    CHECK_FALSE(select(*r.feed, kT0 + 600).next_change);
}

TEST_CASE("notices: tiers, order and an update replacing, a cancel removing") {
    Json sev = notice("sev", "severe"), ext = notice("ext", "extreme"), mod = notice("mod", "moderate");
    ext["sent"] = iso(kT0 - 60);  // older, but extreme comes before severe
    Json upd = notice("mod2", "moderate", kT0 + 100, kT0 + 3600);
    upd["kind"] = "update";
    upd["references"] = Json::array({"mod"});
    Json cancel = notice("cx", "info", kT0 + 200, kT0 + 3600);
    cancel["kind"] = "cancel";
    cancel["references"] = Json::array({"sev"});
    const auto r = parse_notices(Json::array({sev, ext, mod, upd, cancel}));
    REQUIRE_MESSAGE(r.feed, all_lines(r));
    auto s = select(*r.feed, kT0 + 50);
    REQUIRE(s.takeover.size() == 2);
    CHECK(s.takeover[0]->id == "ext");
    CHECK(s.takeover[1]->id == "sev");
    REQUIRE(s.bands.size() == 1);
    CHECK(s.bands[0]->id == "mod");
    s = select(*r.feed, kT0 + 100);  // the update is effective: it replaces
    REQUIRE(s.bands.size() == 1);
    CHECK(s.bands[0]->id == "mod2");
    s = select(*r.feed, kT0 + 200);  // the cancel is effective: severe is gone, and the cancel is not shown
    REQUIRE(s.takeover.size() == 1);
    CHECK(s.takeover[0]->id == "ext");
    CHECK(s.info.empty());
}

TEST_CASE("notices: areas against every municipality of the region as home") {
    const auto region = feeds::region_municipalities();
    REQUIRE(region.size() == 17);
    Json local = notice("koege", "moderate");
    local["areas"] = Json::array({"259"});
    const auto r = parse_notices(Json::array({local, notice("alle", "info")}));
    REQUIRE(r.feed);
    for (const auto& m : region) {
        CAPTURE(m.code);
        const auto s = select(*r.feed, kT0, m.code);
        CHECK(s.info.size() == 1);  // the regional one everywhere
        CHECK(s.bands.size() == (m.code == "259" ? 1u : 0u));
    }
    const auto no_home = select(*r.feed, kT0, "");
    CHECK(no_home.info.size() == 1);
    CHECK(no_home.bands.empty());
    // Every code of the region is accepted as an area.
    Json all = notice("hver", "info");
    all["areas"] = Json::array();
    for (const auto& m : region) all["areas"].push_back(m.code);
    CHECK(parse_notices(Json::array({all})).feed);
}

TEST_CASE("notices: 50 at once, at most the limits shown and the rest counted") {
    Json items = Json::array();
    const char* tiers[] = {"extreme", "severe", "moderate", "info"};
    for (int i = 0; i < 50; ++i) {
        Json n = notice("n" + std::to_string(i), tiers[i % 4]);
        n["sent"] = iso(kT0 - i);
        items.push_back(n);
    }
    const auto r = parse_notices(items);
    REQUIRE(r.feed);
    const auto s = select(*r.feed, kT0);
    // 13 extreme (0,4,..,48) and 13 severe, 12 moderate, 12 info.
    CHECK(s.takeover.size() == feeds::kMaxTakeovers);
    CHECK(s.takeover[0]->id == "n0");  // extreme, newest
    CHECK(s.takeover[2]->id == "n8");
    CHECK(s.hidden_takeover == 26 - feeds::kMaxTakeovers);
    CHECK(s.bands.size() == feeds::kMaxBands);
    CHECK(s.hidden_bands == 12 - feeds::kMaxBands);
    CHECK(s.info.size() == feeds::kMaxInfoSlides);
    CHECK(s.hidden_info == 12 - feeds::kMaxInfoSlides);
    CHECK(s.hidden() + s.takeover.size() + s.bands.size() + s.info.size() == 50);
}

TEST_CASE("notices: a feed of notices is used by no slide without a warning") {
    const auto r = parse_notices(Json::array({notice("a", "info")}));
    REQUIRE(r.feed);
    CHECK(feeds::has_notices(*r.feed));
}

TEST_CASE("notices: the bundled example passes --check without a warning") {
    std::ostringstream out;
    const std::string example = std::string(INFOTAVLE_SOURCE_DIR) + "/feeds/examples/notices/manifest.json";
    CHECK(feeds::run_check({example}, out) == 0);
    INFO(out.str());
    CHECK(out.str().find("0 errors, 0 warnings") != std::string::npos);
}
