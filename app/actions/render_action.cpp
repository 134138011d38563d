// --render: every slide of the playlist to PNG, at each size asked for, without a display.
#include <chrono>
#include <ostream>

#include "app/actions/actions.h"
#include "app/actions/screen_setup.h"
#include "app/kiosk/log.h"
#include "app/kiosk/render_pngs.h"
#include "app/kiosk/shown_slides.h"
#include "app/local_time.h"
#include "feeds/sync/sync_jobs.h"
#include "feeds/url.h"

namespace {

std::vector<const feeds::SyncItem*> sync_items(const feeds::FeedSync& sync) {
    std::vector<const feeds::SyncItem*> items{&sync.manifest_item};
    for (const auto& f : sync.feeds) items.push_back(&f);
    return items;
}

// Each note and problem of the fetch on `log`; what is not the publisher's own counts as an
// error: the bundled slides, or a copy kept after a refused fetch.
void count_and_log(ShownSlides& shown, const feeds::FeedSync& sync, const std::vector<feeds::Note>& notes,
                   std::ostream& log) {
    for (const auto& n : notes)
        for (const auto& line : n.lines) log_line(log, severity_of(n.topic)) << line << "\n";
    if (shown.bundled) log_line(log, Severity::error) << shown.why_bundled << "\n";
    for (const auto& p : shown.set.problems) log_line(log, Severity::warning) << p << "\n";
    shown.set.errors += shown.bundled ? 1 : 0;
    for (const feeds::SyncItem* item : sync_items(sync))
        if (!item->last_error.empty()) {
            // last_error names the file already; a feed is named by its id too, as the manifest does.
            const bool feed = item != &sync.manifest_item;
            log_line(log, Severity::error)
                << (feed ? "feed " + item->key + ": " : "") << item->last_error << "\n";
            ++shown.set.errors;
        }
}

// With an http(s) --manifest: the data of this moment, fetched once (cached copies where a
// fetch fails), then drawn. A local manifest is read as it is, without the cache: a preview of
// those files, which must not replace the screen's last good copies.
SlideSet slides_for_render(const feeds::SyncOptions& options, std::ostream& log) {
    if (!feeds::is_http_url(options.manifest_location)) {
        SlideSet set = load_slide_set({options.manifest_location});
        for (const auto& p : set.problems) log_line(log, Severity::warning) << p << "\n";
        return set;
    }
    std::vector<feeds::Note> notes;
    feeds::SyncOptions now_options = options;
    now_options.fetch_all_now = true;
    feeds::FeedSync sync = feeds::open_sync(now_options, notes);
    feeds::SyncJobs jobs;
    const std::int64_t now =
        std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
            .count();
    for (auto& n : feeds::sync_until_settled(sync, jobs, now)) notes.push_back(std::move(n));
    ShownSlides shown = slides_to_show(sync);
    update_stale_texts(shown, sync, now);
    count_and_log(shown, sync, notes, log);
    return std::move(shown.set);
}

}  // namespace

int render_slides(const Config& config, const RunContext& run, std::ostream& log) {
    const std::optional<ScreenSetup> setup = screen_setup(config, run.version, log);
    if (!setup) return 2;
    const SlideSet set = slides_for_render(setup->sync, log);
    RenderOptions opt;
    opt.out_dir = config.actions.render_dir;
    opt.width = setup->width;
    opt.height = setup->height;
    opt.now = setup->now ? *setup->now : local_civil_time(std::chrono::system_clock::now());
    opt.home = setup->home;
    opt.schedule = setup->schedule;
    opt.only_slide = config.actions.render_slide;
    opt.allow_unknown = config.actions.allow_unknown;
    return render_all_sizes(set, setup->fonts, opt, setup->sizes, log);
}
