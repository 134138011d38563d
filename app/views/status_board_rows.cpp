#include "app/views/status_board_rows.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "app/views/status_badge.h"

namespace {

std::string join_places(const std::vector<std::string>& places) {
    std::string out;
    for (const auto& p : places) out += (out.empty() ? "" : ", ") + p;
    return out;
}

}  // namespace

bool has_digit(std::string_view text) {
    return std::any_of(text.begin(), text.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
}

namespace {

// Lines of `font` that fit `h`, at the paragraph pitch of canvas_paragraph().
int lines_in(const ImFont* font, float h) {
    return h < font->FontSize ? 0 : 1 + int((h - font->FontSize) / (font->FontSize * 1.15f));
}

// The cost, right-aligned from the top of `box` (its first line level with the name). A figure
// is bold; a long one wraps rather than being cut ("50 mio. kr. til" / "driftsforsøg"), and
// when even that is too long the figure stays bold and the rest follows small ("10 mio. kr."
// / "til opstart i DOT; parkering derudover"). Words without a figure are a remark, drawn
// quietly. `bold` is the figure's font: bold in its own column, regular when stacked under the
// (bold) name, where a bold cost would read as the name's second line. Returns the bottom of
// what was drawn.
float draw_cost(Canvas& c, const ViewStyle& s, Rect box, const std::string& cost, Align align,
                const ImFont* bold) {
    const ImFont* small = s.fonts.small;
    const float body = bold->FontSize;
    const Rect first{box.x0, box.y0, box.x1, box.y0 + body};
    // Small text starts where it sits centred on the first (body) line.
    const Rect small_box{box.x0, box.y0 + std::floor((body - small->FontSize) * 0.5f), box.x1, box.y1};
    if (cost.empty()) {
        canvas_text_in(c, small, first, s.theme.text_muted, "pris ikke oplyst", align);
        return first.y1;
    }
    if (!has_digit(cost))
        return small_box.y0 + canvas_paragraph(c, small, small_box, s.theme.text_muted, cost, 0, align);
    if (text_size(bold, cost).x <= box.w()) {
        canvas_text_in(c, bold, first, s.theme.text, cost, align);
        return first.y1;
    }
    // The figure: up to and including the first "kr.".
    const size_t kr = cost.find("kr.");
    if (kr != std::string::npos && kr + 3 < cost.size()) {
        const std::string head = cost.substr(0, kr + 3);
        std::string_view tail = std::string_view(cost).substr(kr + 3);
        while (!tail.empty() && (tail.front() == ' ' || tail.front() == ';' || tail.front() == ','))
            tail.remove_prefix(1);
        const float gap = std::round(s.unit * 0.3f);
        const Rect rest{box.x0, first.y1 + gap, box.x1, box.y1};
        if (text_size(bold, head).x <= box.w() && lines_in(small, rest.h()) >= 1) {
            canvas_text_in(c, bold, first, s.theme.text, head, align);
            return rest.y0 + canvas_paragraph(c, small, rest, s.theme.text_muted, tail, 0, align);
        }
    }
    if (const auto lines = wrap_lines(bold, cost, box.w(), 0);
        lines_whole(lines, cost) && int(lines.size()) <= lines_in(bold, box.h()))
        return box.y0 + canvas_paragraph(c, bold, box, s.theme.text, cost, 0, align);
    return small_box.y0 + canvas_paragraph(c, small, small_box, s.theme.text, cost, 0, align);
}

float bottom_of(const Canvas& c, size_t from, float y) {
    for (size_t i = from; i < c.texts.size(); ++i) y = std::max(y, c.texts[i].box.y1);
    return y;
}

// The name in bold with its kind icon in front, wrapped under itself (a hanging indent).
float name_indent(const ViewStyle& s, const Geometry& g) {
    return g.icons ? s.fonts.body->FontSize + std::round(s.unit * 0.8f) : 0;
}

float draw_name(Canvas& c, const ViewStyle& s, const Geometry& g, float x0, float x1, float y,
                const feeds::Project& p) {
    const float icon = s.fonts.body->FontSize;
    if (p.kind != feeds::ProjectKind::Other)
        draw_kind_icon(c, s.theme, p.kind, {x0, y, x0 + icon, y + icon}, s.theme.text_muted);
    x0 += name_indent(s, g);
    return y + canvas_paragraph(c, s.fonts.body_bold, {x0, y, x1, y + kOpen}, s.theme.text, p.name);
}

constexpr std::string_view kHomeTag = "Din kommune ·";

// The places, small and quiet; "Din kommune ·" in the accent colour in front when they
// include --home. Returns the bottom (y when there is nothing to say).
float draw_places(Canvas& c, const ViewStyle& s, float x0, float x1, float y, const Row& r, bool all = true) {
    const std::string places = join_places(r.p->places);
    if (places.empty() || (!all && !r.home)) return y;
    const ImFont* f = s.fonts.small;
    const std::string text = !all ? "Din kommune" : r.home ? std::string(kHomeTag) + " " + places : places;
    const auto lines = wrap_lines(f, text, x1 - x0, 0);
    const float lh = f->FontSize * 1.15f;
    for (size_t i = 0; i < lines.size(); ++i) {
        const std::string& l = lines[i];
        const float ly = std::floor(y + lh * float(i));
        if (i == 0 && r.home && l.size() > kHomeTag.size() && l.compare(0, kHomeTag.size(), kHomeTag) == 0) {
            canvas_text(c, f, {std::floor(x0), ly}, s.theme.highlight, kHomeTag);
            const float dx = text_size(f, std::string(kHomeTag) + " ").x;
            canvas_text(c, f, {std::floor(x0 + dx), ly}, s.theme.text_muted, l.substr(kHomeTag.size() + 1),
                        l.find("\xE2\x80\xA6") != std::string::npos);
        } else {
            const bool tag = r.home && (l == kHomeTag || !all);
            canvas_text_in(c, f, {x0, ly, x1, ly + f->FontSize}, tag ? s.theme.highlight : s.theme.text_muted,
                           l);
        }
    }
    return lines.empty() ? y : y + lh * float(lines.size() - 1) + f->FontSize;
}

// One project's content from `y` down; returns the bottom of what was drawn.
float draw_wide(Canvas& c, const ViewStyle& s, const Geometry& g, float y, const Row& r) {
    const size_t from = c.texts.size();
    const float body = s.fonts.body->FontSize, small = s.fonts.small->FontSize;
    float name_y1 = draw_name(c, s, g, g.a0, g.a1, y, *r.p);
    const bool has_words = !r.p->status_text.empty() && g.detail >= 1;
    if (has_words && g.words_under_name) {
        const float x0 = g.a0 + name_indent(s, g), wy = name_y1 + g.line_gap;
        name_y1 = wy + canvas_paragraph(c, s.fonts.small, {x0, wy, g.a1, wy + kOpen}, s.theme.text_muted,
                                        r.p->status_text);
    }
    draw_places(c, s, g.a0 + name_indent(s, g), g.a1, name_y1 + g.line_gap, r, g.detail >= 2);
    const bool words = has_words && !g.words_under_name && g.b1 > g.b0;
    float words_x0 = g.b0, words_y = y + std::floor((body - small) * 0.5f);  // small text level with the name
    if (g.show_phase) {
        const float badge_w = draw_status_label(c, s.theme, s.fonts.body, {g.b0, y},
                                                phase_look(s.theme, r.p->phase), g.b1 - g.b0);
        // The words on the badge's line when they fit there whole: the row stays one line tall.
        const float beside = std::round(g.b0 + badge_w + s.unit);
        if (words && beside + text_size(s.fonts.small, r.p->status_text).x <= g.b1)
            words_x0 = beside;
        else
            words_y = y + body + g.line_gap;
    }
    float words_x1 = g.b1;
    if (g.show_cost) {
        const float cost_y1 =
            draw_cost(c, s, {g.c0, y, g.c1, y + kOpen}, r.cost, Align::Right, s.fonts.body_bold);
        // the words run on under a one-line cost
        if (words_x0 == g.b0 && cost_y1 <= words_y + 0.5f) words_x1 = g.c1;
    }
    if (words)
        canvas_paragraph(c, s.fonts.small, {words_x0, words_y, words_x1, words_y + kOpen}, s.theme.text_muted,
                         r.p->status_text);
    return bottom_of(c, from, y);
}

// Stacked, `words_inline` (a small screen): name, then badge, with the words and the cost on
// those two lines where they fit whole: words between badge and cost, or after the name, or
// (the cost on the name's line) after the badge. Returns the bottom, or -1 when they fit on
// none (nothing drawn: the words then get their own line).
float draw_stacked_inline(Canvas& c, const ViewStyle& s, const Geometry& g, float y, const Row& r) {
    const Fonts& f = s.fonts;
    const float name_w = text_size(f.body_bold, r.p->name).x, x0 = g.a0 + name_indent(s, g);
    if (x0 + name_w > g.a1) return -1;  // a wrapped name: no room on its line
    const float w = g.a1 - g.a0, gap = std::round(s.unit), body = f.body->FontSize;
    const float words_w = text_size(f.small, r.p->status_text).x;
    const float cost_w =
        !g.show_cost
            ? 0
            : text_size(has_digit(r.cost) ? f.body : f.small, r.cost.empty() ? "pris ikke oplyst" : r.cost).x;
    const StatusLook look = phase_look(s.theme, r.p->phase);
    const float badge_w = draw_status_label(c, s.theme, f.body, {0, 0}, look, 1e9f, "", true);
    const float line2 = y + body + g.line_gap, name_end = x0 + name_w + gap;
    const bool cost_low = badge_w + g.col_gap + cost_w <= w;  // the cost on the badge's line
    ImVec2 words_at{-1, 0};
    bool cost_high = false;  // the cost on the name's line
    if (cost_low && badge_w + gap + words_w + g.col_gap + cost_w <= w)
        words_at = {g.a0 + badge_w + gap, line2};
    else if (cost_low && name_end + words_w <= g.a1)
        words_at = {name_end, y};
    else if (name_end + g.col_gap + cost_w <= g.a1 && badge_w + gap + words_w <= w)
        words_at = {g.a0 + badge_w + gap, line2}, cost_high = true;
    if (words_at.x < 0) return -1;
    const size_t from = c.texts.size();
    draw_name(c, s, g, g.a0, g.a1, y, *r.p);
    draw_status_label(c, s.theme, f.body, {g.a0, line2}, look, w);
    const float cy = cost_high ? y : line2;
    if (g.show_cost) draw_cost(c, s, {g.a1 - cost_w, cy, g.a1, cy + kOpen}, r.cost, Align::Right, f.body);
    const float dy = std::floor((body - f.small->FontSize) * 0.5f);
    canvas_text(c, f.small, {std::round(words_at.x), words_at.y + dy}, s.theme.text_muted, r.p->status_text);
    return bottom_of(c, from, line2);
}

float draw_stacked(Canvas& c, const ViewStyle& s, const Geometry& g, float y, const Row& r) {
    const size_t from = c.texts.size();
    const Fonts& f = s.fonts;
    const bool words = !r.p->status_text.empty() && g.detail >= 1;
    if (words && g.words_inline && g.show_phase) {
        const float bottom = draw_stacked_inline(c, s, g, y, r);
        if (bottom >= 0) {
            draw_places(c, s, g.a0, g.a1, bottom + g.line_gap, r, g.detail >= 2);
            return bottom_of(c, from, bottom);
        }
    }
    y = draw_name(c, s, g, g.a0, g.a1, y, *r.p) + g.line_gap;
    const ImFont* cost_font = has_digit(r.cost) ? f.body : f.small;
    const float cost_w = text_size(cost_font, r.cost.empty() ? "pris ikke oplyst" : r.cost).x;
    if (g.show_phase) {
        const StatusLook look = phase_look(s.theme, r.p->phase);
        const float badge_w = draw_status_label(c, s.theme, f.body, {0, 0}, look, 1e9f, "", true);
        draw_status_label(c, s.theme, f.body, {g.a0, y}, look, g.a1 - g.a0);
        if (g.show_cost && badge_w + g.col_gap + cost_w <= g.a1 - g.a0) {
            draw_cost(c, s, {g.a0 + badge_w + g.col_gap, y, g.a1, y + kOpen}, r.cost, Align::Right, f.body);
        } else if (g.show_cost) {
            const float cy = y + f.body->FontSize + g.line_gap;
            draw_cost(c, s, {g.a0, cy, g.a1, cy + kOpen}, r.cost, Align::Left, f.body);
        }
        y = bottom_of(c, from, y) + g.line_gap;
    } else if (g.show_cost) {
        y = draw_cost(c, s, {g.a0, y, g.a1, y + kOpen}, r.cost, Align::Left, f.body) + g.line_gap;
    }
    if (words)
        y += canvas_paragraph(c, f.small, {g.a0, y, g.a1, y + kOpen}, s.theme.text_muted, r.p->status_text) +
             g.line_gap;
    draw_places(c, s, g.a0, g.a1, y, r, g.detail >= 2);
    return bottom_of(c, from, y);
}

}  // namespace

float draw_row_content(Canvas& c, const ViewStyle& s, const Geometry& g, float y, const Row& r) {
    return g.stacked ? draw_stacked(c, s, g, y, r) : draw_wide(c, s, g, y, r);
}
