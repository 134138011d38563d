// The frame around every slide, drawn from its plan (slide_chrome_plan.cpp), the slide's link
// and the calm whole-screen pages.
#include "app/slide_chrome.h"

#include <algorithm>
#include <cmath>

#include "app/views/status_badge.h"

namespace {

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

ImU32 line_color(const Theme& t, ChromeLine::Role role) {
    if (role == ChromeLine::Title) return t.text;
    return role == ChromeLine::Stale ? t.partial : t.text_muted;
}

// lines[from, to) of a plan.
void draw_lines(Canvas& c, const Theme& t, const std::vector<ChromeLine>& lines, std::size_t from,
                std::size_t to) {
    for (std::size_t i = from; i < to; ++i) {
        const ChromeLine& l = lines[i];
        if (l.whole)
            canvas_text(c, l.font, l.box.min(), line_color(t, l.role), l.text);
        else
            canvas_text_in(c, l.font, l.box, line_color(t, l.role), l.text, l.align);
    }
}

}  // namespace

void draw_chrome(Canvas& c, const ViewStyle& s, const SlideLayout& l, const ChromeText& text) {
    const Theme& t = s.theme;
    const ChromePlan p = plan_chrome(s, c.bounds, l, text);
    canvas_rect(c, c.bounds, t.background);
    draw_lines(c, t, p.header, 0, p.header.size());
    canvas_rect(c, p.header_rule, t.panel_edge);
    canvas_rect(c, p.footer_rule, t.panel_edge);
    draw_lines(c, t, p.footer, 0, p.warning_after);  // the icon drawn between the same lines as ever
    if (p.warning_r > 0) draw_warning_icon(c, t, p.warning_at, p.warning_r);
    draw_lines(c, t, p.footer, p.warning_after, p.footer.size());
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
    const bool portrait = chrome_portrait(c.bounds.w(), c.bounds.h());
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
