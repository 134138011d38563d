#include "tests/big_feed.h"

#include <cstddef>
#include <vector>

#include "feeds/geo_reference.h"

using nlohmann::json;

std::string long_name(const std::string& head, int chars) {
    static const char* kWords[] = {"Ny",     "forbindelse", "mellem", "byerne", "med",   "cykelsti",
                                   "og",     "busbaner",    "langs",  "den",    "gamle", "landevej",
                                   "gennem", "kommunen",    "til",    "havnen", "efter", "planen"};
    std::string s = head;
    for (std::size_t i = 0; int(s.size()) < chars; ++i) s += std::string(" ") + kWords[i % 18];
    s.resize(std::size_t(chars));
    if (s.back() == ' ') s.back() = 'x';
    return s;
}

namespace {

const char* kUnits[] = {"%", "kr", "personer", ""};
const char* kKinds[] = {"road", "rail", "bus", "other"};
const char* kPhases[] = {"proposal", "study", "partly_funded", "underway", "in_operation", "unknown"};
const char* kStatus[] = {"met", "partly_met", "not_met", "pending"};

double value_at(int i) {
    return double((i * 7919) % 1000) + 0.5;
}

json indicators(const BigFeedShape& s) {
    json items = json::array();
    for (int i = 0; i < s.items; ++i) {
        json it = {
            {"id", "i" + std::to_string(i)}, {"label", long_name("Tal " + std::to_string(i), s.name_chars)},
            {"value", value_at(i)},          {"unit", kUnits[i % 4]},
            {"target", value_at(i + 1)},     {"previous", value_at(i + 2)},
            {"previous_period", "2020"},     {"note", long_name("Note", s.name_chars)}};
        items.push_back(it);
    }
    return {{"id", "ind"}, {"type", "indicators"}, {"title", "Tal"}, {"items", items}};
}

json series(const std::string& id, int lines, int points, int name_chars) {
    json ls = json::array();
    for (int l = 0; l < lines; ++l) {
        json pts = json::array();
        for (int i = 0; i < points; ++i)
            pts.push_back(
                {{"x", long_name("P" + std::to_string(i), name_chars)}, {"value", value_at(i + l)}});
        ls.push_back({{"label", long_name("Linje " + std::to_string(l), name_chars)}, {"points", pts}});
    }
    return {{"id", id}, {"type", "series"}, {"title", "Serie"}, {"unit", "personer"}, {"lines", ls}};
}

json table(const BigFeedShape& s, const feeds::GeoReference& geo) {
    json columns = json::array(), rows = json::array();
    for (int c = 0; c < s.items; ++c)
        columns.push_back({{"id", "c" + std::to_string(c)},
                           {"label", long_name("Kolonne " + std::to_string(c), s.name_chars)},
                           {"unit", kUnits[c % 4]}});
    int r = 0;
    for (const auto& m : geo.municipalities) {
        json values = json::array();
        for (int c = 0; c < s.items; ++c) values.push_back(value_at(r + c));
        rows.push_back({{"code", m.code}, {"name", long_name(m.name, s.name_chars)}, {"values", values}});
        ++r;
    }
    return {{"id", "tab"},
            {"type", "municipality_table"},
            {"title", "Tabel"},
            {"columns", columns},
            {"rows", rows}};
}

json projects(const BigFeedShape& s, const feeds::GeoReference& geo) {
    json items = json::array();
    const std::size_t n = geo.places.size();
    for (int i = 0; i < s.items; ++i) {
        json places = json::array();
        for (int k = 0; k <= i % 3; ++k)
            places.push_back(geo.places[(std::size_t(i) * 5 + std::size_t(k) * 3) % n].name);
        items.push_back({{"id", "p" + std::to_string(i)},
                         {"name", long_name("Projekt " + std::to_string(i), s.name_chars)},
                         {"kind", kKinds[i % 4]},
                         {"phase", kPhases[i % 6]},
                         {"status_text", long_name("Status", s.name_chars)},
                         {"cost_text", "ca. " + std::to_string(i + 1) + " mio. kr."},
                         {"cost_dkk", (i + 1) * 1e6},
                         {"places", places},
                         {"years", {2020 + i % 10, 2030 + i % 20}}});
    }
    return {{"id", "proj"}, {"type", "projects"}, {"title", "Projekter"}, {"items", items}};
}

json timeline(const BigFeedShape& s) {
    json events = json::array();
    for (int i = 0; i < s.items; ++i) {
        char date[16];
        std::snprintf(date, sizeof date, "%04d-%02d", 2000 + i / 12, 1 + i % 12);
        events.push_back({{"date", date},
                          {"label", long_name("Trin " + std::to_string(i), s.name_chars)},
                          {"note", long_name("Note", s.name_chars)}});
    }
    return {{"id", "tl"}, {"type", "timeline"}, {"title", "Tidslinje"}, {"events", events}};
}

json goals(const BigFeedShape& s) {
    json items = json::array();
    for (int i = 0; i < s.items; ++i)
        items.push_back({{"number", i + 1},
                         {"title", long_name("Mål " + std::to_string(i), s.name_chars)},
                         {"target_text", long_name("Målet", s.name_chars)},
                         {"result_text", long_name("Resultatet", s.name_chars)},
                         {"target_value", value_at(i)},
                         {"result_value", value_at(i + 1)},
                         {"unit", kUnits[i % 4]},
                         {"status", kStatus[i % 4]},
                         {"verdict_by", "document"}});
    return {{"id", "goals"}, {"type", "goals"}, {"title", "Mål"}, {"items", items}};
}

}  // namespace

namespace {

json feed_of(const std::string& id, json dataset) {
    return {{"format", "infotavle-feed"},
            {"version", "1.0"},
            {"id", id},
            {"title", "Store lister"},
            {"as_of", "2021-12"},
            {"source", {{"publisher", "Test"}}},
            {"datasets", json::array({std::move(dataset)})}};
}

}  // namespace

std::vector<std::pair<std::string, json>> big_feeds_json(const BigFeedShape& s) {
    const feeds::GeoReference geo = feeds::load_geo_reference();
    return {{"ind", feed_of("ind", indicators(s))},
            {"wide", feed_of("wide", series("wide", 4, s.items, s.name_chars))},
            {"many", feed_of("many", series("many", s.items, 4, s.name_chars))},
            {"tab", feed_of("tab", table(s, geo))},
            {"proj", feed_of("proj", projects(s, geo))},
            {"tl", feed_of("tl", timeline(s))},
            {"goals", feed_of("goals", goals(s))}};
}

json big_manifest_json() {
    struct S {
        const char* id;
        const char* view;
        const char* dataset;
        json options;
    };
    const std::vector<S> slides = {
        {"kpi", "kpi_tiles", "ind", json::object()},
        {"progress", "progress", "ind", json::object()},
        {"bar_ind", "bar_chart", "ind", json::object()},
        {"bar_tab", "bar_chart", "tab", {{"column", "c0"}, {"sort", "desc"}}},
        {"bar_ser", "bar_chart", "wide", json::object()},
        {"grouped_ser", "grouped_bars", "wide", json::object()},
        {"grouped_tab", "grouped_bars", "tab", json::object()},
        {"line_wide", "line_chart", "wide", json::object()},
        {"line_many", "line_chart", "many", json::object()},
        {"status", "status_board", "proj", json::object()},
        {"timeline", "timeline", "tl", json::object()},
        {"goals", "goal_scoreboard", "goals", json::object()},
        {"muni_map", "municipality_map", "tab", {{"column", "c0"}}},
        {"project_map", "project_map", "proj", json::object()},
    };
    json playlist = json::array(), feeds = json::array();
    for (const char* id : {"ind", "wide", "many", "tab", "proj", "tl", "goals"})
        feeds.push_back({{"id", id}, {"url", std::string(id) + ".json"}});
    for (const S& s : slides)
        playlist.push_back({{"id", s.id},
                            {"feed", s.dataset},
                            {"dataset", s.dataset},
                            {"view", s.view},
                            {"title", std::string("Store lister: ") + s.view},
                            {"options", s.options}});
    return {{"format", "infotavle-manifest"},
            {"version", "1.0"},
            {"title", "Store lister"},
            {"feeds", feeds},
            {"playlist", playlist}};
}
