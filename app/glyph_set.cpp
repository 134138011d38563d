#include "app/glyph_set.h"

#include <algorithm>
#include <iterator>
#include <string_view>
#include <variant>

#include "app/fonts.h"
#include "feeds/geo_files.h"
#include "feeds/screen_text.h"

// The app's own characters beyond ASCII (and the marker: base_glyphs adds it).
constexpr std::u32string_view kAppGlyphs = U"æøåÆØÅé–—…·−±×°«»“”‘’→←↑↓";

// See figure_glyphs() in the header.
constexpr std::u32string_view kFigureGlyphs = U" %+,-.0123456789Eaikmor±–−…";

static GlyphSet merged(const GlyphSet& a, const GlyphSet& b) {
    GlyphSet out;
    std::set_union(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
    return out;
}

static GlyphSet sorted(std::u32string_view codes) {
    GlyphSet s(codes.begin(), codes.end());
    std::sort(s.begin(), s.end());
    s.erase(std::unique(s.begin(), s.end()), s.end());
    return s;
}

const GlyphSet& base_glyphs() {
    static const GlyphSet base = [] {
        GlyphSet s;
        for (char32_t c = 0x20; c <= 0x7E; ++c) s.push_back(c);
        s = merged(s, sorted(kAppGlyphs));
        s = merged(s, {char32_t(kMissingGlyphMarker)});
        // Municipality and place names the maps label (the geometry's own coordinates are ASCII).
        for (const feeds::BundledFile& f : feeds::geo_files()) s = merged(s, feeds::json_code_points(f.text));
        return s;
    }();
    return base;
}

const GlyphSet& figure_glyphs() {
    static const GlyphSet figures = merged(sorted(kFigureGlyphs), {char32_t(kMissingGlyphMarker)});
    return figures;
}

const ScreenGlyphs& all_drawable_glyphs() {
    static const ScreenGlyphs all = [] {
        ScreenGlyphs s;
        for (const feeds::CodeRange& r : feeds::drawable_ranges())
            for (char32_t c = r.first; c <= r.last; ++c) s.text.push_back(c);
        s.text = merged(s.text, {char32_t(kMissingGlyphMarker)});
        // The display font's former fixed ranges: space to "@", a-z, æ ø å, ± – −.
        GlyphSet old;
        for (char32_t c = 0x20; c <= 0x40; ++c) old.push_back(c);
        s.figures = merged(merged(figure_glyphs(), old), sorted(U"abcdefghijklmnopqrstuvwxyzæøå"));
        return s;
    }();
    return all;
}

// The drawable ones of `codes`: a text --check refused is not shown, and the fonts promise no more.
static GlyphSet drawable(const std::vector<char32_t>& codes) {
    GlyphSet out;
    std::copy_if(codes.begin(), codes.end(), std::back_inserter(out), feeds::is_drawable);
    return out;
}

// The characters of the feed's KPI qualifiers ("ca.", "op mod"), set before the figure.
static void add_qualifiers(const feeds::Feed& feed, GlyphSet& out) {
    for (const feeds::Dataset& d : feed.datasets)
        if (const auto* set = std::get_if<feeds::IndicatorSet>(&d.body))
            for (const feeds::Indicator& it : set->items)
                if (!it.qualifier.empty()) out = merged(out, drawable(feeds::text_code_points(it.qualifier)));
}

ScreenGlyphs slide_set_glyphs(const SlideSet& set) {
    ScreenGlyphs out{merged(base_glyphs(), drawable(set.manifest.code_points)), figure_glyphs()};
    for (const auto& [id, feed] : set.feeds) {
        if (!feed) continue;
        out.text = merged(out.text, drawable(feed->code_points));
        add_qualifiers(*feed, out.figures);
    }
    return out;
}

bool holds_glyphs(const GlyphSet& have, const GlyphSet& need) {
    return std::includes(have.begin(), have.end(), need.begin(), need.end());
}

bool holds_glyphs(const ScreenGlyphs& have, const ScreenGlyphs& need) {
    return holds_glyphs(have.text, need.text) && holds_glyphs(have.figures, need.figures);
}

std::vector<ImWchar> glyph_ranges_of(const GlyphSet& set) {
    std::vector<ImWchar> out;
    for (std::size_t i = 0; i < set.size();) {
        std::size_t j = i;
        while (j + 1 < set.size() && set[j + 1] == set[j] + 1) ++j;
        out.push_back(ImWchar(set[i]));
        out.push_back(ImWchar(set[j]));
        i = j + 1;
    }
    out.push_back(0);
    return out;
}
