#include <doctest/doctest.h>

#include <string>

#include "feeds/feed_lookup.h"
#include "feeds/feed_parse.h"
#include "test_feeds_support.h"

using namespace feeds;
using feeds_test::fixture;
using feeds_test::read_all;

namespace {

// A minimal valid feed with one indicator whose JSON text can be patched per test.
std::string feed_with_item(const std::string& item, const std::string& extra_top = "") {
    return R"({"format":"infotavle-feed","version":"1.0","id":"t","title":"Test","as_of":"2021-12",)" +
           extra_top +
           R"("source":{"publisher":"KKR Sjælland"},"datasets":[{"id":"d","type":"indicators","title":"Nøgletal",)"
           R"("items":[)" +
           item + "]}]}";
}

const Problem* find_problem(const std::vector<Problem>& ps, const std::string& path) {
    for (const auto& p : ps)
        if (p.path == path) return &p;
    return nullptr;
}

}  // namespace

TEST_CASE("to_line formats errors and warnings") {
    CHECK(to_line({Problem::Severity::Error, "employment.json", "$.datasets[2].items[5].value",
                   "expected a number, got \"2,3\""}) ==
          "employment.json: $.datasets[2].items[5].value: expected a number, got \"2,3\"");
    CHECK(to_line({Problem::Severity::Warning, "m.json", "$.x", "unknown key \"x\" (skipped)"}) ==
          "m.json: $.x: warning: unknown key \"x\" (skipped)");
    CHECK(to_line({Problem::Severity::Error, "e.json", "", "file is empty"}) == "e.json: file is empty");
}

TEST_CASE("the good employment feed parses into the model") {
    const auto r = parse_feed(read_all(fixture("good/employment.json")), "employment.json");
    for (const auto& p : r.problems) INFO(to_line(p));
    REQUIRE(r.feed);
    CHECK(r.problems.empty());
    const Feed& f = *r.feed;
    CHECK(f.id == "employment");
    CHECK(f.format_version == "1.0");
    CHECK(f.as_of.year == 2021);
    CHECK(f.as_of.month == 12);
    CHECK(f.as_of.day == 0);
    REQUIRE(f.datasets.size() == 3);

    const auto& ind = std::get<IndicatorSet>(f.datasets[0].body);
    REQUIRE(ind.items.size() == 3);
    CHECK(ind.items[0].value == doctest::Approx(2.3));
    CHECK(ind.items[0].target == doctest::Approx(2.0));
    CHECK_FALSE(ind.items[1].target);  // null = not given
    CHECK(ind.items[2].unit.empty());

    const auto& series = std::get<Series>(f.datasets[1].body);
    REQUIRE(series.lines.size() == 2);
    CHECK_FALSE(series.lines[1].points[2].value);

    const Dataset* table_ds = find_dataset(f, "kommuner");
    REQUIRE(table_ds);
    const auto& table = std::get<MunicipalityTable>(table_ds->body);
    CHECK(table.rows[0].code == "259");
    CHECK(table.rows[0].name == "Køge");
    CHECK_FALSE(table.rows[2].values[1]);
    CHECK(effective_as_of(f, *table_ds).day == 31);
    CHECK(effective_as_of_text(f, *table_ds) == "31. december 2021");
    CHECK(effective_as_of(f, f.datasets[0]).month == 12);
    CHECK(effective_as_of_text(f, f.datasets[0]) == "december 2021");
    const SourceRef src = resolve_source(f, *table_ds);
    CHECK(src.publisher == "KKR Sjælland");  // inherited
    CHECK(src.lines == "5670-5673");         // own
    CHECK(find_dataset(f, "findes_ikke") == nullptr);
}

TEST_CASE("the good infrastructure feed parses projects, timeline and goals") {
    const auto r = parse_feed(read_all(fixture("good/infrastructure.json")), "infrastructure.json");
    REQUIRE(r.feed);
    CHECK(r.problems.empty());
    const auto& projects = std::get<ProjectList>(r.feed->datasets[0].body);
    CHECK(projects.items[0].kind == ProjectKind::Road);
    CHECK(projects.items[0].phase == ProjectPhase::Underway);
    CHECK(projects.items[0].cost_dkk == doctest::Approx(1.1e9));
    CHECK(projects.items[0].years == std::vector<int>{2021, 2025});
    CHECK(projects.items[1].cost_basis == CostBasis::PartOf);
    CHECK(projects.items[1].part_of == "rute_54");
    CHECK(projects.items[2].cost_basis == CostBasis::PerYear);
    const auto& timeline = std::get<Timeline>(r.feed->datasets[1].body);
    CHECK(timeline.events[2].date.day == 29);  // 2024 is a leap year
    const auto& goals = std::get<GoalList>(r.feed->datasets[2].body);
    CHECK(goals.items[1].status == GoalStatus::PartlyMet);
    CHECK(goals.items[1].verdict_by == VerdictBy::Derived);
    CHECK(resolve_source(*r.feed, r.feed->datasets[2]).publisher == "Erhvervshus Sjælland");
    CHECK(dataset_type_name(r.feed->datasets[2].body) == std::string("goals"));
}

TEST_CASE("all problems are reported at once and the feed is refused") {
    const auto r =
        parse_feed(feed_with_item(R"({"id":"a","label":"A","value":"2,3","unit":"%"},)"
                                  R"({"id":"a","label":"","value":1e300,"unit":5,"target":"høj"})"),
                   "x.json");
    CHECK_FALSE(r.feed);
    CHECK(find_problem(r.problems, "$.datasets[0].items[0].value"));
    CHECK(find_problem(r.problems, "$.datasets[0].items[1].id"));     // duplicate
    CHECK(find_problem(r.problems, "$.datasets[0].items[1].label"));  // empty
    CHECK(find_problem(r.problems, "$.datasets[0].items[1].unit"));   // not a string
    CHECK(find_problem(r.problems, "$.datasets[0].items[1].target"));
    CHECK(r.problems.size() == 5);
    CHECK(find_problem(r.problems, "$.datasets[0].items[0].value")->message ==
          "expected a number, got \"2,3\"");
    CHECK(find_problem(r.problems, "$.datasets[0].items[1].id")->message == "duplicate item id \"a\"");
}

TEST_CASE("offending values are truncated in messages") {
    const std::string long_value(500, 'x');
    const auto r = parse_feed(
        feed_with_item(R"({"id":"a","label":"A","value":")" + long_value + R"(","unit":"%"})"), "x.json");
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].message.size() < 120);
    CHECK(r.problems[0].message.find("...\"") != std::string::npos);
}

TEST_CASE("warnings alone keep the feed") {
    const auto r = parse_feed(
        feed_with_item(R"({"id":"a","label":"A","value":1,"unit":"%","farve":"rød"})", R"("udgiver":"x",)"),
        "x.json");
    REQUIRE(r.feed);
    REQUIRE(r.problems.size() == 2);
    CHECK(r.problems[0].severity == Problem::Severity::Warning);
    CHECK(r.problems[0].path == "$.udgiver");
    CHECK(r.problems[1].path == "$.datasets[0].items[0].farve");
}

TEST_CASE("a newer minor version is read, another major is refused naming the supported one") {
    std::string text = feed_with_item(R"({"id":"a","label":"A","value":1,"unit":"%"})");
    text.replace(text.find("\"1.0\""), 5, "\"1.7\"");
    CHECK(parse_feed(text, "x.json").feed);
    text.replace(text.find("\"1.7\""), 5, "\"2.0\"");
    const auto r = parse_feed(text, "x.json");
    CHECK_FALSE(r.feed);
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].message.find("supports version 1.x") != std::string::npos);
    text.replace(text.find("\"2.0\""), 5, "\"v1\"");
    CHECK(parse_feed(text, "x.json").problems.at(0).message.find("MAJOR.MINOR") != std::string::npos);
}

TEST_CASE("partial dates are validated") {
    CHECK(parse_partial_date("2021"));
    CHECK(parse_partial_date("2021-12"));
    CHECK(parse_partial_date("2024-02-29"));
    CHECK_FALSE(parse_partial_date("2023-02-29"));
    CHECK_FALSE(parse_partial_date("2021-00"));
    CHECK_FALSE(parse_partial_date("2021-04-31"));
    CHECK_FALSE(parse_partial_date("21-12"));
    CHECK_FALSE(parse_partial_date("2021-1-1"));
    CHECK_FALSE(parse_partial_date("2021/12"));
    CHECK_FALSE(parse_partial_date(""));
}

TEST_CASE("whole numbers may be written 12.0 but not 12.5") {
    auto manifest = [](const std::string& duration) {
        return R"({"format":"infotavle-manifest","version":"1.0","title":"T","feeds":[{"id":"f","url":"f.json"}],)"
               R"("playlist":[{"id":"s","feed":"f","dataset":"d","view":"kpi_tiles","title":"S","duration_s":)" +
               duration + "}]}";
    };
    const auto ok = parse_manifest(manifest("12.0"), "m.json");
    REQUIRE(ok.manifest);
    CHECK(ok.manifest->playlist[0].duration_s == 12);
    const auto bad = parse_manifest(manifest("12.5"), "m.json");
    CHECK_FALSE(bad.manifest);
    CHECK(bad.problems.at(0).message.find("whole number") != std::string::npos);
    CHECK_FALSE(parse_manifest(manifest("1e30"), "m.json").manifest);
}

TEST_CASE("the good manifest parses with defaults filled in") {
    const auto r = parse_manifest(read_all(fixture("good/manifest.json")), "manifest.json");
    REQUIRE(r.manifest);
    CHECK(r.problems.empty());
    const Manifest& m = *r.manifest;
    REQUIRE(m.feeds.size() == 2);
    CHECK(m.feeds[1].refresh_s == 900);
    CHECK(m.feeds[1].max_age_s == 604800);
    REQUIRE(m.playlist.size() == 12);
    CHECK(m.playlist[0].options.columns == std::vector<std::string>{"ledighed", "ledige_fuldtid"});
    CHECK(m.playlist[1].duration_s == 12);
    CHECK(m.playlist[5].options.sort == SortOrder::Descending);
    CHECK(m.playlist[5].options.limit == 17);
    CHECK(m.playlist[2].options.decimals == 0);
    CHECK_FALSE(m.playlist[1].options.decimals);
    CHECK(m.playlist[11].view == ViewType::GoalScoreboard);
}

TEST_CASE("manifest feed entries are validated") {
    auto manifest = [](const std::string& feed) {
        return R"({"format":"infotavle-manifest","version":"1.0","title":"T","feeds":[)" + feed +
               R"(],"playlist":[{"id":"s","feed":"f","dataset":"d","view":"kpi_tiles","title":"S"}]})";
    };
    CHECK(parse_manifest(manifest(R"({"id":"f","url":"https://example.dk/f.json"})"), "m").manifest);
    CHECK(parse_manifest(manifest(R"({"id":"f","url":"../data/f.json"})"), "m").manifest);
    CHECK_FALSE(parse_manifest(manifest(R"({"id":"f","url":"/etc/f.json"})"), "m").manifest);
    CHECK_FALSE(parse_manifest(manifest(R"({"id":"f","url":"ftp://example.dk/f.json"})"), "m").manifest);
    CHECK_FALSE(parse_manifest(manifest(R"({"id":"f","url":"f.json","refresh_s":10})"), "m").manifest);
    const auto r =
        parse_manifest(manifest(R"({"id":"f","url":"f.json","refresh_s":900,"max_age_s":600})"), "m");
    CHECK_FALSE(r.manifest);
    CHECK(r.problems.at(0).path == "$.feeds[0].max_age_s");
    CHECK_FALSE(
        parse_manifest(manifest(R"({"id":"f","url":"a.json"},{"id":"f","url":"b.json"})"), "m").manifest);
    CHECK_FALSE(parse_manifest(manifest(R"({"id":"f o","url":"a.json"})"), "m").manifest);  // invalid id
}

TEST_CASE("a manifest whose slides are all of unknown views is refused") {
    const auto r = parse_manifest(
        R"({"format":"infotavle-manifest","version":"1.0","title":"T","feeds":[{"id":"f","url":"f.json"}],)"
        R"("playlist":[{"id":"s","feed":"f","dataset":"d","view":"hologram","title":"S"}]})",
        "m.json");
    CHECK_FALSE(r.manifest);
    REQUIRE(r.problems.size() == 2);
    CHECK(r.problems[0].severity == Problem::Severity::Warning);
    CHECK(r.problems[1].path == "$.playlist");
}

TEST_CASE("a feed is never parsed as a manifest and vice versa") {
    const auto r = parse_manifest(read_all(fixture("good/employment.json")), "employment.json");
    CHECK_FALSE(r.manifest);
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].message.find("wrong kind of file") != std::string::npos);
    CHECK_FALSE(parse_feed(read_all(fixture("good/manifest.json")), "manifest.json").feed);
}

TEST_CASE("limits are applied and can be lowered") {
    const std::string text = read_all(fixture("good/employment.json"));
    Limits small;
    small.max_file_bytes = 100;
    auto r = parse_feed(text, "e.json", small);
    CHECK_FALSE(r.feed);
    CHECK(r.problems.at(0).message.find("larger than the limit") != std::string::npos);
    small = Limits{};
    small.max_items = 2;
    r = parse_feed(text, "e.json", small);
    CHECK_FALSE(r.feed);
    CHECK(find_problem(r.problems, "$.datasets")->message == "array has 3 items, over the limit of 2");
    small = Limits{};
    small.max_depth = 3;
    r = parse_feed(text, "e.json", small);
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].path.rfind("line ", 0) == 0);
}

TEST_CASE("too many problems are summarised, and the summary keeps the file refused") {
    std::string items;
    for (int i = 0; i < 300; ++i)
        items += std::string(i ? "," : "") + R"({"id":"i)" + std::to_string(i) + R"(","x":1})";
    const auto r = parse_feed(feed_with_item(items), "x.json");
    CHECK_FALSE(r.feed);
    REQUIRE(r.problems.size() == Limits{}.max_problems + 1);
    CHECK(r.problems.back().message.find("more problems") != std::string::npos);
    CHECK(r.problems.back().severity == Problem::Severity::Error);
}

TEST_CASE("parse never throws on hostile input") {
    for (const std::string& text :
         {std::string(""), std::string("null"), std::string("[]"), std::string("\"x\""), std::string("{"),
          std::string("{}"), std::string(1000, '{'),
          std::string("{\"format\":\"infotavle-feed\",\"version\":1}"), std::string("{\"a\":1,\"a\":2}"),
          std::string("\0\0\0", 3)}) {
        CHECK_NOTHROW(parse_feed(text, "x.json"));
        CHECK_NOTHROW(parse_manifest(text, "x.json"));
        CHECK_FALSE(parse_feed(text, "x.json").feed);
        CHECK_FALSE(parse_feed(text, "x.json").problems.empty());
    }
}

TEST_CASE("1.1 keys: qualifier, provenance and source.short are read, short is inherited") {
    const auto r = parse_feed(
        feed_with_item(R"({"id":"a","label":"Ansatte","value":95700,"unit":"personer","qualifier":"ca.",)"
                       R"("provenance":"\"ca.\" i kilden"})"),
        "t.json");
    for (const auto& p : r.problems) INFO(to_line(p));
    REQUIRE(r.feed);
    CHECK(r.problems.empty());
    const auto& item = std::get<IndicatorSet>(r.feed->datasets[0].body).items[0];
    CHECK(item.qualifier == "ca.");
    CHECK(item.provenance == "\"ca.\" i kilden");

    std::string text = feed_with_item(R"({"id":"a","label":"A","value":1,"unit":""})");
    const std::string from = R"("publisher":"KKR Sjælland")";
    text.replace(text.find(from), from.size(), R"("publisher":"KKR Sjælland","short":"KKR, bilag maj 2022")");
    const auto t = parse_feed(text, "t.json");
    REQUIRE(t.feed);
    CHECK(t.feed->source.short_text == "KKR, bilag maj 2022");
    CHECK(resolve_source(*t.feed, t.feed->datasets[0]).short_text == "KKR, bilag maj 2022");
}

TEST_CASE("a NUL byte is refused with its byte offset, not taken as the end of the text") {
    const std::string good = feed_with_item(R"({"id":"a","label":"A","value":1,"unit":""})");
    REQUIRE(parse_feed(good, "x.json").feed);
    for (const std::string& text :
         {good + std::string("\0garbage", 8), good + std::string(1, '\0'), std::string("\0", 1) + good}) {
        const auto r = parse_feed(text, "x.json");
        CHECK_FALSE(r.feed);
        REQUIRE(r.problems.size() == 1);
        const std::size_t at = text.find('\0');
        CHECK(r.problems[0].path.find("(byte " + std::to_string(at) + ")") != std::string::npos);
        CHECK(r.problems[0].message.find("NUL byte") != std::string::npos);
        CHECK_FALSE(parse_manifest(text, "m.json").manifest);
    }
}

TEST_CASE("an over-long key is one error naming where it is, the reading stops there") {
    Limits lim;
    const std::string long_key(lim.max_key_bytes + 1, 'k');
    // Duplicates under a long key used to give one 100.000-byte path per duplicate.
    std::string dups;
    for (int i = 0; i < 5000; ++i) dups += std::string(i ? "," : "") + "\"a\":1";
    const std::string text = feed_with_item(R"({"id":"a","label":"A","value":1,"unit":""})",
                                            "\"x\":{\"" + long_key + "\":{" + dups + "}},");
    const auto r = parse_feed(text, "x.json");
    CHECK_FALSE(r.feed);
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].path == "$.x");
    CHECK(r.problems[0].message.find("a key of 257 bytes") != std::string::npos);
    CHECK(r.problems[0].message.find("over the limit of 256 bytes") != std::string::npos);
    CHECK(r.problems[0].message.size() < 200);
    // A key at the limit is fine (an unknown key: a warning).
    const auto ok = parse_feed(feed_with_item(R"({"id":"a","label":"A","value":1,"unit":""})",
                                              "\"" + std::string(lim.max_key_bytes, 'k') + "\":1,"),
                               "x.json");
    CHECK(ok.feed);
}

TEST_CASE("thousands of duplicate keys: the first problems are listed, the rest counted") {
    std::string dups;
    const int n = 5000;
    for (int i = 0; i < n; ++i) dups += std::string(i ? "," : "") + "\"a\":1";
    const auto r = parse_feed(
        feed_with_item(R"({"id":"a","label":"A","value":1,"unit":""})", "\"x\":{" + dups + "},"), "x.json");
    CHECK_FALSE(r.feed);
    REQUIRE(r.problems.size() == Limits{}.max_problems + 1);
    CHECK(r.problems[0].path == "$.x.a");
    CHECK(r.problems[0].message.find("duplicate key") != std::string::npos);
    // n - 1 duplicates, plus the unknown key "x" found later
    CHECK(r.problems.back().message ==
          "... and " + std::to_string(n - 1 - Limits{}.max_problems + 1) + " more problems (" +
              std::to_string(n - 1 - Limits{}.max_problems) + " errors) not shown");
}

TEST_CASE("an object with more keys than the limit is refused") {
    Limits lim;
    lim.max_members = 10;
    std::string keys;
    for (int i = 0; i < 11; ++i) keys += std::string(i ? "," : "") + "\"k" + std::to_string(i) + "\":1";
    const auto r =
        parse_feed(feed_with_item(R"({"id":"a","label":"A","value":1,"unit":""})", "\"x\":{" + keys + "},"),
                   "x.json", lim);
    CHECK_FALSE(r.feed);
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].path == "$.x");
    CHECK(r.problems[0].message == "object has more than 10 keys");
}
