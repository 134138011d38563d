// The publisher's usual slips (issue 19): each gets the message that says how to fix it, and
// --check fails when something the publisher wrote would not be shown. One test per slip.
#include <doctest/doctest.h>

#include <sstream>
#include <string>
#include <vector>

#include "feeds/check.h"
#include "feeds/feed_parse.h"
#include "feeds/near_miss.h"
#include "test_feeds_support.h"

using namespace feeds;
using feeds_test::TempDir;

namespace {

struct Out {
    int rc;
    std::string text;
};

Out check(const std::vector<std::string>& paths, bool allow_unknown = false) {
    std::ostringstream out;
    const int rc = run_check(paths, out, {}, {allow_unknown});
    return {rc, out.str()};
}

bool has(const std::string& text, const std::string& fragment) {
    return text.find(fragment) != std::string::npos;
}

// A feed with one indicators dataset; `items` is the items array's text.
std::string feed_with(const std::string& items, const std::string& extra_dataset = "") {
    return R"({"format":"infotavle-feed","version":"1.0","id":"koege","title":"Køge","as_of":"2022-03",)"
           R"("source":{"publisher":"Køge Kommune"},"datasets":[{"id":"noegletal","type":"indicators",)"
           R"("title":"Nøgletal","items":)" +
           items + "}" + extra_dataset + "]}";
}

constexpr const char* kItems =
    R"([{"id":"ledighed","label":"Ledighed","value":2.3,"unit":"%"},{"id":"boliger","label":"Boliger","value":486,"unit":"boliger"}])";

// A manifest over feed.json; `slide` is the one playlist entry's text.
std::string manifest_with(const std::string& slide) {
    return R"({"format":"infotavle-manifest","version":"1.0","title":"Køge",)"
           R"("feeds":[{"id":"koege","url":"feed.json"}],"playlist":[)" +
           slide + "]}";
}

// --check of feed.json (already in `dir`) and m.json, a manifest of this one slide.
Out check_slide(const TempDir& dir, const std::string& slide) {
    return check({dir.write("m.json", manifest_with(slide))});
}

}  // namespace

TEST_CASE("slip: a misspelt view (line_chat) fails and suggests line_chart") {
    TempDir dir;
    dir.write("feed.json", feed_with(kItems));
    const auto r = check_slide(dir, R"({"id":"a","feed":"koege","dataset":"noegletal",)"
                                    R"("view":"line_chat","title":"Ledighed"})");
    INFO(r.text);
    CHECK(r.rc == 1);
    CHECK(has(r.text,
              "$.playlist[0] (\"a\").view: unknown view \"line_chat\" (slide skipped); did you mean "
              "\"line_chart\"?"));
    CHECK(has(r.text, "not shown on screen; --allow-unknown"));
}

TEST_CASE("slip: option for options fails, suggests options, and no line names a key that is not there") {
    TempDir dir;
    dir.write(
        "feed.json",
        R"({"format":"infotavle-feed","version":"1.0","id":"k","title":"K","as_of":"2022",)"
        R"("source":{"publisher":"Køge"},"datasets":[{"id":"t","type":"municipality_table","title":"T",)"
        R"("columns":[{"id":"a","label":"A","unit":"%"},{"id":"b","label":"B","unit":"%"}],)"
        R"("rows":[{"code":"259","name":"Køge","values":[2.1, 6.8]}]}]})");
    const auto r = check_slide(dir, R"({"id":"a","feed":"koege","dataset":"t",)"
                                    R"("view":"bar_chart","title":"Mål",)"
                                    R"("option":{"column":"b"}})");
    INFO(r.text);
    CHECK(r.rc == 1);
    CHECK(has(r.text, ".option: unknown key \"option\" (skipped); did you mean \"options\"?"));
    // The publisher wrote no "options": no line may point at one.
    CHECK_FALSE(has(r.text, ".options:"));
    CHECK_FALSE(has(r.text, ".options."));
}

TEST_CASE("slip: --allow-unknown keeps forward compatibility: unknown keys are warnings, exit 0") {
    TempDir dir;
    dir.write("feed.json", feed_with(kItems));
    const auto m = dir.write("m.json", manifest_with(R"({"id":"a","feed":"koege","dataset":"noegletal",)"
                                                     R"("view":"kpi_tiles","title":"Tal","farve":"blå"})"));
    CHECK(check({m}).rc == 1);
    const auto r = check({m}, true);
    INFO(r.text);
    CHECK(r.rc == 0);
    CHECK(has(r.text, "warning: unknown key \"farve\" (skipped)"));
}

TEST_CASE("slip: a title of only spaces fails: the slide would have no headline") {
    TempDir dir;
    dir.write("feed.json", feed_with(kItems));
    const auto r = check_slide(dir, R"({"id":"a","feed":"koege","dataset":"noegletal",)"
                                    R"("view":"kpi_tiles","title":"   "})");
    INFO(r.text);
    CHECK(r.rc == 1);
    CHECK(has(r.text, "$.playlist[0] (\"a\").title: only spaces: nothing would be shown"));
}

TEST_CASE("slip: a decimal comma in a values array is named as one, not as a missing figure") {
    TempDir dir;
    const auto f = dir.write(
        "feed.json",
        R"({"format":"infotavle-feed","version":"1.0","id":"k","title":"K","as_of":"2022",)"
        R"("source":{"publisher":"Køge"},"datasets":[{"id":"t","type":"municipality_table","title":"T",)"
        R"("columns":[{"id":"a","label":"A","unit":"%"},{"id":"b","label":"B","unit":""}],)"
        R"("rows":[{"code":"259","name":"Køge","values":[2,1, 680]}]}]})");
    const auto r = check({f});
    INFO(r.text);
    CHECK(r.rc == 1);
    CHECK(has(r.text,
              "has 3 values but the table has 2 columns: 2,1 looks like a Danish decimal comma; write 2.1"));
    CHECK_FALSE(has(r.text, "use null for a missing figure"));
}

TEST_CASE("slip: a decimal comma in a single value is named as one") {
    const auto r = parse_feed(feed_with(R"([{"id":"x","label":"X","value":2,3,"unit":"%"}])"), "f.json");
    REQUIRE_FALSE(r.problems.empty());
    CHECK(to_line(r.problems[0]).find("\"2,3\" looks like a Danish decimal comma: write 2.3") !=
          std::string::npos);
}

TEST_CASE("slip: 62.014 written as a Danish thousands figure is warned about") {
    const auto r = parse_feed(
        feed_with(R"([{"id":"ledige","label":"Ledige","value":62.014,"unit":"personer"}])"), "f.json");
    REQUIRE(r.feed);
    REQUIRE(r.problems.size() == 1);
    CHECK(to_line(r.problems[0]) ==
          "f.json: $.datasets[0].items[0].value: warning: number 62.014 looks like a Danish thousands "
          "separator: JSON reads it as 62.014 (about 62); if you meant 62014, write 62014 (JSON numbers have "
          "no thousands separator)");
    // A real decimal figure is left alone.
    CHECK(parse_feed(feed_with(R"([{"id":"x","label":"X","value":2.35,"unit":"%"}])"), "f.json")
              .problems.empty());
    CHECK(parse_feed(feed_with(R"([{"id":"x","label":"X","value":0.125,"unit":"%"}])"), "f.json")
              .problems.empty());
}

TEST_CASE("slip: a trailing comma says remove the comma before }") {
    const auto r = parse_feed(feed_with(R"([{"id":"x","label":"X","value":2.3,"unit":"%",}])"), "f.json");
    REQUIRE(r.problems.size() == 1);
    const std::string line = to_line(r.problems[0]);
    CHECK(line.find("remove the comma before }") != std::string::npos);
    CHECK(line.find("expected string literal") == std::string::npos);
    const auto a = parse_feed(feed_with(R"([{"id":"x","label":"X","value":2.3,"unit":"%"},])"), "f.json");
    REQUIRE(a.problems.size() == 1);
    CHECK(to_line(a.problems[0]).find("remove the comma before ]") != std::string::npos);
}

TEST_CASE("slip: every path names the item's id") {
    TempDir dir;
    const auto f = dir.write("feed.json",
                             feed_with(R"([{"id":"ledighed","label":"Ledighed","value":"2,3","unit":"%"}])"));
    const auto r = check({f});
    INFO(r.text);
    CHECK(has(r.text, "$.datasets[0] (\"noegletal\").items[0] (\"ledighed\").value: expected a number"));
}

TEST_CASE("slip: near misses are suggested by edit distance, far ones are not") {
    CHECK(nearest_name("option", {"options", "link", "show"}) == "options");
    CHECK(nearest_name("line_chat", {"line_chart", "bar_chart"}) == "line_chart");
    CHECK(nearest_name("titel", {"title", "id"}) == "title");
    CHECK(nearest_name("farve", {"title", "id", "view"}).empty());
    CHECK(edit_distance("ab", "ba") == 1);
}

TEST_CASE("slip: an unknown place on a project map names the feed file and the place's path") {
    TempDir dir;
    dir.write(
        "feed.json",
        R"({"format":"infotavle-feed","version":"1.0","id":"k","title":"K","as_of":"2022",)"
        R"("source":{"publisher":"Køge"},"datasets":[{"id":"p","type":"projects","title":"P","items":[)"
        R"({"id":"vej","name":"Vej","kind":"road","places":["Køge","Ølby"],"phase":"study","status_text":"Undersøges"}]}]})");
    const auto r = check_slide(dir, R"({"id":"kort","feed":"koege","dataset":"p",)"
                                    R"("view":"project_map","title":"Projekter"})");
    INFO(r.text);
    CHECK(r.rc == 1);
    CHECK(
        has(r.text, "feed.json: $.datasets[0].items[0].places[1]: project \"vej\" names the place \"Ølby\""));
    CHECK(has(r.text, "give it in the dataset's \"places\""));
}

TEST_CASE("slip: a feed gives a place with its coordinates, checked to lie in Region Sjælland") {
    TempDir dir;
    const std::string items =
        R"("items":[{"id":"vej","name":"Vej","kind":"road","places":["Køge","Ølby"],"phase":"study","status_text":"U"}])";
    auto feed = [&](const std::string& places) {
        return R"({"format":"infotavle-feed","version":"1.2","id":"k","title":"K","as_of":"2022",)"
               R"("source":{"publisher":"Køge"},"datasets":[{"id":"p","type":"projects","title":"P",)" +
               items + R"(,"places":)" + places + "}]}";
    };
    dir.write("feed.json", feed(R"([{"name":"Ølby","lat":55.4738,"lon":12.1747}])"));
    const auto ok = check_slide(dir, R"({"id":"kort","feed":"koege","dataset":"p",)"
                                     R"("view":"project_map","title":"Projekter"})");
    INFO(ok.text);
    CHECK(ok.rc == 0);
    std::ostringstream listed;
    CHECK(list_places({dir.file("feed.json")}, listed) == 0);
    CHECK(has(listed.str(), "  Ølby   55.47380   12.17470\n"));  // the feed's own, in a group of its own
    CHECK(has(listed.str(), "\n  Køge "));                       // the map's own

    const auto swapped = dir.write("bad.json", feed(R"([{"name":"Ølby","lat":12.1747,"lon":55.4738}])"));
    const auto r = check({swapped});
    CHECK(r.rc == 1);
    CHECK(has(r.text, "$.datasets[0] (\"p\").places[0] (\"Ølby\")"));  // no id key: the label is the name
    CHECK(has(r.text, "lies outside Region Sjælland"));
}

TEST_CASE("slip: a missing feed file names the manifest line") {
    TempDir dir;
    const auto m = dir.write("m.json",
                             "{\"format\":\"infotavle-manifest\",\"version\":\"1.0\",\"title\":\"K\",\n"
                             "\"feeds\":[\n{\"id\":\"koege\",\"url\":\"koge.json\"}],\n"
                             "\"playlist\":[{\"id\":\"a\",\"feed\":\"koege\",\"dataset\":\"d\","
                             "\"view\":\"kpi_tiles\",\"title\":\"T\"}]}");
    const auto r = check({m});
    INFO(r.text);
    CHECK(r.rc == 1);
    CHECK(has(r.text,
              "m.json: $.feeds[0].url (line 3): feed \"koege\" names \"koge.json\", which cannot be read"));
}

TEST_CASE("slip: a manifest with an error still has its feeds checked, in one round") {
    TempDir dir;
    dir.write("feed.json", feed_with(R"([{"id":"x","label":"X","value":"2,3","unit":"%"}])"));
    const auto r = check_slide(dir, R"({"id":"a","feed":"koege","dataset":"noegletal",)"
                                    R"("view":"kpi_tiles","title":"T","duration_s":1})");
    INFO(r.text);
    CHECK(r.rc == 1);
    CHECK(has(r.text, "duration_s: out of range"));
    CHECK(has(r.text, "feed.json: $.datasets[0] (\"noegletal\").items[0] (\"x\").value: expected a number"));
    CHECK(has(r.text, "2 files checked"));
}
