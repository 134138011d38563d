#include "app/notices/notice_draw.h"

#include <algorithm>
#include <cmath>

namespace {

constexpr float kLineH = 1.15f;  // line height as a share of the font size, as canvas_paragraph

float lines_h(const ImFont* f, std::size_t n) {
    return n == 0 ? 0 : f->FontSize * (kLineH * float(n - 1) + 1.0f);
}

// The headline's and body's fonts and lines: the largest pair that holds both whole in `box`.
struct TextFit {
    const ImFont* head = nullptr;
    const ImFont* body = nullptr;
    std::vector<std::string> head_lines, body_lines;
    float height = 0;
};

TextFit fit_texts(const Fonts& f, const NoticePageText& p, Rect box, float gap) {
    TextFit best;
    const ImFont* heads[] = {f.heading, f.body_bold, f.small};
    const ImFont* bodies[] = {f.body, f.small};
    for (const ImFont* hf : heads)
        for (const ImFont* bf : bodies) {
            if (bf->FontSize > hf->FontSize) continue;  // the headline stays the largest text
            auto hl = wrap_whole(hf, p.headline, box.w(), 0);
            auto bl = p.body.empty() ? std::optional<std::vector<std::string>>(std::vector<std::string>{})
                                     : wrap_whole(bf, p.body, box.w(), 0);
            if (!hl || !bl) continue;
            const float h = lines_h(hf, hl->size()) + (bl->empty() ? 0 : gap + lines_h(bf, bl->size()));
            best = {hf, bf, *hl, *bl, h};
            if (h <= box.h()) return best;
        }
    return best;  // the smallest: the canvas check reports what does not fit
}

void draw_lines(Canvas& c, const ImFont* f, float x0, float x1, float y, ImU32 colour,
                const std::vector<std::string>& lines) {
    for (const auto& l : lines) {
        canvas_text_in(c, f, {x0, y, x1, y + f->FontSize}, colour, l);
        y += std::round(f->FontSize * kLineH);
    }
}

}  // namespace

NoticeColours notice_colours(NoticeTier tier, const Theme& theme) {
    switch (tier) {
        case NoticeTier::Extreme:
            return {IM_COL32(255, 210, 0, 255), IM_COL32(0, 0, 0, 255), IM_COL32(0, 0, 0, 255)};
        case NoticeTier::Severe:
            return {IM_COL32(150, 0, 24, 255), IM_COL32(255, 255, 255, 255), IM_COL32(255, 255, 255, 255)};
        case NoticeTier::Moderate:
            return {IM_COL32(242, 169, 0, 255), IM_COL32(0, 0, 0, 255), IM_COL32(0, 0, 0, 255)};
        case NoticeTier::Info:
            break;
    }
    return {theme.background, theme.text, theme.highlight};
}

void draw_notice_page(Canvas& c, const ViewStyle& s, int w, int h, const NoticePageText& p) {
    const NoticeColours col = notice_colours(p.tier, s.theme);
    Theme page_theme = s.theme;  // the QR caption and any muted text in the page's own colours
    page_theme.background = col.background;
    page_theme.text = page_theme.text_muted = col.text;
    const ViewStyle ps{page_theme, s.fonts, s.sizes, s.unit};
    const Fonts& f = s.fonts;
    canvas_rect(c, {0, 0, float(w), float(h)}, col.background);
    const float m = std::round(s.unit * 3.0f), gap = std::round(s.unit * 1.6f);
    Rect area{m, m, float(w) - m, float(h) - m};

    // Top: the label on a bar of the text colour (inverted), the count at the right.
    float bar_h = std::round(f.body_bold->FontSize * 1.5f);
    const float label_w = std::ceil(text_size(f.body_bold, p.label).x) + 2 * std::round(s.unit);
    canvas_rect(c, {area.x0, area.y0, area.x0 + label_w, area.y0 + bar_h}, col.text);
    canvas_text_in(c, f.body_bold, {area.x0, area.y0, area.x0 + label_w, area.y0 + bar_h}, col.background,
                   p.label, Align::Center);
    std::string right = p.count_line;
    if (!p.language.empty()) right = right.empty() ? p.language : p.language + " · " + right;
    const float right_x0 = area.x0 + label_w + gap;
    if (!right.empty() && text_size(f.small, right).x <= area.x1 - right_x0) {
        canvas_text_in(c, f.small, {right_x0, area.y0, area.x1, area.y0 + bar_h}, col.text, right,
                       Align::Right);
    } else if (!right.empty()) {  // no room beside the label: a line of its own under it
        area.y0 += bar_h + std::round(gap * 0.5f);
        bar_h = f.small->FontSize;
        draw_lines(c, f.small, area.x0, area.x1, area.y0, col.text, wrap_lines(f.small, right, area.w(), 1));
    }
    area.y0 += bar_h + gap;

    // Bottom: the sender and the times, up to two lines.
    const auto sender = wrap_lines(f.small, p.sender_line, area.w(), 0);
    const float sender_h = lines_h(f.small, sender.size());
    draw_lines(c, f.small, area.x0, area.x1, area.y1 - sender_h, col.text, sender);
    area.y1 -= sender_h + gap;
    canvas_rect(c, {area.x0, area.y1 + gap * 0.5f - 1, area.x1, area.y1 + gap * 0.5f + 1}, col.text);
    area.y1 -= gap * 0.5f;  // the code and the texts keep clear of the rule

    if (p.qr && qr_readable(p.qr->size, float(w), float(h)))
        area = draw_link(c, ps, area, *p.qr, p.qr_caption);

    const TextFit fit = fit_texts(f, p, area, gap);
    float y = area.y0 + std::max(0.0f, std::round((area.h() - fit.height) * 0.3f));
    draw_lines(c, fit.head, area.x0, area.x1, y, col.text, fit.head_lines);
    y += lines_h(fit.head, fit.head_lines.size()) + gap;
    draw_lines(c, fit.body, area.x0, area.x1, y, col.text, fit.body_lines);
    if (fit.height > area.h()) c.notes.push_back("notice page: headline and body do not fit");
}

namespace {

// The band's inner layout: the label column and the text lines beside it.
struct BandPlan {
    float label_w = 0;
    std::vector<std::string> lines;  // the headline on one line and the detail, or the headline alone
};

BandPlan plan_band(const ViewStyle& s, float width, const NoticeBandText& t) {
    const Fonts& f = s.fonts;
    const float gap = std::round(s.unit * 1.0f);
    BandPlan b;
    b.label_w = std::ceil(std::max(text_size(f.small, t.label).x, text_size(f.small, t.count).x));
    const float text_w = width - 2 * gap - b.label_w - gap;
    if (auto one = wrap_whole(f.small, t.headline, text_w, 1)) {
        b.lines = *one;
        if (text_size(f.small, t.detail).x <= text_w) b.lines.push_back(t.detail);
    } else {
        b.lines = wrap_lines(f.small, t.headline, text_w, 0);
    }
    b.lines.resize(std::max<std::size_t>(b.lines.size(), t.count.empty() ? 1 : 2));
    return b;
}

}  // namespace

Rect notice_band_rect(const SlideLayout& layout, const ViewStyle& s, float screen_h,
                      const NoticeBandText& t) {
    const float pad = std::round(s.unit * 0.5f);
    const BandPlan b = plan_band(s, layout.body.w(), t);
    const float want = std::ceil(lines_h(s.fonts.small, b.lines.size()) + 2 * pad);
    const float h = std::min(want, std::floor(screen_h / 8.0f));
    const float y1 = layout.footer.y0 - std::round(s.unit * 1.0f);
    return {layout.body.x0, y1 - h, layout.body.x1, y1};
}

void draw_notice_band(Canvas& c, const ViewStyle& s, Rect band, const NoticeBandText& t) {
    const NoticeColours col = notice_colours(NoticeTier::Moderate, s.theme);
    const Fonts& f = s.fonts;
    const float pad = std::round(s.unit * 0.5f), gap = std::round(s.unit * 1.0f);
    const BandPlan b = plan_band(s, band.w(), t);
    canvas_rect(c, band, col.background, std::round(s.unit * 0.3f));
    Rect in{band.x0 + gap, band.y0 + pad, band.x1 - gap, band.y1 - pad};
    draw_lines(
        c, f.small, in.x0, in.x0 + b.label_w, in.y0, col.text,
        t.count.empty() ? std::vector<std::string>{t.label} : std::vector<std::string>{t.label, t.count});
    canvas_rect(c, {in.x0 + b.label_w + gap * 0.5f - 1, in.y0, in.x0 + b.label_w + gap * 0.5f + 1, in.y1},
                col.text);
    in.x0 += b.label_w + gap;
    // As many lines as the band holds; the canvas check reports a headline that is cut.
    const std::size_t fit =
        std::size_t((in.h() - f.small->FontSize) / std::round(f.small->FontSize * kLineH)) + 1;
    std::vector<std::string> lines = b.lines;
    if (lines.size() > fit) {
        lines.resize(fit);
        c.notes.push_back("notice band: the headline does not fit");
    }
    draw_lines(c, f.small, in.x0, in.x1, in.y0, col.text, lines);
}
