// The bundled feeds, as compiled into the program, parse cleanly and hold the source
// document's figures (spot checks against the KKR Sjælland May 2022 pack).
#include <doctest/doctest.h>

#include <map>
#include <string>

#include "feeds/bundled_feeds.h"
#include "feeds/feed_lookup.h"
#include "feeds/feed_parse.h"
#include "feeds/playlist_check.h"

using namespace feeds;

namespace {

struct Bundle {
    Manifest manifest;
    std::map<std::string, Feed, std::less<>> feeds;  // by file name
};

Bundle load_bundle() {
    Bundle b;
    for (const BundledFile& f : bundled_files()) {
        const std::string name(f.name);
        if (name == "manifest.json") {
            ManifestResult r = parse_manifest(f.text, name);
            for (const auto& p : r.problems) MESSAGE(to_line(p));
            REQUIRE(r.manifest);
            CHECK(r.problems.empty());
            b.manifest = *r.manifest;
        } else {
            FeedResult r = parse_feed(f.text, name);
            for (const auto& p : r.problems) MESSAGE(to_line(p));
            REQUIRE(r.feed);
            CHECK(r.problems.empty());
            b.feeds.emplace(name, *r.feed);
        }
    }
    return b;
}

const Indicator& indicator(const Feed& feed, std::string_view dataset, std::string_view id) {
    const Dataset* d = find_dataset(feed, dataset);
    REQUIRE(d);
    const auto* set = std::get_if<IndicatorSet>(&d->body);
    REQUIRE(set);
    for (const Indicator& i : set->items)
        if (i.id == id) return i;
    FAIL("no indicator " << id << " in " << dataset);
    throw 0;
}

}  // namespace

TEST_CASE("bundled feeds: every file is compiled in and valid, and the playlist checks") {
    const Bundle b = load_bundle();
    REQUIRE(b.feeds.size() == 3);
    LoadedFeeds loaded;
    for (const FeedRef& ref : b.manifest.feeds) {
        auto it = b.feeds.find(ref.url);
        REQUIRE_MESSAGE(it != b.feeds.end(), "manifest feed " << ref.url << " is not bundled");
        loaded[ref.id] = &it->second;
    }
    const auto problems = check_playlist(b.manifest, "manifest.json", loaded);
    for (const auto& p : problems) MESSAGE(to_line(p));
    CHECK(problems.empty());
    CHECK(b.manifest.playlist.size() >= 12);
}

TEST_CASE("bundled feeds: at least four slides per domain") {
    const Bundle b = load_bundle();
    std::map<std::string, int> per_feed;
    for (const Slide& s : b.manifest.playlist) ++per_feed[s.feed];
    CHECK(per_feed["employment"] >= 4);
    CHECK(per_feed["transport"] >= 4);
    CHECK(per_feed["business"] >= 4);
}

TEST_CASE("bundled feeds hold the source's figures") {
    const Bundle b = load_bundle();
    const Feed& employment = b.feeds.at("employment.json");
    const Feed& business = b.feeds.at("business.json");
    const Feed& transport = b.feeds.at("transport.json");

    SUBCASE("unemployment 2,3 % and 9.138 full-time persons in December 2021") {
        const Indicator& rate = indicator(employment, "arbejdsmarked", "ledighed");
        CHECK(rate.value == doctest::Approx(2.3));
        CHECK(rate.unit == "%");
        const Indicator& persons = indicator(employment, "arbejdsmarked", "ledige_fuldtid");
        CHECK(persons.value == 9138);
        const PartialDate as_of = effective_as_of(employment, *find_dataset(employment, "arbejdsmarked"));
        CHECK(as_of.year == 2021);
        CHECK(as_of.month == 12);
    }
    SUBCASE("1.207 short guidance sessions against a target of 600") {
        const Indicator& korte = indicator(business, "forloeb", "korte");
        CHECK(korte.value == 1207);
        REQUIRE(korte.target);
        CHECK(*korte.target == 600);
    }
    SUBCASE("Ring Syd ca. 1,1 mia. kr., its parts inside that total, R-net per year") {
        const Dataset* rail = find_dataset(transport, "jernbane");
        REQUIRE(rail);
        const auto& projects = std::get<ProjectList>(rail->body).items;
        int parts = 0;
        bool found_total = false;
        for (const Project& p : projects) {
            if (p.id == "ring_syd") {
                found_total = true;
                REQUIRE(p.cost_dkk);
                CHECK(*p.cost_dkk == doctest::Approx(1.1e9));
                CHECK(p.cost_basis == CostBasis::Total);
            }
            if (p.part_of == "ring_syd") {
                ++parts;
                CHECK(p.cost_basis == CostBasis::PartOf);
            }
        }
        CHECK(found_total);
        CHECK(parts == 2);
        const Dataset* bus = find_dataset(transport, "bus_og_groen");
        REQUIRE(bus);
        bool rnet = false;
        for (const Project& p : std::get<ProjectList>(bus->body).items)
            if (p.id == "r_net") {
                rnet = true;
                CHECK(p.cost_basis == CostBasis::PerYear);
                REQUIRE(p.cost_dkk);
                CHECK(*p.cost_dkk == doctest::Approx(25e6));
            }
        CHECK(rnet);
    }
    SUBCASE("18 goals; goal 8 partly met by the document's own verdict, 1/17/18 derived") {
        const Dataset* d = find_dataset(business, "maal_2021");
        REQUIRE(d);
        const auto& goals = std::get<GoalList>(d->body).items;
        REQUIRE(goals.size() == 18);
        for (const Goal& g : goals) {
            if (g.number == 8) {
                CHECK(g.status == GoalStatus::PartlyMet);
                CHECK(g.verdict_by == VerdictBy::Document);
            }
            if (g.number == 1 || g.number == 17 || g.number == 18) {
                CHECK(g.status != GoalStatus::Met);
                CHECK(g.verdict_by == VerdictBy::Derived);
            }
            if (g.number == 5) CHECK(g.status == GoalStatus::Pending);
        }
    }
}

TEST_CASE("bundled feeds: every feed and dataset says where and when its figures are from") {
    const Bundle b = load_bundle();
    for (const auto& [name, feed] : b.feeds) {
        CHECK_MESSAGE(feed.as_of.year >= 2017, name);
        for (const Dataset& d : feed.datasets) {
            const SourceRef src = resolve_source(feed, d);
            CHECK_MESSAGE(!src.publisher.empty(), name << " " << d.id);
            CHECK_MESSAGE(!src.document.empty(), name << " " << d.id);
            CHECK_MESSAGE(!src.lines.empty(), name << " " << d.id);
        }
    }
}
