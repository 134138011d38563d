#include "feeds/playlist_check.h"

#include <algorithm>
#include <set>

#include "feeds/feed_lookup.h"
#include "feeds/json_reader.h"
#include "feeds/limits.h"
#include "feeds/map_check.h"
#include "feeds/notice_select.h"

namespace feeds {

namespace {

struct ViewName {
    ViewType view;
    const char* name;
};
constexpr ViewName kViewNames[] = {
    {ViewType::KpiTiles, "kpi_tiles"},
    {ViewType::BarChart, "bar_chart"},
    {ViewType::GroupedBars, "grouped_bars"},
    {ViewType::Progress, "progress"},
    {ViewType::LineChart, "line_chart"},
    {ViewType::StatusBoard, "status_board"},
    {ViewType::Timeline, "timeline"},
    {ViewType::GoalScoreboard, "goal_scoreboard"},
    {ViewType::MunicipalityMap, "municipality_map"},
    {ViewType::ProjectMap, "project_map"},
};

std::string q(std::string_view s) {
    return "\"" + std::string(s) + "\"";
}

// The names a message lists: the first kListed, then how many more (a list of 1.000 ids in each
// of 1.000 messages would be a message per name).
constexpr std::size_t kListed = 10;

std::string list_of(const std::vector<std::string>& names) {
    std::string out;
    for (std::size_t i = 0; i < names.size() && i < kListed; ++i)
        out += (out.empty() ? "" : ", ") + q(names[i]);
    if (names.size() > kListed) out += " and " + std::to_string(names.size() - kListed) + " more";
    return out.empty() ? "none" : out;
}

std::vector<std::string> column_ids(const MunicipalityTable& t) {
    std::vector<std::string> ids;
    for (const auto& c : t.columns) ids.push_back(c.id);
    return ids;
}

std::vector<std::string> project_ids(const ProjectList& l) {
    std::vector<std::string> ids;
    for (const auto& p : l.items) ids.push_back(p.id);
    return ids;
}

std::vector<std::string> item_ids(const IndicatorSet& s) {
    std::vector<std::string> ids;
    for (const auto& i : s.items) ids.push_back(i.id);
    return ids;
}

// For lookups in a loop: a set, so checking n names against m is n log m, not n * m.
std::set<std::string_view> set_of(const std::vector<std::string>& v) {
    return {v.begin(), v.end()};
}

// What "highlight" may name for this dataset: ids, municipality codes or names, x labels.
std::set<std::string> highlightable(const DatasetBody& body) {
    std::set<std::string> out;
    if (const auto* s = std::get_if<IndicatorSet>(&body))
        for (const auto& i : s->items) out.insert(i.id);
    if (const auto* s = std::get_if<Series>(&body))
        for (const auto& l : s->lines) {
            out.insert(l.label);
            for (const auto& p : l.points) out.insert(p.x);
        }
    if (const auto* t = std::get_if<MunicipalityTable>(&body))
        for (const auto& r : t->rows) {
            out.insert(r.code);
            out.insert(r.name);
        }
    if (const auto* p = std::get_if<ProjectList>(&body))
        for (const auto& i : p->items) out.insert(i.id);
    if (const auto* g = std::get_if<GoalList>(&body))
        for (const auto& i : g->items) out.insert(std::to_string(i.number));
    if (const auto* t = std::get_if<Timeline>(&body))
        for (const auto& e : t->events) out.insert(e.label);
    return out;
}

// Collects a playlist's problems, at most Limits::max_problems of them; the rest are counted
// and summarised in one line by finish().
struct SlideCheck {
    const std::string& file;
    std::vector<Problem>& out;
    std::size_t suppressed = 0, suppressed_errors = 0;
    void add(Problem::Severity severity, const std::string& path, std::string msg) {
        if (out.size() >= Limits{}.max_problems) {
            ++suppressed;
            suppressed_errors += severity == Problem::Severity::Error;
            return;
        }
        out.push_back(Problem{severity, file, path, std::move(msg)});
    }
    void error(const std::string& path, std::string msg) {
        add(Problem::Severity::Error, path, std::move(msg));
    }
    void warning(const std::string& path, std::string msg) {
        add(Problem::Severity::Warning, path, std::move(msg));
    }
    void finish() {
        if (suppressed == 0) return;
        out.push_back(Problem{suppressed_errors > 0 ? Problem::Severity::Error : Problem::Severity::Warning,
                              file, "",
                              "... and " + std::to_string(suppressed) + " more problems (" +
                                  std::to_string(suppressed_errors) + " errors) not shown"});
    }
};

void check_options(SlideCheck& c, const Slide& slide, const Dataset& ds, const std::string& path) {
    const ViewOptions& o = slide.options;
    const std::string op = path + ".options";
    const auto* table = std::get_if<MunicipalityTable>(&ds.body);
    const auto* indicators = std::get_if<IndicatorSet>(&ds.body);
    const auto* projects = std::get_if<ProjectList>(&ds.body);

    if (!o.column.empty()) {
        if (!table)
            c.warning(op + ".column", "ignored: \"column\" applies to municipality_table datasets only");
        else if (!set_of(column_ids(*table)).count(o.column))
            c.error(op + ".column", "dataset " + q(ds.id) + " has no column " + q(o.column) +
                                        "; its columns: " + list_of(column_ids(*table)));
    } else if (table && table->columns.size() > 1 &&
               (slide.view == ViewType::BarChart || slide.view == ViewType::MunicipalityMap)) {
        c.warning(path, "no \"column\" in \"options\": the first column, " + q(table->columns[0].id) +
                            ", is shown");
    }

    if (!o.columns.empty()) {
        const std::vector<std::string> known = table        ? column_ids(*table)
                                               : indicators ? item_ids(*indicators)
                                               : projects   ? project_ids(*projects)
                                                            : std::vector<std::string>{};
        if (!table && !indicators && !projects)
            c.warning(op + ".columns",
                      "ignored: \"columns\" applies to municipality_table, indicators "
                      "and projects datasets");
        const auto known_set = set_of(known);
        if (table || indicators || projects)
            for (std::size_t i = 0; i < o.columns.size(); ++i)
                if (!known_set.count(o.columns[i]))
                    c.error(op + ".columns[" + std::to_string(i) + "]",
                            "dataset " + q(ds.id) + " has no " + (table ? "column " : "item ") +
                                q(o.columns[i]) + "; it has: " + list_of(known));
        if (table && slide.view == ViewType::GroupedBars && o.columns.size() < 2)
            c.error(op + ".columns", "grouped_bars needs at least two columns");
    }

    if (indicators && slide.view == ViewType::Progress) {
        bool any_target = false;
        const auto shown = set_of(o.columns);
        for (const auto& item : indicators->items)
            if ((o.columns.empty() || shown.count(item.id)) && item.target) any_target = true;
        if (!any_target)
            c.warning(path + ".view", "progress: no shown item has a \"target\" to measure against");
    }

    if (!o.highlight.empty()) {
        const auto names = highlightable(ds.body);
        for (std::size_t i = 0; i < o.highlight.size(); ++i)
            if (!names.count(o.highlight[i]))
                c.warning(op + ".highlight[" + std::to_string(i) + "]",
                          q(o.highlight[i]) + " matches nothing in dataset " + q(ds.id));
    }
}

}  // namespace

const char* view_type_name(ViewType view) {
    for (const auto& entry : kViewNames)
        if (entry.view == view) return entry.name;
    return "unknown";
}

std::optional<ViewType> parse_view_type(std::string_view name) {
    for (const auto& entry : kViewNames)
        if (name == entry.name) return entry.view;
    return std::nullopt;
}

std::string view_mismatch(ViewType view, const DatasetBody& body) {
    const bool indicators = std::holds_alternative<IndicatorSet>(body);
    const bool series = std::holds_alternative<Series>(body);
    const bool table = std::holds_alternative<MunicipalityTable>(body);
    bool ok = false;
    const char* takes = "";
    switch (view) {
        case ViewType::KpiTiles:
        case ViewType::Progress:
            ok = indicators, takes = "indicators";
            break;
        case ViewType::BarChart:
            ok = indicators || series || table, takes = "indicators, series or municipality_table";
            break;
        case ViewType::GroupedBars:
            if (const auto* s = std::get_if<Series>(&body); s && s->lines.size() < 2)
                return "grouped_bars needs a series with at least two lines; this one has " +
                       std::to_string(s->lines.size());
            if (const auto* t = std::get_if<MunicipalityTable>(&body); t && t->columns.size() < 2)
                return "grouped_bars needs a municipality_table with at least two columns; this one has " +
                       std::to_string(t->columns.size());
            ok = series || table, takes = "series or municipality_table";
            break;
        case ViewType::LineChart:
            ok = series, takes = "series";
            break;
        case ViewType::StatusBoard:
        case ViewType::ProjectMap:
            ok = std::holds_alternative<ProjectList>(body), takes = "projects";
            break;
        case ViewType::Timeline:
            ok = std::holds_alternative<Timeline>(body), takes = "timeline";
            break;
        case ViewType::GoalScoreboard:
            ok = std::holds_alternative<GoalList>(body), takes = "goals";
            break;
        case ViewType::MunicipalityMap:
            ok = table, takes = "municipality_table";
            break;
    }
    if (ok) return {};
    return std::string("view ") + q(view_type_name(view)) + " cannot show dataset type " +
           q(dataset_type_name(body)) + "; it takes " + takes;
}

bool view_accepts(ViewType view, const DatasetBody& body) {
    return view_mismatch(view, body).empty();
}

std::vector<Problem> check_playlist(const Manifest& manifest, const std::string& manifest_file,
                                    const LoadedFeeds& loaded, const FeedFiles& feed_files) {
    std::vector<Problem> out;
    SlideCheck c{manifest_file, out};
    std::set<std::string> used_feeds;
    std::optional<GeoReference> geo;  // read only when a map slide needs it
    for (const Slide& slide : manifest.playlist) {
        const std::string path = "$.playlist[" + std::to_string(slide.json_index) + "]";
        used_feeds.insert(slide.feed);
        if (!find_feed_ref(manifest, slide.feed)) {
            std::vector<std::string> ids;
            for (const auto& f : manifest.feeds) ids.push_back(f.id);
            c.error(path + ".feed",
                    "names no feed in the manifest: " + q(slide.feed) + "; its feeds: " + list_of(ids));
            continue;
        }
        const auto it = loaded.find(slide.feed);
        if (it == loaded.end() || !it->second) continue;
        const Feed& feed = *it->second;
        const Dataset* ds = find_dataset(feed, slide.dataset);
        if (!ds) {
            std::vector<std::string> ids;
            for (const auto& d : feed.datasets) ids.push_back(d.id);
            c.error(path + ".dataset", "feed " + q(slide.feed) + " has no dataset " + q(slide.dataset) +
                                           "; its datasets: " + list_of(ids));
            continue;
        }
        if (auto why = view_mismatch(slide.view, ds->body); !why.empty()) {
            c.error(path + ".view", why);
            continue;
        }
        check_options(c, slide, *ds, path);
        if (slide.view == ViewType::MunicipalityMap || slide.view == ViewType::ProjectMap) {
            if (!geo) geo = load_geo_reference();
            const auto file = feed_files.find(slide.feed);
            const MapWhere where{manifest_file, path, file == feed_files.end() ? "" : file->second,
                                 index_path("$.datasets", std::size_t(ds - feed.datasets.data()))};
            for (auto& p : check_map_slide(slide, *ds, where, *geo)) {
                if (c.out.size() >= Limits{}.max_problems)
                    c.add(p.severity, p.path, std::move(p.message));  // counted, not kept
                else
                    c.out.push_back(std::move(p));
            }
        }
    }
    for (std::size_t i = 0; i < manifest.feeds.size(); ++i) {
        const FeedRef& ref = manifest.feeds[i];
        const std::string path = "$.feeds[" + std::to_string(i) + "]";
        const auto it = loaded.find(ref.id);
        // A notice feed is shown by the screen itself (takeover, band, notice slides), not by a slide.
        const bool notices = it != loaded.end() && it->second && has_notices(*it->second);
        if (!used_feeds.count(ref.id) && !notices)
            c.warning(path + ".id", "feed " + q(ref.id) + " is used by no slide");
        if (it != loaded.end() && it->second && it->second->id != ref.id)
            c.warning(path + ".id", "the manifest calls this feed " + q(ref.id) +
                                        " but the feed's own id is " + q(it->second->id));
    }
    c.finish();
    return out;
}

}  // namespace feeds
