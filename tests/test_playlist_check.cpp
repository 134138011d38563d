#include <doctest/doctest.h>

#include "feeds/feed_parse.h"
#include "feeds/playlist_check.h"
#include "test_feeds_support.h"

using namespace feeds;
using feeds_test::fixture;
using feeds_test::read_all;

namespace {

struct Loaded {
    Feed employment, infrastructure;
    LoadedFeeds map() const { return {{"employment", &employment}, {"infrastructure", &infrastructure}}; }
};

Loaded load_good() {
    Loaded l;
    l.employment = *parse_feed(read_all(fixture("good/employment.json")), "e").feed;
    l.infrastructure = *parse_feed(read_all(fixture("good/infrastructure.json")), "i").feed;
    return l;
}

Manifest good_manifest() {
    return *parse_manifest(read_all(fixture("good/manifest.json")), "m").manifest;
}

Slide slide(const std::string& feed, const std::string& dataset, ViewType view) {
    Slide s;
    s.id = "s";
    s.feed = feed;
    s.dataset = dataset;
    s.view = view;
    s.title = "T";
    return s;
}

}  // namespace

TEST_CASE("view names round-trip") {
    for (const ViewType v : kAllViewTypes) {
        const auto parsed = parse_view_type(view_type_name(v));
        REQUIRE(parsed);
        CHECK(*parsed == v);
    }
    CHECK_FALSE(parse_view_type("heatmap"));
    CHECK_FALSE(parse_view_type(""));
    CHECK_FALSE(parse_view_type("KPI_TILES"));
}

TEST_CASE("view_accepts follows FORMAT.md's table") {
    Series two_lines{"", {SeriesLine{"a", {}}, SeriesLine{"b", {}}}};
    Series one_line{"", {SeriesLine{"a", {}}}};
    MunicipalityTable two_cols{{TableColumn{"a", "A", ""}, TableColumn{"b", "B", ""}}, {}};
    MunicipalityTable one_col{{TableColumn{"a", "A", ""}}, {}};
    CHECK(view_accepts(ViewType::KpiTiles, IndicatorSet{}));
    CHECK(view_accepts(ViewType::Progress, IndicatorSet{}));
    CHECK_FALSE(view_accepts(ViewType::KpiTiles, two_lines));
    CHECK(view_accepts(ViewType::BarChart, IndicatorSet{}));
    CHECK(view_accepts(ViewType::BarChart, one_line));
    CHECK(view_accepts(ViewType::BarChart, one_col));
    CHECK_FALSE(view_accepts(ViewType::BarChart, ProjectList{}));
    CHECK(view_accepts(ViewType::GroupedBars, two_lines));
    CHECK(view_accepts(ViewType::GroupedBars, two_cols));
    CHECK_FALSE(view_accepts(ViewType::GroupedBars, one_line));
    CHECK_FALSE(view_accepts(ViewType::GroupedBars, one_col));
    CHECK_FALSE(view_accepts(ViewType::GroupedBars, IndicatorSet{}));
    CHECK(view_accepts(ViewType::LineChart, one_line));
    CHECK(view_accepts(ViewType::StatusBoard, ProjectList{}));
    CHECK(view_accepts(ViewType::ProjectMap, ProjectList{}));
    CHECK(view_accepts(ViewType::Timeline, Timeline{}));
    CHECK(view_accepts(ViewType::GoalScoreboard, GoalList{}));
    CHECK(view_accepts(ViewType::MunicipalityMap, one_col));
    CHECK_FALSE(view_accepts(ViewType::MunicipalityMap, IndicatorSet{}));
    CHECK(view_mismatch(ViewType::GroupedBars, one_line).find("at least two lines") != std::string::npos);
}

TEST_CASE("the good playlist has no problems") {
    const Loaded l = load_good();
    const auto problems = check_playlist(good_manifest(), "m.json", l.map());
    for (const auto& p : problems) INFO(to_line(p));
    CHECK(problems.empty());
}

TEST_CASE("check_playlist reports each kind of broken reference") {
    const Loaded l = load_good();
    Manifest m = good_manifest();
    m.playlist.clear();
    m.playlist.push_back(slide("vejret", "x", ViewType::KpiTiles));
    m.playlist.push_back(slide("employment", "findes_ikke", ViewType::KpiTiles));
    m.playlist.push_back(slide("employment", "noegletal", ViewType::Timeline));
    m.playlist.push_back(slide("employment", "kommuner", ViewType::BarChart));
    m.playlist.back().options.column = "beskaeftigelse";
    m.playlist.push_back(slide("employment", "kommuner", ViewType::GroupedBars));
    m.playlist.back().options.columns = {"ledige", "nej"};
    m.playlist.push_back(slide("infrastructure", "maal", ViewType::GoalScoreboard));
    m.playlist.push_back(slide("infrastructure", "projekter", ViewType::StatusBoard));
    m.playlist.back().options.columns = {"rute_54", "rute_99"};
    for (std::size_t i = 0; i < m.playlist.size(); ++i) m.playlist[i].json_index = i;

    const auto problems = check_playlist(m, "m.json", l.map());
    for (const auto& p : problems) INFO(to_line(p));
    REQUIRE(problems.size() == 6);
    CHECK(problems[0].path == "$.playlist[0].feed");
    CHECK(problems[1].path == "$.playlist[1].dataset");
    CHECK(problems[1].message.find("noegletal") != std::string::npos);  // lists what exists
    CHECK(problems[2].path == "$.playlist[2].view");
    CHECK(problems[3].path == "$.playlist[3].options.column");
    CHECK(problems[4].path == "$.playlist[4].options.columns[1]");
    CHECK(problems[5].path == "$.playlist[6].options.columns[1]");  // no project "rute_99"
    for (const auto& p : problems) CHECK(p.severity == Problem::Severity::Error);
}

TEST_CASE("check_playlist warns about unused feeds, mismatched ids and useless options") {
    Loaded l = load_good();
    Manifest m = good_manifest();
    m.playlist.resize(1);
    m.playlist[0].options.highlight = {"ledighed", "findes_ikke"};
    l.employment.id = "beskaeftigelse";
    const auto problems = check_playlist(m, "m.json", l.map());
    for (const auto& p : problems) INFO(to_line(p));
    REQUIRE(problems.size() == 3);
    CHECK(problems[0].path == "$.playlist[0].options.highlight[1]");
    CHECK(problems[1].path == "$.feeds[0].id");  // id mismatch
    CHECK(problems[2].path == "$.feeds[1].id");  // infrastructure unused
    for (const auto& p : problems) CHECK(p.severity == Problem::Severity::Warning);
}

TEST_CASE("slides on feeds that did not load are not checked further") {
    const auto problems = check_playlist(good_manifest(), "m.json", LoadedFeeds{});
    for (const auto& p : problems) CHECK(p.severity == Problem::Severity::Warning);
}

TEST_CASE("progress without any target is warned about") {
    Loaded l = load_good();
    auto& items = std::get<IndicatorSet>(l.employment.datasets[0].body).items;
    for (auto& item : items) item.target.reset();
    Manifest m = good_manifest();
    m.playlist = {m.playlist[1]};
    const auto problems = check_playlist(m, "m.json", l.map());
    REQUIRE_FALSE(problems.empty());
    CHECK(problems[0].message.find("target") != std::string::npos);
}

TEST_CASE("1.1 slide keys: link and options.reference") {
    std::string text = read_all(fixture("good/manifest.json"));
    const std::string from = R"("duration_s": 3)";  // a slide with no options of its own
    const auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    text.insert(at, R"("link":{"url":"https://example.org/a","caption":"Læs mere"},)"
                    R"("options":{"reference":{"label":"Regionen","value":10}},)");
    const auto r = parse_manifest(text, "m.json");
    for (const auto& p : r.problems) INFO(to_line(p));
    REQUIRE(r.manifest);
    const Slide* with = nullptr;
    for (const auto& s : r.manifest->playlist)
        if (s.link) with = &s;
    REQUIRE(with);
    CHECK(with->link->url == "https://example.org/a");
    CHECK(with->link->caption == "Læs mere");
    REQUIRE(with->options.reference);
    CHECK(with->options.reference->label == "Regionen");
    CHECK(with->options.reference->value == doctest::Approx(10));

    std::string bad = read_all(fixture("good/manifest.json"));
    bad.insert(bad.find(from), R"("link":{"url":"file:///etc/passwd","caption":"x"},)");
    const auto b = parse_manifest(bad, "m.json");
    CHECK_FALSE(b.manifest);
}
