// infotavle_bench: how the screen machinery costs on a board with no GPU. Uses the software
// renderer into memory (the renderer the kiosk gets without a GPU), so it needs no display.
//
// What is measured, and how:
//   - start to first frame: program start to the first composed kiosk frame (load + parse the
//     bundled feeds, font atlas, cold draw of the first slide, copy).
//   - cold draw: drawing one slide with ImGui into a target texture (what happens when its
//     data, the screen size or the clock minute changes), flushed, per slide, median and p95.
//   - steady frame: a frame that draws (the progress bar grown by a step; the slide itself is
//     already on the retained output).
//   - transition frame: a wipe frame (the columns it reveals), every frame of one transition.
//   - CPU: the kiosk's frame function driven by a FAKE clock over 60 s of rotation (10 s
//     slides) and 30 s of one slide, stepping straight to each wake-up time the frame function
//     asks for. It counts every draw and copy the kiosk would do, but not the cost of putting
//     pixels on a real display (X11/KMS present) nor of the sleeps themselves, so a real board
//     adds its present cost per composed frame; the composed-frame counts are printed for that.
//   - peak memory: getrusage ru_maxrss, after each case (so a case's figure includes the ones
//     before it; the 1920x1080 cases run first).
//   - each case once upright and once turned (--rotate 90), 1920x1080 being the logical size.
//   - `infotavle_bench --big`: instead of all that, the largest slides a valid feed can ask for
//     (tests/big_feed.h: 999 items named in 200 characters, one slide per view), each drawn
//     whole (chrome, view, canvas check) at 800x480 and 1920x1080, median of 5 (one draw
//     when the first takes over a second). Budget: 100 ms per slide.
//   - the live kiosk (tests/bench/live_run.h): the program itself, next to this one, run for
//     15 + 60 s at 1920x1080 on 10 s slides and measured from /proc: CPU, PSS, peak RSS. This is
//     what the process pays, wake-ups, event polling and data sync included; `--no-live` skips it.
//   - `infotavle_bench --frames DIR`: instead, the frames of one transition at 1920x1080 as PNGs
//     (and the frames before and after it), to look at.
// The summary table at the end puts each figure next to its budget; the exit status is 1 when
// one is over.
#include <SDL.h>
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "app/kiosk/frame.h"
#include "app/kiosk/render_pngs.h"
#include "feeds/playlist_check.h"
#include "platform/headless.h"
#include "platform/png_write.h"
#include "platform/process_memory.h"
#include "tests/bench/live_run.h"
#include "tests/big_feed.h"
#include "tests/render_date.h"
#include "tests/temp_dir.h"

namespace {

using Clock = std::chrono::steady_clock;
const Clock::time_point g_start = Clock::now();  // as near to process start as C++ allows

double ms_since(Clock::time_point t) {
    return std::chrono::duration<double, std::milli>(Clock::now() - t).count();
}

double cpu_ms() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return (u.ru_utime.tv_sec + u.ru_stime.tv_sec) * 1e3 + (u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e3;
}

struct Stats {
    double median = 0, p95 = 0, max = 0;
};

Stats stats_of(std::vector<double> v) {
    if (v.empty()) return {};
    std::sort(v.begin(), v.end());
    auto at = [&](double q) { return v[std::min(v.size() - 1, size_t(q * double(v.size() - 1) + 0.5))]; };
    return {at(0.5), at(0.95), v.back()};
}

const char* verdict(bool ok) {
    return ok ? "ok" : "OVER BUDGET";
}

double peak_mb() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return double(u.ru_maxrss) / 1024.0;
}

// One line of the summary table.
struct Row {
    std::string what, budget, value;
    bool ok = true;
};

Row row(std::string what, double v, const char* unit, double limit) {
    char b[32], x[32];
    std::snprintf(b, sizeof b, "< %g %s", limit, unit);
    std::snprintf(x, sizeof x, "%.2f %s", v, unit);
    return {std::move(what), b, x, v < limit};
}

void print_table(const std::vector<Row>& rows) {
    std::printf("\n%-48s | %-10s | %-10s | %s\n", "figure", "measured", "budget", "result");
    std::printf("%s\n", std::string(48 + 3 + 10 + 3 + 10 + 3 + 6, '-').c_str());
    for (const Row& r : rows)
        std::printf("%-48s | %10s | %-10s | %s\n", r.what.c_str(), r.value.c_str(), r.budget.c_str(),
                    r.ok ? "PASS" : "OVER");
}

const ClockForms kClock = render_clock();
const feeds::PartialDate kToday = kRenderToday;

// Drives kiosk_frame from t = 0 to `duration_ms` of fake time; returns CPU ms used and counts.
struct SimResult {
    double cpu_ms = 0;
    int frames = 0, composed = 0, cold_draws = 0;
};

SimResult simulate(KioskScreen& k, const SlideSet& set, std::uint64_t& gen, int w, int h, int rot,
                   std::int64_t duration_ms) {
    SimResult r;
    k.started = false;
    invalidate_kiosk(k);
    ++gen;
    const double c0 = cpu_ms();
    int minute = 0;
    std::int64_t next_minute = 60000;
    for (std::int64_t now = 0; now < duration_ms;) {
        const FrameResult f =
            kiosk_frame(k, set, gen, {now, render_clock(minute), kToday, w, h, rot, nullptr});
        if (f.composed) SDL_RenderFlush(k.renderer);
        ++r.frames;
        r.composed += f.composed;
        r.cold_draws += f.slides_drawn;
        std::int64_t wait = std::min(f.wait_ms, next_minute - now);
        now += std::max<std::int64_t>(wait, f.in_transition ? 16 : 1);
        if (now >= next_minute) {
            ++minute;
            next_minute += 60000;
        }
    }
    r.cpu_ms = cpu_ms() - c0;
    return r;
}

void bench_size(const SlideSet& set, const FontFiles& fonts, int w, int h, int rot, bool first_run,
                std::vector<Row>& rows) {
    char tag[48];
    std::snprintf(tag, sizeof tag, "%dx%d%s", w, h, rot ? (" turned " + std::to_string(rot)).c_str() : "");
    std::printf("\n== %s, software renderer ==\n", tag);
    const bool swap = rot == 90 || rot == 270;
    const int ow = swap ? h : w, oh = swap ? w : h;  // the output (the surface) is turned
    Headless hl;
    if (auto err = open_headless(ow, oh, hl)) {
        std::printf("cannot open headless: %s\n", err->c_str());
        return;
    }
    KioskScreen k;
    open_kiosk_screen(hl.renderer, fonts, true, "", k);
    set_kiosk_slides(k, set);
    std::uint64_t gen = 1;
    FrameResult first = kiosk_frame(k, set, gen, {0, kClock, kToday, w, h, rot, nullptr});
    SDL_RenderFlush(hl.renderer);
    const double first_ms = ms_since(g_start);
    std::printf("font atlas: %dx%d (%.1f MB as a texture)\n", k.screen.imgui.font_w, k.screen.imgui.font_h,
                k.screen.imgui.font_w * double(k.screen.imgui.font_h) * 4 / 1048576.0);
    if (first_run) {
        std::printf("start to first frame: %.1f ms (budget < 300 ms: %s)%s\n", first_ms,
                    verdict(first_ms < 300), first.composed ? "" : " [not composed!]");
        rows.push_back(row(std::string("start to first frame, ") + tag, first_ms, "ms", 300));
    } else
        std::printf("(first frame of this size is not from process start)\n");

    // Cold draws, per slide.
    SDL_Texture* tex =
        SDL_CreateTexture(hl.renderer, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_TARGET, ow, oh);
    const SlideContext ctx{kClock, "", kToday};
    std::vector<double> all_cold;
    std::printf("%-28s %9s %9s\n", "slide", "cold med", "cold p95");
    for (const auto& s : set.slides) {
        if (!s.valid) continue;
        std::vector<double> t;
        for (int i = 0; i < 15; ++i) {
            const auto t0 = Clock::now();
            SDL_SetRenderTarget(hl.renderer, tex);
            draw_slide(k.screen, s, ctx);
            SDL_RenderFlush(hl.renderer);
            t.push_back(ms_since(t0));
        }
        const Stats st = stats_of(t);
        all_cold.insert(all_cold.end(), t.begin(), t.end());
        std::printf("%-28s %7.2f ms %7.2f ms\n", s.slide->id.c_str(), st.median, st.p95);
    }
    SDL_SetRenderTarget(hl.renderer, nullptr);
    SDL_DestroyTexture(tex);
    const Stats cold = stats_of(all_cold);
    std::printf(
        "cold draw, all slides: median %.2f ms, p95 %.2f ms, max %.2f ms (budget median < 40 ms: %s)\n",
        cold.median, cold.p95, cold.max, verdict(cold.median < 40));
    rows.push_back(row(std::string("cold draw median, ") + tag, cold.median, "ms", 40));

    // Steady frames: the progress bar grows, every 500 ms.
    std::vector<double> steady;
    ++gen;
    kiosk_frame(k, set, gen, {0, kClock, kToday, w, h, rot, nullptr});  // the slide drawn anew
    for (int i = 1; i <= 16; ++i) {
        const auto t0 = Clock::now();
        const FrameResult f =
            kiosk_frame(k, set, gen, {std::int64_t(i) * 500, kClock, kToday, w, h, rot, nullptr});
        SDL_RenderFlush(hl.renderer);
        if (f.composed) steady.push_back(ms_since(t0));
    }
    const Stats st = stats_of(steady);
    std::printf("steady frame (the bar grows): median %.2f ms, p95 %.2f ms, %zu frames\n", st.median, st.p95,
                steady.size());

    // Transition frames: walk through the first transition at 16 ms steps, caches warm.
    k.started = false;
    invalidate_kiosk(k);
    kiosk_frame(k, set, gen, {0, kClock, kToday, w, h, rot, nullptr});
    const std::int64_t slot =
        k.timings.empty()
            ? 12000
            : std::max(k.timings[size_t(std::max(k.rotation.current, 0))].duration_ms, kMinSlideMs);
    kiosk_frame(k, set, gen, {slot - 700, kClock, kToday, w, h, rot, nullptr});  // prefetch next
    std::vector<double> trans;
    int trans_cold = 0;
    for (std::int64_t t = slot - 600; t < slot; t += 16) {
        const auto t0 = Clock::now();
        const FrameResult f = kiosk_frame(k, set, gen, {t, kClock, kToday, w, h, rot, nullptr});
        SDL_RenderFlush(hl.renderer);
        if (f.in_transition) trans.push_back(ms_since(t0));
        trans_cold += f.slides_drawn;
    }
    const Stats ts = stats_of(trans);
    std::printf(
        "transition frame (wipe): median %.2f ms, p95 %.2f ms, max %.2f ms, %zu frames, %d cold draws "
        "(budget max < 16 ms: %s)\n",
        ts.median, ts.p95, ts.max, trans.size(), trans_cold, verdict(ts.max < 16));
    rows.push_back(row(std::string("transition frame max, ") + tag, ts.max, "ms", 16));

    // CPU over fake time.
    for (auto& t : k.timings) t.duration_ms = 10000;
    const SimResult cyc = simulate(k, set, gen, w, h, rot, 60000);
    const double cyc_pct = cyc.cpu_ms / 60000.0 * 100;
    std::printf(
        "CPU, 60 s rotation of 10 s slides (fake clock): %.1f ms = %.2f %% of one core; %d wake-ups, %d "
        "frames composed, %d cold draws (budget < 0.25 %%: %s)\n",
        cyc.cpu_ms, cyc_pct, cyc.frames, cyc.composed, cyc.cold_draws, verdict(cyc_pct < 0.25));
    rows.push_back(row(std::string("CPU rotating, fake clock, ") + tag, cyc_pct, "%", 0.25));
    const auto all_timings = k.timings;
    bool kept = false;
    for (auto& t : k.timings) {
        t.valid = t.valid && !kept;
        kept = kept || t.valid;
    }
    const SimResult one = simulate(k, set, gen, w, h, rot, 30000);
    const double one_pct = one.cpu_ms / 30000.0 * 100;
    std::printf(
        "CPU, 30 s of one slide (fake clock): %.1f ms = %.3f %% of one core; %d wake-ups, %d frames "
        "composed, "
        "%d cold draws (budget < 0.5 %%: %s)\n",
        one.cpu_ms, one_pct, one.frames, one.composed, one.cold_draws, verdict(one_pct < 0.5));
    rows.push_back(row(std::string("CPU one slide, fake clock, ") + tag, one_pct, "%", 0.5));
    k.timings = all_timings;

    close_kiosk_screen(k);
    close_headless(hl);
    const double mb = peak_mb();
    std::printf("peak memory so far (ru_maxrss): %.1f MB\n", mb);
    rows.push_back(row(std::string("peak memory so far, after ") + tag, mb, "MB", 64));
}

// The map slides at 1920x1080 in software, each on a fresh screen: the cold first frame (fonts
// already built; the map geometry loaded, tessellated and its layer drawn within it), frames
// after it (cached copies), and the minute's redraw for the clock (the map layer reused).
void bench_maps(const SlideSet& set, const FontFiles& fonts, std::vector<Row>& rows) {
    const int w = 1920, h = 1080;
    std::printf("\n== map slides, %dx%d, software renderer ==\n", w, h);
    Headless hl;
    if (auto err = open_headless(w, h, hl)) {
        std::printf("cannot open headless: %s\n", err->c_str());
        return;
    }
    for (std::size_t i = 0; i < set.slides.size(); ++i) {
        const ScreenSlide& s = set.slides[i];
        if (!s.valid) continue;
        const auto view = s.slide->view;
        if (view != feeds::ViewType::MunicipalityMap && view != feeds::ViewType::ProjectMap) continue;
        KioskScreen k;
        open_kiosk_screen(hl.renderer, fonts, true, "", k);
        set_kiosk_slides(k, set);
        for (std::size_t j = 0; j < k.timings.size(); ++j) k.timings[j].valid = j == i;
        resize_slide_screen(k.screen, w, h, 0);  // fonts first: not the map's cost
        std::uint64_t gen = 1;
        auto t0 = Clock::now();
        const FrameResult first = kiosk_frame(k, set, gen, {0, kClock, kToday, w, h, 0, nullptr});
        SDL_RenderFlush(hl.renderer);
        const double cold = ms_since(t0);
        std::vector<double> frames;
        for (int n = 1; n <= 60; ++n) {  // each wake-up as the kiosk has it: on a retained output
            t0 = Clock::now();           // a forced redraw (dirty) would be a cold draw
            kiosk_frame(k, set, gen, {std::int64_t(n) * 50, kClock, kToday, w, h, 0, nullptr});
            SDL_RenderFlush(hl.renderer);
            frames.push_back(ms_since(t0));
        }
        std::vector<double> redraws;
        for (int n = 0; n < 15; ++n) {
            const ClockForms clock = render_clock(1 + n);
            t0 = Clock::now();
            kiosk_frame(k, set, gen, {4000 + std::int64_t(n) * 50, clock, kToday, w, h, 0, nullptr});
            SDL_RenderFlush(hl.renderer);
            redraws.push_back(ms_since(t0));
        }
        const Stats f = stats_of(frames), r = stats_of(redraws);
        std::printf(
            "%-30s cold first frame %7.2f ms%s; frame median %.2f ms (p95 %.2f); clock redraw median %.2f "
            "ms; "
            "map layers drawn %d\n",
            s.slide->id.c_str(), cold, first.slides_drawn == 1 ? "" : " [not drawn!]", f.median, f.p95,
            r.median, k.screen.map_layers.draws);
        rows.push_back(row("map cold first frame, " + s.slide->id, cold, "ms", 250));
        rows.push_back(row("map frame median, " + s.slide->id, f.median, "ms", 16));
        rows.push_back(row("map clock redraw median, " + s.slide->id, r.median, "ms", 40));
        close_kiosk_screen(k);
    }
    close_headless(hl);
}

// The 999-item slides of tests/big_feed.h, each drawn whole at `w` x `h`.
void bench_big_size(const SlideSet& set, const FontFiles& fonts, int w, int h, std::vector<Row>& rows) {
    std::printf("\n== 999 items named in 200 characters, %dx%d, software renderer ==\n", w, h);
    Headless hl;
    if (auto err = open_headless(w, h, hl)) {
        std::printf("cannot open headless: %s\n", err->c_str());
        return;
    }
    SlideScreen screen;
    open_slide_screen(hl.renderer, fonts, screen);
    if (auto err = resize_slide_screen(screen, w, h)) std::printf("fonts: %s\n", err->c_str());
    const SlideContext ctx{kClock, "", kToday};
    char tag[32];
    std::snprintf(tag, sizeof tag, ", %dx%d", w, h);
    for (const ScreenSlide& s : set.slides) {
        if (!s.valid) {
            std::printf("%-14s invalid: %s\n", s.slide->id.c_str(), s.why_invalid.c_str());
            continue;
        }
        std::vector<double> t, cpu;
        std::size_t problems = 0;
        for (int i = 0; i < 5 && (t.empty() || t[0] < 1000); ++i) {
            const auto t0 = Clock::now();
            const double c0 = cpu_ms();
            problems = draw_slide(screen, s, ctx).size();
            SDL_RenderFlush(hl.renderer);
            t.push_back(ms_since(t0));
            cpu.push_back(cpu_ms() - c0);
        }
        const Stats st = stats_of(t), sc = stats_of(cpu);
        std::printf("%-14s %-18s %10.2f ms, CPU %10.2f ms (median of %zu), %zu canvas problems\n",
                    s.slide->id.c_str(), feeds::view_type_name(s.slide->view), st.median, sc.median, t.size(),
                    problems);
        std::fflush(stdout);
        rows.push_back(row("999 items, " + s.slide->id + tag + ", CPU", sc.median, "ms", 100));
    }
    close_slide_screen(screen);
    close_headless(hl);
}

int bench_big(const FontFiles& fonts) {
    TempDir dir("bench-big");
    for (const auto& [id, feed] : big_feeds_json({})) dir.write(id + ".json", feed.dump());
    const std::string manifest = dir.write("manifest.json", big_manifest_json().dump());
    const SlideSet set = load_slide_set({manifest});
    std::printf("infotavle_bench --big: %d of %zu slides valid\n", count_valid(set), set.slides.size());
    for (const auto& p : set.problems) std::printf("  %s\n", p.c_str());
    std::vector<Row> rows;
    bench_big_size(set, fonts, 800, 480, rows);
    bench_big_size(set, fonts, 1920, 1080, rows);
    print_table(rows);
    bool all_ok = true;
    for (const Row& r : rows) all_ok = all_ok && r.ok;
    return all_ok ? 0 : 1;
}

}  // namespace

// The live kiosk, measured from outside (live_run.h), with its budgets.
void bench_live(const char* argv0, std::vector<Row>& rows) {
    const std::string self = argv0;
    const auto slash = self.rfind('/');
    const std::string program =
        (slash == std::string::npos ? std::string(".") : self.substr(0, slash)) + "/infotavle";
    std::printf("\n== the kiosk itself (%s), 1920x1080, 10 s slides, 60 s after 15 s ==\n", program.c_str());
    std::fflush(stdout);
    const LiveRun r = run_live(program, 1920, 1080, 15, 60);
    if (!r.error.empty()) {
        std::printf("%s\n", r.error.c_str());
        rows.push_back({"live kiosk", "runs", "failed", false});
        return;
    }
    std::printf("CPU %.2f %% of one core, PSS %.1f MB, peak RSS (transitions included) %.1f MB\n",
                r.cpu_percent, r.pss_mb, r.peak_rss_mb);
    rows.push_back(row("live kiosk CPU, 60 s of 10 s slides, 1920x1080", r.cpu_percent, "%", 0.25));
    rows.push_back(row("live kiosk PSS, steady, 1920x1080", r.pss_mb, "MB", 40));
    rows.push_back(row("live kiosk peak RSS after start, 1920x1080", r.peak_rss_mb, "MB", 56));
}

// Every frame of the first transition at 1920x1080 (and one before and after) as PNGs in `dir`.
int dump_frames(const SlideSet& set, const FontFiles& fonts, const std::string& dir) {
    const int w = 1920, h = 1080;
    Headless hl;
    if (auto err = open_headless(w, h, hl)) return std::printf("cannot open headless: %s\n", err->c_str()), 2;
    KioskScreen k;
    open_kiosk_screen(hl.renderer, fonts, true, "", k);
    set_kiosk_slides(k, set);
    const std::int64_t slot = k.timings.empty() ? 12000 : k.timings[0].duration_ms;
    int n = 0;
    for (std::int64_t t : {std::int64_t(0), slot - 700})
        kiosk_frame(k, set, 1, {t, kClock, kToday, w, h, 0, nullptr});
    for (std::int64_t t = slot - 616; t <= slot + 16; t += 16) {
        const FrameResult f = kiosk_frame(k, set, 1, {t, kClock, kToday, w, h, 0, nullptr});
        if (!f.composed) continue;
        const auto px = read_rgba(hl.renderer, w, h);
        char name[64];
        std::snprintf(name, sizeof name, "/frame-%02d-t%05lld.png", n++, static_cast<long long>(t));
        if (auto err = write_png(dir + name, px.data(), w, h, 4, w * 4))
            return std::printf("%s\n", err->c_str()), 2;
    }
    std::printf("%d frames written to %s\n", n, dir.c_str());
    close_kiosk_screen(k);
    close_headless(hl);
    return 0;
}

int main(int argc, char** argv) {
    limit_heap_arenas();
    map_whole_pictures_apart();  // as the kiosk's main() does
    const char* dir = std::getenv("INFOTAVLE_FONT_DIR");
    const FontFiles fonts = find_font_files(dir ? dir : "");
    if (!fonts.error.empty()) {
        std::printf("%s\n", fonts.error.c_str());
        return 2;
    }
    if (argc > 1 && std::string(argv[1]) == "--big") return bench_big(fonts);
    const SlideSet set = load_slide_set({});
    if (argc > 2 && std::string(argv[1]) == "--frames") return dump_frames(set, fonts, argv[2]);
    std::printf("infotavle_bench: %d of %zu bundled slides valid; fonts %s\n", count_valid(set),
                set.slides.size(), fonts.regular.c_str());
    std::vector<Row> rows;
    bench_size(set, fonts, 1920, 1080, 0, true, rows);
    bench_size(set, fonts, 1920, 1080, 90, false, rows);
    bench_size(set, fonts, 800, 480, 0, false, rows);
    bench_maps(set, fonts, rows);
    if (!(argc > 1 && std::string(argv[1]) == "--no-live")) bench_live(argv[0], rows);
    std::printf("\nSummary (software renderer into memory; live-kiosk CPU and memory: see the README)\n");
    print_table(rows);
    bool all_ok = true;
    for (const Row& r : rows) all_ok = all_ok && r.ok;
    return all_ok ? 0 : 1;
}
