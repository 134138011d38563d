// The publisher's path (issue 19), the slips its last walk found: a figure of another period
// than the footer's "Data pr." shows its period, the bundled key figures show every part at
// every screen size, --from-csv takes a title, --list-places reads as a table.
#include <doctest/doctest.h>

#include <algorithm>
#include <sstream>
#include <string>

#include "app/danish_format.h"
#include "app/kiosk/slide_set.h"
#include "app/slide_chrome.h"
#include "app/views/kpi_tiles_plan.h"
#include "feeds/check.h"
#include "feeds/csv_import.h"
#include "tests/temp_dir.h"
#include "tests/view_harness.h"

namespace {

bool has(const std::string& text, const std::string& fragment) {
    return text.find(fragment) != std::string::npos;
}

feeds::Indicator item(const std::string& id, double value, const std::string& unit,
                      const std::string& period) {
    feeds::Indicator it;
    it.id = id;
    it.label = id == "boliger" ? "Nye boliger" : "Ledighed";
    it.value = value;
    it.unit = unit;
    it.period = period;
    return it;
}

// The texts a kpi slide of `data` draws at w x h under a footer of "Data pr. <as_of>".
std::vector<std::string> drawn_texts(int w, int h, const feeds::IndicatorSet& data, const std::string& as_of,
                                     std::vector<std::string>& left_out) {
    ViewHarness hv(w, h);
    hv.begin_frame();
    const Rect body = slide_layout(w, h, hv.sizes).body;
    Canvas c = hv.canvas(hv.screen());
    feeds::Dataset ds;
    ds.body = data;
    feeds::Slide slide;
    slide.view = feeds::ViewType::KpiTiles;
    const ViewInput in{ds, slide, "", {}, nullptr, as_of};
    draw_view(c, hv.style(), body, in);
    hv.end_frame();
    std::vector<std::string> texts;
    for (const auto& t : c.texts) texts.push_back(t.text);
    left_out = c.left_out;
    return texts;
}

bool drawn(const std::vector<std::string>& texts, const std::string& text) {
    for (const auto& t : texts)
        if (t == text) return true;
    return false;
}

}  // namespace

TEST_CASE("slip: a figure from 2021 under \"Data pr. marts 2022\" shows its period under the number") {
    feeds::IndicatorSet data;
    data.items = {item("ledighed", 2.3, "%", "marts 2022"), item("boliger", 486, "boliger", "2021")};
    for (ScreenSize sz : kScreenSizes) {
        INFO(sz.w, "x", sz.h);
        std::vector<std::string> left_out;
        const auto texts = drawn_texts(sz.w, sz.h, data, "marts 2022", left_out);
        CHECK(drawn(texts, "486"));
        CHECK(drawn(texts, "2021"));              // its own period, said
        CHECK_FALSE(drawn(texts, "marts 2022"));  // the footer's already: not repeated on the tile
        CHECK(left_out.empty());
    }
    // No "Data pr." at all: the period is the only date the figure has.
    std::vector<std::string> left_out;
    CHECK(drawn(drawn_texts(1920, 1080, data, "", left_out), "marts 2022"));
}

TEST_CASE("a period the label or note already says, or the footer's words, is not repeated") {
    feeds::Indicator it = item("unge", -17, "%", "frem mod 2030");
    it.label = "15–17-årige frem mod 2030";
    CHECK(kpi_period_shown(it, "maj 2022").empty());  // "15–17-årige frem mod 2030" says it
    it.label = "15–17-årige";
    CHECK(kpi_period_shown(it, "maj 2022") == "frem mod 2030");
    it.note = "fald frem mod 2030";
    CHECK(kpi_period_shown(it, "maj 2022").empty());
    CHECK(kpi_period_shown(item("x", 1, "", "december 2021"), "december 2021").empty());
    CHECK(kpi_period_shown(item("x", 1, "", ""), "december 2021").empty());
    CHECK(as_of_words("Data pr. marts 2022") == "marts 2022");
    CHECK(as_of_words("") == "");
}

TEST_CASE("slip: a period that does not fit is named as left out, and --render fails on it") {
    feeds::IndicatorSet data;
    for (int i = 0; i < 8; ++i) {
        data.items.push_back(item("boliger", 486 + i, "boliger",
                                  "1. januar 2019 til 31. december 2021, opgjort efter den gamle metode"));
        data.items.back().id = "b" + std::to_string(i);
        data.items.back().label = "Nye boliger i Køge Kommune, opgjort efter byggeår og ejerform";
        data.items.back().note = "tallet for 2022 kommer i juni, når Danmarks Statistik har opgjort det";
    }
    std::vector<std::string> left_out;
    drawn_texts(800, 480, data, "marts 2022", left_out);
    std::string all;
    for (const auto& l : left_out) all += l + "\n";
    INFO(all);
    CHECK(has(
        all,
        "the period \"1. januar 2019 til 31. december 2021, opgjort efter den gamle metode\" does not fit"));
}

TEST_CASE("the bundled key figures show every part they carry at every screen size") {
    const SlideSet set = load_slide_set({});
    for (ScreenSize sz : {ScreenSize{800, 480}, ScreenSize{1280, 720}, ScreenSize{1920, 1080},
                          ScreenSize{1080, 1920}, ScreenSize{3840, 2160}}) {
        ViewHarness h(sz.w, sz.h);
        const Rect body = slide_layout(sz.w, sz.h, h.sizes).body;
        for (const auto& sl : set.slides) {
            if (!sl.valid || sl.slide->view != feeds::ViewType::KpiTiles) continue;
            INFO(sz.w, "x", sz.h, " ", sl.slide->id);
            const auto& data = std::get<feeds::IndicatorSet>(sl.dataset->body);
            const KpiPlan p =
                plan_kpi_tiles(h.style(), body, data, sl.slide->options, as_of_words(sl.parts.as_of));
            std::string all;
            for (const auto& l : p.left_out) all += l + "\n";
            CHECK_MESSAGE(p.left_out.empty(), all);
            for (size_t i = 0; i < p.tiles.size(); ++i) {
                CHECK(p.plans[i].whole);
                CHECK(p.plans[i].height <= p.tiles[i].h());
                CHECK(p.tiles[i].y0 >= body.y0 - 0.5f);
                CHECK(p.tiles[i].y1 <= body.y1 + 0.5f);
            }
        }
    }
}

TEST_CASE("--from-csv titles the dataset by the file's name, or by --dataset-title") {
    const std::string csv = "id;label;value;unit\nledighed;Ledighed;2,3;%\n";
    auto title_of = [&](const std::string& file, const std::string& title) {
        const feeds::CsvDataset d = feeds::csv_to_dataset(csv, file, "indicators", "noegletal", title);
        REQUIRE(d.errors.empty());
        const auto at = d.json.find("\"title\": \"");
        REQUIRE(at != std::string::npos);
        const auto from = at + 10;
        return d.json.substr(from, d.json.find('"', from) - from);
    };
    CHECK(title_of("/home/kommunikation/Ledighed i Køge.csv", "") == "Ledighed i Køge");
    CHECK(title_of("ledighed_koege.csv", "") == "ledighed koege");
    CHECK(title_of("data.csv", "Ledigheden i Køge, marts 2022") == "Ledigheden i Køge, marts 2022");
}

TEST_CASE("--list-places is a table: a header, names in Danish order, columns lined up") {
    TempDir dir;
    dir.write(
        "feed.json",
        R"({"format":"infotavle-feed","version":"1.2","id":"k","title":"K","as_of":"2022",)"
        R"("source":{"publisher":"Køge"},"datasets":[{"id":"p","type":"projects","title":"P",)"
        R"("items":[{"id":"vej","name":"Vej","kind":"road","places":["Ølby"],"phase":"study","status_text":"U"}],)"
        R"("places":[{"name":"Ølby","lat":55.4738,"lon":12.1747},{"name":"Åstrup","lat":55.3,"lon":12.1},)"
        R"({"name":"Zealand Park","lat":55.5,"lon":12.0}]}]})");
    std::ostringstream out;
    CHECK(feeds::list_places({dir.file("feed.json")}, out) == 0);
    const std::string text = out.str();
    INFO(text);
    CHECK(has(text, "Towns and stations the map knows:\n  Place "));
    CHECK(has(text, "The municipalities of Region Sjælland"));
    CHECK(has(text, "\n  Køge "));
    // The feed's own: Z before Ø before Å, the numbers in one column whatever the name's bytes.
    const auto z = text.find("  Zealand Park  "), o = text.find("  Ølby  "), a = text.find("  Åstrup  ");
    REQUIRE(z != std::string::npos);
    REQUIRE(o != std::string::npos);
    REQUIRE(a != std::string::npos);
    CHECK(z < o);
    CHECK(o < a);
    CHECK(has(text, "  Zealand Park  55.50000   12.00000\n"));
    CHECK(has(text, "  Ølby          55.47380   12.17470\n"));
    CHECK(has(text, "  Åstrup        55.30000   12.10000\n"));
}

TEST_CASE("kpi tiles with long texts at every screen size: whole, apart, inside, each part shown or named") {
    feeds::IndicatorSet data;
    for (int i = 0; i < 4; ++i) {
        feeds::Indicator it = item("boliger", 95700 + i, "personer", "3. kvartal 2020 til 3. kvartal 2021");
        it.id = "tal" + std::to_string(i);
        it.qualifier = "ca.";
        it.label = "Pendlere til Region Hovedstaden";
        it.note = "hver fjerde beskæftigede i regionen";
        it.previous = 93000;
        it.previous_period = "3. kvartal 2020";
        it.target = 100000;
        data.items.push_back(it);
    }
    for (ScreenSize sz : {ScreenSize{800, 480}, ScreenSize{1280, 720}, ScreenSize{1920, 1080},
                          ScreenSize{1080, 1920}, ScreenSize{3840, 2160}}) {
        ViewHarness h(sz.w, sz.h);
        const Rect body = slide_layout(sz.w, sz.h, h.sizes).body;
        const KpiPlan p = plan_kpi_tiles(h.style(), body, data, {}, "maj 2022");
        INFO(sz.w, "x", sz.h);
        REQUIRE(p.tiles.size() == p.plans.size());
        CHECK(p.shown >= 1);
        std::string said;
        for (const auto& l : p.left_out) said += l + "\n";
        for (size_t i = 0; i < p.tiles.size(); ++i) {
            const TilePlan& t = p.plans[i];
            CHECK(t.whole);
            CHECK(t.height <= p.tiles[i].h() - t.pad_y * 2 + 0.5f);
            CHECK(p.tiles[i].y0 >= body.y0 - 0.5f);
            CHECK(p.tiles[i].y1 <= body.y1 + 0.5f);
            for (size_t j = i + 1; j < p.tiles.size(); ++j) {
                const Rect a = p.tiles[i], b = p.tiles[j];
                CHECK_FALSE((std::min(a.x1, b.x1) > std::max(a.x0, b.x0) &&
                             std::min(a.y1, b.y1) > std::max(a.y0, b.y0)));
            }
            // Every part is on the tile or named: nothing written is lost quietly.
            const std::string tile = "tile \"" + t.item->id + "\": ";
            CHECK((!t.period_lines.empty() || has(said, tile + "the period")));
            CHECK((!t.note_lines.empty() || has(said, tile + "the note")));
            CHECK((!t.change_lines.empty() || has(said, tile + "the change")));
            CHECK((!t.target.empty() || has(said, tile + "the target")));
        }
    }
}

TEST_CASE("slip: --from-csv keeps an indicators CSV's period and note columns, and refuses an unknown one") {
    const std::string csv =
        "id;label;value;unit;period;note;target\n"
        "boliger;Nye boliger;486;boliger;2021;;500\n"
        "ledighed;Ledighed;2,1;%;;laveste siden 2008;\n";
    const feeds::CsvDataset d = feeds::csv_to_dataset(csv, "k.csv", "indicators", "noegletal");
    INFO(d.json);
    REQUIRE(d.errors.empty());
    CHECK(has(d.json, "\"period\": \"2021\""));
    CHECK(has(d.json, "\"target\": 500"));
    CHECK(has(d.json, "\"note\": \"laveste siden 2008\""));
    CHECK_FALSE(has(d.json, "\"note\": \"\""));  // an empty cell leaves the key out
    const feeds::CsvDataset bad =
        feeds::csv_to_dataset("id;label;value;unit;periode\nb;B;1;x;2021\n", "k.csv", "indicators", "n");
    REQUIRE(bad.errors.size() == 1);
    CHECK(has(bad.errors[0], "k.csv: row 1, column 5 (\"periode\"): unknown column"));
}
