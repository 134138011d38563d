// --from-csv on CSVs saved by LibreOffice Calc from Danish spreadsheets (tests/fixtures/csv,
// made by tests/make_csv_fixtures.sh), and the numbers it must refuse rather than guess.
#include <doctest/doctest.h>

#include <string>

#include "feeds/csv_import.h"
#include "feeds/feed_parse.h"
#include "test_feeds_support.h"

using namespace feeds;

namespace {

std::string csv_fixture(const std::string& name) {
    return feeds_test::read_all(std::string(INFOTAVLE_TEST_FIXTURES) + "/csv/" + name);
}

// The dataset pasted into a feed: it must pass the feed's own checks.
FeedResult as_feed(const std::string& dataset_json) {
    return parse_feed(R"({"format":"infotavle-feed","version":"1.0","id":"f","title":"F","as_of":"2022",)"
                      R"("source":{"publisher":"Køge Kommune"},"datasets":[)" +
                          dataset_json + "]}",
                      "f.json");
}

}  // namespace

TEST_CASE("slip: a Danish spreadsheet's CSV (LibreOffice, UTF-8 and Windows-1252) becomes a table") {
    for (const char* name : {"kommuner_utf8.csv", "kommuner_windows1252.csv"}) {
        CAPTURE(name);
        const std::string bytes = csv_fixture(name);
        REQUIRE_FALSE(bytes.empty());
        const CsvDataset d = csv_to_dataset(bytes, name, "table", "kommuner");
        INFO((d.errors.empty() ? std::string() : d.errors[0]));
        REQUIRE(d.errors.empty());
        const FeedResult f = as_feed(d.json);
        REQUIRE(f.feed);
        const auto& t = std::get<MunicipalityTable>(f.feed->datasets[0].body);
        REQUIRE(t.rows.size() == 3);
        CHECK(t.rows[0].name == "Køge");
        CHECK(t.rows[1].name == "Næstved");
        CHECK(t.rows[0].values[0] == doctest::Approx(2.1));
        CHECK(t.rows[0].values[1] == doctest::Approx(1350));
        CHECK_FALSE(t.rows[1].values[1]);                      // an empty cell: no figure
        CHECK(t.rows[2].values[1] == doctest::Approx(12207));  // "12.207" with a thousands point
        CHECK(t.columns[0].label == "Ledighed");               // "Ledighed (%)": the unit from the header
        CHECK(t.columns[0].unit == "%");
        CHECK(t.columns[1].unit.empty());
    }
    CHECK(read_csv(csv_fixture("kommuner_windows1252.csv")).was_windows_1252);
}

TEST_CASE("a series from a Danish spreadsheet's CSV, decimals with a comma") {
    const CsvDataset d = csv_to_dataset(csv_fixture("ledige_alder_utf8.csv"), "a.csv", "series", "alder");
    REQUIRE(d.errors.empty());
    const FeedResult f = as_feed(d.json);
    REQUIRE(f.feed);
    const auto& s = std::get<Series>(f.feed->datasets[0].body);
    REQUIRE(s.lines.size() == 2);
    CHECK(s.lines[0].label == "2020");
    CHECK(s.lines[0].points[2].x == "50+ år");
    CHECK(*s.lines[0].points[2].value == doctest::Approx(3650.5));
}

TEST_CASE("slip: an ambiguous number in a CSV is refused with its row and column") {
    // A ',' file: "1.207" is 1207 in Danish, 1.207 in English.
    const CsvDataset d = csv_to_dataset("Kode,Kommune,Ledige\n259,Køge,1.207\n", "k.csv", "table", "k");
    REQUIRE(d.errors.size() == 1);
    CHECK(
        d.errors[0] ==
        "k.csv: row 2, column 3 (\"Ledige\"): \"1.207\" reads two ways: 1207 with a Danish thousands point, "
        "or 1.207 with an English decimal point; write 1207 or 1,207");
    CHECK(d.json.empty());
    // A ';' file is Danish: the point groups thousands, and one that does not is refused.
    const CsvDataset s =
        csv_to_dataset("Kode;Kommune;Ledige\n259;Køge;1.207\n370;Næstved;2.5\n", "s.csv", "table", "s");
    REQUIRE(s.errors.size() == 1);
    CHECK(s.errors[0].find("s.csv: row 3, column 3 (\"Ledige\"): \"2.5\" is not a Danish number") == 0);
    CHECK(read_danish_number("1.207").value == doctest::Approx(1207));
    CHECK(read_danish_number("1.207,5").value == doctest::Approx(1207.5));
    CHECK(read_danish_number("\u22120,8").value == doctest::Approx(-0.8));
    CHECK(read_danish_number("12.345.678").value == doctest::Approx(12345678));
    CHECK_FALSE(read_danish_number("").value);
    CHECK_FALSE(read_danish_number("12.34.5").error.empty());
}
