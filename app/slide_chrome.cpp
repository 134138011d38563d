// The frame around every slide. Layout depends on the screen size only, never on the texts,
// so every slide of a playlist puts its title and its body in the same place: a viewer's eye
// does not have to hunt for the title when the slide changes.
#include "app/slide_chrome.h"

#include <algorithm>
#include <cmath>

#include "app/views/status_badge.h"

namespace {

struct ChromeMetrics {
    float unit, margin_x, top_pad, line_gap, header_gap, footer_gap, bottom_pad, progress_h;
};

ChromeMetrics chrome_metrics(int width, int height) {
    ChromeMetrics m;
    m.unit = float(std::max(1, std::min(width, height))) / 60.0f;
    m.margin_x = std::round(m.unit * 2.5f);
    m.top_pad = std::round(m.unit * 1.6f);
    m.line_gap = std::round(m.unit * 0.4f);
    m.header_gap = std::round(m.unit * 1.6f);  // header to body
    m.footer_gap = std::round(m.unit * 1.2f);  // body to footer
    m.bottom_pad = std::round(m.unit * 1.0f);
    m.progress_h = std::max(3.0f, std::round(m.unit * 0.35f));
    return m;
}

bool is_portrait(float w, float h) {
    return h > w * 1.05f;
}

constexpr float kTitleLineH = 1.1f;    // line pitch of a two-line title, in heading sizes
constexpr float kStatusLineH = 1.15f;  // line pitch of the footer's status lines
// The most of the landscape title line the clock takes: the rest is the title's, and a title
// needs about 0.6 of it to stay on one line. The clock shows the longest of its forms that fits.
constexpr float kClockShare = 0.35f;

// Two texts on one line: `right` is kept whole ("Data pr. 18. februar 2021": a cut date says
// nothing) unless it is wider than the line itself; `left` (the source) gets the rest and is
// the one shortened.
void draw_split_line(Canvas& c, const ImFont* font, Rect line, float gap, ImU32 left_color,
                     std::string_view left, ImU32 right_color, std::string_view right) {
    float right_w = 0;
    if (!right.empty()) {
        right_w = std::min(text_size(font, right).x, line.w());
        canvas_text_in(c, font, {line.x1 - right_w, line.y0, line.x1, line.y1}, right_color, right,
                       Align::Right);
    }
    const float left_x1 = right.empty() ? line.x1 : line.x1 - right_w - gap;
    if (!left.empty() && left_x1 - line.x0 >= font->FontSize * 3)
        canvas_text_in(c, font, {line.x0, line.y0, left_x1, line.y1}, left_color, left);
}

// A warning triangle with an exclamation mark: the stale note is not colour alone.
void draw_warning_icon(Canvas& c, const Theme& t, ImVec2 center, float r) {
    if (!c.dl) return;
    const ImVec2 a{center.x, center.y - r}, b{center.x + r * 1.1f, center.y + r * 0.85f},
        d{center.x - r * 1.1f, center.y + r * 0.85f};
    c.dl->AddTriangleFilled(a, b, d, t.partial);
    c.dl->AddLine({center.x, center.y - r * 0.4f}, {center.x, center.y + r * 0.3f}, t.on_badge,
                  std::max(1.5f, r * 0.22f));
    c.dl->AddCircleFilled({center.x, center.y + r * 0.6f}, std::max(1.0f, r * 0.13f), t.on_badge);
}

}  // namespace

SlideLayout slide_layout(int width, int height, const FontSizes& sizes) {
    const ChromeMetrics m = chrome_metrics(width, height);
    const float w = float(width), h = float(height);
    SlideLayout l;
    // Header: title, caption, and in portrait the clock on its own line under them. A portrait
    // screen is narrow but tall: the title may take two lines there rather than shrink.
    float header_h = sizes.heading + m.line_gap + sizes.body;
    // Portrait: a second title line, a second caption line and the clock's own line.
    if (is_portrait(w, h))
        header_h += sizes.heading * kTitleLineH + sizes.body * 1.15f + m.line_gap + sizes.small;
    l.header = {m.margin_x, m.top_pad, w - m.margin_x, m.top_pad + header_h};
    // Footer: two lines of small text (source + as-of; stale warning + position).
    l.progress = {0, h - m.progress_h, w, h};
    // Footer: the source line in fine print, then the status line (stale warning, position);
    // a portrait screen is too narrow for the warning on one line and gives it two.
    const int status_lines = is_portrait(w, h) ? 2 : 1;
    const float footer_h =
        sizes.fine + m.line_gap + sizes.small + float(status_lines - 1) * sizes.small * kStatusLineH;
    const float footer_y1 = l.progress.y0 - m.bottom_pad;
    l.footer = {m.margin_x, footer_y1 - footer_h, w - m.margin_x, footer_y1};
    l.body = {m.margin_x, l.header.y1 + m.header_gap, w - m.margin_x, l.footer.y0 - m.footer_gap};
    if (l.body.y1 < l.body.y0) l.body.y1 = l.body.y0;
    // Whole pixels: text is placed at whole pixels, and a fractional edge would let it stray.
    for (Rect* r : {&l.header, &l.body, &l.footer, &l.progress})
        *r = {std::round(r->x0), std::ceil(r->y0), std::round(r->x1), std::floor(r->y1)};
    return l;
}

void draw_chrome(Canvas& c, const ViewStyle& s, const SlideLayout& l, const ChromeText& text) {
    const Theme& t = s.theme;
    const Fonts& f = s.fonts;
    canvas_rect(c, c.bounds, t.background);
    const bool portrait = is_portrait(c.bounds.w(), c.bounds.h());
    const float gap = std::round(s.unit * 0.4f);
    const Rect& hd = l.header;
    const float title_h = f.heading->FontSize;

    // Title line: in landscape the clock shares it, right-aligned and quieter, in the longest
    // form that fits its share: whole, with the time, whatever the date. The title gets the rest.
    float title_x1 = hd.x1;
    if (!portrait && !text.clock.empty()) {
        const float room = hd.w() * kClockShare;
        const std::string clock = first_that_fits(f.small, text.clock, room);
        const float clock_w = std::min(text_size(f.small, clock).x, room);  // "kl. 23.59" fits any
        canvas_text_in(c, f.small, {hd.x1 - clock_w, hd.y0, hd.x1, hd.y0 + title_h}, t.text_muted, clock,
                       Align::Right);
        title_x1 = hd.x1 - clock_w - s.unit * 2;
    }
    float y = hd.y0;
    bool title_takes_caption = false;
    if (portrait) {
        // Two lines of the heading, or of the bold body font when the heading would cut it.
        const ImFont* font = fits_lines(f.heading, text.title, hd.w(), 2) ? f.heading : f.body_bold;
        const auto lines = wrap_lines(font, text.title, hd.w(), 2);
        const float pitch = font->FontSize * kTitleLineH;
        for (const auto& line : lines) {
            canvas_text(c, font, {hd.x0, std::round(y)}, t.text, line);
            y += pitch;
        }
        y += lines.empty() ? title_h : font->FontSize - pitch;
    } else if (text_size(f.body_bold, text.title).x <= title_x1 - hd.x0 ||
               !fits_lines(f.body_bold, text.title, title_x1 - hd.x0, 2)) {
        const ImFont* title_font = fit_font({f.heading, f.body_bold}, text.title, title_x1 - hd.x0);
        canvas_text_in(c, title_font, {hd.x0, hd.y0, title_x1, hd.y0 + title_h}, t.text, text.title);
        y += title_h;
    } else {
        // Too long for one line even in the body font: two lines, whole, in the caption's place.
        for (const auto& line : wrap_lines(f.body_bold, text.title, title_x1 - hd.x0, 2)) {
            canvas_text(c, f.body_bold, {hd.x0, std::round(y)}, t.text, line);
            y += f.body_bold->FontSize * kTitleLineH;
        }
        title_takes_caption = true;
    }
    y = std::round(y + gap);
    // In portrait the clock has the header's last line; a one-line title leaves its second
    // line to the caption.
    const float last_clock_y = hd.y1 - f.small->FontSize;
    const float caption_h = portrait ? std::max(f.body->FontSize, last_clock_y - gap - y) : f.body->FontSize;
    float used = f.body->FontSize;
    if (!text.caption.empty() && !title_takes_caption) {
        // Whole in the body font, else in the small one; cut only when neither holds it.
        const Rect box{hd.x0, y, hd.x1, y + caption_h};
        auto lines_in = [&](const ImFont* font) {
            return std::max(1, int((caption_h - font->FontSize) / (font->FontSize * 1.15f)) + 1);
        };
        const ImFont* font = fits_lines(f.body, text.caption, hd.w(), lines_in(f.body)) ? f.body : f.small;
        used = std::max(used, canvas_paragraph(c, font, box, t.text_muted, text.caption, lines_in(font)));
    }
    if (portrait && !text.clock.empty()) {  // right under the caption, however many lines it took;
                                            // the whole line's width, so the long form as a rule
        const float clock_y = std::min(last_clock_y, std::round(y + used + gap));
        canvas_text_in(c, f.small, {hd.x0, clock_y, hd.x1, clock_y + f.small->FontSize}, t.text_muted,
                       first_that_fits(f.small, text.clock, hd.w()));
    }

    // Hairlines: they set the header and footer apart without boxing the data in.
    const float hair = std::max(1.0f, std::round(s.unit * 0.12f));
    const float header_line_y = std::round((hd.y1 + l.body.y0) * 0.5f);
    canvas_rect(c, {hd.x0, header_line_y, hd.x1, header_line_y + hair}, t.panel_edge);
    const float footer_line_y = std::round((l.body.y1 + l.footer.y0) * 0.5f);
    canvas_rect(c, {hd.x0, footer_line_y, hd.x1, footer_line_y + hair}, t.panel_edge);

    // Footer: source and as-of; then the stale warning and the slide position.
    const Rect& ft = l.footer;
    const float sh = f.small->FontSize;
    draw_split_line(c, f.fine, {ft.x0, ft.y0, ft.x1, ft.y0 + f.fine->FontSize}, s.unit * 2, t.text_muted,
                    text.source, t.text_muted, text.as_of);
    const float status_y = ft.y0 + f.fine->FontSize + std::round(s.unit * 0.4f);
    const Rect line2{ft.x0, status_y, ft.x1, status_y + sh};
    if (!portrait || text.stale.empty()) {
        Rect stale_line = line2;
        if (!text.stale.empty()) {
            const float r = sh * 0.4f;
            draw_warning_icon(c, t, {line2.x0 + r * 1.1f, line2.y0 + sh * 0.52f}, r);
            stale_line.x0 += r * 2.2f + gap;
        }
        draw_split_line(c, f.small, stale_line, s.unit * 2, t.partial, text.stale, t.text_muted,
                        text.position);
        return;
    }
    // Portrait: the position at the right of the first status line, the warning wrapped
    // into two lines to its left.
    const float pos_w =
        text.position.empty() ? 0 : std::min(text_size(f.small, text.position).x, ft.w() * 0.3f);
    if (pos_w > 0)
        canvas_text_in(c, f.small, {ft.x1 - pos_w, line2.y0, ft.x1, line2.y1}, t.text_muted, text.position,
                       Align::Right);
    const float r = sh * 0.4f;
    draw_warning_icon(c, t, {line2.x0 + r * 1.1f, line2.y0 + sh * 0.52f}, r);
    const float x0 = line2.x0 + r * 2.2f + gap, x1 = ft.x1 - (pos_w > 0 ? pos_w + s.unit * 2 : 0);
    float y_line = line2.y0;
    for (const auto& line : wrap_lines(f.small, text.stale, x1 - x0, 2)) {
        canvas_text_in(c, f.small, {x0, y_line, x1, y_line + sh}, t.partial, line);
        y_line = std::round(y_line + sh * kStatusLineH);
    }
}

// The dark modules as whole-pixel squares, a row's run of them as one rectangle.
static void draw_qr_modules(Canvas& c, const QrCode& qr, ImVec2 origin, int px, ImU32 dark) {
    for (int y = 0; y < qr.size; ++y) {
        for (int x = 0; x < qr.size;) {
            if (!qr.is_dark(x, y)) {
                ++x;
                continue;
            }
            int end = x;
            while (end < qr.size && qr.is_dark(end, y)) ++end;
            canvas_rect(c,
                        {origin.x + float(x * px), origin.y + float(y * px), origin.x + float(end * px),
                         origin.y + float((y + 1) * px)},
                        dark);
            x = end;
        }
    }
}

Rect draw_link(Canvas& c, const ViewStyle& s, Rect body, const QrCode& qr, const std::string& caption) {
    const Fonts& f = s.fonts;
    const int px = qr_module_px(qr.size, qr_target_px(c.bounds.w(), c.bounds.h()));
    const float side = float((qr.size + 2 * kQrQuietZone) * px);
    const bool portrait = is_portrait(c.bounds.w(), c.bounds.h());
    const float gap = std::round(s.unit * 2.0f);
    const float lh = f.small->FontSize * 1.15f;
    // The caption's column: as wide as the code, or as its longest word, whichever is wider.
    float col_w = side;
    for (size_t i = 0; i < caption.size();) {
        size_t j = caption.find(' ', i);
        if (j == std::string::npos) j = caption.size();
        col_w = std::max(col_w, std::ceil(text_size(f.small, std::string_view(caption).substr(i, j - i)).x));
        i = j + 1;
    }
    Rect code, text_box, rest;
    if (portrait) {  // a band at the bottom: the code at the left, the caption beside it
        const float y0 = std::round(body.y1 - side);
        code = {body.x0, y0, body.x0 + side, y0 + side};
        text_box = {code.x1 + gap, y0, body.x1, body.y1};
        rest = {body.x0, body.y0, body.x1, y0 - gap};
    } else {  // a column at the right: the code, the caption under it
        const float x0 = std::round(body.x1 - col_w);
        code = {x0 + std::round((col_w - side) * 0.5f), body.y0, 0, body.y0 + side};
        code.x1 = code.x0 + side;
        text_box = {x0, code.y1 + std::round(s.unit * 0.8f), body.x1, body.y1};
        rest = {body.x0, body.y0, x0 - gap, body.y1};
    }
    canvas_rect(c, code, IM_COL32(255, 255, 255, 255));  // readers want dark on light
    draw_qr_modules(c, qr, {code.x0 + float(kQrQuietZone * px), code.y0 + float(kQrQuietZone * px)}, px,
                    IM_COL32(0, 0, 0, 255));
    const auto lines = wrap_lines(f.small, caption, text_box.w(), 0);
    const float text_h = lines.empty() ? 0 : lh * float(lines.size() - 1) + f.small->FontSize;
    float y = portrait ? std::round(text_box.y0 + (side - text_h) * 0.5f) : text_box.y0;
    for (const auto& line : lines) {
        canvas_text_in(c, f.small, {text_box.x0, y, text_box.x1, y + f.small->FontSize}, s.theme.text_muted,
                       line, portrait ? Align::Left : Align::Center);
        y += lh;
    }
    return rest;
}

void draw_no_data(Canvas& c, const ViewStyle& s, int width, int height, const ClockForms& clock) {
    draw_calm_page(c, s, width, height, clock, "Skærmen viser data igen, så snart de er tilgængelige",
                   kNoDataDetail);
}

void draw_calm_page(Canvas& c, const ViewStyle& s, int width, int height, const ClockForms& clock,
                    const std::string& headline, const std::string& reason) {
    const Theme& t = s.theme;
    const Fonts& f = s.fonts;
    const ChromeMetrics m = chrome_metrics(width, height);
    const float w = float(width), h = float(height);
    canvas_rect(c, {0, 0, w, h}, t.background);
    if (!clock.empty())
        canvas_text_in(c, f.small, {m.margin_x, m.top_pad, w - m.margin_x, m.top_pad + f.small->FontSize},
                       t.text_muted, first_that_fits(f.small, clock, w - 2 * m.margin_x), Align::Right);

    // A calm, centred message: a measure of about 22 heading characters reads as a sentence,
    // not as a banner.
    const float measure = std::min(w - 2 * m.margin_x, f.heading->FontSize * 14.0f);
    const auto head_lines = wrap_lines(f.heading, headline, measure, 3);
    const float head_lh = f.heading->FontSize * 1.15f;
    const float small_lh = f.small->FontSize * 1.15f;
    const float reason_w = std::min(w - 2 * m.margin_x, f.small->FontSize * 40.0f);
    const int reason_max = 5;
    const auto reason_lines = wrap_lines(f.small, reason, reason_w, reason_max);
    const float icon_r = f.heading->FontSize * 0.5f;
    const float icon_h = icon_r * 2 + m.unit * 2;
    const float head_h = head_lines.size() * head_lh;
    const float reason_h = reason_lines.empty() ? 0 : m.unit * 2 + reason_lines.size() * small_lh;
    const float top_limit = m.top_pad + f.small->FontSize + m.unit;
    float y = std::max(top_limit, std::round((h - icon_h - head_h - reason_h) * 0.5f));

    draw_status_icon(c, t, StatusIcon::Clock, {w * 0.5f, y + icon_r}, icon_r, t.text_muted);
    y += icon_h;
    for (const auto& line : head_lines) {
        canvas_text_in(c, f.heading, {(w - measure) * 0.5f, y, (w + measure) * 0.5f, y + f.heading->FontSize},
                       t.text, line, Align::Center);
        y += head_lh;
    }
    if (reason_lines.empty()) return;
    y += m.unit * 2;
    for (const auto& line : reason_lines) {
        if (y + f.small->FontSize > h - m.bottom_pad) break;  // a tiny screen: drop what does not fit
        canvas_text_in(c, f.small, {(w - reason_w) * 0.5f, y, (w + reason_w) * 0.5f, y + f.small->FontSize},
                       t.text_muted, line, Align::Center);
        y += small_lh;
    }
}
