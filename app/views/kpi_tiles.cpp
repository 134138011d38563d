// Key figures as tiles: one big number per tile, read from across the lobby.
//
//   Ledighed                      label (body, up to 2 lines)
//   2,3 %                         value (display font, shrinking to heading / body bold)
//   2021                          its own period, when the footer's "Data pr." is another (small)
//   ▼ −43 % siden december 2020   change: a drawn triangle, not a glyph, plus the words
//   Mål: 3 %                      target
//   laveste siden 2008            note (small)
//
// Nothing that carries meaning is cut: the label wraps (up to three lines, in the small font
// when the body font needs more), and a part that does not fit whole is left out, in this
// order: note, target, change, period. The grid is the one whose tiles show the most, whole: in a
// portrait screen that is usually one full-width column, not a squeezed landscape grid.
#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "app/danish_format.h"
#include "app/view.h"
#include "app/views/bar_layout.h"
#include "app/views/kpi_tiles_plan.h"

static void draw_change_arrow(Canvas& c, const ViewStyle& s, const ImFont* font, float x, float y, int dir,
                              ImU32 color);

// The parts plan_optional_parts kept, from `y` down between x0 and x1: the change with its
// arrow and the target in p.part_font, the note in the small font.
static void draw_tile_parts(Canvas& c, const ViewStyle& s, const TilePlan& p, float x0, float x1, float y) {
    const Theme& t = s.theme;
    const ImFont* font = p.part_font ? p.part_font : s.fonts.body;
    const ImFont* small = s.fonts.small;
    const float gap = s.unit * 0.6f;
    for (const auto& l : p.period_lines) {
        canvas_text_in(c, small, {x0, y, x1, y + small->FontSize}, t.text_muted, l);
        y += kpi_line_h(small);
    }
    if (!p.change_lines.empty()) {
        y += gap;
        const float arrow_w = font->FontSize * 0.9f;
        draw_change_arrow(c, s, font, x0, y, p.change_dir, t.text);
        for (const auto& l : p.change_lines) {
            canvas_text_in(c, font, {x0 + arrow_w, y, x1, y + font->FontSize}, t.text, l);
            y += kpi_line_h(font);
        }
    }
    if (!p.target.empty()) {
        canvas_text_in(c, font, {x0, y, x1, y + font->FontSize}, t.text_muted, p.target);
        y += kpi_line_h(font);
    }
    if (!p.note_lines.empty()) {
        y += gap * 0.5f;
        for (const auto& l : p.note_lines) {
            canvas_text_in(c, small, {x0, y, x1, y + small->FontSize}, t.text_muted, l);
            y += kpi_line_h(small);
        }
    }
}

static void draw_side_tile(Canvas& c, const ViewStyle& s, Rect tile, const TilePlan& p) {
    const Theme& t = s.theme;
    const Fonts& f = s.fonts;
    const float pad = kSidePad * s.unit;  // a low row: less padding, more room for text
    const float gap = s.unit * 0.6f;
    canvas_rect(c, tile, t.panel, s.unit * 0.6f);
    if (p.highlight) canvas_rect_outline(c, tile, t.highlight, s.unit * 0.6f, std::max(2.0f, s.unit * 0.3f));
    const float x0 = tile.x0 + pad, x1 = tile.x1 - pad;
    const float inner_h = tile.h() - pad * 2;
    // The figure, centred in the tile's height.
    const float left_h = p.big->FontSize + (p.unit.empty() ? 0 : kpi_line_h(p.unit_font));
    float y = std::floor(tile.y0 + pad + std::max(0.0f, (inner_h - left_h) * 0.5f));
    canvas_text_in(c, p.big, {x0, y, x0 + p.text_x, y + p.big->FontSize}, p.highlight ? t.highlight : t.text,
                   p.number);
    if (!p.unit.empty())
        canvas_text_in(c, p.unit_font,
                       {x0, y + p.big->FontSize, x0 + p.text_x, y + p.big->FontSize + p.unit_font->FontSize},
                       t.text_muted, p.unit);
    // The text column, centred too.
    float text_h = kpi_line_h(p.label_font) * float(p.label_lines.size());
    text_h += kpi_line_h(f.small) * float(p.period_lines.size());
    if (!p.change_lines.empty()) text_h += gap + kpi_line_h(f.small) * float(p.change_lines.size());
    if (!p.target.empty()) text_h += kpi_line_h(f.small);
    if (!p.note_lines.empty()) text_h += gap * 0.5f + kpi_line_h(f.small) * float(p.note_lines.size());
    const float tx = x0 + p.text_x;
    y = std::floor(tile.y0 + pad + std::max(0.0f, (inner_h - text_h) * 0.5f));
    for (const auto& l : p.label_lines) {
        canvas_text_in(c, p.label_font, {tx, y, x1, y + p.label_font->FontSize}, t.text, l);
        y += kpi_line_h(p.label_font);
    }
    draw_tile_parts(c, s, p, tx, x1, y);
}

// ▲ or ▼ (or a flat bar for "unchanged") sitting on the text line that starts at `y`.
static void draw_change_arrow(Canvas& c, const ViewStyle&, const ImFont* font, float x, float y, int dir,
                              ImU32 color) {
    const float fs = font->FontSize;
    const float size = fs * 0.55f;
    const float cx = x + size * 0.5f, cy = y + fs * 0.55f;
    if (dir > 0)
        canvas_triangle(c, {cx, cy - size * 0.5f}, {cx + size * 0.55f, cy + size * 0.45f},
                        {cx - size * 0.55f, cy + size * 0.45f}, color);
    else if (dir < 0)
        canvas_triangle(c, {cx - size * 0.55f, cy - size * 0.45f}, {cx + size * 0.55f, cy - size * 0.45f},
                        {cx, cy + size * 0.5f}, color);
    else
        canvas_rect(c, {cx - size * 0.5f, cy - size * 0.1f, cx + size * 0.5f, cy + size * 0.1f}, color);
}

static void draw_tile(Canvas& c, const ViewStyle& s, Rect tile, const TilePlan& p) {
    const Theme& t = s.theme;
    const Fonts& f = s.fonts;
    const float pad = s.unit * 1.5f;
    const float gap = s.unit * 0.6f;
    canvas_rect(c, tile, t.panel, s.unit * 0.6f);
    // A highlighted tile is framed (a shape) and its number coloured: never colour alone.
    if (p.highlight) canvas_rect_outline(c, tile, t.highlight, s.unit * 0.6f, std::max(2.0f, s.unit * 0.3f));
    const float x0 = tile.x0 + pad, x1 = tile.x1 - pad;
    float y = tile.y0 + p.pad_y + std::max(0.0f, (tile.h() - p.pad_y * 2 - p.block) * 0.5f);

    for (const auto& l : p.label_lines) {
        canvas_text_in(c, p.label_font, {x0, y, x1, y + p.label_font->FontSize}, t.text, l);
        y += kpi_line_h(p.label_font);
    }
    y += gap;
    const float nw = canvas_text_in(c, p.big, {x0, y, x1, y + p.big->FontSize},
                                    p.highlight ? t.highlight : t.text, p.number);
    if (!p.unit.empty()) {
        if (p.unit_below) {
            canvas_text_in(c, p.unit_font,
                           {x0, y + p.big->FontSize, x1, y + p.big->FontSize + p.unit_font->FontSize},
                           t.text_muted, p.unit);
        } else {
            // On the number's baseline, so "1.207 forløb" reads as one figure.
            const float uy = std::floor(y + p.big->Ascent - f.body->Ascent);
            canvas_text_in(c, f.body, {x0 + nw + f.body->FontSize * 0.3f, uy, x1, uy + f.body->FontSize},
                           t.text_muted, p.unit);
        }
    }
    y += p.big->FontSize + (p.unit_below ? kpi_line_h(f.body) : 0);
    draw_tile_parts(c, s, p, x0, x1, y);
}

void draw_kpi_tiles(Canvas& c, const ViewStyle& s, Rect area, const feeds::IndicatorSet& data,
                    const ViewInput& in) {
    const KpiPlan p = plan_kpi_tiles(s, area, data, in.slide.options, in.as_of);
    if (p.empty) return draw_no_items(c, s, area);
    if (p.note) draw_hidden_note(c, s, p.note_area, p.shown, p.total, "nøgletal");
    c.left_out.insert(c.left_out.end(), p.left_out.begin(), p.left_out.end());
    for (size_t i = 0; i < p.tiles.size(); ++i) {
        if (p.plans[i].side)
            draw_side_tile(c, s, p.tiles[i], p.plans[i]);
        else
            draw_tile(c, s, p.tiles[i], p.plans[i]);
    }
}
