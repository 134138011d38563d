// KPI tiles, progress, bar chart and grouped bars at every supported screen size, with
// realistic data and with edge data: nothing may overflow, overlap or be too small.
#include <doctest/doctest.h>

#include <functional>
#include <string>

#include "app/slide_chrome.h"
#include "app/view.h"
#include "app/views/bar_layout.h"
#include "tests/view_harness.h"

using namespace feeds;

namespace {

// 200+ characters of Danish with æøå, to be cut, never spilled.
const std::string kLong =
    "Antal personer på Sjælland, Lolland-Falster og Møn i alderen 16-29 år, der har gennemført et kort "
    "vejledningsforløb med efterfølgende ordinær beskæftigelse på en række større og mindre private "
    "virksomheder i året";

// Draws into the slide body, the whole screen and a narrow half of the body at every size.
void check_everywhere(const std::string& what,
                      const std::function<void(Canvas&, const ViewStyle&, Rect)>& draw) {
    for (const ScreenSize& sz : kScreenSizes) {
        ViewHarness h(sz.w, sz.h);
        REQUIRE_MESSAGE(h.font_error.empty(), h.font_error);
        h.begin_frame();
        const SlideLayout l = slide_layout(sz.w, sz.h, h.sizes);
        const Rect half = {l.body.x0, l.body.y0, l.body.x0 + l.body.w() * 0.5f, l.body.y1};
        for (Rect area : {l.body, h.screen(), half}) {
            Canvas c = h.canvas(area);
            draw(c, h.style(), area);
            const auto problems = canvas_problems(c);
            INFO(what, " at ", sz.w, "x", sz.h, " in ", area.w(), "x", area.h());
            CHECK_MESSAGE(problems.empty(), join_problems(problems));
        }
        h.end_frame();
    }
}

Indicator ind(std::string id, std::string label, double v, std::string unit,
              std::optional<double> target = {}, std::optional<double> previous = {},
              std::string previous_period = "", std::string note = "") {
    Indicator i;
    i.id = std::move(id);
    i.label = std::move(label);
    i.value = v;
    i.unit = std::move(unit);
    i.target = target;
    i.previous = previous;
    i.previous_period = std::move(previous_period);
    i.note = std::move(note);
    return i;
}

std::vector<std::pair<std::string, IndicatorSet>> indicator_cases() {
    std::vector<std::pair<std::string, IndicatorSet>> out;
    out.push_back({"empty", IndicatorSet{}});
    out.push_back(
        {"realistic",
         IndicatorSet{{
             ind("vejledning", "Korte vejledningsforløb", 1207, "forløb", 600),
             ind("ledighed", "Ledighed", 2.3, "%", std::nullopt, 4.0, "december 2020", "laveste siden 2008"),
             ind("ledige", "Ledige fuldtidspersoner", 12450, "personer", std::nullopt, 21850,
                 "december 2020"),
             ind("invest", "Investering i infrastruktur", 1.1e9, "kr", 1.5e9, 0.9e9, "2020"),
         }}});
    out.push_back(
        {"one", IndicatorSet{{ind("ledighed", "Ledighed", 2.3, "%", 3.0, 4.0, "december 2020", "lav")}}});
    IndicatorSet many;
    for (int i = 0; i < 98; ++i)
        many.items.push_back(ind("i" + std::to_string(i), "Nøgletal æøå nr. " + std::to_string(i),
                                 double(i * 37 % 101) - 20, i % 2 ? "%" : "personer",
                                 i % 3 ? std::optional<double>(50) : std::nullopt, 10.0, "2020"));
    out.push_back({"98 items", many});
    out.push_back(
        {"negative", IndicatorSet{{
                         ind("a", "Befolkningstilvækst", -1240, "personer", std::nullopt, 300, "2020"),
                         ind("b", "Ændring i ledighed", -0.8, "procentpoint", -1.0),
                         ind("c", "Nye virksomheder", 830, "virksomheder", 1000, -20, "2020"),
                     }}});
    out.push_back({"zero target", IndicatorSet{{ind("a", "Arbejdsulykker", 3, "", 0.0, 0.0, "2020"),
                                                ind("b", "Nul", 0, "", 0.0)}}});
    out.push_back({"billion", IndicatorSet{{ind("a", "Antal", 1e9, "personer", 1.2e9, 5e8, "2020"),
                                            ind("b", "Kroner", 1e9, "kr", 1e9, 1, "2020"),
                                            ind("c", "Enheder", 1e9, "fuldtidspersoner", 0.5e9)}}});
    out.push_back({"long label", IndicatorSet{{ind("a", kLong, 1207, kLong, 600, 1000, kLong, kLong),
                                               ind("b", "Kort", 5, "%", 10.0, std::nullopt, "", kLong)}}});
    return out;
}

MunicipalityTable zealand(int extra = 0) {
    MunicipalityTable t;
    t.columns = {{"andel", "Andel udenlandske lønmodtagere", "%"}, {"andel2017", "Andel i 2017", "%"}};
    const char* names[] = {"Faxe",     "Greve",   "Guldborgsund", "Holbæk",    "Kalundborg", "Køge",
                           "Lejre",    "Lolland", "Næstved",      "Odsherred", "Ringsted",   "Roskilde",
                           "Slagelse", "Solrød",  "Sorø",         "Stevns",    "Vordingborg"};
    const double v[] = {9.8,  7.2,  11.4, 8.1,  10.9, 12.3, 5.4, 19.6, 9.1,
                        14.2, 15.8, 8.8,  11.7, 6.1,  10.2, 7.7, 13.5};
    for (int i = 0; i < 17; ++i)
        t.rows.push_back({std::to_string(250 + i), names[i], {v[i], v[i] * 0.8}, ""});
    for (int i = 0; i < extra; ++i)
        t.rows.push_back({std::to_string(900 + i),
                          "Kommune æøå " + std::to_string(i),
                          {double(i % 23) - 5, std::nullopt},
                          ""});
    return t;
}

std::vector<std::pair<std::string, DatasetBody>> chart_cases() {
    std::vector<std::pair<std::string, DatasetBody>> out;
    for (auto& [name, set] : indicator_cases()) out.push_back({"indicators " + name, set});
    out.push_back({"table empty", MunicipalityTable{}});
    out.push_back({"table no rows", MunicipalityTable{{{"a", "A", "%"}, {"b", "B", "%"}}, {}}});
    out.push_back({"table realistic", zealand()});
    out.push_back({"table 98", zealand(81)});
    MunicipalityTable one{{{"a", "Ledige", "personer"}, {"b", "Beskæftigede", "personer"}},
                          {{"259", "Køge", {1207.0, 1e9}, ""}}};
    out.push_back({"table one", one});
    MunicipalityTable neg{{{"a", "Ændring", "procentpoint"}, {"b", "Før", "procentpoint"}},
                          {{"1", "Faxe", {-4.5, 2.0}, ""},
                           {"2", kLong, {-0.8, -100.0}, ""},
                           {"3", "Greve", {0.0, std::nullopt}, ""}}};
    out.push_back({"table negative + long", neg});
    MunicipalityTable wide{
        {{"a", kLong, "kr"}, {"b", kLong, "kr"}, {"c", "C", "kr"}, {"d", "D", "kr"}, {"e", "E", "kr"}},
        {{"1", "Køge", {1e9, 2.5e6, 1.0, 0.0, 7.0}, ""}, {"2", "Roskilde", {}, ""}}};
    out.push_back({"table five columns, short rows", wide});
    out.push_back({"series empty", Series{}});
    out.push_back({"series youth",
                   Series{"personer",
                          {{"2017", {{"Ledige 16-29 år", 3120.0}, {"Unge uden uddannelse", 5400.0}}},
                           {"2021", {{"Ledige 16-29 år", 2250.0}, {"Unge uden uddannelse", 4980.0}}}}}});
    Series many{"", {{"A", {}}, {"B", {}}}};
    for (int i = 0; i < 98; ++i) {
        many.lines[0].points.push_back({"Uge " + std::to_string(i + 1), double(i * 37 % 101) - 30});
        many.lines[1].points.push_back(
            {"Uge " + std::to_string(i + 1), i % 5 ? std::optional<double>(i) : std::nullopt});
    }
    out.push_back({"series 98", many});
    out.push_back(
        {"series long",
         Series{"personer", {{kLong, {{kLong, 3.0}, {kLong + "x", 4.0}}}, {kLong, {{kLong, 1e9}}}}}});
    out.push_back({"series one line", Series{"%", {{"2021", {{"Faxe", 2.0}}}}}});
    return out;
}

Slide slide_with(ViewType v, std::vector<std::string> highlight = {}, SortOrder sort = SortOrder::None,
                 int limit = 0) {
    Slide s;
    s.id = "test";
    s.view = v;
    s.options.highlight = std::move(highlight);
    s.options.sort = sort;
    s.options.limit = limit;
    return s;
}

}  // namespace

TEST_CASE("kpi tiles fit at every size") {
    for (const auto& [name, set] : indicator_cases())
        for (const auto& sl :
             {slide_with(ViewType::KpiTiles), slide_with(ViewType::KpiTiles, {"ledighed", "a"}, {}, 3)}) {
            Dataset d;
            d.body = set;
            ViewInput in{d, sl, "", {2022, 5, 3}};
            check_everywhere("kpi " + name, [&](Canvas& c, const ViewStyle& s, Rect a) {
                draw_kpi_tiles(c, s, a, set, in);
            });
        }
}

TEST_CASE("progress fits at every size") {
    for (const auto& [name, set] : indicator_cases())
        for (const auto& sl :
             {slide_with(ViewType::Progress), slide_with(ViewType::Progress, {"b"}, SortOrder::Descending)}) {
            Dataset d;
            d.body = set;
            ViewInput in{d, sl, "", {2022, 5, 3}};
            check_everywhere("progress " + name,
                             [&](Canvas& c, const ViewStyle& s, Rect a) { draw_progress(c, s, a, set, in); });
        }
}

TEST_CASE("bar chart fits at every size") {
    for (const auto& [name, body] : chart_cases())
        for (const auto& sl : {slide_with(ViewType::BarChart),
                               slide_with(ViewType::BarChart, {"Lolland", "c"}, SortOrder::Descending),
                               slide_with(ViewType::BarChart, {}, SortOrder::Ascending, 5)}) {
            Dataset d;
            d.body = body;
            ViewInput in{d, sl, "Køge", {2022, 5, 3}};
            check_everywhere("bar " + name, [&](Canvas& c, const ViewStyle& s, Rect a) {
                draw_bar_chart(c, s, a, body, in);
            });
        }
}

TEST_CASE("grouped bars fit at every size") {
    for (const auto& [name, body] : chart_cases()) {
        if (std::holds_alternative<IndicatorSet>(body)) continue;  // not a grouped-bars dataset
        for (const auto& sl : {slide_with(ViewType::GroupedBars),
                               slide_with(ViewType::GroupedBars, {"Faxe"}, SortOrder::Descending, 4)}) {
            Dataset d;
            d.body = body;
            ViewInput in{d, sl, "259", {2022, 5, 3}};
            check_everywhere("grouped " + name, [&](Canvas& c, const ViewStyle& s, Rect a) {
                draw_grouped_bars(c, s, a, body, in);
            });
        }
    }
}

TEST_CASE("an empty dataset says so calmly") {
    ViewHarness h(1920, 1080);
    h.begin_frame();
    Dataset d;
    const Slide sl = slide_with(ViewType::BarChart);
    ViewInput in{d, sl, "", {}};
    Canvas c = h.canvas(h.screen());
    draw_bar_chart(c, h.style(), h.screen(), IndicatorSet{}, in);
    REQUIRE(c.texts.size() == 1);
    CHECK(c.texts[0].text == "Ingen data");
    h.end_frame();
}

TEST_CASE("too many bars: top N by the sort, the home municipality kept, and a note") {
    ViewHarness h(800, 480);
    h.begin_frame();
    Dataset d;
    const MunicipalityTable t = zealand(81);
    d.body = t;
    const Slide sl = slide_with(ViewType::BarChart, {}, SortOrder::Descending);
    ViewInput in{d, sl, "Lejre", {}};  // Lejre has the lowest of the 17 real values
    const Rect area = slide_layout(800, 480, h.sizes).body;
    Canvas c = h.canvas(area);
    draw_bar_chart(c, h.style(), area, d.body, in);
    CHECK(canvas_problems(c).empty());
    bool note = false, lolland = false, lejre = false;
    for (const auto& pt : c.texts) {
        note = note || pt.text.rfind("Viser ", 0) == 0;
        lolland = lolland || pt.text == "Lolland";
        lejre = lejre || pt.text == "Lejre";
    }
    CHECK(note);
    CHECK(lolland);  // the largest value comes first
    CHECK(lejre);    // --home is never dropped
    h.end_frame();
}

TEST_CASE("progress shows an overshoot honestly") {
    ViewHarness h(1920, 1080);
    h.begin_frame();
    Dataset d;
    const IndicatorSet set{{ind("v", "Korte vejledningsforløb", 1207, "", 600)}};
    const Slide sl = slide_with(ViewType::Progress);
    ViewInput in{d, sl, "", {}};
    Canvas c = h.canvas(h.screen());
    draw_progress(c, h.style(), h.screen(), set, in);
    bool of = false, pct = false, goal = false;
    for (const auto& pt : c.texts) {
        of = of || pt.text == "1.207 af 600";
        pct = pct || pt.text == "201 %";
        goal = goal || pt.text == "Mål";
    }
    CHECK(of);
    CHECK(pct);
    CHECK(goal);
    h.end_frame();
}

TEST_CASE("bar layout arithmetic") {
    const BarScale s = bar_scale({-50, 100}, {120});
    CHECK(s.lo == -50);
    CHECK(s.hi == 120);
    CHECK(bar_x(s, 0, 170, 0) == doctest::Approx(50));
    CHECK(bar_x(s, 0, 170, 1e12) == doctest::Approx(170));  // clamped
    CHECK(bar_scale({}).hi > bar_scale({}).lo);
    const RowFit f = fit_rows(100, 17, 20, 40);
    CHECK(f.shown == 5);
    CHECK(f.pitch == doctest::Approx(20));
    CHECK(fit_rows(1000, 2, 20, 40).pitch == doctest::Approx(40));
    // The 5 first of 0..9, but item 8 is highlighted and keeps its place.
    const auto shown = pick_shown({0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, {0, 0, 0, 0, 0, 0, 0, 0, 1, 0}, 5);
    CHECK(shown == std::vector<int>{0, 1, 2, 3, 8});
    const auto order = sorted_order({3.0, std::nullopt, 5.0, 1.0}, SortOrder::Descending);
    CHECK(order == std::vector<int>{2, 0, 3, 1});
}
