// --render as the publisher's preview (issue 19): it fails when what was written is not on
// screen, keeps PNG numbers stable, renders one slide on request and writes a contact sheet.
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "app/kiosk/contact_sheet.h"
#include "app/kiosk/render_pngs.h"
#include "app/kiosk/slide_set.h"
#include "platform/font_files.h"
#include "tests/render_date.h"
#include "tests/temp_dir.h"

namespace fs = std::filesystem;

namespace {

FontFiles fonts() {
    const char* dir = std::getenv("INFOTAVLE_FONT_DIR");
    return find_font_files(dir ? dir : "");
}

// A feed with one tile of long texts; a manifest whose first slide has a misspelt view, the
// second shows the short tiles, the third the long one.
void write_files(const TempDir& dir) {
    dir.write(
        "feed.json",
        R"({"format":"infotavle-feed","version":"1.0","id":"koege","title":"Køge","as_of":"2022-03",)"
        R"("source":{"publisher":"Køge Kommune"},"datasets":[{"id":"noegletal","type":"indicators",)"
        R"("title":"Nøgletal","items":[)"
        R"({"id":"ledighed","label":"Ledighedsprocent for de forsikrede ledige i Køge Kommune","value":2.3,"unit":"%",)"
        R"("previous":3.1,"previous_period":"marts 2021, sæsonkorrigeret og i fuldtidspersoner","target":2.0,)"
        R"("note":"laveste niveau siden finanskrisen i 2008 ifølge Danmarks Statistik"},)"
        R"({"id":"ledige","label":"Ledige","value":1350,"unit":"personer","previous":1500},)"
        R"({"id":"job","label":"Jobopslag","value":980,"unit":"","previous":700},)"
        R"({"id":"virk","label":"Virksomheder","value":4210,"unit":"","previous":4100}]}]})");
    dir.write(
        "m.json",
        R"({"format":"infotavle-manifest","version":"1.0","title":"Køge",)"
        R"("feeds":[{"id":"koege","url":"feed.json"}],"playlist":[)"
        R"({"id":"stavet","feed":"koege","dataset":"noegletal","view":"line_chat","title":"A"},)"
        R"({"id":"tal","feed":"koege","dataset":"noegletal","view":"kpi_tiles","title":"Ledigheden falder",)"
        R"("options":{"columns":["ledige","job","virk"]}},)"
        R"({"id":"lang","feed":"koege","dataset":"noegletal","view":"kpi_tiles","title":"Ledighed",)"
        R"("options":{"columns":["ledighed","ledige","job","virk"]}}]})");
}

RenderOptions options(const TempDir& dir, int w, int h) {
    RenderOptions o;
    o.out_dir = dir.file("out");
    o.width = w;
    o.height = h;
    o.now = kRenderNow;
    return o;
}

// The files above in a fresh dir, loaded, and --render's options at one size; unknown views
// are allowed (the misspelt first slide alone would fail every render) unless a test says not.
struct Slips {
    TempDir dir;
    SlideSet set;
    RenderOptions o;
    std::ostringstream log;
    Slips(int w, int h) {
        write_files(dir);
        set = load_slide_set({dir.file("m.json")});
        o = options(dir, w, h);
        o.allow_unknown = true;
    }
};

}  // namespace

TEST_CASE("slip: --render fails on a misspelt view and does not renumber the PNGs") {
    Slips t(1920, 1080);
    CHECK(t.set.lost == 1);
    t.o.allow_unknown = false;
    t.o.only_slide = "tal";
    CHECK(render_pngs(t.set, fonts(), t.o, t.log) == 1);
    // The second slide of the playlist keeps its number though the first is skipped.
    CHECK(fs::exists(t.dir.file("out/02-tal.png")));
    CHECK_FALSE(fs::exists(t.dir.file("out/01-tal.png")));
    // --allow-unknown: the unknown view alone no longer fails it.
    t.o.allow_unknown = true;
    std::ostringstream again;
    const int rc = render_pngs(t.set, fonts(), t.o, again);
    INFO(again.str());
    CHECK(rc == 0);
}

TEST_CASE("slip: a tile's change left out at 800x480 fails --render and is named") {
    Slips t(800, 480);
    CHECK(render_pngs(t.set, fonts(), t.o, t.log) == 1);
    INFO(t.log.str());
    CHECK(t.log.str().find("not on screen at 800x480: tile \"ledighed\": the change \"") !=
          std::string::npos);
}

TEST_CASE("slip: --render --slide renders one slide, and an unknown id is refused with a hint") {
    Slips t(1280, 720);
    t.o.only_slide = "tal";
    std::vector<SheetEntry> sheet;
    render_pngs(t.set, fonts(), t.o, t.log, &sheet);
    REQUIRE(sheet.size() == 1);
    CHECK(sheet[0].file_name == "02-tal.png");
    t.o.only_slide = "tl";
    std::ostringstream bad;
    CHECK(render_pngs(t.set, fonts(), t.o, bad) == 2);
    CHECK(bad.str().find("did you mean \"tal\"?") != std::string::npos);
}

TEST_CASE("--render writes index.html: every slide at every size, with what was said about it") {
    Slips t(0, 0);
    CHECK(render_all_sizes(t.set, fonts(), t.o, {{1920, 1080}, {800, 480}}, t.log) == 1);
    const std::string html = [&] {
        std::ifstream in(t.dir.file("out/index.html"));
        std::ostringstream s;
        s << in.rdbuf();
        return s.str();
    }();
    CHECK(html.find("<img src=\"02-tal-1920x1080.png\"") != std::string::npos);
    CHECK(html.find("<img src=\"02-tal-800x480.png\"") != std::string::npos);
    CHECK(html.find("not on screen: tile &quot;ledighed&quot;") != std::string::npos);
    CHECK(html.find("unknown view &quot;line_chat&quot;") != std::string::npos);
    CHECK(html_escape("<a & \"b\">") == "&lt;a &amp; &quot;b&quot;&gt;");
}
