#include "app/map/common.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "app/map/simplify.h"
#include "app/views/view_kit.h"

const ImFont* floor_font(const ViewStyle& s, const Canvas& c, bool bold) {
    // The small font meets the text-size floor by construction (font_sizes_for); the body is
    // the smallest bold one.
    const float need = c.min_cap_height - 0.01f;
    if (!bold && cap_height(s.fonts.small) >= need) return s.fonts.small;
    if (cap_height(s.fonts.body) >= need) return bold ? s.fonts.body_bold : s.fonts.body;
    return s.fonts.heading;
}

Rect draw_map_attribution(Canvas& c, const ViewStyle& s, Rect area) {
    const ImFont* f = s.fonts.fine;  // fine print, like the source line
    // The boundary file's attribution, shortened only as far as the width needs.
    const char* texts[] = {"Kommunegrænser: Geodatastyrelsen og Danske Kommuner (DAGI)",
                           "Kommunegrænser: Geodatastyrelsen og Danske Kommuner",
                           "Kort: Geodatastyrelsen og Danske Kommuner"};
    std::string text = texts[2];
    for (const char* t : texts)
        if (text_size(f, t).x <= area.w()) {
            text = t;
            break;
        }
    const float h = f->FontSize;
    const Rect line{area.x0, std::floor(area.y1 - h), area.x1, std::floor(area.y1 - h) + h};
    canvas_text_in(c, f, line, s.theme.text_muted, text, Align::Right);
    return {area.x0, area.y0, area.x1, line.y0 - s.unit * 0.5f};
}

ImVec2 map_label_size(const ViewStyle& s, const Canvas& c, const MapLabel& l) {
    const ImFont* b = floor_font(s, c, true);
    const ImFont* r = floor_font(s, c, false);
    const float halo = label_halo(b);
    float w = text_size(b, l.first).x;
    float h = b->FontSize;
    if (!l.second.empty()) {
        w = std::max(w, text_size(r, l.second).x);
        h += r->FontSize;
    }
    return {std::ceil(w + 2 * halo), std::ceil(h + 2 * halo)};
}

float label_halo(const ImFont* f) {
    return std::max(1.5f, std::round(f->FontSize * 0.07f));
}

void draw_halo_text(Canvas& c, const ImFont* f, ImVec2 pos, ImU32 color, ImU32 halo_color, float halo,
                    std::string_view text) {
    if (c.dl) {
        const std::string t(text);
        for (float dx : {-halo, 0.0f, halo})
            for (float dy : {-halo, 0.0f, halo})
                if (dx != 0 || dy != 0)
                    c.dl->AddText(const_cast<ImFont*>(f), f->FontSize, {pos.x + dx, pos.y + dy}, halo_color,
                                  t.c_str());
    }
    canvas_text(c, f, pos, color, text);
}

void draw_map_label(Canvas& c, const ViewStyle& s, Rect box, const MapLabel& l) {
    const ImFont* b = floor_font(s, c, true);
    const ImFont* r = floor_font(s, c, false);
    const float halo = label_halo(b);
    const ImU32 col = l.emphasised ? s.theme.highlight : s.theme.text;
    const float cx = (box.x0 + box.x1) / 2, y0 = box.y0 + halo;
    draw_halo_text(c, b, {std::floor(cx - text_size(b, l.first).x / 2), y0}, col, s.theme.background, halo,
                   l.first);
    if (!l.second.empty())
        draw_halo_text(c, r, {std::floor(cx - text_size(r, l.second).x / 2), y0 + b->FontSize}, col,
                       s.theme.background, halo, l.second);
}

MapPaint base_paint(const Theme& t, const MapGeometry& g, float unit) {
    MapPaint p;
    p.fill.resize(g.areas.size());
    for (std::size_t i = 0; i < g.areas.size(); ++i)
        p.fill[i] = g.areas[i].focus ? IM_COL32(0x33, 0x42, 0x5C, 0xFF) : IM_COL32(0x24, 0x2E, 0x40, 0xFF);
    p.border_inner = t.background;
    p.border_region = IM_COL32(0x8A, 0x97, 0xAD, 0xFF);
    p.border_context = IM_COL32(0x36, 0x42, 0x58, 0xFF);
    p.w_inner = std::max(1.0f, unit * 0.12f);
    p.w_region = std::max(1.0f, unit * 0.16f);
    p.w_context = std::max(1.0f, unit * 0.08f);
    p.emphasis = t.text;
    p.w_emphasis = std::max(2.0f, unit * 0.4f);
    return p;
}

std::string paint_key(const MapPaint& p) {
    std::string k;
    char buf[16];
    for (ImU32 c : p.fill) {
        std::snprintf(buf, sizeof buf, "%08x", c);
        k += buf;
    }
    for (int e : p.emphasised) k += "|" + std::to_string(e);
    return k;
}

void draw_map_layer(Canvas& c, const ViewInput& in, const MapGeometry& g, const MapFit& fit, Rect map,
                    const MapPaint& paint, const std::string& key, ImU32 background, const MapDrawFn& extra) {
    const MapDrawFn draw = [&](ImDrawList* dl, ImVec2 shift) {
        const auto arcs = simplified_arcs(g, fit.scale);
        draw_map_base(dl, g, arcs, fit, shift, paint);
        if (extra) extra(dl, shift);
    };
    if (!c.dl) return;
    if (in.map && in.map->layer) {
        char size[64];
        std::snprintf(size, sizeof size, "|%.0f,%.0f,%.0f,%.0f|%.6g", map.x0, map.y0, map.x1, map.y1,
                      fit.scale);
        if (ImTextureID t = in.map->layer(key + size + paint_key(paint), map, draw)) {
            c.dl->AddImage(t, map.min(), map.max());
            return;
        }
    }
    (void)background;
    c.dl->PushClipRect(map.min(), map.max(), true);
    draw(c.dl, {0, 0});
    c.dl->PopClipRect();
}

const MapGeometry* map_geometry_of(Canvas& c, const ViewInput& in) {
    if (in.map && in.map->geometry) return in.map->geometry;
    c.notes.push_back("slide \"" + in.slide.id + "\": no map geometry" +
                      (in.map && !in.map->error.empty() ? ": " + in.map->error : std::string()));
    return nullptr;
}

MapViewStart start_map_view(Canvas& c, const ViewStyle& s, Rect area, const ViewInput& in) {
    MapViewStart start;
    start.geometry = map_geometry_of(c, in);
    if (start.geometry) start.body = pixel_inner(draw_map_attribution(c, s, area));
    return start;
}
