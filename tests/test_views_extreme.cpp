// Property: every file `--check` accepts renders every slide at every screen size in bounded
// time and memory. Generates valid feeds whose figures are the extremes of a double (±DBL_MAX,
// the smallest normal and denormal, zero), all equal, one point, mixed signs, with nulls,
// for every view type this release draws, checks them as --check does, and draws every slide
// with its chrome: each draw must finish with a bounded number of texts, none off the screen.
#include <doctest/doctest.h>

#include <cfloat>
#include <cstdint>
#include <limits>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "app/kiosk/render_pngs.h"
#include "app/kiosk/slide_set.h"
#include "app/slide_chrome.h"
#include "app/view.h"
#include "feeds/check.h"
#include "platform/font_files.h"
#include "tests/render_date.h"
#include "tests/temp_dir.h"
#include "tests/view_harness.h"

using nlohmann::json;

namespace {

// The five sizes of the rule: the supported ones and a small one.
const std::vector<ScreenSize> kRuleSizes = {{800, 480}, {1280, 720}, {1920, 1080}, {1080, 1920}, {480, 272}};

const double kMax = DBL_MAX, kMin = DBL_MIN, kDenorm = std::numeric_limits<double>::denorm_min();
const std::vector<double> kExtremes = {kMax, -kMax, kMin, -kMin, kDenorm, -kDenorm, 0.0, 1e300, -1e-300, 1.5};

// One sequence of figures per case; std::nullopt is a JSON null where the format allows one.
using Figures = std::vector<std::optional<double>>;

struct Case {
    std::string name;
    Figures figures;
};

// A small deterministic generator: the same cases on every run and every machine.
struct Lcg {
    std::uint64_t s;
    std::uint64_t next() { return s = s * 6364136223846793005ULL + 1442695040888963407ULL, s >> 33; }
};

std::vector<Case> cases() {
    std::vector<Case> out;
    for (double v : kExtremes) {
        std::ostringstream name;
        name << v;
        out.push_back({"all " + name.str(), Figures(6, v)});
        out.push_back({"one " + name.str(), Figures{v}});
    }
    out.push_back({"±max", {kMax, -kMax, kMax, -kMax}});
    out.push_back({"max and denormal", {kMax, kDenorm, -kDenorm, -kMax, 0.0}});
    out.push_back({"denormals", {kDenorm, -kDenorm, 2 * kDenorm, kMin}});
    out.push_back({"nulls between extremes", {std::nullopt, kMax, std::nullopt, -kMax, std::nullopt}});
    out.push_back({"only null", {std::nullopt}});
    out.push_back({"near max", {kMax, std::nextafter(kMax, 0.0), kMax * 0.5}});
    Lcg rng{20220503};
    for (int i = 0; i < 6; ++i) {
        Figures f;
        const int n = 1 + int(rng.next() % 40);
        for (int k = 0; k < n; ++k) {
            const auto r = rng.next() % (kExtremes.size() + 1);
            f.push_back(r == kExtremes.size() ? std::nullopt : std::optional<double>(kExtremes[r]));
        }
        out.push_back({"mix " + std::to_string(i), f});
    }
    return out;
}

json figure(const std::optional<double>& v) {
    return v ? json(*v) : json(nullptr);
}
double value_or(const std::optional<double>& v, double fallback) {
    return v ? *v : fallback;
}
const char* unit_at(std::size_t i) {
    static const char* kUnits[] = {"%", "kr", "personer", ""};
    return kUnits[i % 4];
}

// A feed with one dataset of every type, all figures taken from `f`.
json feed_json(const Figures& f) {
    json items = json::array(), lines = json::array(), rows = json::array(), projects = json::array(),
         events = json::array(), goals = json::array();
    for (std::size_t i = 0; i < f.size(); ++i) {
        const auto& v = f[i];
        const auto& w = f[(i + 1) % f.size()];
        json item = {{"id", "i" + std::to_string(i)},
                     {"label", "Tal " + std::to_string(i)},
                     {"value", value_or(v, 0.0)},
                     {"unit", unit_at(i)}};
        if (v) item["target"] = value_or(w, 1.0);
        if (w) item["previous"] = *w, item["previous_period"] = "2020";
        items.push_back(item);
        const std::string code = std::to_string(101 + i);
        rows.push_back({{"code", code}, {"name", "Kommune " + code}, {"values", {figure(v), figure(w)}}});
        json project = {{"id", "p" + std::to_string(i)},
                        {"name", "Projekt " + std::to_string(i)},
                        {"kind", "road"},
                        {"phase", "underway"},
                        {"status_text", "I gang."},
                        {"places", {"Køge"}},
                        {"years", {1900, 2200}}};
        if (v) project["cost_dkk"] = std::abs(*v), project["cost_text"] = "ca. 1 mia. kr.";
        projects.push_back(project);
        events.push_back({{"date", i % 2 ? "0001" : "9999-12-31"}, {"label", "Trin " + std::to_string(i)}});
        json goal = {{"number", int(i) + 1}, {"title", "Mål " + std::to_string(i)},
                     {"target_text", "mål"}, {"result_text", "resultat"},
                     {"status", "met"},      {"verdict_by", "document"},
                     {"unit", unit_at(i)}};
        if (v) goal["target_value"] = *v;
        if (w) goal["result_value"] = *w;
        goals.push_back(goal);
    }
    for (int l = 0; l < 4; ++l) {
        json points = json::array();
        for (std::size_t i = 0; i < f.size(); ++i)
            points.push_back({{"x", "P" + std::to_string(i)}, {"value", figure(f[(i + l) % f.size()])}});
        lines.push_back({{"label", "Linje " + std::to_string(l)}, {"points", points}});
    }
    const json one_line = json::array({lines[0]});
    return {{"format", "infotavle-feed"},
            {"version", "1.0"},
            {"id", "x"},
            {"title", "Yderpunkter"},
            {"as_of", "2021-12"},
            {"source", {{"publisher", "Test"}}},
            {"datasets",
             {{{"id", "ind"}, {"type", "indicators"}, {"title", "Tal"}, {"items", items}},
              {{"id", "ser"}, {"type", "series"}, {"title", "Serie"}, {"unit", "personer"}, {"lines", lines}},
              {{"id", "ser1"}, {"type", "series"}, {"title", "En linje"}, {"unit", "%"}, {"lines", one_line}},
              {{"id", "tab"},
               {"type", "municipality_table"},
               {"title", "Tabel"},
               {"columns",
                {{{"id", "a"}, {"label", "A"}, {"unit", "kr"}}, {{"id", "b"}, {"label", "B"}, {"unit", ""}}}},
               {"rows", rows}},
              {{"id", "proj"}, {"type", "projects"}, {"title", "Projekter"}, {"items", projects}},
              {{"id", "tl"}, {"type", "timeline"}, {"title", "Tidslinje"}, {"events", events}},
              {{"id", "goals"}, {"type", "goals"}, {"title", "Mål"}, {"items", goals}}}}};
}

// A manifest with a slide for every view and every dataset it can show.
json manifest_json(const Figures& f) {
    const double ref = value_or(f.front(), -kMax);
    struct S {
        const char* view;
        const char* dataset;
        json options;
    };
    const std::vector<S> slides = {
        {"kpi_tiles", "ind", json::object()},
        {"progress", "ind", json::object()},
        {"bar_chart", "ind", {{"reference", {{"label", "Ref"}, {"value", ref}}}}},
        {"bar_chart", "tab", {{"column", "a"}, {"sort", "desc"}}},
        {"bar_chart", "ser", {{"decimals", 3}}},
        {"grouped_bars", "ser", json::object()},
        {"grouped_bars", "tab", json::object()},
        {"line_chart", "ser", json::object()},
        {"line_chart", "ser1", {{"decimals", 3}}},
        {"status_board", "proj", json::object()},
        {"timeline", "tl", json::object()},
        {"goal_scoreboard", "goals", json::object()},
    };
    json playlist = json::array();
    for (std::size_t i = 0; i < slides.size(); ++i)
        playlist.push_back({{"id", "s" + std::to_string(i)},
                            {"feed", "x"},
                            {"dataset", slides[i].dataset},
                            {"view", slides[i].view},
                            {"title", std::string("Yderpunkter: ") + slides[i].view},
                            {"options", slides[i].options}});
    return {{"format", "infotavle-manifest"},
            {"version", "1.0"},
            {"title", "Yderpunkter"},
            {"feeds", {{{"id", "x"}, {"url", "x.json"}}}},
            {"playlist", playlist}};
}

bool leaves_screen(const std::string& problem) {
    return problem.find("leaves the screen") != std::string::npos;
}

}  // namespace

TEST_CASE("every file --check accepts draws every slide at every size: extreme finite figures") {
    const std::vector<Case> all = cases();
    std::vector<SlideSet> sets;
    TempDir dir("extreme");
    for (const Case& k : all) {
        CAPTURE(k.name);
        const std::string manifest = dir.write("m.json", manifest_json(k.figures).dump());
        dir.write("x.json", feed_json(k.figures).dump());
        std::ostringstream out;
        REQUIRE_MESSAGE(feeds::run_check({manifest}, out) == 0, out.str());
        sets.push_back(load_slide_set({manifest}));
        REQUIRE(sets.back().slides.size() == 12);
        for (const auto& s : sets.back().slides) REQUIRE_MESSAGE(s.valid, s.why_invalid);
    }
    for (const ScreenSize& sz : kRuleSizes) {
        ViewHarness h(sz.w, sz.h);
        REQUIRE_MESSAGE(h.font_error.empty(), h.font_error);
        const SlideLayout layout = slide_layout(sz.w, sz.h, h.sizes);
        for (std::size_t i = 0; i < all.size(); ++i) {
            for (const ScreenSlide& slide : sets[i].slides) {
                h.begin_frame();
                Canvas c = h.canvas(h.screen());
                draw_chrome(c, h.style(), layout, slide.parts);
                draw_view(c, h.style(), layout.body, {*slide.dataset, *slide.slide, "", {2022, 5, 3}});
                h.end_frame();
                INFO(all[i].name, ": ", slide.slide->title, " at ", sz.w, "x", sz.h);
                CHECK(c.texts.size() < 2000);
                for (const auto& p : canvas_problems(c))
                    if (leaves_screen(p)) FAIL_CHECK(p);
            }
        }
    }
}

TEST_CASE("the most extreme of those render to pixels at every size, as --render and the kiosk draw them") {
    const FontFiles fonts = find_font_files("");
    REQUIRE_MESSAGE(fonts.error.empty(), fonts.error);
    TempDir dir("extreme-px");
    for (const Figures& f :
         {Figures{kMax, -kMax, kMax, -kMax}, Figures{kMax, kDenorm, -kDenorm, -kMax, 0.0}}) {
        const std::string manifest = dir.write("m.json", manifest_json(f).dump());
        dir.write("x.json", feed_json(f).dump());
        const SlideSet set = load_slide_set({manifest});
        REQUIRE(count_valid(set) == 12);
        for (const ScreenSize& sz : kRuleSizes) {
            RenderOptions opt;
            opt.width = sz.w;
            opt.height = sz.h;
            opt.now = kRenderNow;
            std::string error;
            const auto slides = render_slides(set, fonts, opt, error);
            REQUIRE_MESSAGE(error.empty(), error);
            REQUIRE(slides.size() == 12);
            for (const auto& r : slides) {
                INFO(r.file_name, " at ", sz.w, "x", sz.h);
                CHECK(r.rgba.size() == std::size_t(sz.w) * std::size_t(sz.h) * 4);
                for (const auto& p : r.problems)
                    if (leaves_screen(p)) FAIL_CHECK(p);
            }
        }
    }
}
