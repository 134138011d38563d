// infotavle: the lobby screen. Reads the configuration (app/config: the command line over
// /etc/infotavle/infotavle.conf) and runs the one action it asks for (app/actions): a one-shot
// tool (--check, --publish, --from-csv, ...), --render (PNGs, no display), or the kiosk.
#include <exception>
#include <iostream>

#include "app/actions/actions.h"
#include "app/kiosk/log.h"
#include "platform/journal.h"
#include "platform/process_memory.h"

namespace {

int run(int argc, char** argv) {
    mark_journal_stream(std::cerr, fd_is_journal_stream(2));
    const RunContext ctx{std::vector<std::string>(argv + 1, argv + argc), INFOTAVLE_VERSION};
    const ConfigOutcome outcome = read_config(ctx.args);
    if (!outcome.config) {  // --help's text, or the one line saying what is wrong
        if (outcome.exit_code == 0)
            std::cout << outcome.message;
        else
            log_line(std::cerr, Severity::error) << outcome.message << "\n";
        return outcome.exit_code;
    }
    const Config& config = *outcome.config;
    const Actions& a = config.actions;
    switch (chosen_action(a)) {
        case Action::version:
            return print_version(ctx, std::cout);
        case Action::print_config:
            return print_effective_config(config, std::cout);
        case Action::from_csv:
            return csv_dataset(a, std::cout, std::cerr);
        case Action::list_places:
            return list_places(a, std::cout);
        case Action::check:
            return check_feeds(a, std::cout);
        case Action::publish:
            return publish_feeds(a, std::cout);
        case Action::from_cap:
            return cap_notices(a, std::cout, std::cerr);
        case Action::render:
            return render_slides(config, ctx, std::cerr);
        case Action::kiosk:
            break;
    }
    return run_screen(config, ctx, std::cerr);
}

}  // namespace

int main(int argc, char** argv) {
    // A kiosk never shows a crash dialog: anything unexpected is one log line and an exit code,
    // and systemd restarts the service.
    limit_heap_arenas();
    map_whole_pictures_apart();
    try {
        return run(argc, argv);
    } catch (const std::exception& e) {
        log_line(std::cerr, Severity::error) << "fatal: " << e.what() << "\n";
    } catch (...) {
        log_line(std::cerr, Severity::error) << "fatal: unknown error\n";
    }
    return 3;
}
