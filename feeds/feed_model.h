// The feed contract as C++ data: plain structs, no behaviour.
// FORMAT.md documents the JSON these are parsed from; keep the two in step.
// No SDL, ImGui or curl here: feeds/ knows nothing of the screen.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "feeds/schedule.h"

namespace feeds {

// Format version "MAJOR.MINOR". A reader accepts its own major version and any
// minor version (newer minors only add optional fields, which are skipped with a warning).
inline constexpr int kFormatMajor = 1;
inline constexpr int kFormatMinor = 1;

// Where a figure comes from. A dataset's source fills in what an item leaves empty,
// and the feed's source fills in what the dataset leaves empty (see resolve_source()).
struct SourceRef {
    std::string publisher;   // "KKR Sjælland", shown after "Kilde:"
    std::string document;    // "Bilag til KKR Sjælland-møde, maj 2022"
    std::string item;        // agenda item or section, "2.7 Jobforum"
    std::string lines;       // line or page reference in the document, "5659-5673"
    std::string url;         // where one exists
    std::string short_text;  // "short": a publisher-written form that always fits one line,
                             // "KKR Sjælland, bilag maj 2022"; the screen prefers it
};

// A date that may be a year, a month or a day: "2021", "2021-12", "2022-05-03".
struct PartialDate {
    int year = 0;
    int month = 0;  // 0 = not given
    int day = 0;    // 0 = not given
};

// A slide's (or a notice's) hand-off to more: drawn as a QR code with a short caption.
struct SlideLink {
    std::string url;      // http(s) only
    std::string caption;  // "Læs hele udspillet"
};

// ---- notices (1.2): messages that must be seen now (FORMAT.md "notices") -----------------

enum class NoticeKind { Alert, Update, Cancel };  // Update replaces, Cancel removes `references`
enum class NoticeSeverity { Info, Moderate, Severe, Extreme };  // slide, band, takeover, takeover

struct NoticeText {
    std::string headline;  // at most kMaxNoticeHeadline characters
    std::string body;      // at most kMaxNoticeBody characters; may be empty
};

struct Notice {
    std::string id;
    NoticeKind kind = NoticeKind::Alert;
    std::vector<std::string> references;  // notice ids an Update replaces or a Cancel removes
    NoticeSeverity severity = NoticeSeverity::Info;
    NoticeText da;                   // Danish, always
    std::optional<NoticeText> en;    // English, when given
    std::string sender;              // "Køge Kommune"
    std::int64_t sent = 0;           // unix seconds
    std::int64_t effective = 0;      // shown from (inclusive)
    std::int64_t expires = 0;        // shown until (exclusive); required
    bool whole_region = false;       // "areas": "region"
    std::vector<std::string> areas;  // municipality codes of Region Sjælland, "259"
    std::optional<SlideLink> link;
    bool test = false;  // a CAP Test or Exercise message converted on purpose: shown marked TEST
};

struct NoticeList {
    std::vector<Notice> items;
};

// ---- datasets ---------------------------------------------------------------------------

struct Indicator {
    std::string id;
    std::string label;  // Danish, short: "Ledighed"
    double value = 0;
    std::string unit;  // see FORMAT.md "Units": "%", "kr", "personer", ...
    std::optional<double> target;
    std::optional<double> previous;  // the same figure in an earlier period
    std::string previous_period;     // "december 2020"
    std::string period;              // "december 2021"
    std::string note;                // short Danish remark shown with the figure: "laveste siden 2008"
    std::string qualifier;           // shown before the number: "ca." -> "ca. 95.700", "op mod"
    std::string source_lines;
    std::string provenance;  // editor's note on where/how the figure was read; never on screen
};
struct IndicatorSet {
    std::vector<Indicator> items;
};

struct SeriesPoint {
    std::string x;                // category or period label: "2017", "Ledige 16-29 år"
    std::optional<double> value;  // null = no figure for this point
};
struct SeriesLine {
    std::string label;  // "2017", or the name of the line
    std::vector<SeriesPoint> points;
};
struct Series {
    std::string unit;
    std::vector<SeriesLine> lines;
};

struct TableColumn {
    std::string id;
    std::string label;
    std::string unit;
};
struct MunicipalityRow {
    std::string code;                           // official three-digit municipality code, "259"
    std::string name;                           // "Køge"
    std::vector<std::optional<double>> values;  // one per column, null = not given
    std::string source_lines;
};
struct MunicipalityTable {
    std::vector<TableColumn> columns;
    std::vector<MunicipalityRow> rows;
};

enum class ProjectKind { Road, Rail, Bus, Other };
enum class ProjectPhase { Proposal, Study, PartlyFunded, Underway, InOperation, Unknown };
enum class CostBasis { Total, PerYear, PartOf };
struct Project {
    std::string id;
    std::string name;
    ProjectKind kind = ProjectKind::Other;
    std::vector<std::string> places;
    ProjectPhase phase = ProjectPhase::Unknown;
    std::string status_text;         // the document's own words, Danish
    std::string cost_text;           // "ca. 1,1 mia. kr."; empty = no cost given
    std::optional<double> cost_dkk;  // in kroner; only where the document states it
    CostBasis cost_basis = CostBasis::Total;
    std::string part_of;  // project id, when cost_basis == PartOf
    std::vector<int> years;
    std::string note;
    std::string source_lines;
    std::string provenance;  // never on screen; --check lists it
};
// 1.2: a place a project names, with its coordinates, given by the feed for places the map's
// own list lacks ("Ølby"). WGS84 degrees, within or near Region Sjælland.
struct PlacePoint {
    std::string name;
    double lat = 0, lon = 0;
};
struct ProjectList {
    std::vector<Project> items;
    std::vector<PlacePoint> places;  // the feed's own places; they win over the map's of that name
};

struct TimelineEvent {
    PartialDate date;
    std::string date_text;  // as the document writes it: "Maj 2022", "Sommer 2023"
    std::string label;
    std::string note;
    std::string source_lines;
    std::string provenance;  // never on screen
};
struct Timeline {
    std::vector<TimelineEvent> events;
};

enum class GoalStatus { Met, PartlyMet, NotMet, Pending };
enum class VerdictBy { Document, Derived };  // the document says so / read off its figures
struct Goal {
    int number = 0;
    std::string title;
    std::string target_text;
    std::string result_text;
    std::optional<double> target_value;
    std::optional<double> result_value;
    std::string unit;
    GoalStatus status = GoalStatus::Pending;
    VerdictBy verdict_by = VerdictBy::Document;
    std::string verdict_note;
    std::string source_lines;
    std::string provenance;  // never on screen
};
struct GoalList {
    std::vector<Goal> items;
};

using DatasetBody =
    std::variant<IndicatorSet, Series, MunicipalityTable, ProjectList, Timeline, GoalList, NoticeList>;

struct Dataset {
    std::string id;
    std::string title;
    std::optional<PartialDate> as_of;  // overrides the feed's as_of
    std::string as_of_text;            // optional display override: "2. halvår 2021"
    SourceRef source;                  // fields left empty inherit from the feed
    std::string note;
    std::string provenance;  // editor's notes on reading the source; never on screen, --check lists it
    DatasetBody body;
};

struct Feed {
    std::string format_version;  // "1.0"
    std::string id;
    std::string title;
    PartialDate as_of;
    std::string as_of_text;
    SourceRef source;
    std::vector<Dataset> datasets;
    std::vector<char32_t> code_points;  // above U+007F in its text (json_code_points): for the fonts
};

// ---- manifest ----------------------------------------------------------------------------

enum class ViewType {
    KpiTiles,
    BarChart,
    GroupedBars,
    Progress,
    LineChart,
    StatusBoard,
    Timeline,
    GoalScoreboard,
    MunicipalityMap,
    ProjectMap,
};

enum class SortOrder { None, Ascending, Descending };

// "Regionen: 10 %" across a bar chart: options.reference = { "label": "Regionen", "value": 10 }.
struct ReferenceLine {
    std::string label;
    double value = 0;
};

struct ViewOptions {
    SortOrder sort = SortOrder::None;
    std::vector<std::string> highlight;      // item ids, municipality codes or names, x labels
    std::string unit;                        // overrides the dataset's unit for display
    std::vector<std::string> columns;        // table column ids or indicator ids to show, in order
    std::string column;                      // the one table column a bar chart or map shows
    int limit = 0;                           // show at most this many items; 0 = as many as fit
    std::optional<int> decimals;             // digits after the comma
    std::string caption;                     // one short Danish line under the title
    std::optional<ReferenceLine> reference;  // a labelled reference value drawn across the chart
};

struct FeedRef {
    std::string id;
    std::string url;            // relative to the manifest, or absolute http(s)
    int refresh_s = 900;        // how often to fetch
    int max_age_s = 86400 * 7;  // older than this = shown as stale
    // 1.2, signed publishing (FORMAT.md): what the feed's bytes must be. Both or neither.
    std::string sha256;                  // 64 lower-case hex digits; empty = not given
    std::optional<std::int64_t> length;  // bytes
};

struct Slide {
    std::string id;
    std::string feed;     // FeedRef id
    std::string dataset;  // Dataset id within that feed
    ViewType view = ViewType::KpiTiles;
    std::string title;  // Danish
    int duration_s = 12;
    ViewOptions options;
    std::optional<SlideLink> link;
    std::optional<SlideShow> show;  // 1.2: when the slide is due; none = always
    std::size_t json_index = 0;     // position in the manifest's "playlist" array, for messages
};

struct Manifest {
    std::string format_version;
    std::string title;
    std::vector<FeedRef> feeds;
    std::vector<Slide> playlist;  // only slides of known view types; others were warned about
    std::optional<DisplaySchedule> display_schedule;  // 1.2: when the screen is on; none = always
    // 1.2, signed publishing (FORMAT.md): a number that only grows (--publish: the UTC time
    // stamp YYYYMMDDhhmmss), and when the manifest stops being a source of new data (unix s).
    std::optional<std::int64_t> serial;
    std::optional<std::int64_t> expires;
    std::vector<char32_t> code_points;  // above U+007F in its text (json_code_points): for the fonts
};

}  // namespace feeds
