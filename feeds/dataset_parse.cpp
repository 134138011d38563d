// Reads the body of each dataset type. Required/optional keys follow FORMAT.md's dataset table.
#include <cctype>
#include <cstdio>
#include <set>

#include "feeds/near_miss.h"
#include "feeds/notice_parse.h"
#include "feeds/parse_internal.h"

namespace feeds {

namespace {

using IdPaths = std::vector<std::pair<std::string, std::string>>;

// Calls read(element, path) for each element of obj[key] that is an object.
template <class F>
void for_each_object(Ctx& ctx, const Json& obj, const std::string& path, std::string_view key, F read) {
    const Json* array = get_array(ctx, obj, path, key, Need::Required);
    if (!array) return;
    const std::string at = key_path(path, key);
    for (std::size_t i = 0; i < array->size(); ++i) {
        const std::string item_path = index_path(at, i);
        if (expect_object(ctx, (*array)[i], item_path)) read((*array)[i], item_path);
    }
}

// The allowed values of the enum keys (FORMAT.md's dataset table).
const std::initializer_list<std::pair<std::string_view, ProjectKind>> kKinds = {
    {"road", ProjectKind::Road},
    {"rail", ProjectKind::Rail},
    {"bus", ProjectKind::Bus},
    {"other", ProjectKind::Other}};
const std::initializer_list<std::pair<std::string_view, ProjectPhase>> kPhases = {
    {"proposal", ProjectPhase::Proposal},          {"study", ProjectPhase::Study},
    {"partly_funded", ProjectPhase::PartlyFunded}, {"underway", ProjectPhase::Underway},
    {"in_operation", ProjectPhase::InOperation},   {"unknown", ProjectPhase::Unknown}};
const std::initializer_list<std::pair<std::string_view, CostBasis>> kCostBases = {
    {"total", CostBasis::Total}, {"per_year", CostBasis::PerYear}, {"part_of", CostBasis::PartOf}};
const std::initializer_list<std::pair<std::string_view, GoalStatus>> kGoalStatuses = {
    {"met", GoalStatus::Met},
    {"partly_met", GoalStatus::PartlyMet},
    {"not_met", GoalStatus::NotMet},
    {"pending", GoalStatus::Pending}};
const std::initializer_list<std::pair<std::string_view, VerdictBy>> kVerdictBy = {
    {"document", VerdictBy::Document}, {"derived", VerdictBy::Derived}};

IndicatorSet read_indicators(Ctx& ctx, const Json& obj, const std::string& path) {
    IndicatorSet set;
    IdPaths ids;
    for_each_object(ctx, obj, path, "items", [&](const Json& o, const std::string& p) {
        warn_unknown_keys(ctx, o, p,
                          {"id", "label", "value", "unit", "target", "previous", "previous_period", "period",
                           "note", "qualifier", "provenance", "source_lines"});
        Indicator in;
        in.id = get_id(ctx, o, p, "id", Need::Required);
        in.label = get_text(ctx, o, p, "label", Need::Required);
        in.value = get_number(ctx, o, p, "value", Need::Required).value_or(0);
        in.unit = get_string(ctx, o, p, "unit", Need::Required);
        in.target = get_number(ctx, o, p, "target", Need::Optional);
        in.previous = get_number(ctx, o, p, "previous", Need::Optional);
        read_optional_texts(ctx, o, p, in,
                            {{"previous_period", &Indicator::previous_period},
                             {"period", &Indicator::period},
                             {"note", &Indicator::note},
                             {"qualifier", &Indicator::qualifier},
                             {"provenance", &Indicator::provenance},
                             {"source_lines", &Indicator::source_lines}});
        ids.emplace_back(in.id, key_path(p, "id"));
        set.items.push_back(std::move(in));
    });
    check_unique(ctx, ids, "item id");
    return set;
}

Series read_series(Ctx& ctx, const Json& obj, const std::string& path) {
    Series series;
    series.unit = get_string(ctx, obj, path, "unit", Need::Required);
    for_each_object(ctx, obj, path, "lines", [&](const Json& o, const std::string& p) {
        warn_unknown_keys(ctx, o, p, {"label", "points"});
        SeriesLine line;
        line.label = get_text(ctx, o, p, "label", Need::Required);
        for_each_object(ctx, o, p, "points", [&](const Json& po, const std::string& pp) {
            warn_unknown_keys(ctx, po, pp, {"x", "value"});
            SeriesPoint point;
            point.x = get_string(ctx, po, pp, "x", Need::Required);
            if (!po.contains("value"))
                add_error(ctx, key_path(pp, "value"),
                          "missing required key \"value\" (use null for no figure)");
            else
                point.value = read_number_or_null(ctx, po.at("value"), key_path(pp, "value"));
            line.points.push_back(std::move(point));
        });
        series.lines.push_back(std::move(line));
    });
    return series;
}

bool is_municipality_code(const std::string& code) {
    return code.size() == 3 && std::isdigit(static_cast<unsigned char>(code[0])) &&
           std::isdigit(static_cast<unsigned char>(code[1])) &&
           std::isdigit(static_cast<unsigned char>(code[2]));
}

// Why a row has the wrong number of values: too few want null for a missing figure; one too
// many whole numbers side by side are most often a figure written with a Danish decimal comma.
std::string count_hint(const Json& values, std::size_t columns) {
    if (values.size() < columns) return " (use null for a missing figure)";
    for (std::size_t i = 0; i + 1 < values.size(); ++i)
        if (values[i].is_number_integer() && values[i + 1].is_number_unsigned())
            return ": " + values[i].dump() + "," + values[i + 1].dump() +
                   " looks like a Danish decimal comma; write " + values[i].dump() + "." +
                   values[i + 1].dump() + " (JSON numbers take a decimal point)";
    return " (remove the extra values)";
}

MunicipalityTable read_table(Ctx& ctx, const Json& obj, const std::string& path) {
    MunicipalityTable table;
    IdPaths column_ids;
    for_each_object(ctx, obj, path, "columns", [&](const Json& o, const std::string& p) {
        warn_unknown_keys(ctx, o, p, {"id", "label", "unit"});
        TableColumn column;
        column.id = get_id(ctx, o, p, "id", Need::Required);
        column.label = get_text(ctx, o, p, "label", Need::Required);
        column.unit = get_string(ctx, o, p, "unit", Need::Required);
        column_ids.emplace_back(column.id, key_path(p, "id"));
        table.columns.push_back(std::move(column));
    });
    check_unique(ctx, column_ids, "column id");
    // Only compare value counts against a column list that was read in full.
    const bool columns_ok = obj.contains("columns") && obj.at("columns").is_array() &&
                            obj.at("columns").size() == table.columns.size();
    IdPaths codes;
    for_each_object(ctx, obj, path, "rows", [&](const Json& o, const std::string& p) {
        warn_unknown_keys(ctx, o, p, {"code", "name", "values", "source_lines"});
        MunicipalityRow row;
        row.code = get_string(ctx, o, p, "code", Need::Required);
        if (o.contains("code") && o.at("code").is_string() && !is_municipality_code(row.code))
            add_error(ctx, key_path(p, "code"),
                      "invalid municipality code " + quote_text(row.code) +
                          ": expected three digits, such as \"259\"");
        row.name = get_text(ctx, o, p, "name", Need::Required);
        row.source_lines = get_string(ctx, o, p, "source_lines", Need::Optional);
        if (const Json* values = get_array(ctx, o, p, "values", Need::Required)) {
            const std::string vp = key_path(p, "values");
            for (std::size_t i = 0; i < values->size(); ++i)
                row.values.push_back(read_number_or_null(ctx, (*values)[i], index_path(vp, i)));
            if (columns_ok && values->size() != table.columns.size())
                add_error(ctx, vp,
                          "has " + std::to_string(values->size()) + " values but the table has " +
                              std::to_string(table.columns.size()) + " columns" +
                              count_hint(*values, table.columns.size()));
        }
        codes.emplace_back(row.code, key_path(p, "code"));
        table.rows.push_back(std::move(row));
    });
    check_unique(ctx, codes, "municipality code");
    return table;
}

// Region Sjælland with a margin for its neighbours (Copenhagen, the airport, the bridges):
// a point outside is a typing slip, most often latitude and longitude swapped.
constexpr double kLatMin = 54.4, kLatMax = 56.2, kLonMin = 10.7, kLonMax = 12.8;

std::vector<PlacePoint> read_place_points(Ctx& ctx, const Json& obj, const std::string& path) {
    std::vector<PlacePoint> out;
    IdPaths names;
    for_each_object(ctx, obj, path, "places", [&](const Json& o, const std::string& p) {
        warn_unknown_keys(ctx, o, p, {"name", "lat", "lon"});
        PlacePoint pt;
        pt.name = get_text(ctx, o, p, "name", Need::Required);
        const auto lat = get_number(ctx, o, p, "lat", Need::Required);
        const auto lon = get_number(ctx, o, p, "lon", Need::Required);
        if (!lat || !lon) return;
        pt.lat = *lat, pt.lon = *lon;
        const auto inside = [](double la, double lo) {
            return la >= kLatMin && la <= kLatMax && lo >= kLonMin && lo <= kLonMax;
        };
        if (!inside(pt.lat, pt.lon)) {
            char box[160];
            std::snprintf(
                box, sizeof box,
                "lat %.4f, lon %.4f lies outside Region Sjælland and its neighbours (lat %.1f to %.1f, "
                "lon %.1f to %.1f)",
                pt.lat, pt.lon, kLatMin, kLatMax, kLonMin, kLonMax);
            add_error(ctx, p, std::string(box) + (inside(pt.lon, pt.lat) ? ": lat and lon swapped?" : ""));
            return;
        }
        names.emplace_back(pt.name, key_path(p, "name"));
        out.push_back(std::move(pt));
    });
    check_unique(ctx, names, "place name");
    return out;
}

ProjectList read_projects(Ctx& ctx, const Json& obj, const std::string& path) {
    ProjectList list;
    IdPaths ids;
    std::vector<std::string> part_of_paths;
    for_each_object(ctx, obj, path, "items", [&](const Json& o, const std::string& p) {
        warn_unknown_keys(ctx, o, p,
                          {"id", "name", "kind", "places", "phase", "status_text", "cost_text", "cost_dkk",
                           "cost_basis", "part_of", "years", "note", "provenance", "source_lines"});
        Project pr;
        pr.id = get_id(ctx, o, p, "id", Need::Required);
        pr.name = get_text(ctx, o, p, "name", Need::Required);
        pr.kind = get_enum(ctx, o, p, "kind", Need::Required, kKinds, ProjectKind::Other);
        pr.places = get_string_list(ctx, o, p, "places", Need::Required);
        pr.phase = get_enum(ctx, o, p, "phase", Need::Required, kPhases, ProjectPhase::Unknown);
        pr.status_text = get_string(ctx, o, p, "status_text", Need::Required);
        pr.cost_text = get_string(ctx, o, p, "cost_text", Need::Optional);
        pr.cost_dkk = get_number(ctx, o, p, "cost_dkk", Need::Optional);
        if (pr.cost_dkk && *pr.cost_dkk < 0)
            add_error(ctx, key_path(p, "cost_dkk"),
                      "a cost cannot be negative: " + describe(o.at("cost_dkk")));
        pr.cost_basis = get_enum(ctx, o, p, "cost_basis", Need::Optional, kCostBases, CostBasis::Total);
        pr.part_of = get_id(ctx, o, p, "part_of", Need::Optional);
        if (pr.cost_basis == CostBasis::PartOf && pr.part_of.empty() && !o.contains("part_of"))
            add_error(ctx, key_path(p, "part_of"),
                      "missing required key \"part_of\" (cost_basis is \"part_of\")");
        if (o.contains("years")) {
            if (const Json* years = get_array(ctx, o, p, "years", Need::Optional)) {
                const std::string yp = key_path(p, "years");
                for (std::size_t i = 0; i < years->size(); ++i)
                    if (auto y = read_integer(ctx, (*years)[i], index_path(yp, i), 1900, 2200))
                        pr.years.push_back(static_cast<int>(*y));
            }
        }
        read_optional_texts(ctx, o, p, pr,
                            {{"note", &Project::note},
                             {"provenance", &Project::provenance},
                             {"source_lines", &Project::source_lines}});
        ids.emplace_back(pr.id, key_path(p, "id"));
        part_of_paths.push_back(key_path(p, "part_of"));
        list.items.push_back(std::move(pr));
    });
    check_unique(ctx, ids, "project id");
    if (obj.contains("places")) list.places = read_place_points(ctx, obj, path);
    std::set<std::string> known;
    for (const auto& pr : list.items) known.insert(pr.id);
    for (std::size_t i = 0; i < list.items.size(); ++i) {
        const auto& pr = list.items[i];
        if (pr.part_of.empty()) continue;
        if (!known.count(pr.part_of))
            add_error(ctx, part_of_paths[i], "names no project in this dataset: " + quote_text(pr.part_of));
        else if (pr.part_of == pr.id)
            add_error(ctx, part_of_paths[i], "a project cannot be part of itself");
    }
    return list;
}

Timeline read_timeline(Ctx& ctx, const Json& obj, const std::string& path) {
    Timeline timeline;
    for_each_object(ctx, obj, path, "events", [&](const Json& o, const std::string& p) {
        warn_unknown_keys(ctx, o, p, {"date", "date_text", "label", "note", "provenance", "source_lines"});
        TimelineEvent event;
        event.date = get_date(ctx, o, p, "date", Need::Required).value_or(PartialDate{});
        event.date_text = get_string(ctx, o, p, "date_text", Need::Optional);
        event.label = get_text(ctx, o, p, "label", Need::Required);
        read_optional_texts(ctx, o, p, event,
                            {{"note", &TimelineEvent::note},
                             {"provenance", &TimelineEvent::provenance},
                             {"source_lines", &TimelineEvent::source_lines}});
        timeline.events.push_back(std::move(event));
    });
    return timeline;
}

GoalList read_goals(Ctx& ctx, const Json& obj, const std::string& path) {
    GoalList list;
    IdPaths numbers;
    for_each_object(ctx, obj, path, "items", [&](const Json& o, const std::string& p) {
        warn_unknown_keys(ctx, o, p,
                          {"number", "title", "target_text", "result_text", "target_value", "result_value",
                           "unit", "status", "verdict_by", "verdict_note", "provenance", "source_lines"});
        Goal goal;
        goal.number = static_cast<int>(get_integer(ctx, o, p, "number", Need::Required, 1, 999).value_or(0));
        goal.title = get_text(ctx, o, p, "title", Need::Required);
        goal.target_text = get_string(ctx, o, p, "target_text", Need::Required);
        goal.result_text = get_string(ctx, o, p, "result_text", Need::Required);
        goal.target_value = get_number(ctx, o, p, "target_value", Need::Optional);
        goal.result_value = get_number(ctx, o, p, "result_value", Need::Optional);
        goal.unit = get_string(ctx, o, p, "unit", Need::Optional);
        goal.status = get_enum(ctx, o, p, "status", Need::Required, kGoalStatuses, GoalStatus::Pending);
        goal.verdict_by = get_enum(ctx, o, p, "verdict_by", Need::Required, kVerdictBy, VerdictBy::Document);
        read_optional_texts(ctx, o, p, goal,
                            {{"verdict_note", &Goal::verdict_note},
                             {"provenance", &Goal::provenance},
                             {"source_lines", &Goal::source_lines}});
        if (goal.number > 0) numbers.emplace_back(std::to_string(goal.number), key_path(p, "number"));
        list.items.push_back(std::move(goal));
    });
    check_unique(ctx, numbers, "goal number");
    return list;
}

}  // namespace

std::optional<Dataset> read_dataset(Ctx& ctx, const Json& value, const std::string& path) {
    if (!expect_object(ctx, value, path)) return std::nullopt;
    Dataset ds;
    ds.id = get_id(ctx, value, path, "id", Need::Required);
    const bool has_type = value.contains("type") && value.at("type").is_string();
    const std::string type = get_string(ctx, value, path, "type", Need::Required);
    ds.title = get_text(ctx, value, path, "title", Need::Required);
    ds.as_of = get_date(ctx, value, path, "as_of", Need::Optional);
    ds.as_of_text = get_string(ctx, value, path, "as_of_text", Need::Optional);
    if (const Json* source = get_object(ctx, value, path, "source", Need::Optional))
        ds.source = read_source(ctx, *source, key_path(path, "source"));
    ds.note = get_string(ctx, value, path, "note", Need::Optional);
    ds.provenance = get_string(ctx, value, path, "provenance", Need::Optional);
    if (!has_type) return std::nullopt;

    // Common keys plus the body keys of this type; anything else is warned about.
    auto common_and = [&](std::initializer_list<std::string_view> body) {
        std::vector<std::string_view> keys = {"id",         "type",   "title", "as_of",
                                              "as_of_text", "source", "note",  "provenance"};
        keys.insert(keys.end(), body.begin(), body.end());
        warn_unknown_keys(ctx, value, path, keys);
    };
    if (type == "indicators") {
        common_and({"items"});
        ds.body = read_indicators(ctx, value, path);
    } else if (type == "series") {
        common_and({"unit", "lines"});
        ds.body = read_series(ctx, value, path);
    } else if (type == "municipality_table") {
        common_and({"columns", "rows"});
        ds.body = read_table(ctx, value, path);
    } else if (type == "projects") {
        common_and({"items", "places"});
        ds.body = read_projects(ctx, value, path);
    } else if (type == "timeline") {
        common_and({"events"});
        ds.body = read_timeline(ctx, value, path);
    } else if (type == "goals") {
        common_and({"items"});
        ds.body = read_goals(ctx, value, path);
    } else if (type == "notices") {  // 1.2
        common_and({"items"});
        ds.body = read_notices(ctx, value, path);
    } else {
        // Forward compatible: a newer minor version may add dataset types.
        add_lost(ctx, key_path(path, "type"),
                 "unknown dataset type " + quote_text(type) + " (dataset skipped)" +
                     did_you_mean(type, {"indicators", "series", "municipality_table", "projects", "timeline",
                                         "goals", "notices"}) +
                     "; known types: \"indicators\", \"series\", \"municipality_table\", \"projects\", "
                     "\"timeline\", \"goals\", \"notices\"");
        return std::nullopt;
    }
    return ds;
}

}  // namespace feeds
