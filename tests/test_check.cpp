#include <doctest/doctest.h>

#include <chrono>
#include <sstream>
#include <string>
#include <vector>

#include "feeds/check.h"
#include "test_feeds_support.h"

using namespace feeds;
using feeds_test::fixture;
using feeds_test::TempDir;

namespace {

struct CheckOutput {
    int rc;
    std::string text;
};

CheckOutput check(const std::vector<std::string>& paths, const Limits& limits = {},
                  const CheckOptions& options = {}) {
    std::ostringstream out;
    const int rc = run_check(paths, out, limits, options);
    return {rc, out.str()};
}

// `line` without the item names --check writes after an index: "items[1] (\"ledighed\")" -> "items[1]".
std::string without_item_names(std::string line) {
    for (std::size_t at = line.find("] ("); at != std::string::npos; at = line.find("] (", at + 1)) {
        const std::size_t end = line.find(')', at);
        if (end != std::string::npos) line.erase(at + 1, end - at);
    }
    return line;
}

// True when some output line reports `path` with a message containing `fragment`.
bool has_line(const std::string& output, const std::string& path, const std::string& fragment) {
    std::istringstream lines(output);
    for (std::string line; std::getline(lines, line);)
        if (without_item_names(line).find(": " + path + ": ") != std::string::npos &&
            line.find(fragment) != std::string::npos)
            return true;
    return false;
}

struct BadCase {
    const char* file;
    const char* path;
    const char* fragment;
};

// One bad fixture per class of bad input, with the error it must produce.
constexpr BadCase kBadCases[] = {
    {"not_json.json", "line 1, column 1 (byte 0)", "malformed JSON"},
    {"truncated.json", "line 17, column 22 (byte 400)", "malformed JSON: syntax error"},
    {"empty.json", "", "file is empty"},
    {"binary.json", "line 1, column 1 (byte 0)", "not valid UTF-8"},
    {"invalid_utf8.json", "line 30, column 21 (byte 583)", "not valid UTF-8"},
    {"number_as_string.json", "$.datasets[0].items[1].value", "expected a number, got \"2,3\""},
    {"huge_number.json", "line 19, column 20 (byte 381)", "number 1e999 is too large"},
    {"nan.json", "line 19, column 20 (byte 381)", "malformed JSON"},
    {"version_2.json", "$.version", "unsupported format version \"2.0\": this reader supports version 1.x"},
    {"wrong_format.json", "$.format", "expected \"infotavle-feed\", got \"infotavle\""},
    {"missing_key.json", "$.datasets[0].title", "missing required key \"title\""},
    {"unknown_enum.json", "$.datasets[0].items[0].kind",
     "unknown value \"motorway\": expected one of \"road\", \"rail\", \"bus\", \"other\""},
    {"string_too_long.json", "$.datasets[0].items[0].note", "over the limit of 2000 bytes"},
    {"too_many_items.json", "$.datasets[0].rows[0].values", "array has 1001 items, over the limit of 1000"},
    {"bad_date.json", "$.as_of", "invalid date \"2021-13\""},
    {"bad_municipality_code.json", "$.datasets[0].rows[0].code", "invalid municipality code \"25\""},
    {"values_count_mismatch.json", "$.datasets[0].rows[1].values",
     "has 3 values but the table has 2 columns"},
    {"duplicate_id.json", "$.datasets[1].id", "duplicate dataset id \"noegletal\""},
    {"duplicate_key.json", "$.datasets[0].title", "duplicate key"},
    {"manifest_missing_feed.json", "$.playlist[1].feed", "names no feed in the manifest: \"vejret\""},
    {"manifest_missing_dataset.json", "$.playlist[1].dataset", "has no dataset \"findes_ikke\""},
    {"manifest_wrong_view.json", "$.playlist[1].view", "cannot show dataset type \"indicators\""},
    {"manifest_bad_duration.json", "$.playlist[0].duration_s", "out of range (3..600)"},
    {"manifest_missing_column.json", "$.playlist[0].options.column", "has no column \"beskaeftigelse\""},
    {"control_character.json", "$.title", "control character U+000A in a text shown on screen"},
    {"undrawable_character.json", "$.title",
     "characters U+05D0, U+1F600, U+200D cannot be drawn by the screen's fonts"},
    {"manifest_bad_integrity.json", "$.feeds[0].sha256", "expected 64 lower-case hex digits"},
    {"manifest_long_link.json", "$.playlist[0].link.url",
     "link of 250 bytes; at most 213 fit a QR code the smallest screen (800x480) shows readably"},
};

}  // namespace

TEST_CASE("each bad fixture gives its specific error and exit code 1") {
    for (const auto& c : kBadCases) {
        const std::string file = c.file;
        CAPTURE(file);
        const auto r = check({fixture(std::string("bad/") + c.file)});
        INFO(r.text);
        CHECK(r.rc == 1);
        if (std::string(c.path).empty())
            CHECK(r.text.find(std::string(c.file) + ": " + c.fragment) != std::string::npos);
        else
            CHECK(has_line(r.text, c.path, c.fragment));
    }
}

TEST_CASE("every control character in an on-screen text is named with its path and code") {
    const auto r = check({fixture("bad/control_character.json")});
    INFO(r.text);
    CHECK(r.rc == 1);
    CHECK(has_line(r.text, "$.datasets[0].items[0].label", "control characters U+0007, U+001B in a text"));
    CHECK(has_line(r.text, "$.datasets[0].items[0].note", "control character U+2028 in a text"));
}

TEST_CASE("the good fixtures pass, following the manifest to its feeds") {
    const auto r = check({fixture("good/manifest.json")});
    INFO(r.text);
    CHECK(r.rc == 0);
    CHECK(r.text == "3 files checked: 0 errors, 0 warnings\n");
    // Naming the feeds as well does not check or count them twice.
    const auto again = check({fixture("good/employment.json"), fixture("good/manifest.json"),
                              fixture("good/infrastructure.json"), fixture("good/manifest.json")});
    CHECK(again.rc == 0);
    CHECK(again.text == "3 files checked: 0 errors, 0 warnings\n");
}

TEST_CASE("with --allow-unknown, unknown keys, dataset types and views are warnings and pass") {
    const auto r = check({fixture("warn/manifest_unknown_view.json")}, {}, {true});
    INFO(r.text);
    CHECK(r.rc == 0);
    CHECK(has_line(r.text, "$.playlist[0].view", "warning: unknown view \"heatmap\" (slide skipped)"));
    CHECK(has_line(r.text, "$.colour", "warning: unknown key \"colour\""));
    CHECK(has_line(r.text, "$.datasets[3].type", "warning: unknown dataset type \"heatmap\""));
    CHECK(r.text.find("2 files checked: 0 errors, 5 warnings") != std::string::npos);
}

TEST_CASE("remote feeds are noted, not fetched") {
    TempDir dir;
    const auto m = dir.write(
        "m.json", R"({"format":"infotavle-manifest","version":"1.0","title":"T",)"
                  R"("feeds":[{"id":"f","url":"https://example.dk/f.json"}],)"
                  R"("playlist":[{"id":"s","feed":"f","dataset":"d","view":"kpi_tiles","title":"S"}]})");
    const auto r = check({m});
    CHECK(r.rc == 0);
    CHECK(has_line(r.text, "$.feeds[0].url", "note: remote feed https://example.dk/f.json"));
}

TEST_CASE("a manifest naming a missing or broken local feed fails") {
    TempDir dir;
    const auto m = dir.write(
        "m.json", R"({"format":"infotavle-manifest","version":"1.0","title":"T",)"
                  R"("feeds":[{"id":"f","url":"f.json"},{"id":"g","url":"g.json"}],)"
                  R"("playlist":[{"id":"s","feed":"f","dataset":"d","view":"kpi_tiles","title":"S"},)"
                  R"({"id":"t","feed":"g","dataset":"d","view":"kpi_tiles","title":"S"}]})");
    dir.write("g.json", "{");
    const auto r = check({m});
    INFO(r.text);
    CHECK(r.rc == 1);
    CHECK(r.text.find("f.json: cannot read: no such file") != std::string::npos);
    CHECK(r.text.find("g.json: line 1, column 2 (byte 1): malformed JSON") != std::string::npos);
    CHECK(r.text.find("$.feeds[0].url (line 1): feed \"f\" names \"f.json\", which cannot be read") !=
          std::string::npos);
    CHECK(r.text.find("3 files checked: 3 errors, 0 warnings") != std::string::npos);
}

TEST_CASE("no path, a missing path or a directory fail cleanly") {
    CHECK(check({}).rc == 1);
    auto r = check({fixture("bad/does_not_exist.json")});
    CHECK(r.rc == 1);
    CHECK(r.text.find("no such file") != std::string::npos);
    r = check({fixture("good")});
    CHECK(r.rc == 1);
    CHECK(r.text.find("is a directory") != std::string::npos);
    CHECK(check({"/dev/null"}).rc == 1);  // not a regular file: never read from devices or pipes
}

TEST_CASE("10.000 levels of nesting are refused before parsing") {
    TempDir dir;
    const auto arrays = dir.write("deep.json", std::string(10000, '[') + std::string(10000, ']'));
    std::string objects;
    for (int i = 0; i < 10000; ++i) objects += "{\"a\":";
    objects += "1" + std::string(10000, '}');
    const auto objs = dir.write("deep_objects.json", objects);
    const auto r = check({arrays, objs});
    INFO(r.text);
    CHECK(r.rc == 1);
    CHECK(r.text.find(
              "deep.json: line 1, column 33 (byte 32): nesting is deeper than the limit of 32 levels") !=
          std::string::npos);
    CHECK(r.text.find("deep_objects.json: line 1, column 161 (byte 160): nesting is deeper") !=
          std::string::npos);
}

TEST_CASE("a 50 MB file is refused quickly without reading it all") {
    TempDir dir;
    const auto path = (dir.path / "big.json").string();
    {
        std::ofstream out(path, std::ios::binary);
        const std::string chunk(1 << 20, ' ');
        for (int i = 0; i < 50; ++i) out << chunk;
    }
    const auto start = std::chrono::steady_clock::now();
    const auto r = check({path});
    const auto elapsed = std::chrono::steady_clock::now() - start;
    CHECK(r.rc == 1);
    CHECK(r.text.find("big.json: file is larger than the limit of 4194304 bytes") != std::string::npos);
    CHECK(elapsed < std::chrono::seconds(2));
}

TEST_CASE("a file given twice is checked once, the summary counts files, errors and warnings") {
    const auto f = fixture("bad/number_as_string.json");
    const auto r = check({f, f, fixture("warn/feed_unknown_keys.json")}, {}, {true});
    CHECK(r.rc == 1);
    CHECK(r.text.find("2 files checked: 1 error, 3 warnings") != std::string::npos);
}

TEST_CASE("a map naming a municipality or place the map does not know is reported") {
    TempDir dir;
    const auto m = dir.write(
        "m.json", R"({"format":"infotavle-manifest","version":"1.0","title":"T",)"
                  R"("feeds":[{"id":"f","url":"f.json"}],)"
                  R"("playlist":[{"id":"k","feed":"f","dataset":"t","view":"municipality_map","title":"K"},)"
                  R"({"id":"p","feed":"f","dataset":"p","view":"project_map","title":"P"}]})");
    dir.write(
        "f.json",
        R"({"format":"infotavle-feed","version":"1.0","id":"f","title":"F","as_of":"2021",)"
        R"("source":{"publisher":"P"},"datasets":[)"
        R"({"id":"t","type":"municipality_table","title":"T","columns":[{"id":"a","label":"A","unit":"%"}],)"
        R"("rows":[{"code":"259","name":"Køge","values":[1]},{"code":"999","name":"Atlantis","values":[2]},)"
        R"({"code":"265","name":"Roskilde by","values":[3]}]},)"
        R"({"id":"p","type":"projects","title":"P","items":[{"id":"x","name":"X","kind":"rail",)"
        R"("places":["Køge","Atlantis C"],"phase":"proposal","status_text":"Forslag"}]}]})");
    const auto r = check({m});
    INFO(r.text);
    CHECK(r.rc == 1);
    // The fix is in the feed: its file and path are named, and the slide that shows it.
    CHECK(has_line(r.text, "$.datasets[0].rows[1].code",
                   "municipality code \"999\" (\"Atlantis\") is not on the map"));
    CHECK(r.text.find("f.json: $.datasets[0].rows[1].code") != std::string::npos);
    CHECK(r.text.find("(shown by " + m + " $.playlist[0])") != std::string::npos);
    CHECK(has_line(r.text, "$.datasets[0].rows[2].code", "warning: code \"265\" is \"Roskilde\" on the map"));
    CHECK(has_line(r.text, "$.datasets[1].items[0].places[1]",
                   "project \"x\" names the place \"Atlantis C\", which the map does not know"));
    CHECK(r.text.find("\"Køge\", which") == std::string::npos);
}

TEST_CASE("--check lists the editor's provenance notes, which the screen never shows") {
    const std::string bundled = std::string(INFOTAVLE_SOURCE_DIR) + "/feeds/bundled/employment.json";
    std::ostringstream out;
    CHECK(feeds::run_check({bundled}, out) == 0);
    const std::string text = out.str();
    CHECK(text.find(": provenance: ") != std::string::npos);
    CHECK(text.find("$.datasets[") != std::string::npos);
    CHECK(text.find("0 errors") != std::string::npos);  // notes are neither errors nor warnings
}
