// The bundled feeds, as compiled into the program, parse cleanly and hold the source
// document's figures (spot checks against the KKR Sjælland May 2022 pack).
#include <doctest/doctest.h>

#include <cctype>
#include <map>
#include <string>
#include <vector>

#include "feeds/bundled_feeds.h"
#include "feeds/feed_lookup.h"
#include "feeds/feed_parse.h"
#include "feeds/playlist_check.h"

using namespace feeds;

namespace {

struct Bundle {
    Manifest manifest;
    std::map<std::string, Feed, std::less<>> feeds;  // by file name
};

Bundle load_bundle() {
    Bundle b;
    for (const BundledFile& f : bundled_files()) {
        const std::string name(f.name);
        if (name == "manifest.json") {
            ManifestResult r = parse_manifest(f.text, name);
            for (const auto& p : r.problems) MESSAGE(to_line(p));
            REQUIRE(r.manifest);
            CHECK(r.problems.empty());
            b.manifest = *r.manifest;
        } else {
            FeedResult r = parse_feed(f.text, name);
            for (const auto& p : r.problems) MESSAGE(to_line(p));
            REQUIRE(r.feed);
            CHECK(r.problems.empty());
            b.feeds.emplace(name, *r.feed);
        }
    }
    return b;
}

const Indicator& indicator(const Feed& feed, std::string_view dataset, std::string_view id) {
    const Dataset* d = find_dataset(feed, dataset);
    REQUIRE(d);
    const auto* set = std::get_if<IndicatorSet>(&d->body);
    REQUIRE(set);
    for (const Indicator& i : set->items)
        if (i.id == id) return i;
    FAIL("no indicator " << id << " in " << dataset);
    throw 0;
}

}  // namespace

TEST_CASE("bundled feeds: every file is compiled in and valid, and the playlist checks") {
    const Bundle b = load_bundle();
    REQUIRE(b.feeds.size() == 3);
    LoadedFeeds loaded;
    for (const FeedRef& ref : b.manifest.feeds) {
        auto it = b.feeds.find(ref.url);
        REQUIRE_MESSAGE(it != b.feeds.end(), "manifest feed " << ref.url << " is not bundled");
        loaded[ref.id] = &it->second;
    }
    const auto problems = check_playlist(b.manifest, "manifest.json", loaded);
    for (const auto& p : problems) MESSAGE(to_line(p));
    CHECK(problems.empty());
    CHECK(b.manifest.playlist.size() >= 12);
}

TEST_CASE("bundled feeds: at least four slides per domain") {
    const Bundle b = load_bundle();
    std::map<std::string, int> per_feed;
    for (const Slide& s : b.manifest.playlist) ++per_feed[s.feed];
    CHECK(per_feed["employment"] >= 4);
    CHECK(per_feed["transport"] >= 4);
    CHECK(per_feed["business"] >= 4);
}

TEST_CASE("bundled feeds hold the source's figures") {
    const Bundle b = load_bundle();
    const Feed& employment = b.feeds.at("employment.json");
    const Feed& business = b.feeds.at("business.json");
    const Feed& transport = b.feeds.at("transport.json");

    SUBCASE("unemployment 2,3 % and 9.138 full-time persons in December 2021") {
        const Indicator& rate = indicator(employment, "arbejdsmarked", "ledighed");
        CHECK(rate.value == doctest::Approx(2.3));
        CHECK(rate.unit == "%");
        const Indicator& persons = indicator(employment, "arbejdsmarked", "ledige_fuldtid");
        CHECK(persons.value == 9138);
        const PartialDate as_of = effective_as_of(employment, *find_dataset(employment, "arbejdsmarked"));
        CHECK(as_of.year == 2021);
        CHECK(as_of.month == 12);
    }
    SUBCASE("1.207 short guidance sessions against a target of 600") {
        const Indicator& korte = indicator(business, "forloeb", "korte");
        CHECK(korte.value == 1207);
        REQUIRE(korte.target);
        CHECK(*korte.target == 600);
    }
    SUBCASE("Ring Syd ca. 1,1 mia. kr., its parts inside that total, R-net per year") {
        const Dataset* rail = find_dataset(transport, "jernbane");
        REQUIRE(rail);
        const auto& projects = std::get<ProjectList>(rail->body).items;
        int parts = 0;
        bool found_total = false;
        for (const Project& p : projects) {
            if (p.id == "ring_syd") {
                found_total = true;
                REQUIRE(p.cost_dkk);
                CHECK(*p.cost_dkk == doctest::Approx(1.1e9));
                CHECK(p.cost_basis == CostBasis::Total);
            }
            if (p.part_of == "ring_syd") {
                ++parts;
                CHECK(p.cost_basis == CostBasis::PartOf);
            }
        }
        CHECK(found_total);
        CHECK(parts == 2);
        const Dataset* bus = find_dataset(transport, "bus_og_groen");
        REQUIRE(bus);
        bool rnet = false;
        for (const Project& p : std::get<ProjectList>(bus->body).items)
            if (p.id == "r_net") {
                rnet = true;
                CHECK(p.cost_basis == CostBasis::PerYear);
                REQUIRE(p.cost_dkk);
                CHECK(*p.cost_dkk == doctest::Approx(25e6));
            }
        CHECK(rnet);
    }
    SUBCASE("18 goals; goal 8 partly met by the document's own verdict, 1/17/18 derived, 6 derived met") {
        const Dataset* d = find_dataset(business, "maal_2021");
        REQUIRE(d);
        const auto& goals = std::get<GoalList>(d->body).items;
        REQUIRE(goals.size() == 18);
        for (const Goal& g : goals) {
            if (g.number == 8) {
                CHECK(g.status == GoalStatus::PartlyMet);
                CHECK(g.verdict_by == VerdictBy::Document);
            }
            if (g.number == 1 || g.number == 17 || g.number == 18) {
                CHECK(g.status != GoalStatus::Met);
                CHECK(g.verdict_by == VerdictBy::Derived);
            }
            if (g.number == 5) CHECK(g.status == GoalStatus::Pending);
            if (g.number == 6) CHECK(g.verdict_by == VerdictBy::Derived);
        }
    }
}

TEST_CASE("bundled feeds: every feed and dataset says where and when its figures are from") {
    const Bundle b = load_bundle();
    for (const auto& [name_, feed] : b.feeds) {
        const std::string& name =
            name_;  // doctest captures it in a lambda: clang 14 cannot capture a binding
        CHECK_MESSAGE(feed.as_of.year >= 2017, name);
        for (const Dataset& d : feed.datasets) {
            const SourceRef src = resolve_source(feed, d);
            CHECK_MESSAGE(!src.publisher.empty(), name << " " << d.id);
            CHECK_MESSAGE(!src.document.empty(), name << " " << d.id);
            CHECK_MESSAGE(!src.lines.empty(), name << " " << d.id);
        }
    }
}

namespace {

// Every text of a dataset that a view may put on screen (not provenance, not source lines).
std::vector<std::string> screen_texts(const Dataset& d) {
    std::vector<std::string> out = {d.title, d.note, d.as_of_text};
    struct Collect {
        std::vector<std::string>& out;
        void operator()(const IndicatorSet& s) const {
            for (const auto& i : s.items)
                out.insert(out.end(), {i.label, i.note, i.period, i.previous_period, i.qualifier, i.unit});
        }
        void operator()(const Series& s) const {
            for (const auto& l : s.lines) {
                out.push_back(l.label);
                for (const auto& p : l.points) out.push_back(p.x);
            }
        }
        void operator()(const MunicipalityTable& t) const {
            for (const auto& c : t.columns) out.push_back(c.label);
            for (const auto& r : t.rows) out.push_back(r.name);
        }
        void operator()(const ProjectList& l) const {
            for (const auto& p : l.items) {
                out.insert(out.end(), {p.name, p.status_text, p.cost_text, p.note});
                out.insert(out.end(), p.places.begin(), p.places.end());
            }
        }
        void operator()(const Timeline& t) const {
            for (const auto& e : t.events) out.insert(out.end(), {e.date_text, e.label, e.note});
        }
        void operator()(const GoalList& g) const {
            for (const auto& i : g.items)
                out.insert(out.end(), {i.title, i.target_text, i.result_text, i.verdict_note});
        }
        void operator()(const NoticeList& l) const {
            for (const auto& n : l.items) out.insert(out.end(), {n.da.headline, n.da.body, n.sender});
        }
    };
    std::visit(Collect{out}, d.body);
    return out;
}

bool has_digit_hyphen_digit(const std::string& s) {
    for (std::size_t i = 1; i + 1 < s.size(); ++i)
        if (s[i] == '-' && std::isdigit(static_cast<unsigned char>(s[i - 1])) &&
            std::isdigit(static_cast<unsigned char>(s[i + 1])))
            return true;
    return false;
}

// "Mål 1, 6, 17 og 18" names 1 but not 7: the number stands alone, not inside another.
bool names_number(const std::string& text, int n) {
    const std::string digits = std::to_string(n);
    for (std::size_t at = text.find(digits); at != std::string::npos; at = text.find(digits, at + 1)) {
        const bool before = at == 0 || !std::isdigit(static_cast<unsigned char>(text[at - 1]));
        const std::size_t end = at + digits.size();
        const bool after = end == text.size() || !std::isdigit(static_cast<unsigned char>(text[end]));
        if (before && after) return true;
    }
    return false;
}

}  // namespace

TEST_CASE("bundled feeds: no editor notes, straight quotes or hyphen ranges on screen") {
    const Bundle b = load_bundle();
    const std::vector<std::string> editor_marks = {
        "i kilden", "udledt", "infotavle", "År ikke angivet", "kun tre ud af fire", "verdict_by", "linje "};
    auto check_text = [&](const std::string& where, const std::string& text) {
        for (const auto& mark : editor_marks)
            CHECK_MESSAGE(text.find(mark) == std::string::npos, where << ": " << text);
        CHECK_MESSAGE(text.find('"') == std::string::npos, where << ": straight quote in " << text);
        CHECK_MESSAGE(!has_digit_hyphen_digit(text), where << ": a range wants an en dash: " << text);
    };
    for (const auto& [name, feed] : b.feeds)
        for (const Dataset& d : feed.datasets)
            for (const std::string& text : screen_texts(d)) check_text(name + " " + d.id, text);
    for (const Slide& s : b.manifest.playlist) {
        check_text("slide " + s.id, s.title);
        check_text("slide " + s.id, s.options.caption);
        for (const auto& h : s.options.highlight) check_text("slide " + s.id, h);
    }
}

TEST_CASE("bundled feeds: every source has a short form for the footer, every title fits a screen") {
    const Bundle b = load_bundle();
    for (const auto& [name_, feed] : b.feeds)
        for (const Dataset& d : feed.datasets) {
            const std::string& name = name_;  // doctest captures it: clang 14 cannot capture a binding
            const SourceRef src = resolve_source(feed, d);
            CHECK_MESSAGE(!src.short_text.empty(), name << " " << d.id);
            CHECK_MESSAGE(src.short_text.size() <= 44,
                          name << " " << d.id << ": " << src.short_text);  // bytes
        }
    for (const Slide& s : b.manifest.playlist) CHECK_MESSAGE(s.title.size() <= 50, s.id << ": " << s.title);
}

TEST_CASE("bundled feeds: status slides from February 2021 say so, derived verdicts are named") {
    const Bundle b = load_bundle();
    std::map<std::string, const Feed*> by_id;
    for (const auto& [name, feed] : b.feeds) by_id[feed.id] = &feed;
    for (const Slide& s : b.manifest.playlist) {
        const Feed& feed = *by_id.at(s.feed);
        const Dataset* d = find_dataset(feed, s.dataset);
        REQUIRE(d);
        const PartialDate as_of = effective_as_of(feed, *d);
        if (as_of.year == 2021 && as_of.month == 2)
            CHECK_MESSAGE(s.options.caption.find("tatus pr. 18. februar 2021") != std::string::npos, s.id);
        if (const auto* goals = std::get_if<GoalList>(&d->body)) {
            for (const Goal& g : goals->items)
                if (g.verdict_by == VerdictBy::Derived)
                    CHECK_MESSAGE(names_number(s.options.caption, g.number),
                                  s.id << ": caption does not name derived goal " << g.number);
        }
    }
}

TEST_CASE("bundled feeds: the truth fixes of issue 7 hold") {
    const Bundle b = load_bundle();
    const Feed& employment = b.feeds.at("employment.json");
    const Feed& transport = b.feeds.at("transport.json");
    const Feed& business = b.feeds.at("business.json");
    CHECK(indicator(employment, "struktur", "pendlere").qualifier == "ca.");
    CHECK(indicator(employment, "mangel_danmark", "faglaerte_2030").qualifier == "op mod");
    for (const Project& p : std::get<ProjectList>(find_dataset(transport, "jernbane")->body).items)
        if (p.id == "lille_syd") CHECK(p.phase == ProjectPhase::InOperation);
    for (const Goal& g : std::get<GoalList>(find_dataset(business, "maal_2021")->body).items)
        if (g.number == 17)
            CHECK(g.result_text.find("58 virksomheder inden for detailhandel") != std::string::npos);
    const Dataset* frafald = find_dataset(employment, "frafald_overgang");
    REQUIRE(frafald);
    for (const std::string& text : screen_texts(*frafald))
        CHECK(text.find("hele landet") == std::string::npos);
    for (const Slide& s : b.manifest.playlist) {
        if (s.dataset == "frafald_overgang") {
            CHECK(s.title.find("Danmark") == std::string::npos);
            CHECK(s.options.caption.find("landstal") == std::string::npos);
        }
        if (s.id == "udenlandske_statsborgere") {
            REQUIRE(s.options.reference);
            CHECK(s.options.reference->value == 10);
        }
        if (s.link) CHECK(s.link->url.rfind("https://", 0) == 0);
    }
}
