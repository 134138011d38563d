// The kiosk: the slides on the screen until a signal or a key stops it.
#include <cstdlib>
#include <ostream>

#include "app/actions/actions.h"
#include "app/actions/screen_setup.h"
#include "app/kiosk/kiosk.h"
#include "app/kiosk/log.h"
#include "app/status/options.h"
#include "feeds/trust.h"

namespace {

// The keys of keys.d and --trusted-key; each trusted key and each unusable file is said.
std::vector<feeds::MinisignPublicKey> trusted_keys(const Actions& a, std::ostream& log) {
    const feeds::TrustedKeys trusted = feeds::load_trusted_keys(feeds::default_key_dirs(), a.trusted_keys);
    for (const auto& problem : trusted.problems) log_line(log, Severity::warning) << problem << "\n";
    for (const auto& key : trusted.keys)
        log_line(log, Severity::info) << "trusting key " << feeds::key_id_hex(key.key_id) << " (" << key.file
                                      << "): only manifests it signs\n";
    return trusted.keys;
}

KioskOptions kiosk_options(const Config& config, const RunContext& run, const ScreenSetup& setup) {
    const Settings& s = config.settings;
    KioskOptions k;
    // Full screen unless a window size is asked for (a preview on a desktop).
    k.video.fullscreen = s.fullscreen || s.size.empty();
    k.video.width = setup.width;
    k.video.height = setup.height;
    k.video.rotate = s.rotate;
    k.video.force_software = s.software;
    k.sync = setup.sync;
    k.home = setup.home;
    k.wake_for_notices = s.wake_for_notices;
    k.fixed_now = setup.now;
    k.schedule = setup.schedule;
    k.status = status_options(s, std::getenv("RUNTIME_DIRECTORY"));
    k.version = run.version;
    // SIGHUP: the kiosk reads the manifest again; the file is read again here and what changed
    // is said (every setting takes effect at the next start).
    k.on_reload = [args = run.args, config](std::ostream& log) {
        for (const auto& [severity, line] : reload_report(config, read_config(args)))
            log_line(log, severity) << line << "\n";
    };
    return k;
}

}  // namespace

int run_screen(const Config& config, const RunContext& run, std::ostream& log) {
    const std::optional<ScreenSetup> setup = screen_setup(config, run.version, log);
    if (!setup) return 2;
    KioskOptions k = kiosk_options(config, run, *setup);
    k.sync.trusted_keys = trusted_keys(config.actions, log);
    const Settings& s = config.settings;
    log_line(log, Severity::info) << "screen " << s.screen_id
                                  << (s.screen_name.empty() ? "" : " (" + s.screen_name + ")")
                                  << (s.location.empty() ? "" : ", " + s.location) << "; configuration "
                                  << (config.file.empty() ? "none (defaults and flags)" : config.file)
                                  << "\n";
    return run_kiosk(k, setup->fonts, log);
}
