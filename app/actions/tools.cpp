// The one-shot tools: they read files, write one result and exit; no screen, no fonts.
#include <ctime>
#include <ostream>

#include "app/actions/actions.h"
#include "feeds/cap_convert.h"
#include "feeds/check.h"
#include "feeds/csv_import.h"
#include "feeds/file_read.h"
#include "feeds/publish.h"

Action chosen_action(const Actions& a) {
    if (a.version) return Action::version;
    if (a.print_config) return Action::print_config;
    if (!a.from_csv.empty()) return Action::from_csv;
    if (a.list_places) return Action::list_places;
    if (!a.check_paths.empty()) return Action::check;
    if (a.publish_dirs.size() == 2) return Action::publish;
    if (!a.from_cap.empty()) return Action::from_cap;
    if (!a.render_dir.empty()) return Action::render;
    return Action::kiosk;
}

int print_version(const RunContext& run, std::ostream& out) {
    out << "infotavle " << run.version << "\n";
    return 0;
}

int print_effective_config(const Config& config, std::ostream& out) {
    out << print_config(config);
    return 0;
}

// The dataset on `out`, or every ambiguous or unreadable cell on `err`.
int csv_dataset(const Actions& a, std::ostream& out, std::ostream& err) {
    std::string why;
    const auto bytes = feeds::read_file_prefix(a.from_csv, feeds::Limits{}.max_file_bytes, why);
    if (!bytes) {
        err << a.from_csv << ": cannot read: " << why << "\n";
        return 1;
    }
    const auto d = feeds::csv_to_dataset(*bytes, a.from_csv, a.dataset_type, a.dataset_id, a.dataset_title);
    for (const auto& e : d.errors) err << e << "\n";
    out << d.json;
    return d.errors.empty() ? 0 : 1;
}

int list_places(const Actions& a, std::ostream& out) {
    return feeds::list_places(a.check_paths, out);
}

int check_feeds(const Actions& a, std::ostream& out) {
    return feeds::run_check(a.check_paths, out, {}, {a.allow_unknown});
}

int publish_feeds(const Actions& a, std::ostream& out) {
    const feeds::PublishRequest request{a.publish_dirs[0], a.publish_dirs[1], a.key_file, std::time(nullptr)};
    return feeds::run_publish(request, out);
}

// The notice feed on `out`; a line per alert left out, or per problem, on `err`.
int cap_notices(const Actions& a, std::ostream& out, std::ostream& err) {
    const feeds::FromCapResult r = feeds::from_cap_files(a.from_cap, a.cap_test);
    for (const auto& line : r.lines) err << line << "\n";
    out << r.json;
    return r.ok ? 0 : 1;
}
