// The line chart, status board, timeline and goal scoreboard at every supported screen size,
// with realistic data and with edge data: nothing may overflow, overlap or be too small.
#include <doctest/doctest.h>

#include <algorithm>
#include <functional>
#include <string>

#include "app/slide_chrome.h"
#include "app/view.h"
#include "app/views/status_board.h"
#include "tests/view_harness.h"

using namespace feeds;

namespace {

// 200+ characters of Danish with æøå, to be cut, never spilled.
const std::string kLong =
    "Den fælles kommunale og regionale indsats for øget beskæftigelse blandt unge på Sjælland, "
    "Lolland-Falster og Møn – særligt for ledige i alderen 16-29 år med kort uddannelse – forventes "
    "at løbe til og med år 2025";

Slide slide_of(ViewType v) {
    Slide s;
    s.id = "test";
    s.view = v;
    s.title = "Test";
    return s;
}

// Draws `draw` into the body of a slide and into the whole screen at every size; every
// problem fails the test with the size in the message. `absurd`: data no screen can show whole
// (200 characters for a date), where cut text is the fallback; the rest must still hold.
void check_everywhere(const std::string& what,
                      const std::function<void(Canvas&, const ViewStyle&, Rect)>& draw, bool absurd = false) {
    for (const ScreenSize& sz : kScreenSizes) {
        ViewHarness h(sz.w, sz.h);
        REQUIRE_MESSAGE(h.font_error.empty(), h.font_error);
        h.begin_frame();
        const SlideLayout l = slide_layout(sz.w, sz.h, h.sizes);
        for (Rect area : {l.body, h.screen()}) {
            Canvas c = h.canvas(area);
            draw(c, h.style(), area);
            auto problems = canvas_problems(c);
            if (absurd)
                problems.erase(std::remove_if(problems.begin(), problems.end(),
                                              [](const std::string& p) {
                                                  return p.find("is cut short") != std::string::npos;
                                              }),
                               problems.end());
            INFO(what, " at ", sz.w, "x", sz.h, " in ", area.w(), "x", area.h());
            CHECK_MESSAGE(problems.empty(), join_problems(problems));
        }
        h.end_frame();
    }
}

// ---- series ------------------------------------------------------------------------------

Series unemployment() {
    Series s;
    s.unit = "%";
    const double a[] = {5.9, 5.6, 5.1, 4.6, 4.2, 4.0, 5.2, 3.3};
    const double b[] = {6.6, 6.2, 5.6, 5.0, 4.4, 4.1, 5.6, 3.5};
    SeriesLine la{"Region Sjælland", {}}, lb{"Hele landet", {}};
    for (int i = 0; i < 8; ++i) {
        la.points.push_back({std::to_string(2014 + i), a[i]});
        lb.points.push_back({std::to_string(2014 + i), i == 3 ? std::nullopt : std::optional<double>(b[i])});
    }
    s.lines = {la, lb};
    return s;
}

std::vector<std::pair<std::string, Series>> series_cases() {
    std::vector<std::pair<std::string, Series>> out;
    out.push_back({"empty", Series{}});
    Series all_null{"", {{"A", {{"2020", std::nullopt}, {"2021", std::nullopt}}}}};
    out.push_back({"all null", all_null});
    out.push_back({"one point", Series{"personer", {{"Ledige", {{"2021", 1207.0}}}}}});
    Series many{"", {{"Ledige", {}}}};
    for (int i = 0; i < 98; ++i)
        many.lines[0].points.push_back({"Uge " + std::to_string(i + 1), double(i * 37 % 101)});
    out.push_back({"98 points", many});
    out.push_back(
        {"negative", Series{"procentpoint", {{"Ændring", {{"2019", -4.5}, {"2020", 2.0}, {"2021", -0.8}}}}}});
    out.push_back({"zero", Series{"", {{"Nul", {{"2020", 0.0}, {"2021", 0.0}}}}}});
    out.push_back({"billion", Series{"kr", {{"Udgift", {{"2020", 1e9}, {"2021", 2.5e8}}}}}});
    out.push_back({"billion plain", Series{"", {{"Antal", {{"2020", 1e9}, {"2021", 0.0}}}}}});
    out.push_back({"long labels",
                   Series{"personer", {{kLong, {{kLong, 3.0}, {kLong, 4.0}}}, {kLong, {{kLong, 1.0}}}}}});
    out.push_back({"realistic", unemployment()});
    Series six = unemployment();
    for (int i = 0; i < 4; ++i) six.lines.push_back({"Linje " + std::to_string(i), six.lines[0].points});
    out.push_back({"six lines", six});
    return out;
}

// ---- projects ------------------------------------------------------------------------------

Project project(std::string id, std::string name, ProjectKind kind, ProjectPhase phase, std::string status,
                std::string cost) {
    Project p;
    p.id = std::move(id);
    p.name = std::move(name);
    p.kind = kind;
    p.phase = phase;
    p.status_text = std::move(status);
    p.cost_text = std::move(cost);
    p.places = {"Kalundborg", "Holbæk"};
    return p;
}

ProjectList road_projects() {
    ProjectList l;
    l.items.push_back(project("kalundborg", "Kalundborg – Holbæk motorvej", ProjectKind::Road,
                              ProjectPhase::PartlyFunded,
                              "Finansiering mangler til etape 3 Regstrup - Kalundborg", ""));
    l.items.push_back(project("ringsyd", "Ring Syd", ProjectKind::Road, ProjectPhase::Study,
                              "Forundersøgelse af en ny ringvej syd om Køge", "ca. 1,1 mia. kr."));
    l.items.push_back(project("rnet", "R-net", ProjectKind::Bus, ProjectPhase::InOperation,
                              "Regionale hurtigbusser på de tunge strækninger", ""));
    l.items.back().cost_dkk = 25e6;
    l.items.back().cost_basis = CostBasis::PerYear;
    l.items.push_back(project("koege_afk", "Køge Nord – afkørsel", ProjectKind::Road, ProjectPhase::Proposal,
                              "Indgår i Ring Syd", ""));
    l.items.back().cost_basis = CostBasis::PartOf;
    l.items.back().part_of = "ringsyd";
    l.items.push_back(project("ringsyd_del", "Ring Syd, del 1", ProjectKind::Road, ProjectPhase::Proposal,
                              "Delprojekt", "0,4 mia. kr. (indeholdt i 1,1 mia.)"));
    l.items.back().cost_basis = CostBasis::PartOf;
    l.items.back().part_of = "ringsyd";
    l.items.push_back(project("ringsted", "Ringsted – Femern banen", ProjectKind::Rail,
                              ProjectPhase::Underway, "Anlægsarbejdet er i gang", "9,5 mia. kr."));
    return l;
}

std::vector<std::pair<std::string, ProjectList>> project_cases() {
    std::vector<std::pair<std::string, ProjectList>> out;
    out.push_back({"empty", ProjectList{}});
    ProjectList one;
    one.items.push_back(project("a", "Ring Syd", ProjectKind::Road, ProjectPhase::Unknown, "", ""));
    out.push_back({"one", one});
    ProjectList many;
    for (int i = 0; i < 98; ++i)
        many.items.push_back(project("p" + std::to_string(i), "Projekt " + std::to_string(i),
                                     ProjectKind::Other, ProjectPhase(i % 6), "Status", ""));
    out.push_back({"98", many});
    ProjectList edge;
    edge.items.push_back(project("long", kLong, ProjectKind::Rail, ProjectPhase::Study, kLong, kLong));
    edge.items.back().places = {kLong, kLong};
    edge.items.push_back(project("big", "Stor", ProjectKind::Bus, ProjectPhase::Underway, "", ""));
    edge.items.back().cost_dkk = 1e9;
    edge.items.push_back(project("neg", "Negativ", ProjectKind::Road, ProjectPhase::Underway, "", ""));
    edge.items.back().cost_dkk = -5e6;
    edge.items.push_back(project("zero", "Nul", ProjectKind::Road, ProjectPhase::Underway, "", ""));
    edge.items.back().cost_dkk = 0;
    out.push_back({"edge", edge});
    ProjectList wordy;  // long, as a document may write it: must show whole, wrapped
    wordy.items.push_back(project("w1", "Ring Syd, del 2: Ørestad og overhalingsspor ved Kalvebod",
                                  ProjectKind::Rail, ProjectPhase::PartlyFunded,
                                  "Delprojekt af Ring Syd; kapacitet til flere tog og en forrentning på 10 % "
                                  "efter Vejdirektoratets beregning",
                                  "ca. 500 mio. kr.; statstilskud +ca. 23 mio. kr. pr. år"));
    wordy.items.back().places = {"Roskilde", "Glostrup", "Ny Ellebjerg", "Ørestad", "Københavns Lufthavn"};
    wordy.items.push_back(project("w2", "Flaskehals nord for Køge station", ProjectKind::Rail,
                                  ProjectPhase::Study, "Mere spor og tog hvert kvarter Hårlev–Køge–Roskilde",
                                  ""));
    out.push_back({"wordy", wordy});
    out.push_back({"realistic", road_projects()});
    return out;
}

// ---- timeline ------------------------------------------------------------------------------

Timeline plan() {
    Timeline t;
    t.events = {
        {{2022, 5, 0}, "Maj 2022", "KKR Sjælland drøfter oplægget", "", "", ""},
        {{2022, 6, 0}, "Juni 2022", "Kommunerne melder tilbage", "", "", ""},
        {{2022, 8, 0}, "August 2022", "Udkast til fælles strategi", "", "", ""},
        {{2022, 10, 0}, "Oktober 2022", "Høring i kommunalbestyrelserne", "", "", ""},
        {{2022, 12, 0}, "December 2022", "KKR vedtager strategien", "", "", ""},
        {{2023, 3, 0}, "Forår 2023", "Handlingsplan med projekter", "", "", ""},
        {{2023, 6, 0}, "Sommer 2023", "Første projekter sættes i gang", "", "", ""},
    };
    return t;
}

std::vector<std::pair<std::string, Timeline>> timeline_cases() {
    std::vector<std::pair<std::string, Timeline>> out;
    out.push_back({"empty", Timeline{}});
    out.push_back({"one", Timeline{{{{2022, 5, 3}, "", "Møde", "", "", ""}}}});
    Timeline many;
    for (int i = 0; i < 98; ++i)
        many.events.push_back({{2000 + i / 12, i % 12 + 1, 0}, "", "Trin " + std::to_string(i), "", "", ""});
    out.push_back({"98", many});
    out.push_back({"long", Timeline{{{{2022, 5, 0}, kLong, kLong, "", "", ""},
                                     {{2023, 0, 0}, "", kLong, "", "", ""}}}});
    out.push_back(
        {"wordy", Timeline{{{{2022, 6, 14},
                             "14. juni",
                             "Fælles situationsforståelse i KKR og Regionsrådet",
                             "Behandles af KKR, udvalget og Regionsrådet.",
                             "",
                             ""},
                            {{2022, 8, 0}, "August/september", "Konference om mobilitet", "", "", ""},
                            {{2023, 0, 0}, "Sommer 2023", "Endelig vedtagelse", "", "", ""}}}});
    out.push_back({"realistic", plan()});
    return out;
}

// ---- goals ---------------------------------------------------------------------------------

GoalList business_goals() {
    const char* titles[] = {"Flere nye virksomheder",
                            "Vækst i omsætning",
                            "Eksport",
                            "Flere i job",
                            "Digitalisering",
                            "Grøn omstilling",
                            "Iværksætteri",
                            "Turisme",
                            "Kvalificeret arbejdskraft",
                            "Erhvervsuddannelser",
                            "Infrastruktur",
                            "Bredbånd",
                            "Innovation",
                            "Investeringer",
                            "Fødevareerhverv",
                            "Life science",
                            "Produktivitet",
                            "Beskæftigelsesfrekvens"};
    GoalList g;
    for (int i = 0; i < 18; ++i) {
        Goal goal;
        goal.number = i + 1;
        goal.title = titles[i];
        goal.status = GoalStatus::Met;
        if (i + 1 == 8) goal.status = GoalStatus::PartlyMet;
        if (i + 1 == 1 || i + 1 == 17 || i + 1 == 18)
            goal.status = GoalStatus::NotMet, goal.verdict_by = VerdictBy::Derived;
        if (i + 1 == 5) goal.status = GoalStatus::Pending, goal.verdict_by = VerdictBy::Derived;
        g.items.push_back(goal);
    }
    return g;
}

std::vector<std::pair<std::string, GoalList>> goal_cases() {
    std::vector<std::pair<std::string, GoalList>> out;
    out.push_back({"empty", GoalList{}});
    GoalList one;
    one.items.push_back(
        Goal{1, "Flere i job", "", "", {}, {}, "", GoalStatus::Met, VerdictBy::Document, "", "", ""});
    out.push_back({"one", one});
    GoalList many;
    for (int i = 0; i < 98; ++i)
        many.items.push_back(
            Goal{i + 1, "Mål", "", "", {}, {}, "", GoalStatus(i % 4), VerdictBy(i % 2), "", "", ""});
    out.push_back({"98", many});
    GoalList edge;
    edge.items.push_back(
        Goal{1000000000, kLong, "", "", {}, {}, "", GoalStatus::NotMet, VerdictBy::Derived, "", "", ""});
    edge.items.push_back(
        Goal{-3, "", "", "", {}, {}, "", GoalStatus::Pending, VerdictBy::Document, "", "", ""});
    out.push_back({"edge", edge});
    out.push_back({"realistic", business_goals()});
    return out;
}

// Everything drawn by one view, as text, for checking what is said.
std::string all_text(const Canvas& c) {
    std::string out;
    for (const auto& t : c.texts) out += t.text + "\n";
    return out;
}

template <class Body, class Fn>
std::string draw_text_of(ViewType v, const Body& body, Fn fn, PartialDate today = {2022, 9, 1},
                         ViewOptions opt = {}, std::string_view home = "", int w = 1920, int hgt = 1080) {
    ViewHarness h(w, hgt);
    h.begin_frame();
    Dataset d;
    Slide slide = slide_of(v);
    slide.options = opt;
    ViewInput in{d, slide, home, today};
    const Rect area = slide_layout(w, hgt, h.sizes).body;
    Canvas c = h.canvas(area);
    fn(c, h.style(), area, body, in);
    h.end_frame();
    return all_text(c);
}

}  // namespace

TEST_CASE("line chart lays out at every size with edge data") {
    for (const auto& [name, series] : series_cases()) {
        Dataset d;
        const Slide slide = slide_of(ViewType::LineChart);
        const ViewInput in{d, slide, "", {2022, 5, 3}};
        // 200-character labels may be shortened (they are, since x labels report their cuts).
        check_everywhere(
            "line chart " + name,
            [&, &series = series](Canvas& c, const ViewStyle& s, Rect a) {
                draw_line_chart(c, s, a, series, in);
            },
            name == "long labels");
    }
}

TEST_CASE("line chart: Danish ticks, last values, legend") {
    const std::string text = draw_text_of(ViewType::LineChart, unemployment(), draw_line_chart);
    CHECK(text.find("3,3 %") != std::string::npos);        // last value of the first line
    CHECK(text.find("Hele landet") != std::string::npos);  // legend with two lines
    CHECK(text.find("2 %") != std::string::npos);          // a round tick
    Series big{"", {{"Antal", {{"2020", 1e9}, {"2021", 0.0}}}}};
    const std::string big_text = draw_text_of(ViewType::LineChart, big, draw_line_chart);
    CHECK(big_text.find("1.000.000.000") != std::string::npos);
    const std::string empty = draw_text_of(ViewType::LineChart, Series{}, draw_line_chart);
    CHECK(empty == "Ingen data\n");
}

TEST_CASE("status board lays out at every size with edge data") {
    for (const auto& [name, list] : project_cases()) {
        Dataset d;
        Slide slide = slide_of(ViewType::StatusBoard);
        slide.options.highlight = {"ringsyd"};
        const ViewInput in{d, slide, "", {2022, 5, 3}};
        check_everywhere(
            "status board " + name,
            [&, &list = list](Canvas& c, const ViewStyle& s, Rect a) {
                draw_status_board(c, s, a, list, in);
            },
            name == "edge");
    }
}

TEST_CASE("status board: Danish phase words and cost texts") {
    std::string text = draw_text_of(ViewType::StatusBoard, road_projects(), draw_status_board);
    std::replace(text.begin(), text.end(), '\n', ' ');  // wrapped lines read as one text
    for (const char* expected : {"Delvist finansieret", "Undersøges", "I drift", "Forslag",
                                 "ca. 1,1 mia. kr.", "25 mio. kr. om året", "del af Ring Syd"})
        CHECK_MESSAGE(text.find(expected) != std::string::npos, std::string(expected));
    // With room to spare a project's own words show too; on a full board they are the first
    // thing every row leaves out, so that more projects fit.
    ViewOptions one;
    one.limit = 1;
    std::string words = draw_text_of(ViewType::StatusBoard, road_projects(), draw_status_board, {}, one);
    std::replace(words.begin(), words.end(), '\n', ' ');
    CHECK(words.find("Finansiering mangler til etape 3 Regstrup - Kalundborg") != std::string::npos);
    ViewOptions last_two;  // the last two, which a 1080-line screen has no room for under the first four
    last_two.columns = {"ringsyd_del", "ringsted"};
    const std::string rest =
        draw_text_of(ViewType::StatusBoard, road_projects(), draw_status_board, {}, last_two);
    CHECK(rest.find("I gang") != std::string::npos);
    CHECK(rest.find("0,4 mia. kr.") != std::string::npos);
    ViewOptions limit;
    limit.limit = 2;
    const std::string limited =
        draw_text_of(ViewType::StatusBoard, road_projects(), draw_status_board, {}, limit);
    CHECK(limited.find("Viser 2 af 6 projekter") != std::string::npos);
}

TEST_CASE("status board: the columns option picks the projects and their order") {
    ViewOptions pick;
    pick.columns = {"ringsted", "rnet"};
    const std::string text =
        draw_text_of(ViewType::StatusBoard, road_projects(), draw_status_board, {}, pick);
    CHECK(text.find("Ringsted") != std::string::npos);
    CHECK(text.find("R-net") != std::string::npos);
    CHECK(text.find("Holbæk motorvej") == std::string::npos);
    CHECK(text.find("Viser") == std::string::npos);  // nothing left out: the slide shows all it names
    CHECK(text.find("Ringsted") < text.find("R-net"));
}

TEST_CASE("timeline lays out at every size with edge data, today anywhere") {
    for (const PartialDate today : {PartialDate{}, PartialDate{2021, 1, 1}, PartialDate{2022, 5, 3},
                                    PartialDate{2022, 9, 1}, PartialDate{2030, 1, 1}}) {
        for (const auto& [name, tl] : timeline_cases()) {
            Dataset d;
            const Slide slide = slide_of(ViewType::Timeline);
            const ViewInput in{d, slide, "", today};
            check_everywhere(
                "timeline " + name + " today " + std::to_string(today.year) + "-" +
                    std::to_string(today.month),
                [&, &tl = tl](Canvas& c, const ViewStyle& s, Rect a) { draw_timeline(c, s, a, tl, in); },
                name == "long");
        }
    }
}

TEST_CASE("timeline: 'I dag' only when today falls inside the plan") {
    CHECK(draw_text_of(ViewType::Timeline, plan(), draw_timeline, {2022, 9, 1}).find("I dag") !=
          std::string::npos);
    CHECK(draw_text_of(ViewType::Timeline, plan(), draw_timeline, {2022, 5, 3}).find("I dag") !=
          std::string::npos);
    CHECK(draw_text_of(ViewType::Timeline, plan(), draw_timeline, {2030, 1, 1}).find("I dag") ==
          std::string::npos);
    CHECK(draw_text_of(ViewType::Timeline, plan(), draw_timeline, {2021, 1, 1}).find("I dag") ==
          std::string::npos);
    const std::string text = draw_text_of(ViewType::Timeline, plan(), draw_timeline);
    CHECK(text.find("Sommer 2023") != std::string::npos);
    CHECK(text.find("Maj 2022") != std::string::npos);
}

TEST_CASE("goal scoreboard lays out at every size with edge data") {
    for (const auto& [name, goals] : goal_cases()) {
        Dataset d;
        const Slide slide = slide_of(ViewType::GoalScoreboard);
        const ViewInput in{d, slide, "", {2022, 5, 3}};
        check_everywhere("goal scoreboard " + name,
                         [&, &goals = goals](Canvas& c, const ViewStyle& s, Rect a) {
                             draw_goal_scoreboard(c, s, a, goals, in);
                         });
    }
}

TEST_CASE("goal scoreboard: summary counts, the open goals by title, the met by number, no footnote") {
    const std::string text = draw_text_of(ViewType::GoalScoreboard, business_goals(), draw_goal_scoreboard);
    CHECK(text.find("13 opfyldt") != std::string::npos);
    CHECK(text.find("1 delvist") != std::string::npos);
    CHECK(text.find("3 ikke opfyldt") != std::string::npos);
    CHECK(text.find("1 afventer") != std::string::npos);
    CHECK(text.find('*') == std::string::npos);  // whose verdict is the caption's to say
    CHECK(text.find("infotavles") == std::string::npos);
    CHECK(text.find("\u2026") == std::string::npos);  // no title cut
}

TEST_CASE("status board: a column every project shares is said once above the board") {
    ProjectList l;
    for (const char* name : {"Sjællandske Tværforbindelse", "Fast forbindelse over Kattegat", "Femern"})
        l.items.push_back(project(name, name, ProjectKind::Other, ProjectPhase::Proposal, "Etablering", ""));
    std::vector<const Project*> ps;
    for (const auto& p : l.items) ps.push_back(&p);
    BoardCommon all = board_common(ps, {"", "", ""});
    CHECK(all.same_phase);
    CHECK(all.no_cost);
    CHECK(all.line == "Alle er forslag · pris ikke oplyst");
    // A remark without a figure names no amount either; one shared remark is said as it is.
    all = board_common(
        ps, {"udgiftsomfanget er ukendt", "udgiftsomfanget er ukendt", "udgiftsomfanget er ukendt"});
    CHECK(all.line == "Alle er forslag · udgiftsomfanget er ukendt");
    CHECK(board_common(ps, {"udgiftsomfanget er ukendt", "", ""}).no_cost);
    // One amount keeps the column; one other phase keeps the badges.
    BoardCommon mixed = board_common(ps, {"", "ca. 1,1 mia. kr.", ""});
    CHECK_FALSE(mixed.no_cost);
    CHECK(mixed.line == "Alle er forslag");
    l.items[1].phase = ProjectPhase::InOperation;
    mixed = board_common(ps, {"", "", ""});
    CHECK_FALSE(mixed.same_phase);
    CHECK(mixed.line == "Alle: pris ikke oplyst");
    l.items[2].cost_basis = CostBasis::PartOf;  // "del af Ring Syd" says where its cost is
    CHECK_FALSE(board_common(ps, {"", "", "del af Ring Syd"}).no_cost);
    CHECK(board_common({ps[0]}, {""}).line.empty());  // one project shares nothing

    // Drawn: the line once, no badge or price on the rows.
    l.items[1].phase = ProjectPhase::Proposal;
    l.items[2].cost_basis = CostBasis::Total;
    std::string text = draw_text_of(ViewType::StatusBoard, l, draw_status_board);
    CHECK(text.find("Alle er forslag · pris ikke oplyst") != std::string::npos);
    CHECK(text.find("Forslag\n") == std::string::npos);
    CHECK(text.find("Økonomi") == std::string::npos);
}

TEST_CASE("--home marks the home municipality's projects and steps in words, at every size") {
    ProjectList l = road_projects();
    l.items[1].places = {"Køge", "Stevns"};
    for (const ScreenSize& sz : kScreenSizes) {
        INFO(sz.w, "x", sz.h);
        const std::string text =
            draw_text_of(ViewType::StatusBoard, l, draw_status_board, {2022, 5, 3}, {}, "Køge", sz.w, sz.h);
        CHECK(text.find("Din kommune") != std::string::npos);
        const std::string other = draw_text_of(ViewType::StatusBoard, l, draw_status_board, {2022, 5, 3}, {},
                                               "Odsherred", sz.w, sz.h);
        CHECK(other.find("Din kommune") == std::string::npos);
    }
    Timeline t = plan();
    t.events[1].label = "Køge Kommune melder tilbage";
    for (const ScreenSize& sz : kScreenSizes) {
        INFO(sz.w, "x", sz.h);
        const std::string text =
            draw_text_of(ViewType::Timeline, t, draw_timeline, {2022, 5, 3}, {}, "Køge", sz.w, sz.h);
        CHECK(text.find("Din kommune") != std::string::npos);
        CHECK(draw_text_of(ViewType::Timeline, t, draw_timeline, {2022, 5, 3}, {}, "", sz.w, sz.h)
                  .find("Din kommune") == std::string::npos);
    }
}
