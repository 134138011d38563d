// The kiosk's notices as a function of time: which page or band is on screen (turns, languages,
// info slots), the rotation resuming where a takeover found it (in a transition too), and a
// broken or unreachable notice feed keeping its last good notices until they expire, no longer.
#include <doctest/doctest.h>

#include "app/kiosk/notice_step.h"
#include "app/kiosk/rotation.h"
#include "app/notices/notice_screen.h"
#include "feeds/sync/feed_sync.h"
#include "tests/notice_support.h"

using namespace notice_test;

namespace {

// A fixed local clock: UTC+2 (Danish summer time), so no timezone database is read.
const ToLocal kLocal = [](std::int64_t unix_s) { return feeds::CivilMinute((unix_s + 7200) / 60); };

feeds::Feed parsed(const Json& items) {
    auto r = parse_notices(items);
    REQUIRE(r.feed);
    return std::move(*r.feed);
}

NoticeView view(const feeds::Feed& f, std::int64_t now, std::string_view home = "") {
    return notice_view({&notices_of(f)}, now, home, kLocal);
}

}  // namespace

TEST_CASE("notice screen: a takeover alternates Danish and English every 10 s, and ends at expires") {
    Json n = notice("storm", "extreme", kT0, kT0 + 600);
    n["en"] = Json{{"headline", "Storm"}};
    const feeds::Feed f = parsed(Json::array({n}));
    CHECK_FALSE(view(f, kT0 - 1).page);
    NoticeView v = view(f, kT0);  // kT0 is a multiple of 20: the Danish turn
    REQUIRE(v.page);
    CHECK(v.takeover);
    CHECK(v.page->language.empty());
    CHECK(v.next_change == kT0 + kTakeoverTurnS);
    v = view(f, kT0 + kTakeoverTurnS);
    CHECK(v.page->language == "English");
    CHECK(v.page->headline == "Storm");
    CHECK(view(f, kT0 + 599).page);
    CHECK_FALSE(view(f, kT0 + 600).page);
}

TEST_CASE("notice screen: bands take turns, info notices get their slot of every cycle") {
    const feeds::Feed f = parsed(Json::array(
        {notice("b1", "moderate"), notice("b2", "moderate", kT0 - 1), notice("i1", "info", kT0 - 2)}));
    // kT0 % 120 == 0: the info slot first, the slides paused for it.
    NoticeView v = view(f, kT0);
    REQUIRE(v.page);
    CHECK_FALSE(v.takeover);
    CHECK(v.page->tier == NoticeTier::Info);
    CHECK(v.next_change == kT0 + kInfoTurnS);
    v = view(f, kT0 + kInfoTurnS);  // then the slides with a band
    CHECK_FALSE(v.page);
    REQUIRE(v.band);
    const NoticeView later = view(f, kT0 + kInfoTurnS + kBandTurnS);
    REQUIRE(later.band);
    CHECK(later.key != v.key);  // the other band's turn
    CHECK(v.band->count == "2/2");
}

TEST_CASE("notice screen: home by code or name, any case") {
    CHECK(notice_home_code("259") == "259");
    CHECK(notice_home_code("køge") == "259");
    CHECK(notice_home_code("KØGE") == "259");
    CHECK(notice_home_code("København").empty());  // not in Region Sjælland
    CHECK(notice_home_code("").empty());
}

TEST_CASE("notice screen: a takeover during a transition resumes it exactly where it was") {
    const std::vector<SlideTiming> timings = {{10000, true}, {10000, true}, {10000, true}};
    RotationState r = start_rotation(0, timings);
    const std::int64_t mid_fade = 10000 - kDefaultTransitionMs / 2;  // half way through slide 0 -> 1
    r = advance(r, timings, mid_fade);
    const RotationFrame before = rotation_at(r, timings, mid_fade);
    REQUIRE(before.in_transition);
    // A takeover of 7 minutes: the rotation is not advanced meanwhile, then moved on by the pause.
    const std::int64_t paused = 7 * 60 * 1000;
    const RotationState resumed = resumed_rotation(r, paused);
    const RotationFrame after = rotation_at(resumed, timings, mid_fade + paused);
    CHECK(after.current == before.current);
    CHECK(after.next == before.next);
    CHECK(after.in_transition);
    CHECK(after.transition_progress == doctest::Approx(before.transition_progress));
    CHECK(after.slide_progress == doctest::Approx(before.slide_progress));
    // Without the shift the rotation would jump on (no replay of missed slots).
    CHECK(rotation_at(r, timings, mid_fade + paused).current != before.current);
}

TEST_CASE("notice screen: a broken or unreachable notice feed keeps its notices until they expire") {
    const std::string manifest =
        Json{{"format", "infotavle-manifest"},
             {"version", "1.2"},
             {"title", "Varsler"},
             {"feeds", Json::array({Json{{"id", "varsler"}, {"url", "varsler.json"}, {"refresh_s", 60}}})},
             {"playlist", Json::array({Json{{"id", "s"},
                                            {"feed", "varsler"},
                                            {"dataset", "varsler"},
                                            {"view", "kpi_tiles"},
                                            {"title", "Varsler"}}})}}
            .dump();
    std::vector<feeds::Note> notes;
    feeds::SyncOptions options;
    options.manifest_location = "https://data.example.dk/manifest.json";
    feeds::FeedSync s = feeds::open_sync(options, notes);
    auto ok = [](std::string body) {
        feeds::FetchResult r;
        r.status = feeds::FetchStatus::Ok;
        r.body = std::move(body);
        r.http_code = 200;
        return r;
    };
    auto orders = feeds::due_fetches(s, kT0);
    REQUIRE(orders.size() == 1);
    feeds::apply_fetch(s, orders[0].key, orders[0].request, ok(manifest), kT0);
    orders = feeds::due_fetches(s, kT0);
    REQUIRE(orders.size() == 1);
    const std::string good = notice_feed(Json::array({notice("storm", "severe", kT0, kT0 + 600)})).dump();
    feeds::apply_fetch(s, orders[0].key, orders[0].request, ok(good), kT0);
    REQUIRE(s.data.count("varsler"));
    // The next fetch brings a broken file, the one after fails: the last good copy stays.
    for (const bool broken : {true, false}) {
        const std::int64_t at = broken ? kT0 + 300 : kT0 + 420;
        orders = feeds::due_fetches(s, at);
        const feeds::FetchOrder* o = nullptr;
        for (const auto& order : orders)
            if (order.key == "varsler") o = &order;
        REQUIRE(o);
        feeds::FetchResult r = broken ? ok("{\"format\": \"infotavle-feed\", ") : feeds::FetchResult{};
        if (!broken) r.error = "varsler.json: could not connect";
        feeds::apply_fetch(s, o->key, o->request, r, at);
        const auto lists = notice_lists(s.data);
        REQUIRE(lists.size() == 1);
        CHECK(notice_view(lists, at, "", kLocal).takeover);
        CHECK(notice_view(lists, kT0 + 599, "", kLocal).takeover);
        CHECK_FALSE(notice_view(lists, kT0 + 600, "", kLocal).page);  // never after it expires
    }
    // A cancel, fetched, removes it at once.
    Json cancel = notice("slut", "info", kT0 + 400, kT0 + 3600);
    cancel["kind"] = "cancel";
    cancel["references"] = Json::array({"storm"});
    orders = feeds::due_fetches(s, kT0 + 540);
    REQUIRE(orders.size() == 1);
    REQUIRE(orders[0].key == "varsler");
    feeds::apply_fetch(
        s, orders[0].key, orders[0].request,
        ok(notice_feed(Json::array({notice("storm", "severe", kT0, kT0 + 600), cancel})).dump()), kT0 + 540);
    CHECK_FALSE(notice_view(notice_lists(s.data), kT0 + 540, "", kLocal).page);
}
