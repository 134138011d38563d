// KPI tiles, progress, bar chart and grouped bars at every supported screen size, with
// realistic data and with edge data: nothing may overflow, overlap or be too small.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
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

// Only the deliberately absurd labels (200+ characters) may be shortened: nothing can show them
// whole in a narrow half of an 800x480 screen. Every other problem counts for them too.
std::vector<std::string> problems_for(const std::string& what, const Canvas& c) {
    std::vector<std::string> out;
    const bool absurd = what.find("long") != std::string::npos;
    for (auto& p : canvas_problems(c))
        if (!(absurd && p.find("is cut short") != std::string::npos)) out.push_back(p);
    return out;
}

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
            const auto problems = problems_for(what, c);
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
    out.push_back({"table five columns, long labels, short rows", wide});
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

// Each named body drawn by `draw` on each slide, at every size (check_everywhere).
template <class Body, class Draw>
void check_views(const std::string& kind, const std::vector<std::pair<std::string, Body>>& cases,
                 std::initializer_list<Slide> slides, const std::string& home, Draw draw) {
    for (const auto& c : cases)
        for (const auto& sl : slides) {
            Dataset d;
            d.body = c.second;
            ViewInput in{d, sl, home, {2022, 5, 3}};
            check_everywhere(kind + " " + c.first, [&](Canvas& canvas, const ViewStyle& s, Rect a) {
                draw(canvas, s, a, c.second, in);
            });
        }
}

}  // namespace

TEST_CASE("kpi tiles fit at every size") {
    check_views("kpi", indicator_cases(),
                {slide_with(ViewType::KpiTiles), slide_with(ViewType::KpiTiles, {"ledighed", "a"}, {}, 3)},
                "", [](auto&... args) { draw_kpi_tiles(args...); });
}

TEST_CASE("progress fits at every size") {
    check_views(
        "progress", indicator_cases(),
        {slide_with(ViewType::Progress), slide_with(ViewType::Progress, {"b"}, SortOrder::Descending)}, "",
        [](auto&... args) { draw_progress(args...); });
}

TEST_CASE("bar chart fits at every size") {
    check_views("bar", chart_cases(),
                {slide_with(ViewType::BarChart),
                 slide_with(ViewType::BarChart, {"Lolland", "c"}, SortOrder::Descending),
                 slide_with(ViewType::BarChart, {}, SortOrder::Ascending, 5)},
                "Køge", [](auto&... args) { draw_bar_chart(args...); });
}

TEST_CASE("grouped bars fit at every size") {
    auto cases = chart_cases();
    std::erase_if(cases, [](const auto& c) {
        return std::holds_alternative<IndicatorSet>(c.second);  // not a grouped-bars dataset
    });
    check_views("grouped", cases,
                {slide_with(ViewType::GroupedBars),
                 slide_with(ViewType::GroupedBars, {"Faxe"}, SortOrder::Descending, 4)},
                "259", [](auto&... args) { draw_grouped_bars(args...); });
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

// The texts drawn by `draw` on a w x h screen, which must show no canvas problem.
std::vector<std::string> texts_of(int w, int h,
                                  const std::function<void(Canvas&, const ViewStyle&, Rect)>& draw) {
    ViewHarness hv(w, h);
    hv.begin_frame();
    Canvas c = hv.canvas(hv.screen());
    draw(c, hv.style(), hv.screen());
    std::vector<std::string> out;
    for (const auto& pt : c.texts) out.push_back(pt.text);
    const std::vector<std::string> problems = canvas_problems(c);
    CHECK_MESSAGE(problems.empty(), join_problems(problems));
    hv.end_frame();
    return out;
}

// The bar chart of `in` (its dataset's body) on a w x h screen, as texts_of().
std::vector<std::string> bar_texts(int w, int h, const ViewInput& in) {
    return texts_of(
        w, h, [&](Canvas& c, const ViewStyle& s, Rect a) { draw_bar_chart(c, s, a, in.dataset.body, in); });
}

bool has(const std::vector<std::string>& v, const std::string& t) {
    return std::find(v.begin(), v.end(), t) != v.end();
}

TEST_CASE("progress: figures against targets, a met / not-met mark in words, no % of target") {
    Dataset d;
    const IndicatorSet set{{ind("v", "Korte vejledninger", 1207, "", 600),
                            ind("h", "Handlingsplaner", 382, "", 385),
                            ind("d", "Meget tilfredse, driftssegmentet", 77, "%", 80),
                            ind("n", "Anbefalingsscore", 76, "point", 70)}};
    const Slide sl = slide_with(ViewType::Progress);
    ViewInput in{d, sl, "", {}};
    for (const ScreenSize& sz : kScreenSizes) {
        CAPTURE(sz.w);
        const auto t = texts_of(sz.w, sz.h, [&, &set = set](Canvas& c, const ViewStyle& s, Rect a) {
            draw_progress(c, s, a, set, in);
        });
        CHECK(has(t, "1.207 \xC2\xB7 mål 600"));
        CHECK(has(t, "382 \xC2\xB7 mål 385"));
        CHECK(has(t, "77 % \xC2\xB7 mål 80 %"));
        CHECK(std::count(t.begin(), t.end(), "Ikke nået") == 2);  // 382 of 385 and 77 of 80 are misses
        CHECK(std::count(t.begin(), t.end(), "Nået") + std::count(t.begin(), t.end(), "Ikke nået") >= 3);
        for (const char* pct : {"96 %", "109 %", "201 %", "99 %"}) CHECK_FALSE(has(t, pct));
    }
}

TEST_CASE("targets: met or not, and each metric on its own scale") {
    CHECK(target_met(1207, 600) == true);
    CHECK(target_met(382, 385) == false);
    CHECK(target_met(80, 80) == true);
    CHECK(target_met(38, 39.0) == false);
    CHECK_FALSE(target_met(5, std::nullopt).has_value());
    CHECK_FALSE(target_met(3, 0.0).has_value());  // a target of 0: which way is better is unknown
    CHECK_FALSE(target_met(NAN, 5.0).has_value());

    const BarScale pct = metric_scale(77, 80, "%");
    CHECK(pct.lo == 0);
    CHECK(pct.hi == 100);
    const BarScale count = metric_scale(382, 385, "");
    CHECK(count.lo == 0);
    CHECK(count.hi == doctest::Approx(385 * 1.1));
    CHECK(bar_x(count, 0, 1000, 382) < bar_x(count, 0, 1000, 385));  // the miss stops short of its tick
    CHECK(metric_scale(1207, 600, "").hi == doctest::Approx(1207 * 1.1));
    CHECK(metric_scale(150, 120, "%").hi == doctest::Approx(165));  // over 100 %: its own range

    CHECK(target_figure(77, 80, "%", 0) == "77 % \xC2\xB7 mål 80 %");
    CHECK(target_figure(1207, 600, "", std::nullopt) == "1.207 \xC2\xB7 mål 600");
    CHECK(target_figure(76, 70, "point", 0) == "76 point \xC2\xB7 mål 70 point");
    CHECK(target_figure(76, 70, "point", 0, 1) == "76 point \xC2\xB7 mål 70");
    CHECK(target_figure(76, 70, "point", 0, 2) == "76 \xC2\xB7 mål 70");
    CHECK(target_figure(12, std::nullopt, "%", 0) == "12 %");
}

TEST_CASE("wrap_whole wraps words whole or says it cannot") {
    ViewHarness h(1280, 720);
    const ImFont* f = h.fonts.body;
    const float w = text_size(f, "Meget tilfredse,").x + 1;
    const auto two = wrap_whole(f, "Meget tilfredse, driftssegmentet",
                                std::max(w, text_size(f, "driftssegmentet").x + 1), 2);
    REQUIRE(two);
    CHECK(*two == std::vector<std::string>{"Meget tilfredse,", "driftssegmentet"});
    CHECK_FALSE(wrap_whole(f, "Meget tilfredse, driftssegmentet", w, 1));
    CHECK_FALSE(wrap_whole(f, "Uddannelsesparate", text_size(f, "Uddannelses").x, 3));  // a word too wide
    CHECK(wrap_whole(f, "", 100, 1)->empty());
}

TEST_CASE("bar chart: the reference line is labelled on the data's own scale, the home bar marked") {
    Dataset d;
    d.body = zealand();
    Slide sl = slide_with(ViewType::BarChart, {}, SortOrder::Descending);
    sl.options.reference = ReferenceLine{"Regionen", 10};
    sl.options.decimals = 0;
    ViewInput in{d, sl, "Lolland", {}};
    for (const ScreenSize& sz : kScreenSizes) {
        CAPTURE(sz.w);
        const auto t = bar_texts(sz.w, sz.h, in);
        CHECK(has(t, "Regionen: 10 %"));
        CHECK(has(t, "Lolland"));  // --home is kept in a top N
    }
    // A reference beyond every bar widens the scale instead of leaving the chart.
    sl.options.reference = ReferenceLine{"Landet", 50};
    const auto t = bar_texts(1280, 720, in);
    CHECK(has(t, "Landet: 50 %"));
}

TEST_CASE("bar chart: a bar with a target says whether it is met") {
    Dataset d;
    const IndicatorSet set{{ind("sj", "Erhvervshus Sjælland", 38, "%", 39),
                            ind("sy", "Erhvervshus Sydjylland", 38, "%"),
                            ind("ho", "Erhvervshus Hovedstaden", 24, "%")}};
    d.body = set;
    const Slide sl = slide_with(ViewType::BarChart, {"sj"});
    ViewInput in{d, sl, "", {}};
    for (const ScreenSize& sz : kScreenSizes) {
        CAPTURE(sz.w);
        const auto t = bar_texts(sz.w, sz.h, in);
        CHECK(std::count(t.begin(), t.end(), "Ikke nået") == 1);
        CHECK_FALSE(has(t, "Nået"));
        std::string all;  // a name may wrap onto two lines: each word is there, whole (cuts are problems)
        for (const auto& x : t) all += x + " ";
        for (const char* word : {"Erhvervshus", "Sjælland", "Sydjylland", "Hovedstaden"})
            CHECK(all.find(word) != std::string::npos);
    }
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

TEST_CASE("grouped bars: six groups of two fit a 1920x1080 body, their figures side by side") {
    Series youth{"personer", {{"2017", {}}, {"2021", {}}}};
    const char* groups[] = {"Aktivitetsparate unge", "Uddannelsesparate", "Åbenlyst uddannelsesparate",
                            "Kontanthjælp 16–29 år", "Dagpenge 16–29 år", "Sygedagpenge 16–29 år"};
    for (int i = 0; i < 6; ++i) {
        youth.lines[0].points.push_back({groups[i], 1000.0 + i * 400});
        youth.lines[1].points.push_back({groups[i], 900.0 + i * 350});
    }
    ViewHarness h(1920, 1080);
    h.begin_frame();
    const SlideLayout l = slide_layout(1920, 1080, h.sizes);
    Dataset d;
    d.body = youth;
    const Slide sl = slide_with(ViewType::GroupedBars);
    ViewInput in{d, sl, "", {2022, 5, 3}};
    Canvas c = h.canvas(l.body);
    draw_grouped_bars(c, h.style(), l.body, youth, in);
    CHECK_MESSAGE(canvas_problems(c).empty(), join_problems(canvas_problems(c)));
    bool hidden = false, paired = false;
    for (const auto& t : c.texts) {
        hidden = hidden || t.text.rfind("Viser", 0) == 0;
        paired = paired || t.text == "1.000 \u2192 900";
    }
    CHECK_FALSE(hidden);  // every group shown
    CHECK(paired);        // one text per group: the floor font leaves no room for one per bar
    h.end_frame();
}
