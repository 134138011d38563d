// libFuzzer target: whatever parses is drawn as the kiosk draws it, headless with SDL's software
// renderer at 480x272: a fuzzed feed's every dataset in every view that takes it, and a fuzzed
// manifest's slides over the bundled feeds. Drawing must finish for every file that parses.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>

#include "app/kiosk/render_pngs.h"
#include "app/slide_draw.h"
#include "app/view.h"
#include "feeds/feed_parse.h"
#include "feeds/playlist_check.h"
#include "platform/font_files.h"
#include "platform/headless.h"
#include "tests/fuzz/fuzz_bundled.h"
#include "tests/render_date.h"

namespace {

constexpr int kWidth = 480, kHeight = 272;

struct Screen {
    Headless headless;
    SlideScreen slides;
    RenderOptions options;
};

// One renderer and font atlas for the whole run: building them per input would be all the
// fuzzer measured.
Screen& screen() {
    static Screen* s = [] {
        auto* out = new Screen;
        const FontFiles fonts = find_font_files("");
        if (!fonts.error.empty() || open_headless(kWidth, kHeight, out->headless)) std::abort();
        open_slide_screen(out->headless.renderer, fonts, out->slides);
        if (resize_slide_screen(out->slides, kWidth, kHeight)) std::abort();
        out->options.width = kWidth;
        out->options.height = kHeight;
        out->options.now = kRenderNow;
        out->options.home = "259";
        return out;
    }();
    return *s;
}

void draw(const SlideSet& set) {
    Screen& s = screen();
    (void)render_slides_on(s.slides, s.headless.renderer, set, s.options);
}

// A manifest showing every dataset of `feed` in every built view that accepts it.
feeds::Manifest every_view_of(const feeds::Feed& feed) {
    feeds::Manifest m;
    m.format_version = "1.0";
    m.title = "Fuzz";
    m.feeds.push_back({feed.id, feed.id + ".json"});
    for (const auto& d : feed.datasets)
        for (feeds::ViewType v : feeds::kAllViewTypes) {
            if (!feeds::view_accepts(v, d.body)) continue;
            feeds::Slide slide;
            slide.id = "s" + std::to_string(m.playlist.size());
            slide.feed = feed.id;
            slide.dataset = d.id;
            slide.view = v;
            slide.title = d.title;
            m.playlist.push_back(std::move(slide));
        }
    return m;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    if (auto f = feeds::parse_feed(text, "fuzz.json").feed) {
        feeds::Manifest m = every_view_of(*f);
        if (!m.playlist.empty())
            draw(build_slide_set(std::move(m), {{f->id, std::make_shared<const feeds::Feed>(*f)}},
                                 "fuzz.json"));
    }
    if (auto m = feeds::parse_manifest(text, "fuzz.json").manifest) {
        feeds::FeedMap feeds;
        for (const auto& ref : m->feeds)
            if (auto it = fuzz_bundled().feeds.find(ref.id); it != fuzz_bundled().feeds.end())
                feeds[ref.id] = std::make_shared<const feeds::Feed>(it->second);
        draw(build_slide_set(std::move(*m), std::move(feeds), "fuzz.json"));
    }
    return 0;
}
