// What the timeline, the status board and the goal scoreboard leave out of what the publisher
// wrote (issue 19: exit 0 means the screen shows what you wrote): each names the item and the
// field in Canvas::left_out when it does not fit at 800x480, and nothing when it fits.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "app/slide_chrome.h"
#include "app/view.h"
#include "tests/view_harness.h"

namespace {

// Canvas::left_out after drawing `body` with `draw` into the slide body of a `w` x `h` screen.
template <class Body, class Draw>
std::vector<std::string> left_out_of(const Body& body, Draw draw, feeds::ViewType view, int w = 800,
                                     int h = 480) {
    ViewHarness harness(w, h);
    harness.begin_frame();
    const feeds::Dataset d;
    feeds::Slide slide;
    slide.id = "s";
    slide.view = view;
    const ViewInput in{d, slide, "", {2022, 9, 1}};
    const Rect area = slide_layout(w, h, harness.sizes).body;
    Canvas c = harness.canvas(area);
    draw(c, harness.style(), area, body, in);
    harness.end_frame();
    return c.left_out;
}

std::string joined(const std::vector<std::string>& lines) {
    std::string out;
    for (const auto& l : lines) out += l + "\n";
    return out;
}

// Words to `bytes`: more than any layout shows under one item at 800x480.
std::string long_text(std::size_t bytes) {
    std::string out;
    while (out.size() < bytes) out += "Behandles af KKR, udvalget og Regionsrådet. ";
    return out.substr(0, out.rfind(' ', bytes));
}

feeds::Timeline three_steps(const std::string& note) {
    return feeds::Timeline{{{{2022, 5, 0}, "Maj 2022", "Opstart i KKR", "", "", ""},
                            {{2022, 8, 0}, "August 2022", "Konference", note, "", ""},
                            {{2023, 0, 0}, "Sommer 2023", "Vedtagelse", "", "", ""}}};
}

feeds::ProjectList two_projects(const std::string& words) {
    feeds::ProjectList l;
    for (const char* id : {"rute_54", "ring_syd"}) {
        feeds::Project p;
        p.id = id;
        p.name = std::string(id) == "rute_54" ? "Rute 54 Næstved-Rønnede" : "Ring Syd";
        p.kind = feeds::ProjectKind::Road;
        p.phase = feeds::ProjectPhase::Underway;
        p.status_text = std::string(id) == "rute_54" ? words : "Anlægget er i gang.";
        p.cost_text = "ca. 1,1 mia. kr.";
        l.items.push_back(p);
    }
    return l;
}

// Three goals whose titles are too long for the list's columns: the finding shows goal 2, not
// met, with its result under the title when that fits in two lines.
feeds::GoalList three_goals(const std::string& result) {
    feeds::GoalList g;
    const std::string title =
        "Flere virksomheder i hele regionen får hjælp til grøn omstilling, digitalisering og eksport i "
        "perioden";
    g.items.push_back(
        {1, title, "", "", {}, {}, "", feeds::GoalStatus::Met, feeds::VerdictBy::Document, "", "", ""});
    g.items.push_back({2,
                       title,
                       "",
                       result,
                       {},
                       {},
                       "",
                       feeds::GoalStatus::NotMet,
                       feeds::VerdictBy::Document,
                       "",
                       "",
                       ""});
    g.items.push_back(
        {3, title, "", "", {}, {}, "", feeds::GoalStatus::Met, feeds::VerdictBy::Document, "", "", ""});
    return g;
}

}  // namespace

TEST_CASE("left out: a timeline note that does not fit at 800x480 is named, one that fits is not") {
    const std::string note = long_text(600);
    const auto out = left_out_of(three_steps(note), draw_timeline, feeds::ViewType::Timeline);
    CHECK(joined(out) == "step \"Konference\": the note \"" + note + "\" does not fit\n");
    CHECK(left_out_of(three_steps("Forventet."), draw_timeline, feeds::ViewType::Timeline).empty());
}

TEST_CASE("left out: a project's status text that does not fit at 800x480 is named, one that fits is not") {
    const std::string words = long_text(900);
    const std::string out =
        joined(left_out_of(two_projects(words), draw_status_board, feeds::ViewType::StatusBoard));
    CHECK_MESSAGE(out.find("project \"rute_54\": the status text \"" + words + "\" does not fit\n") !=
                      std::string::npos,
                  out);
    CHECK(left_out_of(two_projects("Anlægget er i gang."), draw_status_board, feeds::ViewType::StatusBoard)
              .empty());
}

TEST_CASE("left out: a goal's result that does not fit at 800x480 is named, one that fits is not") {
    const std::string result = long_text(400);
    CHECK(joined(left_out_of(three_goals(result), draw_goal_scoreboard, feeds::ViewType::GoalScoreboard)) ==
          "goal 2: the result \"" + result + "\" does not fit\n");
    const feeds::GoalList fits = three_goals("410 nye virksomheder");
    CHECK(left_out_of(fits, draw_goal_scoreboard, feeds::ViewType::GoalScoreboard).empty());
}

TEST_CASE(
    "left out: the finding lists met goals by number, their results are not missed, a listed goal's is") {
    // Goals 1 and 3 met, with results: the finding shows them as "mål 1 og 3", by design.
    feeds::GoalList g = three_goals(long_text(400));
    g.items[0].result_text = "410 nye virksomheder";
    g.items[2].result_text = "Alle kommuner mindst på deres andel";
    const std::string out = joined(left_out_of(g, draw_goal_scoreboard, feeds::ViewType::GoalScoreboard));
    CHECK(out == "goal 2: the result \"" + g.items[1].result_text + "\" does not fit\n");
    g.items[1].result_text = "65 %";
    CHECK(left_out_of(g, draw_goal_scoreboard, feeds::ViewType::GoalScoreboard).empty());
}

TEST_CASE("left out: a project's places are the map's, the board does not miss them") {
    feeds::ProjectList l = two_projects("Anlægget er i gang.");
    for (auto& p : l.items)
        p.places = {"Næstved", "Faxe",        "Rønnede",          "Haslev",     "Ringsted",
                    "Køge",    "Roskilde",    "Holbæk",           "Kalundborg", "Slagelse",
                    "Sorø",    "Vordingborg", "Nykøbing Falster", "Stevns"};
    CHECK(left_out_of(l, draw_status_board, feeds::ViewType::StatusBoard).empty());
}
