// The chrome's layout. It depends on the screen size only, never on the texts, so every slide of
// a playlist puts its title and its body in the same place: a viewer's eye does not have to
// hunt for the title when the slide changes. The texts only choose fonts, forms and line breaks.
#include "app/slide_chrome_plan.h"

#include <algorithm>
#include <cmath>

namespace {

constexpr float kTitleLineH = 1.1f;    // line pitch of a two-line title, in heading sizes
constexpr float kStatusLineH = 1.15f;  // line pitch of the footer's status lines
// The most of the landscape title line the clock takes: the rest is the title's, and a title
// needs about 0.6 of it to stay on one line. The clock shows the longest of its forms that fits.
constexpr float kClockShare = 0.35f;

using Lines = std::vector<ChromeLine>;

// A line of text drawn as it is at `top_left` (a wrapped line: whole by construction).
ChromeLine whole_line(ChromeLine::Role role, const ImFont* font, ImVec2 top_left, std::string text) {
    const float w = text_size(font, text).x;
    return {role,
            font,
            {top_left.x, top_left.y, top_left.x + w, top_left.y + font->FontSize},
            std::move(text),
            Align::Left,
            true};
}

// Two texts on one line: `right` is kept whole ("Data pr. 18. februar 2021": a cut date says
// nothing) unless it is wider than the line itself; `left` (the source) gets the rest and is
// the one shortened, or left out when less than three font sizes remain.
void split_line(Lines& out, const ImFont* font, Rect line, float gap, ChromeLine::Role left_role,
                const std::string& left, ChromeLine::Role right_role, const std::string& right) {
    float right_w = 0;
    if (!right.empty()) {
        right_w = std::min(text_size(font, right).x, line.w());
        out.push_back(
            {right_role, font, {line.x1 - right_w, line.y0, line.x1, line.y1}, right, Align::Right});
    }
    const float left_x1 = right.empty() ? line.x1 : line.x1 - right_w - gap;
    if (!left.empty() && left_x1 - line.x0 >= font->FontSize * 3)
        out.push_back({left_role, font, {line.x0, line.y0, left_x1, line.y1}, left});
}

// Landscape: the clock at the right of the title line, quieter, in the longest form that fits
// its share (whole, with the time, whatever the date). Returns where the title must end.
float plan_side_clock(Lines& out, const ViewStyle& s, Rect hd, const ClockForms& clock) {
    const Fonts& f = s.fonts;
    const float room = hd.w() * kClockShare;
    const std::string form = first_that_fits(f.small, clock, room);
    const float clock_w = std::min(text_size(f.small, form).x, room);  // "kl. 23.59" fits any
    out.push_back({ChromeLine::Clock,
                   f.small,
                   {hd.x1 - clock_w, hd.y0, hd.x1, hd.y0 + f.heading->FontSize},
                   form,
                   Align::Right});
    return hd.x1 - clock_w - s.unit * 2;
}

// The title from the header's top, ending at `x1`. Returns the y under it; sets `takes_caption`
// when a long landscape title needs the caption's line too.
float plan_title(Lines& out, const Fonts& f, Rect hd, float x1, bool portrait, const std::string& title,
                 bool& takes_caption) {
    const float title_h = f.heading->FontSize;
    float y = hd.y0;
    takes_caption = false;
    if (portrait) {
        // Two lines of the heading, or of the bold body font when the heading would cut it. A
        // portrait screen is narrow but tall: the title may take two lines there rather than shrink.
        const ImFont* font = fits_lines(f.heading, title, hd.w(), 2) ? f.heading : f.body_bold;
        const auto lines = wrap_lines(font, title, hd.w(), 2);
        const float pitch = font->FontSize * kTitleLineH;
        for (const auto& line : lines) {
            out.push_back(whole_line(ChromeLine::Title, font, {hd.x0, std::round(y)}, line));
            y += pitch;
        }
        return y + (lines.empty() ? title_h : font->FontSize - pitch);
    }
    const float room = x1 - hd.x0;
    if (text_size(f.body_bold, title).x <= room || !fits_lines(f.body_bold, title, room, 2)) {
        const ImFont* font = fit_font({f.heading, f.body_bold}, title, room);
        out.push_back({ChromeLine::Title, font, {hd.x0, hd.y0, x1, hd.y0 + title_h}, title});
        return y + title_h;
    }
    // Too long for one line even in the body font: two lines, whole, in the caption's place.
    for (const auto& line : wrap_lines(f.body_bold, title, room, 2)) {
        out.push_back(whole_line(ChromeLine::Title, f.body_bold, {hd.x0, std::round(y)}, line));
        y += f.body_bold->FontSize * kTitleLineH;
    }
    takes_caption = true;
    return y;
}

// The caption from `y`: whole in the body font, else in the small one; cut only when neither
// holds it. In portrait it may use the lines down to the clock's. Returns the height used.
float plan_caption(Lines& out, const Fonts& f, Rect hd, float y, float height, const std::string& caption) {
    const Rect box{hd.x0, y, hd.x1, y + height};
    auto lines_in = [&](const ImFont* font) {
        return std::max(1, int((height - font->FontSize) / (font->FontSize * 1.15f)) + 1);
    };
    const ImFont* font = fits_lines(f.body, caption, hd.w(), lines_in(f.body)) ? f.body : f.small;
    const ParagraphLines p = paragraph_lines(font, box, caption, lines_in(font));
    for (std::size_t i = 0; i < p.lines.size(); ++i)
        out.push_back({ChromeLine::Caption, font, p.boxes[i], p.lines[i]});
    return p.height;
}

void plan_header(ChromePlan& p, const ViewStyle& s, Rect hd, const ChromeText& text) {
    const Fonts& f = s.fonts;
    const float gap = std::round(s.unit * 0.4f);
    const float title_x1 =
        !p.portrait && !text.clock.empty() ? plan_side_clock(p.header, s, hd, text.clock) : hd.x1;
    bool title_takes_caption = false;
    float y = plan_title(p.header, f, hd, title_x1, p.portrait, text.title, title_takes_caption);
    y = std::round(y + gap);
    // In portrait the clock has the header's last line; a one-line title leaves its second
    // line to the caption.
    const float last_clock_y = hd.y1 - f.small->FontSize;
    const float caption_h =
        p.portrait ? std::max(f.body->FontSize, last_clock_y - gap - y) : f.body->FontSize;
    float used = f.body->FontSize;
    if (!text.caption.empty() && !title_takes_caption)
        used = std::max(used, plan_caption(p.header, f, hd, y, caption_h, text.caption));
    if (p.portrait && !text.clock.empty()) {  // right under the caption, however many lines it
                                              // took; the whole line's width, so the long form as a rule
        const float clock_y = std::min(last_clock_y, std::round(y + used + gap));
        p.header.push_back({ChromeLine::Clock,
                            f.small,
                            {hd.x0, clock_y, hd.x1, clock_y + f.small->FontSize},
                            first_that_fits(f.small, text.clock, hd.w())});
    }
}

// Portrait with a stale warning: the position at the right of the first status line, the
// warning wrapped into two lines to its left (after the icon).
void plan_portrait_status(ChromePlan& p, const ViewStyle& s, Rect ft, Rect line, float text_x0,
                          const ChromeText& text) {
    const ImFont* small = s.fonts.small;
    const float pos_w =
        text.position.empty() ? 0 : std::min(text_size(small, text.position).x, ft.w() * 0.3f);
    if (pos_w > 0)
        p.footer.push_back({ChromeLine::Position,
                            small,
                            {ft.x1 - pos_w, line.y0, ft.x1, line.y1},
                            text.position,
                            Align::Right});
    p.warning_after = p.footer.size();
    const float x1 = ft.x1 - (pos_w > 0 ? pos_w + s.unit * 2 : 0);
    float y = line.y0;
    for (const auto& l : wrap_lines(small, text.stale, x1 - text_x0, 2)) {
        p.footer.push_back({ChromeLine::Stale, small, {text_x0, y, x1, y + small->FontSize}, l});
        y = std::round(y + small->FontSize * kStatusLineH);
    }
}

// Source and as-of on the first line; then the stale warning (its icon first: the warning is
// not colour alone) and the slide's position.
void plan_footer(ChromePlan& p, const ViewStyle& s, Rect ft, const ChromeText& text) {
    const Fonts& f = s.fonts;
    const float sh = f.small->FontSize;
    split_line(p.footer, f.fine, {ft.x0, ft.y0, ft.x1, ft.y0 + f.fine->FontSize}, s.unit * 2,
               ChromeLine::Source, text.source, ChromeLine::AsOf, text.as_of);
    const float status_y = ft.y0 + f.fine->FontSize + std::round(s.unit * 0.4f);
    Rect line{ft.x0, status_y, ft.x1, status_y + sh};
    if (!text.stale.empty()) {
        p.warning_r = sh * 0.4f;
        p.warning_at = {line.x0 + p.warning_r * 1.1f, line.y0 + sh * 0.52f};
        p.warning_after = p.footer.size();
    }
    const float gap = std::round(s.unit * 0.4f);
    if (p.portrait && !text.stale.empty())
        return plan_portrait_status(p, s, ft, line, line.x0 + p.warning_r * 2.2f + gap, text);
    if (!text.stale.empty()) line.x0 += p.warning_r * 2.2f + gap;
    split_line(p.footer, f.small, line, s.unit * 2, ChromeLine::Stale, text.stale, ChromeLine::Position,
               text.position);
}

}  // namespace

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

bool chrome_portrait(float w, float h) {
    return h > w * 1.05f;
}

SlideLayout slide_layout(int width, int height, const FontSizes& sizes) {
    const ChromeMetrics m = chrome_metrics(width, height);
    const float w = float(width), h = float(height);
    const bool portrait = chrome_portrait(w, h);
    SlideLayout l;
    // Header: title, caption; portrait adds a second title line, a second caption line and the
    // clock's own line.
    float header_h = sizes.heading + m.line_gap + sizes.body;
    if (portrait) header_h += sizes.heading * kTitleLineH + sizes.body * 1.15f + m.line_gap + sizes.small;
    l.header = {m.margin_x, m.top_pad, w - m.margin_x, m.top_pad + header_h};
    l.progress = {0, h - m.progress_h, w, h};
    // Footer: the source line in fine print, then the status line (stale warning, position);
    // a portrait screen is too narrow for the warning on one line and gives it two.
    const int status_lines = portrait ? 2 : 1;
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

ChromePlan plan_chrome(const ViewStyle& s, Rect bounds, const SlideLayout& l, const ChromeText& text) {
    ChromePlan p;
    p.portrait = chrome_portrait(bounds.w(), bounds.h());
    plan_header(p, s, l.header, text);
    // Hairlines: they set the header and footer apart without boxing the data in.
    const float hair = std::max(1.0f, std::round(s.unit * 0.12f));
    const float header_y = std::round((l.header.y1 + l.body.y0) * 0.5f);
    p.header_rule = {l.header.x0, header_y, l.header.x1, header_y + hair};
    const float footer_y = std::round((l.body.y1 + l.footer.y0) * 0.5f);
    p.footer_rule = {l.header.x0, footer_y, l.header.x1, footer_y + hair};
    plan_footer(p, s, l.footer, text);
    return p;
}
